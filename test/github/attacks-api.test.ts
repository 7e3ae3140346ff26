// A hostile GitHub (or proxy) against the built Action: each test is one attack, named for what
// it prevents. The Action must end with the right verdict, a clear message, no hang, no crash.
import { describe, expect, test } from 'vitest';
import { rng, sample } from '../helpers/secret-samples.ts';
import type { FakeFile } from './fake-github.ts';
import { addedPatch, fakeServers, HEAD_SHA, reportOf, runAction, type ActionRun } from './scenario.ts';

const start = fakeServers();
const small: FakeFile = { filename: 'src/util.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const a = 1;']) };
const smallTest: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(a).toBe(1));"]) };
const KEY = sample("github-classic-pat", rng(11)).text;

function errorLine(run: ActionRun): string | undefined {
  return run.stdout.split('\n').find((l) => l.startsWith('::error::'));
}

function noCrash(run: ActionRun): void {
  expect(run.stdout).not.toMatch(/Cannot read properties|TypeError|\n\s+at /);
  expect(run.stderr).toBe('');
}

describe.concurrent('a hostile GitHub API', () => {
  test('a server that never answers cannot hang the job: each request times out, is retried, then fails naming the call', async () => {
    const { server, event } = await start({ files: [small], hostile: { hang: ['pulls/get'] } });
    const run = await runAction(server, event, { inputs: { 'request-timeout': '0.3' } });
    expect(run.code).toBe(1);
    expect(server.calls('pulls/get')).toHaveLength(4); // the first try and 3 retries
    expect(errorLine(run)).toMatch(/^::error::prguard: pulls\.get failed \(no response: no complete answer within 0\.3 s\)\. GitHub did not answer in time/);
    expect(server.checkRuns).toHaveLength(0);
    noCrash(run);
  }, 30_000);

  test('a page that never answers cannot hang the job either', async () => {
    const { server, event } = await start({ files: [small], hostile: { hang: ['pulls/list-commits'] } });
    const run = await runAction(server, event, { inputs: { 'request-timeout': '0.3' } });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/pulls\.listCommits failed \(no response/);
    noCrash(run);
  }, 30_000);

  test('a rate limit that resets in an hour is not waited for: the run fails at once, saying why', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const { server, event } = await start({
      files: [small],
      failures: [{ operationId: 'pulls/get', status: 403, times: 5, message: 'API rate limit exceeded for installation ID 1.', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } }],
    });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('pulls/get')).toHaveLength(1);
    expect(errorLine(run)).toContain("pulls.get failed (403: API rate limit exceeded for installation ID 1.). GitHub's rate limit for this token is used up");
    noCrash(run);
  });

  test('a truncated JSON body is a clear error naming the call, not "Cannot read properties of undefined"', async () => {
    const { server, event } = await start({ files: [small], hostile: { truncate: ['pulls/get'] } });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/^::error::prguard: pulls\.get returned a malformed response \(the body should be object, got text/);
    noCrash(run);
  });

  test('a truncated file page is a clear error naming the call and the page', async () => {
    const { server, event } = await start({ files: [small], hostile: { truncate: ['pulls/list-files'] } });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/pulls\.listFiles \(page 1\) returned a malformed response/);
    noCrash(run);
  });

  test('a truncated contents answer (the policy at the base) is a clear error naming the call', async () => {
    const { server, event } = await start({ files: [small], hostile: { truncate: ['repos/get-content'] }, base: { '.github/prguard.yml': 'version: 1\n' } });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain('repos.getContent returned a malformed response (.github/prguard.yml: the body is not a JSON object)');
    noCrash(run);
  });

  test('a renamed file without its old path (a workflow moved out of .github/workflows, unseen) is a malformed answer', async () => {
    const moved: FakeFile = { filename: 'docs/ci.yml', status: 'renamed', additions: 0, deletions: 0 };
    const { server, event } = await start({ files: [moved, smallTest] });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/^::error::prguard: pulls\.listFiles \(page 1\) returned a malformed response \(file 1: renamed without previous_filename\)/);
    expect(server.checkRuns).toEqual([]);
  });

  test('a response without the fields prguard needs is a clear error naming the field', async () => {
    const { server, event } = await start({ files: [small], hostile: { omit: { 'pulls/get': ['head'] } } });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain('pulls.get returned a malformed response (head.sha should be string, got undefined)');
    noCrash(run);
  });

  test.each([
    ['a label that is null', (p: { labels: unknown[] }) => (p.labels = [null]), 'labels[0] should be a label with a name (string)'],
    ['a label whose name is a number', (p: { labels: unknown[] }) => (p.labels = [{ id: 1, name: 5 }]), 'labels[0] should be a label with a name (string)'],
    ['an author whose login is a number', (p: { user: unknown }) => (p.user = { login: 5, type: 'User' }), 'user.login should be string or absent, got number'],
  ])('%s in pulls.get is a malformed answer naming the field, not "prguard failed unexpectedly"', async (_what, mutate, detail) => {
    const { server, event } = await start({ files: [small] });
    mutate(server.state.pull);
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe(`::error::prguard: pulls.get returned a malformed response (${detail}). GitHub, or a proxy in between, sent an answer prguard cannot read, so nothing was checked; re-run the job.`);
    expect(server.checkRuns).toEqual([]);
    noCrash(run);
  });

  test('an endless Link header cannot make pagination run away: pages are bounded by pulls.get', async () => {
    const files = Array.from({ length: 250 }, (_, i): FakeFile => ({ filename: `src/f${i}.test.ts`, status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) }));
    const { server, event } = await start({ files, hostile: { endlessLink: ['pulls/list-files', 'pulls/list-commits'] } });
    const run = await runAction(server, event);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/list-files')).toHaveLength(3);
    expect(server.calls('pulls/list-commits')).toHaveLength(1);
    expect(reportOf(run).stats.files).toBe(250);
  });

  test('a file list shorter than changed_files cannot pass: every rule that reads files reports it', async () => {
    const { server, event } = await start({ files: [small, smallTest, { filename: '.env', status: 'added', additions: 1, deletions: 0, patch: addedPatch([`TOKEN=${KEY}`]) }], hostile: { listedFiles: 2 } });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    const unread = reportOf(run).findings.filter((f) => f.message.startsWith('Could not read the whole file list (GitHub listed 2 distinct files, it should list 3)'));
    expect(unread.map((f) => f.ruleId).sort()).toEqual(['core-changes', 'pr-size', 'protected-paths', 'secret-leakage', 'tests-touched']);
    expect(server.checkRuns[0].request.conclusion).toBe('failure');
  });

  test('a PR that claims more than 3,000 files but lists fewer cannot pass as merely capped', async () => {
    const { server, event } = await start({ files: [small, smallTest], changedFiles: 5000 });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('pulls/list-files')).toHaveLength(30);
    expect(run.summary).toContain('Could not read the whole file list (GitHub listed 2 distinct files, it should list 3,000)');
    expect(run.summary).toContain('Could not read files 3,001 to 5,000 of the 5,000 changed files');
  });

  test('file totals that do not add up to the PR\'s cannot pass', async () => {
    const { server, event } = await start({ files: [small, smallTest] });
    server.state.pull.additions = 500;
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(run.summary).toContain('Could not read the whole change (the files add up to +2 −0, the pull request says +500 −0)');
  });

  test('a 4,000-file PR without a checkout cannot pass: a key in file 4,000 is never silently skipped', async () => {
    const files = Array.from({ length: 4000 }, (_, i): FakeFile => ({ filename: `src/f${i}.test.ts`, status: 'added', additions: 1, deletions: 0, patch: addedPatch([i === 3999 ? `const k = "${KEY}";` : 'x']) }));
    const { server, event } = await start({ files });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('pulls/list-files')).toHaveLength(30);
    const secret = reportOf(run).findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(secret.map((f) => f.message)).toContainEqual(expect.stringContaining('Could not read files 3,001 to 4,000 of the 4,000 changed files: not checked by secret-leakage.'));
    expect(run.stdout + run.summary).not.toContain(KEY);
  });

  test('more than 250 commits cannot pass unread: the missing commits are an error in the rules that read commits', async () => {
    const commits = Array.from({ length: 300 }, (_, i) => ({ sha: (i + 1).toString(16).padStart(40, 'a'), message: `Change ${i}\n` }));
    const { server, event } = await start({ files: [small, smallTest], commits });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('pulls/list-commits')).toHaveLength(3);
    const ids = reportOf(run).findings.filter((f) => f.message.startsWith('Could not read commits 251 to 300 of 300')).map((f) => f.ruleId);
    expect(ids.sort()).toEqual(['ai-disclosure', 'secret-leakage']);
  });

  test('a head that moved since the event is reported as superseded: nothing misleading is published, exit 0', async () => {
    const { server, event } = await start({ files: [small], hostile: { headSha: '3'.repeat(40) } });
    const run = await runAction(server, event);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`::notice title=prguard%3A superseded::prguard: this run is superseded. The pull request's head moved from ${HEAD_SHA.slice(0, 12)}`);
    expect(run.outputs).toEqual({ superseded: 'true' });
    expect(run.summary).toContain('this run is superseded');
    expect(server.checkRuns).toHaveLength(0);
    expect(server.calls('pulls/list-files')).toHaveLength(0);
  });

  test('the PR is always re-read: labels and body come from pulls.get, not the stale event', async () => {
    const { server, event } = await start({ files: [small, smallTest] });
    server.state.pull.body = `Fresh body with ${KEY}`;
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(reportOf(run).findings.some((f) => f.ruleId === 'secret-leakage' && f.message.includes('PR description'))).toBe(true);
    expect(run.stdout + run.summary).not.toContain(KEY);
  });
});
