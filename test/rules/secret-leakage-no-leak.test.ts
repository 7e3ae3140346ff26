// No output ever contains a detected secret: a change full of secrets (one per catalogue pattern,
// in files, a commit message, the PR title and the PR body) goes through the engine and every
// formatter in the registry, and through the built CLI with every --format.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import type { ChangeSet, FileChange } from '../../src/model.ts';
import { defaultPolicy } from '../../src/policy/index.ts';
import { formatters } from '../../src/report/index.ts';
import { allRules } from '../../rules/index.ts';
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { rng, sample, type Sample } from '../helpers/secret-samples.ts';

const r = rng(2026);
const samples: Sample[] = catalogue.map((p) => sample(p.id, r));
const inline = samples.filter((s) => !s.text.includes('\n'));
const inCommit = inline.slice(0, 8);
const inBody = inline.slice(8, 16);
const inTitle = inline[16] as Sample;

const files: FileChange[] = samples.map((s) => file(`secrets/${s.id}.txt`, { status: 'added', added: `value: ${s.text}`.split('\n') }));
const message = `Add service configuration\n\nTested with:\n${inCommit.map((s) => `  ${s.text}`).join('\n')}\n`;
const body = `## Summary\n\nCredentials used while testing:\n\n${inBody.map((s) => `- ${s.text}`).join('\n')}\n`;
const title = `Configure ${inTitle.text}`;

/** Problems if any secret, or any 12-character piece of one past its shown preview, is in `out`. */
function leaks(out: string): string[] {
  const found: string[] = [];
  for (const s of samples) {
    if (out.includes(s.secret)) {
      found.push(`${s.id}: whole secret`);
      continue;
    }
    for (let i = 4; i + 12 <= s.secret.length; i += 4) {
      if (out.includes(s.secret.slice(i, i + 12))) {
        found.push(`${s.id}: characters ${i}..${i + 12}`);
        break;
      }
    }
  }
  return found;
}

describe('secret-leakage never leaks a secret', () => {
  const changeSet: ChangeSet = change({ files, commits: [commit(message, { sha: 'c0ffee0000000000000000000000000000000001' })], pr: pr({ title, body }) });
  const report = runEngine({ change: changeSet, policy: defaultPolicy(allRules), rules: allRules, ai: { assisted: false, agents: [], evidence: [], source: 'none' } });
  const secretFindings = report.findings.filter((f) => f.ruleId === 'secret-leakage');

  it('has a leak detector that sees whole and partial secrets', () => {
    expect(leaks(samples.map((s) => s.secret).join(' '))).toHaveLength(samples.length);
    expect(leaks(samples.map((s) => s.secret.slice(3, 20)).join(' '))).toHaveLength(samples.length);
  });

  it('finds every planted secret', () => {
    expect(secretFindings.length).toBeGreaterThanOrEqual(samples.length + inCommit.length + inBody.length + 1);
    expect(secretFindings.filter((f) => f.message.includes('the message of commit c0ffee0'))).toHaveLength(inCommit.length);
    expect(secretFindings.filter((f) => f.message.includes('the PR description'))).toHaveLength(inBody.length);
    expect(secretFindings.filter((f) => f.message.includes('the PR title'))).toHaveLength(1);
  });

  it.each(Object.keys(formatters))('engine + %s formatter: no secret in the output', (name) => {
    const out = (formatters[name] as (typeof formatters)[string])(report, { color: name === 'text', rules: allRules.map((r) => r.meta) });
    expect(out.length).toBeGreaterThan(0);
    expect(out).toContain('secret-leakage');
    expect(leaks(out)).toEqual([]);
  });

  const dir = tempDir('prguard-noleak-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const patch = [
    'From c0ffee0000000000000000000000000000000001 Mon Sep 17 00:00:00 2001',
    'From: Dev <dev@example.com>',
    'Date: Thu, 26 Nov 2026 09:00:00 +0000',
    `Subject: [PATCH] ${message.split('\n')[0]}`,
    '',
    message.split('\n').slice(2).join('\n'),
    '---',
    ...samples.flatMap((s) => {
      const lines = `value: ${s.text}`.split('\n');
      return [
        `diff --git a/secrets/${s.id}.txt b/secrets/${s.id}.txt`,
        'new file mode 100644',
        'index 0000000..1111111',
        '--- /dev/null',
        `+++ b/secrets/${s.id}.txt`,
        `@@ -0,0 +1,${lines.length} @@`,
        ...lines.map((l) => `+${l}`),
      ];
    }),
    '-- ',
    '2.43.0',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'change.patch'), patch);
  writeFileSync(join(dir, 'body.md'), body);

  it.each(Object.keys(formatters))('built CLI --format %s: no secret on stdout or stderr', (name) => {
    const res = runCli(['check', '--diff', 'change.patch', '--pr-title', title, '--pr-body', 'body.md', '--format', name], { cwd: dir });
    expect(res.code, res.stderr).toBe(1);
    expect(res.stdout).toContain('secret-leakage');
    expect(leaks(res.stdout)).toEqual([]);
    expect(leaks(res.stderr)).toEqual([]);
  });

  it('the CLI reports the secrets of the commit message and the PR body too', () => {
    const res = runCli(['check', '--diff', 'change.patch', '--pr-title', title, '--pr-body', 'body.md', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(res.stdout) as { findings: { ruleId: string; message: string }[] };
    const mine = json.findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(mine.filter((f) => f.message.includes('the message of commit c0ffee0'))).toHaveLength(inCommit.length);
    expect(mine.filter((f) => f.message.includes('the PR description'))).toHaveLength(inBody.length);
    expect(mine.length).toBeGreaterThanOrEqual(samples.length + inCommit.length + inBody.length + 1);
  });
});
