// Forged or surprising events and inputs against the built Action: a payload whose commit ids are
// not commit ids, a base commit GitHub does not have (never "no policy there, so the default"), a
// relay's pull-number that only looks like a number, an output path that cannot be written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/repo.ts';
import type { FakeFile } from './fake-github.ts';
import { commentEvent, mergeGroupEvent } from './humans.ts';
import { addedPatch, BASE_SHA, fakeServers, reportOf, runAction, type ActionRun } from './scenario.ts';

const start = fakeServers();
const small: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(1).toBe(1));"]) };
const STRICT = 'version: 1\nextends: recommended\nrules:\n  pr-size: { severity: error, max-lines: 0 }\n';
const errorLine = (run: ActionRun) => run.stdout.split('\n').find((l) => l.startsWith('::error::'));

describe.concurrent('forged and surprising events', () => {
  test('a payload whose base sha is not a commit id is refused before any request', async () => {
    const { server, event } = await start({ files: [small], base: { '.github/prguard.yml': STRICT } });
    event.pull_request.base.sha = '../../../evil';
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe(`::error::prguard: the pull_request event payload's pull_request.base.sha is not a commit id (40 hex digits): "../../../evil"`);
    expect(server.requests).toEqual([]);
  });

  test('a base commit GitHub does not have is an error, never "no policy there" and the embedded default', async () => {
    const { server, event } = await start({ files: [small], base: { '.github/prguard.yml': STRICT } });
    event.pull_request.base.sha = server.state.pull.base.sha = 'a'.repeat(40);
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/^::error::prguard: .*cannot read \.github\/prguard\.yml at aaaaaaaaaaaa: GitHub has no such commit in Codertocat\/Hello-World/);
    expect(server.checkRuns).toEqual([]);
  });

  test('a PR retargeted since the event is judged against its base now: a lax base in the event does not decide', async () => {
    const LAX = '5'.repeat(40);
    const untested: FakeFile = { ...small, filename: 'src/util.ts' };
    const { server, event } = await start({ files: [untested], base: { '.github/prguard.yml': 'version: 1\nrules:\n  tests-touched: error\n' } });
    server.state.contents[LAX] = { '.github/prguard.yml': 'version: 1\nrules:\n  tests-touched: off\n' };
    event.pull_request.base = { ...event.pull_request.base, sha: LAX, ref: 'lax' };
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(server.checkRuns[0]!.request.conclusion).toBe('failure');
    expect(server.calls('repos/get-content').map((r) => r.query.ref)).not.toContain(LAX);
    expect(run.stdout).toContain(`prguard: the base is ${BASE_SHA.slice(0, 12)} (master) now, not the event's ${LAX.slice(0, 12)} (lax).`);
  });

  test.each(['../../etc/passwd', '/etc/passwd', '.github/../../x.yml', 'config\\prguard.yml'])('a policy input outside the repository (%s) is refused before any request', async (policy) => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { inputs: { policy } });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe(`::error::prguard: the \`policy\` input takes a file path inside the repository, such as .github/prguard.yml (read at the base commit), not ${JSON.stringify(policy)}`);
    expect(server.requests).toEqual([]);
  });

  test('a merge group of more than 100 commits is read in full through the compare API\'s pages (no checkout)', async () => {
    const head = '6'.repeat(40);
    const commits = Array.from({ length: 180 }, (_, i) => ({ sha: i === 179 ? head : (i + 1).toString(16).padStart(40, 'a'), message: `Step ${i + 1}\n` }));
    const { server, event } = await start({ files: [small], humans: { compare: { [`${BASE_SHA}...${head}`]: { files: [small], commits } } } });
    const run = await runAction(server, mergeGroupEvent(event, event.pull_request.number, BASE_SHA, head), { eventName: 'merge_group' });
    expect(server.violations).toEqual([]);
    expect(errorLine(run)).toBeUndefined();
    expect(run.code).toBe(0);
    expect(server.calls('repos/compare-commits-with-basehead').map((r) => r.query.page ?? '1').sort()).toEqual(['1', '2']);

    const many = Array.from({ length: 260 }, (_, i) => ({ sha: i === 259 ? head : (i + 1).toString(16).padStart(40, 'b'), message: `Step ${i + 1}\n` }));
    const big = await start({ files: [small], humans: { compare: { [`${BASE_SHA}...${head}`]: { files: [small], commits: many } } } });
    const capped = await runAction(big.server, mergeGroupEvent(big.event, big.event.pull_request.number, BASE_SHA, head), { eventName: 'merge_group' });
    expect(capped.code).toBe(1);
    expect(reportOf(capped).findings.map((f) => f.message).join('\n')).toContain("Could not read 10 of the merge group's 260 commits");
  });

  test('a merge group whose head is not a commit id is refused', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, mergeGroupEvent(event, 2, BASE_SHA, 'HEAD~1'), { eventName: 'merge_group' });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain('merge_group.head_sha is not a commit id (40 hex digits): "HEAD~1"');
    expect(server.requests).toEqual([]);
  });

  test('a relay pull-number that only looks like a number ("2e0", "0x2") is refused, naming the input', async () => {
    const { server, event } = await start({ files: [small] });
    const relay = { action: 'completed', repository: event.repository, workflow_run: { event: 'pull_request_review' } };
    for (const value of ['2e0', '0x2', '2.0']) {
      const run = await runAction(server, relay, { eventName: 'workflow_run', inputs: { 'pull-number': value } });
      expect(run.code).toBe(1);
      expect(errorLine(run)).toBe(`::error::prguard: the \`pull-number\` input takes a pull request number (digits), not "${value}"`);
    }
    expect(server.requests).toEqual([]);
  });

  test('an edit that removes a waive command re-checks the PR (the waiver is withdrawn); another edit is skipped', async () => {
    const { server, event } = await start({ files: [small] });
    const withdrawn = commentEvent(event, 'never mind', 'lead', 'edited');
    withdrawn.changes = { body: { from: '/prguard waive pr-size big on purpose' } };
    const run = await runAction(server, withdrawn, { eventName: 'issue_comment' });
    expect(run.code).toBe(0);
    expect(server.calls('checks/create')).toHaveLength(1);
    const other = commentEvent(event, 'LGTM!', 'lead', 'edited');
    other.changes = { body: { from: 'LGTM' } };
    const skipped = await runAction(server, other, { eventName: 'issue_comment' });
    expect(skipped.stdout).toContain('::notice::prguard: nothing to check on issue_comment');
    expect(server.calls('checks/create')).toHaveLength(1);
  });

  test('pull-number on a pull_request event is ignored with a notice saying so: the event names the PR', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { inputs: { 'pull-number': '999' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice::prguard: the `pull-number` input is only for a workflow_run relay; on pull_request the event names the pull request, so "999" was ignored.');
    expect(server.calls('pulls/get').map((r) => r.path)).toEqual([`/repos/Codertocat/Hello-World/pulls/${event.pull_request.number}`]);
  });

  test('a check-name of more than one line is refused, naming the input', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { inputs: { 'check-name': 'prguard\nfake' } });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe('::error::prguard: the `check-name` input takes one line of text, not "prguard\\nfake"');
    expect(server.checkRuns).toEqual([]);
  });

  test('a PR named by number (a waive comment) is read with one pulls.get', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, commentEvent(event, '/prguard waive pr-size big on purpose'), { eventName: 'issue_comment' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/get')).toHaveLength(1);
  });
});

