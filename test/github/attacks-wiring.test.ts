// A workflow wired up wrongly, and payloads no runner writes, against the built Action: an event
// that names no pull request fails the step (never a green job on a commit nothing checked), a
// wrong input fails on every event, a payload field of the wrong type or a GITHUB_API_URL that is
// no URL is a usage error naming it, and a PR whose fork was deleted is known as a fork's.
import { describe, expect, test } from 'vitest';
import type { FakeFile } from './fake-github.ts';
import { commentEvent } from './humans.ts';
import { addedPatch, fakeServers, runAction, type ActionRun } from './scenario.ts';

const start = fakeServers();
const small: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(1).toBe(1));"]) };
const errorLine = (run: ActionRun) => run.stdout.split('\n').find((l) => l.startsWith('::error::'));

describe.concurrent('a workflow wired up wrongly', () => {
  test.each(['push', 'workflow_dispatch', 'schedule', 'pull_request_review_comment'])(
    'the %s event fails the step, naming the event, without calling GitHub: a passing job there is no verdict',
    async (eventName) => {
      const { server, event } = await start({ files: [small] });
      const run = await runAction(server, event, { eventName });
      expect(run.code).toBe(1);
      expect(errorLine(run)).toBe(
        `::error::prguard: prguard does not act on the "${eventName}" event, so nothing was checked, and the step fails rather than pass a commit it did not check. ` +
          'Run it on pull_request (or pull_request_target), pull_request_review, issue_comment, merge_group or a workflow_run relay, ' +
          `and keep the step off other events (\`if: github.event_name != '${eventName}'\`).`,
      );
      expect(run.outputs).toEqual({});
      expect(server.requests).toEqual([]);
    },
  );

  test('a wrong input fails the step on an event prguard skips too (a comment without a waive command)', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, commentEvent(event, 'LGTM'), { eventName: 'issue_comment', inputs: { 'fail-on': 'bogus' } });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe('::error::prguard: the `fail-on` input takes error, warning or never, not "bogus"');
    expect(server.requests).toEqual([]);
  });

  test('a GITHUB_API_URL that is no http(s) URL is a usage error, not retried requests and "re-run the job later"', async () => {
    const { server, event } = await start({ files: [small] });
    for (const url of ['ghe.example.com', 'ftp://127.0.0.1:1/api/v3']) {
      const run = await runAction(server, event, { env: { GITHUB_API_URL: url } });
      expect(run.code).toBe(1);
      expect(errorLine(run)).toBe(
        `::error::prguard: GITHUB_API_URL must be the API's http(s) URL, such as https://api.github.com or https://github.example.com/api/v3, not ${JSON.stringify(url)}`,
      );
    }
  });

  test('a GITHUB_API_URL with a trailing slash reaches the same API (no `//repos/...` paths)', async () => {
    const { server, event } = await start({ files: [small] });
    const run = await runAction(server, event, { env: { GITHUB_API_URL: `${server.url}/` } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.checkRuns).toHaveLength(1);
  });
});

describe.concurrent('payloads no runner writes, and a deleted fork', () => {
  test.each([
    ['labels', 'x', 'pull_request.labels should be an array of labels, not string'],
    ['labels', [{ id: 1 }], 'pull_request.labels[0].name should be a string, not undefined'],
    ['user', 'octocat', 'pull_request.user should be an object or null, not string'],
    ['title', 7, 'pull_request.title should be a string, not number'],
  ])('a pull_request.%s of the wrong type is a usage error naming it, not a crash', async (field, value, message) => {
    const { server, event } = await start({ files: [small] });
    event.pull_request[field] = value;
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe(`::error::prguard: the pull_request event payload's ${message}`);
    expect(server.requests).toEqual([]);
  });

  test('a comment body that is not text is a usage error naming the field, not a crash', async () => {
    const { server, event } = await start({ files: [small] });
    const comment = commentEvent(event, '');
    comment.comment.body = { text: '/prguard waive pr-size x' };
    const run = await runAction(server, comment, { eventName: 'issue_comment' });
    expect(run.code).toBe(1);
    expect(errorLine(run)).toBe("::error::prguard: the issue_comment event payload's comment.body should be a string, not object");
  });

  test('a PR whose fork was deleted (head.repo null) is a fork\'s: the refused check run says why, not "add checks: write"', async () => {
    const { server, event } = await start({ files: [small], readOnly: true });
    // As the webhook sends it (GitHub's REST description has no null head.repo, so pulls.get keeps one).
    event.pull_request.head.repo = null;
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('prguard: The check run could not be created (403: the token cannot write checks): this PR comes from a fork, and on `pull_request` its token is read-only');
    expect(run.stdout).not.toContain('add `checks: write`');
  });
});
