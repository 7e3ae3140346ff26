// The same verdict locally as on the pull request. Every case is a branch of a real repository,
// pushed (once or twice) through the installed pre-push hook, checked with `prguard check`, and
// run through the Action (dist/action.js on Node 24) against the fake GitHub serving the same
// pull request. `check` given the PR's description and labels finds exactly what the Action
// finds; the push finds what `check` finds without them; and every Action finding is in the push
// either as it is or as a notice "decided on the pull request".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Finding, Report } from '../../src/model.ts';
import { runMain } from '../cli/in-process.ts';
import { fakeServers, HUMAN_BODY, reportOf, runAction } from '../github/scenario.ts';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { listCommits, listFiles, treeAt } from './git-pr.ts';

const POLICY = [
  'version: 1',
  'extends: recommended',
  'rules:',
  '  pr-size:',
  '    severity: error',
  '    max-lines: 12',
  '  ai-disclosure: error',
  '  protected-paths:',
  '    paths:',
  '      - pattern: /src/auth/',
  '        allow-labels: [security]',
  '',
].join('\n');

const lines = (n: number, what: string) => Array.from({ length: n }, (_, i) => `export const ${what}${i} = ${i};`).join('\n') + '\n';

interface Case {
  name: string;
  /** Commits pushed one push each: path -> content. */
  pushes: Record<string, string>[];
  body: string | null;
  labels: string[];
}

const cases: Case[] = [
  { name: 'a small change disclosed in the PR description', pushes: [{ 'src/x.ts': lines(3, 'x') }], body: HUMAN_BODY, labels: [] },
  { name: 'a branch pushed twice that grows past pr-size', pushes: [{ 'src/x.ts': lines(8, 'x') }, { 'src/y.ts': lines(8, 'y') }], body: HUMAN_BODY, labels: [] },
  { name: 'a protected path unlocked by its label', pushes: [{ 'src/auth/login.ts': lines(2, 'a') }], body: HUMAN_BODY, labels: ['security'] },
  { name: 'a protected path without its label', pushes: [{ 'src/auth/login.ts': lines(2, 'a') }], body: HUMAN_BODY, labels: [] },
  { name: 'a workflow change no label unlocks', pushes: [{ '.github/workflows/ci.yml': 'on: push\n' }], body: HUMAN_BODY, labels: [] },
  { name: 'a pull request without a description', pushes: [{ 'src/x.ts': lines(2, 'x') }], body: null, labels: [] },
];

type Key = string;
const key = (f: Pick<Finding, 'ruleId' | 'severity' | 'path' | 'line'>): Key => `${f.ruleId} ${f.severity} ${f.path ?? '-'}${f.line === undefined ? '' : `:${f.line}`}`;
const keys = (findings: readonly Finding[]): Key[] => findings.map(key).sort();

/** The findings of the pre-push hook's text output (the format a developer sees). */
function parsePush(output: string): { findings: (Finding & { deferredText: boolean })[]; header: string[] } {
  const findings: (Finding & { deferredText: boolean })[] = [];
  const header: string[] = [];
  let rule = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('prguard · ')) header.push(line.replace(/ · policy: .*$/, ''));
    if (/^[a-z][a-z-]+$/.test(line)) rule = line;
    const m = /^ {2}(error|warning|notice) +(?:(\S+) {2})?(.*)$/.exec(line);
    if (!m) continue;
    const [path, at] = (m[2] ?? '').split(/:(?=\d+$)/);
    findings.push({
      ruleId: rule,
      severity: m[1] as Finding['severity'],
      message: m[3]!,
      ...(path ? { path } : {}),
      ...(at ? { line: Number(at) } : {}),
      deferredText: m[3]!.startsWith('Decided on the pull request'),
    });
  }
  return { findings, header };
}

async function checkJson(repo: Repo, args: string[]): Promise<Report> {
  const r = await runMain(['check', ...args, '-f', 'json'], { cwd: repo.dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}

const start = fakeServers();

describe('the same verdict: check, pre-push through the hook, and the Action', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const repo = Repo.init('main');
    repo.commit('base', { '.github/prguard.yml': POLICY, 'src/a.ts': lines(2, 'a'), 'test/a.test.ts': 'test\n' });
    repo.addOrigin('main');
    linkPrguard(repo);
    expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
    repo.git('checkout', '-q', '-b', 'feature');
    let push = { code: 0, output: '' };
    for (const [i, files] of c.pushes.entries()) {
      repo.commit(`Step ${i + 1}`, files);
      push = gitRun(repo, 'push', '-q', 'origin', 'feature');
    }
    const head = repo.git('rev-parse', 'HEAD').trim();
    const base = repo.git('merge-base', 'origin/main', head).trim();

    const bodyFile = join(repo.dir, '.git', 'pr-body.md');
    if (c.body !== null) writeFileSync(bodyFile, c.body);
    const prFlags = [...(c.body !== null ? ['--pr-body', bodyFile] : ['--pr-body', '/dev/null']), ...c.labels.flatMap((l) => ['--label', l])];
    const withPr = await checkJson(repo, ['--base', base, '--head', head, ...prFlags]);
    const local = await checkJson(repo, ['--base', base, '--head', head]);

    const { server, event } = await start({
      files: listFiles(repo, base, head),
      commits: listCommits(repo, base, head),
      shas: { base, head },
      base: treeAt(repo, base),
      head: treeAt(repo, head),
      pr: { body: c.body, labels: c.labels, headRef: 'feature' },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    const action = reportOf(run);

    // check with the PR's data is the Action.
    expect(keys(withPr.findings)).toEqual(keys(action.findings));
    expect(withPr.stats).toEqual(action.stats);
    // The push saw the range the pull request shows, and found what check finds without PR data.
    const pushed = parsePush(push.output);
    expect(pushed.header.at(-1)).toBe(`prguard · ${action.stats.files} file${action.stats.files === 1 ? '' : 's'} changed (+${action.stats.additions} −${action.stats.deletions})`);
    expect(keys(pushed.findings)).toEqual(keys(local.findings));
    expect(pushed.findings.map((f) => f.deferredText).sort()).toEqual(local.findings.map((f) => f.deferred !== undefined).sort());
    // Every finding of the pull request is in the push as it is, or deferred to the pull request.
    for (const f of action.findings) {
      const same = pushed.findings.some((p) => key(p) === key(f));
      const deferred = pushed.findings.some((p) => p.deferredText && p.ruleId === f.ruleId && p.path === f.path);
      expect(same || deferred, key(f)).toBe(true);
    }
    // Nothing blocks the push that the pull request would let through.
    const pushErrors = pushed.findings.filter((f) => f.severity === 'error').map(key);
    for (const e of pushErrors) expect(keys(action.findings)).toContain(e);
    expect(push.code !== 0).toBe(pushErrors.length > 0);
    repo.remove();
  });
});
