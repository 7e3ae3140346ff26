// `prguard check --format sarif` and `--output FILE` through the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { defaultRuleDocsUrl } from '../../src/report/docs.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { NEW_FILE_DIFF, runCli, tempDir } from '../helpers/repo.ts';
import { validateSarif } from '../helpers/sarif-schema.ts';

const diff = NEW_FILE_DIFF;

const POLICY = 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 2\n';

describe('check --format sarif --output FILE', () => {
  it('writes a schema-valid SARIF log to the file and nothing to stdout', () => {
    const dir = tempDir();
    const input = { 'change.diff': diff, 'p.yml': POLICY };
    for (const [name, text] of Object.entries(input)) writeFileSync(join(dir, name), text);
    const r = runCli(['check', '--diff', 'change.diff', '--policy', 'p.yml', '--format', 'sarif', '--output', 'out/prguard.sarif'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'out', 'prguard.sarif'), 'utf8')) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((d) => d.id)).toEqual(allRules.map((x) => x.meta.id));
    const result = run.results!.find((x) => x.ruleId === 'pr-size')!;
    expect(result.level).toBe('error');
    // pr-size is about the whole change: anchored at the policy file in force.
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('p.yml');
    expect(run.tool.driver.rules![result.ruleIndex!]!.helpUri).toMatch(/\/rules\/pr-size\/README\.md$/);
  });

  it('writes the Action markdown report: verdict, a table per rule, links to the rule docs', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), diff);
    writeFileSync(join(dir, 'p.yml'), POLICY);
    const r = runCli(['check', '--diff', 'change.diff', '--policy', 'p.yml', '--format', 'markdown', '-o', 'summary.md'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md).toBe(formatMarkdown(JSON.parse(runCli(['check', '--diff', 'change.diff', '--policy', 'p.yml', '--format', 'json'], { cwd: dir }).stdout)));
    expect(md).toMatch(/\*\*Failed\*\*/);
    expect(md).toContain(`](${defaultRuleDocsUrl('pr-size')})`);
    expect(md).toContain('\n| Severity | Location | Message |\n| --- | --- | --- |\n| ❌ error | — | This pull request changes 3 lines');
  });

  it('writes text without colour to a file, even when colour is forced', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), diff);
    const r = runCli(['check', '--diff', 'change.diff', '-o', 'report.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(text).toContain('prguard');
    expect(text).not.toContain('\u001b[');
  });

  it('exits 2 when the output file cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), diff);
    writeFileSync(join(dir, 'file'), 'x');
    const r = runCli(['check', '--diff', 'change.diff', '--output', 'file/report.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write the report to file/report.json');
  });

  it.each([
    { severity: 'warning', failOn: 'warning', code: 1, text: '✖ 0 errors, 1 warning: failing (warnings fail this check)', md: '❌ **Failed** — 1 warning (warnings fail this check)\n' },
    { severity: 'warning', failOn: 'error', code: 0, text: '⚠ 0 errors, 1 warning: passing (no errors)', md: '✅ **Passed** — 1 warning\n' },
    { severity: 'error', failOn: 'never', code: 0, text: '⚠ 1 error, 0 warnings: passing (errors do not fail this check)', md: '✅ **Passed** — 1 error (errors do not fail this check)\n' },
    { severity: 'error', failOn: 'error', code: 1, text: '✖ 1 error, 0 warnings: failing', md: '❌ **Failed** — 1 error\n' },
  ])('every verdict agrees with the exit code: a $severity under --fail-on $failOn', ({ severity, failOn, code, text, md }) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), diff);
    writeFileSync(join(dir, 'p.yml'), POLICY.replace('severity: error', `severity: ${severity}`));
    const run = (format: string) => runCli(['check', '--diff', 'change.diff', '--policy', 'p.yml', '--fail-on', failOn, '-f', format], { cwd: dir });
    const t = run('text');
    expect(t.code).toBe(code);
    expect(t.stdout.trimEnd().split('\n').at(-1)).toBe(text);
    const j = run('json');
    expect(j.code).toBe(code);
    expect((JSON.parse(j.stdout) as { conclusion: string }).conclusion).toBe(code === 1 ? 'failure' : 'success');
    expect(run('markdown').stdout).toContain(md);
    const sarif = JSON.parse(run('sarif').stdout) as Sarif.Log;
    expect(sarif.runs[0]!.properties!.conclusion).toBe(code === 1 ? 'failure' : 'success');
  });
});

describe('check --format sarif past code scanning limits', () => {
  it('writes the 5,000 most severe of 25,001 findings, says so on stderr and in the file, and keeps the exit code', () => {
    // 25,001 new files under .github/workflows (protected by the built-in entries: one error
    // each), and 25,001 lines over pr-size's limit: GitHub would reject all of it.
    const n = 25_001;
    const files = Array.from({ length: n }, (_, i) => {
      const path = `.github/workflows/w${i}.yml`;
      return `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+on: push\n`;
    });
    const dir = tempDir();
    writeFileSync(join(dir, 'big.diff'), files.join(''));
    const sarif = runCli(['check', '--diff', 'big.diff', '--format', 'sarif', '-o', 'out.sarif'], { cwd: dir, killAfterMs: 120_000 });
    const json = runCli(['check', '--diff', 'big.diff', '--format', 'json'], { cwd: dir, killAfterMs: 120_000 });
    const all = (JSON.parse(json.stdout) as { findings: { severity: string }[] }).findings;
    expect(all.length).toBeGreaterThan(25_000);
    expect(sarif.code).toBe(json.code);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(5_000);
    expect(run.results!.every((r) => r.level === 'error')).toBe(true);
    expect(run.properties!.conclusion).toBe('failure');
    expect(run.properties!.resultsLeftOut).toBe(all.length - 5_000);
    const said = run.invocations![0]!.toolExecutionNotifications![0]!.message.text;
    expect(said).toContain(`${all.length - 5_000} of ${all.length} findings`);
    expect(said).toContain('failure');
    expect(sarif.stderr).toBe(`prguard: ${said}\n`);
    expect(sarif.stdout).toBe('');
  });
});