describe.concurrent('a merge group GitHub answers for in a broken way', () => {
  const QUEUE_HEAD = '4'.repeat(40);
  const compare = { [`${BASE_SHA}...${QUEUE_HEAD}`]: { files: [small], commits: [{ sha: QUEUE_HEAD, message: 'Merge queue entry\n' }] } };

  test('a comparison without its file list is not a merge group that changes nothing', async () => {
    const { server, event } = await start({ files: [small], humans: { compare }, hostile: { omit: { 'repos/compare-commits-with-basehead': ['files'] } } });
    const run = await runAction(server, mergeGroupEvent(event, 2, BASE_SHA, QUEUE_HEAD), { eventName: 'merge_group' });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe('::error::prguard: repos.compareCommitsWithBasehead returned a malformed response (files should be array, got undefined). ' +
      'GitHub, or a proxy in between, sent an answer prguard cannot read, so nothing was checked; re-run the job.');
    expect(server.checkRuns).toEqual([]);
  });

  test('a merge group check run GitHub refuses is a warning and annotations on the step; the step passes by fail-on', async () => {
    const { server, event } = await start({ files: [small], humans: { compare }, failures: [{ operationId: 'checks/create', status: 422, message: 'Invalid request' }] });
    const run = await runAction(server, mergeGroupEvent(event, 2, BASE_SHA, QUEUE_HEAD), { eventName: 'merge_group' });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    expect(run.stdout).toContain('::warning title=prguard%3A no check run::prguard: the check run could not be published (checks.create failed (422: Invalid request)');
  });

  test('a job summary that cannot be written is a warning, for a merge group as for a pull request', async () => {
    const { server, event } = await start({ files: [small], humans: { compare } });
    const env = { GITHUB_STEP_SUMMARY: '/nonexistent-dir/summary.md' };
    const runs = [await runAction(server, mergeGroupEvent(event, 2, BASE_SHA, QUEUE_HEAD), { eventName: 'merge_group', env }), await runAction(server, event, { env })];
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/::warning::prguard: the job summary could not be written \(/);
    }
  });

  test('a truncated comparison, or one without commits, is a clear error naming the call, not a crash', async () => {
    for (const hostile of [{ truncate: ['repos/compare-commits-with-basehead'] }, { omit: { 'repos/compare-commits-with-basehead': ['commits'] } }]) {
      const { server, event } = await start({ files: [small], humans: { compare }, hostile });
      const run = await runAction(server, mergeGroupEvent(event, 2, BASE_SHA, QUEUE_HEAD), { eventName: 'merge_group' });
      expect(run.code).toBe(1);
      expect(errorLine(run)).toMatch(/^::error::prguard: repos\.compareCommitsWithBasehead returned a malformed response/);
    }
  });
});

describe.concurrent('an event payload that is not an object', () => {
  test.each(['pull_request', 'issue_comment', 'merge_group'])('on %s, a payload of null or [] is a clear error, not "failed unexpectedly"', async (eventName) => {
    const { server, event } = await start({ files: [small] });
    for (const text of ['null', '[]', '7']) {
      const file = join(tempDir('prguard-event-'), 'event.json');
      writeFileSync(file, text);
      const run = await runAction(server, event, { eventName, env: { GITHUB_EVENT_PATH: file } });
      expect(run.code).toBe(1);
      expect(errorLine(run)).toBe(`::error::prguard: the ${eventName} event payload ${file} is not a JSON object: ${text}`);
    }
    expect(server.requests).toEqual([]);
  });
});

describe.concurrent('an output path that cannot be written', () => {
  test('a sarif-file that is a directory fails the step naming the input, after the check run is published', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { inputs: { 'sarif-file': '.' } });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toMatch(/^::error::prguard: the `sarif-file` input names .*, which cannot be written \(EISDIR\): give a file path inside the workspace\.$/);
    expect(run.stdout).not.toContain('unexpectedly');
    expect(server.checkRuns).toHaveLength(1);
    expect(run.outputs.conclusion).toBe('success');
  });
});
