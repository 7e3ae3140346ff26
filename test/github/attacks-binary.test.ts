// Files GitHub lists without a patch and without line counts (binary to GitHub: NUL bytes, a file
// saved as UTF-16, or a `-diff` / `binary` attribute the PR itself can add): through the API
// prguard reads their content at the head, as git mode reads a binary blob, so a key in one is
// found, never passed unseen.
import { describe, expect, test } from 'vitest';
import { rng, sample } from '../helpers/secret-samples.ts';
import type { FakeFile } from './fake-github.ts';
import { addedPatch, fakeServers, reportOf, runAction } from './scenario.ts';

const start = fakeServers();
const MERGE_BASE = '9'.repeat(40);
const KEY = sample('github-classic-pat', rng(31)).text;
const smallTest: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(1).toBe(1));"]) };

describe.concurrent('files GitHub shows as binary', () => {
  test('a key in a file saved as UTF-16 (binary to GitHub: no patch, no counts) is found through the API', async () => {
    const text = `public static class Keys {\n  public const string Token = "${KEY}";\n}\n`;
    const utf16 = Buffer.from(text, 'utf16le').toString('latin1');
    const { server, event } = await start({
      files: [smallTest, { filename: 'src/Keys.cs', status: 'added', additions: 0, deletions: 0 }],
      head: { 'src/Keys.cs': utf16 },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(reportOf(run).findings.find((f) => f.ruleId === 'secret-leakage')).toMatchObject({ path: 'src/Keys.cs', line: 2, severity: 'error' });
    expect(run.stdout + run.summary + JSON.stringify(server.checkRuns)).not.toContain(KEY);
  });

  test('a `-diff` attribute cannot hide a key: the text GitHub shows no diff of is diffed against the merge base and counted', async () => {
    const before = 'export const a = 1;\nexport const b = 2;\n';
    const after = `export const a = 1;\nexport const token = "${KEY}";\nexport const b = 2;\n`;
    const { server, event } = await start({
      files: [
        smallTest,
        { filename: '.gitattributes', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['src/config.ts -diff']) },
        { filename: 'src/config.ts', status: 'modified', additions: 0, deletions: 0 },
      ],
      mergeBase: { sha: MERGE_BASE, files: { 'src/config.ts': before } },
      head: { 'src/config.ts': after, '.gitattributes': 'src/config.ts -diff\n' },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    const report = reportOf(run);
    expect(report.findings.find((f) => f.ruleId === 'secret-leakage')).toMatchObject({ path: 'src/config.ts', line: 2, severity: 'error' });
    // Only the added line counts: the base's own lines are not reported as new.
    expect(report.findings.filter((f) => f.ruleId === 'secret-leakage')).toHaveLength(1);
  });

  test('a mode change (the same text at both commits) is no binary file and reports nothing', async () => {
    const text = 'echo build\n';
    const { server, event } = await start({
      files: [smallTest, { filename: 'scripts/build.sh', status: 'modified', additions: 0, deletions: 0 }],
      mergeBase: { sha: MERGE_BASE, files: { 'scripts/build.sh': text } },
      head: { 'scripts/build.sh': text },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(reportOf(run).findings.filter((f) => f.ruleId === 'secret-leakage')).toEqual([]);
    expect(run.outputs.errors).toBe('0');
  });

  test('a test file with a zero byte is a binaryTest error through the API too; an empty new test file is none', async () => {
    const { server, event } = await start({
      files: [
        { filename: 'src/util.ts', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-export const a = 1;\n+export const a = 2;' },
        { filename: 'src/util.test.ts', status: 'modified', additions: 0, deletions: 0 },
        { filename: 'src/empty.test.ts', status: 'added', additions: 0, deletions: 0 },
      ],
      head: { 'src/util.test.ts': "it('a', () => {\0 expect(a).toBe(2); });\n", 'src/empty.test.ts': '' },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    const tests = reportOf(run).findings.filter((f) => f.ruleId === 'tests-touched' && f.severity === 'error');
    expect(tests.map((f) => f.path)).toEqual(['src/util.test.ts']);
    expect(run.code).toBe(1);
  });

  test('a binary file that cannot be read at the head is reported as not scanned, never passed (an error where credentials live)', async () => {
    const { server, event } = await start({
      files: [smallTest, { filename: 'certs/site.p12', status: 'added', additions: 0, deletions: 0 }],
      // GitHub lists it, but the contents API does not have it at the head.
      head: {},
    });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    const finding = reportOf(run).findings.find((f) => f.ruleId === 'secret-leakage');
    expect(finding).toMatchObject({ path: 'certs/site.p12', severity: 'error' });
    expect(finding!.message).toMatch(/^Could not scan certs\/site\.p12 for secrets: GitHub shows it without a diff, and certs\/site\.p12 is not in commit 222222222222\./);
  });
});
