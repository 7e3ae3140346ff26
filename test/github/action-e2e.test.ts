// End to end: the bundled dist/action.js run as a subprocess against the contract-validating
// fake GitHub server, one scenario per test. Scenarios that need findings from particular rules
// are in action-rules-e2e.test.ts.
import { describe, expect, test } from 'vitest';
import type { FakeFile } from './fake-github.ts';
import { addedPatch, fakeServers, HEAD_SHA, reportOf, runAction, type ActionRun } from './scenario.ts';

const start = fakeServers();

// A source file with its test: clean under the default policy.
const small: FakeFile = { filename: 'src/util.ts', status: 'added', additions: 2, deletions: 0, patch: addedPatch(['export const a = 1;', 'export const b = 2;']) };
const smallTest: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(a).toBe(1));"]) };

/** Lines of the log that are not debug output. */
function log(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((l) => l && !l.startsWith('::debug::'));
}

describe.concurrent('the Action against a fake GitHub', () => {
  test('a clean PR passes: a success check run on the head commit, outputs, summary', async () => {
    const { server, event } = await start({ files: [small, smallTest] });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success', errors: '0', warnings: '0', 'ai-assisted': 'false' });
    expect(reportOf(run)).toMatchObject({ conclusion: 'success', stats: { files: 2, additions: 3, deletions: 0 } });
    expect(server.checkRuns).toHaveLength(1);
    const [check] = server.checkRuns;
    expect(check.request).toMatchObject({ name: 'prguard', head_sha: HEAD_SHA, status: 'completed', conclusion: 'success' });
    expect(check.request.external_id).toBe(`prguard:prguard:Codertocat/Hello-World#2@${HEAD_SHA}`);
    expect(run.summary).toContain('✅ **Passed** — no findings');
    // No policy at the base: the embedded default applies, and the summary says so.
    expect(run.summary).toContain('the embedded default policy applies');
    expect(check.request.output.summary).toContain('the embedded default policy applies');
    // The token is masked in the log and never printed otherwise.
    expect(run.stdout).toContain('::add-mask::ghs_testtoken0123456789');
    expect(run.stdout.split('ghs_testtoken0123456789')).toHaveLength(2);
  });

  test('a PR whose commits change no file passes, and the summary and check run say no file was checked', async () => {
    const { server, event } = await start({ files: [], commits: [{ sha: HEAD_SHA, message: 'Merge main into feature\n' }] });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const report = reportOf(run);
    expect(report).toMatchObject({ conclusion: 'success', stats: { files: 0 } });
    const note = 'nothing to check: the range changes no file (its commit adds up to no change';
    expect(report.notes.filter((n) => n.startsWith(note))).toHaveLength(1);
    expect(run.summary).toContain(note);
    expect(server.checkRuns[0].request.output.summary).toContain(note);
  });

  test.each([
    { failOn: 'warning', code: 1, conclusion: 'failure', verdict: '❌ **Failed** — 1 warning (warnings fail this check)', title: 'Failed: 1 warning' },
    { failOn: 'error', code: 0, conclusion: 'success', verdict: '✅ **Passed** — 1 warning', title: 'Passed: 1 warning' },
  ])('a warning under fail-on $failOn: the summary, title and JSON report agree with the step', async ({ failOn, code, conclusion, verdict, title }) => {
    // A source file without a test: one tests-touched warning under the default policy.
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { inputs: { 'fail-on': failOn } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(code);
    expect(run.outputs).toMatchObject({ conclusion, errors: '0', warnings: '1' });
    expect(reportOf(run)).toMatchObject({ conclusion });
    const [check] = server.checkRuns;
    expect(check.request).toMatchObject({ conclusion, output: { title } });
    expect(check.request.output.summary).toContain(verdict);
    expect(run.summary).toContain(verdict);
  });

  test('another event fails the step naming it, without calling GitHub (see attacks-wiring.test.ts)', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { eventName: 'push' });
    expect(run.code).toBe(1);
    expect(log(run).join('\n')).toContain('::error::prguard: prguard does not act on the "push" event, so nothing was checked');
    expect(server.requests).toEqual([]);
  });

  test('pull_request_target is supported', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { eventName: 'pull_request_target' });
    expect(run.code).toBe(0);
    expect(server.checkRuns).toHaveLength(1);
  });

  test('a 502 followed by success is retried', async () => {
    const { server, event } = await start({
      files: [small],
      failures: [
        { operationId: 'pulls/list-files', status: 502, message: 'Server Error' },
        { operationId: 'checks/create', status: 502, times: 2, message: 'Server Error' },
      ],
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/list-files')).toHaveLength(2);
    expect(server.calls('checks/create')).toHaveLength(3);
    expect(server.checkRuns).toHaveLength(1);
  });

  test('a secondary rate limit is waited out and retried', async () => {
    const { server, event } = await start({
      files: [small],
      failures: [
        {
          operationId: 'pulls/list-commits',
          status: 403,
          headers: { 'retry-after': '2' },
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
      ],
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/list-commits')).toHaveLength(2);
    expect(run.stdout).toMatch(/GitHub secondary rate limit for GET \S+\/pulls\/(2|\{pull_number\})\/commits\S*; retrying after 2s/);
  });

  test('a permanent error names the call and the permission', async () => {
    const { server, event } = await start({ files: [small], failures: [{ operationId: 'pulls/get', status: 404, message: 'Not Found' }] });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('pulls/get')).toHaveLength(1);
    const error = log(run).find((l) => l.startsWith('::error::'));
    expect(error).toBe(
      '::error::prguard: pulls.get failed (404: Not Found). The token may lack the `pull-requests: read` permission: ' +
        'add it under `permissions:` in the workflow (a fork PR on `pull_request` always gets a read-only token).',
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  test('a 3,000-file PR is read completely, 100 per page, all pages at once', async () => {
    const files: FakeFile[] = Array.from({ length: 3000 }, (_, i) => ({
      filename: `src/f${i}.ts`,
      status: 'added',
      additions: 1,
      deletions: 0,
      patch: addedPatch([`export const v${i} = ${i};`]),
    }));
    const { server, event } = await start({ files });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const pages = server.calls('pulls/list-files');
    expect(pages).toHaveLength(30);
    expect(pages.map((p) => Number(p.query.page ?? '1')).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(reportOf(run).stats).toEqual({ files: 3000, additions: 3000, deletions: 0 });
    expect(reportOf(run).notes.join('\n')).not.toContain('at most 3000 files');
  });

  test('more files than GitHub lists: the files not read are an error in each rule, not hidden', async () => {
    const files: FakeFile[] = Array.from({ length: 3000 }, (_, i) => ({ filename: `d/f${i}.txt`, status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) }));
    const { server, event } = await start({ files, changedFiles: 3456 });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.summary).toContain('Could not read files 3,001 to 3,456 of the 3,456 changed files: not checked by secret-leakage.');
  });

  test('a file whose patch GitHub left out and whose contents cannot be read is an error on that file', async () => {
    const { server, event } = await start({ files: [small, smallTest, { filename: 'data/big.json', status: 'modified', additions: 40000, deletions: 2 }] });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    const unread = reportOf(run).findings.filter((f) => f.message.startsWith('Could not read the changed lines of data/big.json'));
    expect(unread.map((f) => [f.ruleId, f.severity, f.path])).toEqual([
      ['tests-touched', 'error', 'data/big.json'],
      ['secret-leakage', 'error', 'data/big.json'],
    ]);
    expect(run.summary).toContain('Could not read the changed lines of data/big.json (+40000 −2): not checked by secret-leakage.');
  });

  test('a null PR body is handled', async () => {
    const { server, event } = await start({ files: [small], pr: { body: null } });
    expect(event.pull_request.body).toBeNull();
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('the sticky comment is created once and then updated in place', async () => {
    const { server, event } = await start({ files: [small] });
    const first = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(first.code).toBe(0);
    expect(server.comments).toHaveLength(1);
    server.state.files.push({ filename: 'src/more.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) });
    Object.assign(server.state.pull, { changed_files: 2, additions: 3 });
    const second = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(second.code).toBe(0);
    expect(server.comments).toHaveLength(1);
    expect(server.calls('issues/create-comment')).toHaveLength(1);
    expect(server.calls('issues/update-comment')).toHaveLength(1);
    expect(server.comments[0].body).toMatch(/^<!-- prguard:sticky prguard -->\n## prguard\n/);
    expect(server.comments[0].body).toContain('**Changed:** 2 files, +3 −0');
  });

  test('a broken policy at the base is reported with file:line:col, and nothing passes', async () => {
    const { server, event } = await start({ files: [small], base: { '.github/prguard.yml': 'version: 1\nrulez: {}\n' } });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(log(run).find((l) => l.startsWith('::error::'))).toMatch(/^::error::prguard: \.github\/prguard\.yml:2:1: unknown top-level key: "rulez"/);
    expect(server.checkRuns).toHaveLength(0);
  });

  test('a `policy` input that does not exist at the base is an error, not the default', async () => {
    const { server, event } = await start({ files: [small], head: { 'ci/prguard.yml': 'version: 1\n' } });
    const run = await runAction(server, event, { inputs: { policy: 'ci/prguard.yml' } });
    expect(run.code).toBe(1);
    expect(log(run).find((l) => l.startsWith('::error::'))).toContain(
      'prguard: the policy file ci/prguard.yml does not exist at the base commit 111111111111.',
    );
  });

  test('bad inputs are reported clearly', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { inputs: { 'fail-on': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(log(run)).toContain('::error::prguard: the `fail-on` input takes error, warning or never, not "sometimes"');
    const timeout = await runAction(server, event, { inputs: { 'request-timeout': 'soon' } });
    expect(timeout.code).toBe(1);
    expect(log(timeout)).toContain('::error::prguard: the `request-timeout` input takes seconds from 0.1 to 600, not "soon"');
  });
});
