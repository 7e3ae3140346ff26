// Waivers against a careless or hostile commenter, end to end (dist/action.js against the
// contract-validating fake): a token pasted into a waive command is masked in every output, and a
// merge queue entry keeps the waivers of the pull request it was made for.
import { describe, expect, test } from 'vitest';
import type { FakeFile, FakeHumans } from './fake-github.ts';
import { mergeGroupEvent } from './humans.ts';
import { addedPatch, BASE_SHA, fakeServers, reportOf, runAction, type Scenario } from './scenario.ts';

const start = fakeServers();
const QUEUE_HEAD = '4'.repeat(40);
// An AWS access key id as the detectors recognise one (not a real credential).
const KEY = 'AKIAZ3MXQ7V2RPL4KJ6W';

const POLICY = `version: 1
rules:
  tests-touched: error
  secret-leakage: error
waivers:
  by: ["@lead"]
  rules: [tests-touched, pr-size]
`;

const untested: FakeFile = { filename: 'src/auth/session.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const TTL = 900;']) };

function scenario(humans: FakeHumans): Scenario {
  return { pr: { author: { login: 'ada', type: 'User' } }, files: [untested], base: { '.github/prguard.yml': POLICY }, humans };
}

describe.concurrent('waivers', () => {
  test('a token pasted into a waive command (reason or rule id) is masked in every output', async () => {
    const comments = [
      { login: 'lead', body: `/prguard waive tests-touched rotated ${KEY} already` },
      { login: 'lead', body: `/prguard waive ${KEY} oops` },
      { login: 'ada', body: `/prguard waive pr-size mine ${KEY}` },
    ];
    const { server, event } = await start(scenario({ comments }));
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const report = reportOf(run);
    expect(report.waivers).toEqual([expect.objectContaining({ ruleId: 'tests-touched', reason: 'rotated AKIA…[redacted] already' })]);
    expect(report.notes.join('\n')).toContain('"AKIA…[redacted]" is not a rule that ran');
    const posted = server.comments.filter((c) => String(c.body).includes('prguard:sticky'));
    expect(posted).toHaveLength(1);
    const outputs = [JSON.stringify(report), JSON.stringify(server.checkRuns), JSON.stringify(posted), run.summary, run.stdout, run.stderr];
    for (const text of outputs) expect(text).not.toContain(KEY);
  });

  test("a waive command someone else edited into the lead's comment does not count; the lead's own edit does", async () => {
    const forged = [{ login: 'lead', body: '/prguard waive tests-touched covered elsewhere', editedBy: ['lead', 'ada'] }];
    const { server, event } = await start(scenario({ comments: forged }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(reportOf(run).waivers).toEqual([]);
    expect(reportOf(run).notes.join('\n')).toContain('ignored: @ada edited the comment, not its author @lead (post the waiver as a new comment)');

    const own = await start(scenario({ comments: [{ ...forged[0]!, editedBy: ['lead'] }] }));
    const ok = await runAction(own.server, own.event);
    expect(ok.code).toBe(0);
    expect(reportOf(ok).waivers).toHaveLength(1);
    expect(own.server.calls('graphql')).toHaveLength(1);
  });

  test('who edited a waive command unreadable (GraphQL fails): the waiver does not count; an unedited one asks nothing', async () => {
    const comments = [{ login: 'lead', body: '/prguard waive tests-touched covered elsewhere', editedBy: ['lead'] }];
    const { server, event } = await start({ ...scenario({ comments }), failures: [{ operationId: 'graphql', status: 502, times: 10 }] });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(reportOf(run).notes.join('\n')).toContain('the comment was edited, and who edited it could not be read');

    const plain = await start(scenario({ comments: [{ login: 'lead', body: '/prguard waive tests-touched covered elsewhere' }] }));
    const ok = await runAction(plain.server, plain.event);
    expect(ok.code).toBe(0);
    expect(plain.server.calls('graphql')).toEqual([]);
  });

  test('a merge queue entry keeps the queued PR\'s waivers: a waived PR is not thrown out of the queue', async () => {
    const waived = [{ login: 'lead', body: '/prguard waive tests-touched covered by the e2e suite' }];
    const compare = { [`${BASE_SHA}...${QUEUE_HEAD}`]: { files: [untested], commits: [{ sha: QUEUE_HEAD, message: 'Merge queue entry\n' }] } };
    const { server, event } = await start(scenario({ comments: waived, compare }));
    const group = mergeGroupEvent(event, event.pull_request.number, BASE_SHA, QUEUE_HEAD);
    const run = await runAction(server, group, { eventName: 'merge_group' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.checkRuns[0]!.request).toMatchObject({ head_sha: QUEUE_HEAD, conclusion: 'success' });
    expect(reportOf(run).waivers).toEqual([expect.objectContaining({ ruleId: 'tests-touched', by: 'lead' })]);
    expect(server.calls('issues/list-comments')[0]!.path).toMatch(new RegExp(`/issues/${event.pull_request.number}/comments$`));

    // The same rules as on the PR: its author's own waiver is ignored in the queue too.
    const own = await start(scenario({ comments: [{ login: 'ada', body: '/prguard waive tests-touched trust me' }], compare }));
    const refused = await runAction(own.server, mergeGroupEvent(own.event, own.event.pull_request.number, BASE_SHA, QUEUE_HEAD), { eventName: 'merge_group' });
    expect(refused.code).toBe(1);
    expect(reportOf(refused).notes.join('\n')).toContain('@ada is the PR author of this change');
  });
});
