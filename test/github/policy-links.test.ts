// The Action reading through the contents API (no checkout) follows a symlinked directory on the
// policy's way at the base, as git does (test/git/reader-links.test.ts): GitHub answers "Not Found"
// for a path under a symlinked directory, which was taken for no policy, so the embedded default
// judged the change and passed what the lead's policy fails.
import { describe, expect, test } from 'vitest';
import type { FakeFile } from './fake-github.ts';
import { addedPatch, fakeServers, reportOf, runAction } from './scenario.ts';

const start = fakeServers();
const STRICT = 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 1\n';
const files: FakeFile[] = [
  { filename: 'src/a.ts', status: 'added', additions: 3, deletions: 0, patch: addedPatch(['a', 'b', 'c']) },
  { filename: 'src/a.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(1).toBe(1));"]) },
];

describe.concurrent('a symlinked directory on the policy path, through the API', () => {
  test('.github -> tools/github: the policy there judges the change', async () => {
    const { server, event } = await start({ files, base: { 'tools/github/prguard.yml': STRICT }, links: { base: { '.github': 'tools/github' } } });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    const report = reportOf(run);
    expect(report.policy).toEqual({ path: '.github/prguard.yml', source: 'base' });
    expect(report.findings.find((f) => f.ruleId === 'pr-size')).toMatchObject({ severity: 'error' });
    expect(run.code).toBe(1);
  });

  test('a .github that leads outside the repository is an error, not the default policy', async () => {
    const { server, event } = await start({ files, links: { base: { '.github': '../elsewhere' } } });
    const run = await runAction(server, event);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('.github is a symlink that points outside the repository');
  });

  test('a plain .github directory without a policy: the default applies, after one look at .github', async () => {
    const { server, event } = await start({ files, base: { '.github/CODEOWNERS': '* @octo\n' } });
    const run = await runAction(server, event);
    expect(run.code).toBe(0);
    expect(reportOf(run).policy).toMatchObject({ source: 'default' });
    const dirReads = server.calls('repos/get-content').filter((r) => decodeURIComponent(r.path).endsWith('/contents/.github'));
    expect(dirReads).toHaveLength(1);
  });
});
