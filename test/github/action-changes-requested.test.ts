// A change request that stands blocks the review check, end to end: dist/action.js against the
// contract-validating fake GitHub, on the real pull_request_review webhook payloads. As GitHub's
// branch protection: until the reviewer approves or a maintainer dismisses it, however many others
// approve; a comment review clears nothing; a reviewer without write access does not block.
import { describe, expect, test } from 'vitest';
import type { FakeFile, FakeHumans, FakeReview } from './fake-github.ts';
import { reviewEvent } from './humans.ts';
import { addedPatch, fakeServers, HEAD_SHA, runAction, type Scenario } from './scenario.ts';

const start = fakeServers();
const OLD = '3'.repeat(40);

const policy = (mode?: string) => `version: 1
core:
  auth:
    paths: ["src/auth/**"]
    owners: ["@alice", "@carol"]
rules:
  review-quorum: { severity: error, approvals: 1, core-approvals: 2${mode ? `, changes-requested: ${mode}` : ''} }
  pr-size: off
  tests-touched: off
  ai-disclosure: off
  secret-leakage: off
  protected-paths: off
  core-changes: off
`;

const authFile: FakeFile = { filename: 'src/auth/session.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const TTL = 900;']) };
const at = (hour: number) => `2024-05-01T${String(hour).padStart(2, '0')}:00:00Z`;
const review = (login: string, state: FakeReview['state'], hour: number, more: Partial<FakeReview> = {}): FakeReview => ({ login, state, commit_id: HEAD_SHA, submitted_at: at(hour), ...more });
// Alice (an owner) asked for changes on an earlier commit; Bob and Carol (an owner) approved the head.
const requested = () => [review('alice', 'CHANGES_REQUESTED', 9, { commit_id: OLD }), review('bob', 'APPROVED', 10), review('carol', 'APPROVED', 11)];

function scenario(humans: FakeHumans, mode?: string, more: Partial<Scenario> = {}): Scenario {
  return { pr: { author: { login: 'ada', type: 'User' } }, files: [authFile], base: { '.github/prguard.yml': policy(mode) }, humans, ...more };
}

type Run = { request: { name: string; status: string; conclusion?: string; output: { title: string; summary: string } } };
const reviewCheck = (server: { checkRuns: unknown[] }) => (server.checkRuns as Run[]).filter((r) => r.request.name === 'prguard/review');
const looked = (server: { calls(op: string): { path: string }[] }) => server.calls('repos/get-collaborator-permission-level').map((r) => r.path.split('/').at(-2)).sort();

describe.concurrent('a change request that stands blocks the review check', () => {
  test('the owner requests changes and two others approve: the check waits, naming the owner and how to clear it', async () => {
    const { server, event } = await start(scenario({ reviews: requested() }));
    const run = await runAction(server, reviewEvent(event, 'submitted', 'carol'), { eventName: 'pull_request_review' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    // The requester's access is read with the approvers', in the same round.
    expect(looked(server)).toEqual(['alice', 'bob', 'carol']);
    const [check, ...more] = reviewCheck(server);
    expect(more).toEqual([]);
    expect(check!.request.status).toBe('in_progress');
    expect(check!.request.output.title).toBe('Changes requested by @alice (an owner of auth)');
    expect(check!.request.output.summary).toContain('⏳ Changes requested by @alice (an owner of auth), and not cleared since');
    expect(check!.request.output.summary).toContain('the reviewer approves the pull request (a comment review does not clear a change request), or a maintainer dismisses their review');
  });

  test('the requester approves later, or the request is dismissed: the quorum is met', async () => {
    const approved = await start(scenario({ reviews: [...requested(), review('alice', 'APPROVED', 12)] }));
    await runAction(approved.server, reviewEvent(approved.event, 'submitted', 'alice'), { eventName: 'pull_request_review' });
    expect(approved.server.violations).toEqual([]);
    expect(reviewCheck(approved.server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });

    const [first, ...rest] = requested();
    const dismissed = await start(scenario({ reviews: [{ ...first!, state: 'DISMISSED' }, ...rest] }));
    await runAction(dismissed.server, reviewEvent(dismissed.event, 'dismissed', 'alice'), { eventName: 'pull_request_review' });
    expect(dismissed.server.violations).toEqual([]);
    expect(reviewCheck(dismissed.server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  test('a comment review after the request does not clear it (GitHub keeps changes requested)', async () => {
    const { server, event } = await start(scenario({ reviews: [...requested(), review('alice', 'COMMENTED', 12)] }));
    await runAction(server, reviewEvent(event, 'submitted', 'alice'), { eventName: 'pull_request_review' });
    expect(server.violations).toEqual([]);
    const [check] = reviewCheck(server);
    expect(check!.request.status).toBe('in_progress');
    expect(check!.request.output.title).toBe('Changes requested by @alice (an owner of auth)');
  });

  test('a requester without write access does not block: the quorum is met, with a note saying why', async () => {
    const reviews = [review('mia', 'CHANGES_REQUESTED', 9, { association: 'MEMBER' }), review('bob', 'APPROVED', 10), review('carol', 'APPROVED', 11)];
    const { server, event } = await start(scenario({ reviews, permissions: { mia: 'read' } }));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    const [check] = reviewCheck(server);
    expect(check!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(check!.request.output.summary).toContain('ℹ️ Changes requested by @mia (read access): they cannot write to the repository, so the request does not block the quorum');
  });

  test('the permission read refused (403): the request blocks, saying its access could not be read', async () => {
    const { server, event } = await start(scenario({ reviews: requested() }, undefined, {
      failures: [{ operationId: 'repos/get-collaborator-permission-level', status: 403, times: 3, message: 'Resource not accessible by integration' }],
    }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain("prguard: the token cannot read reviewers' access to the repository (403); approvals whose access is unknown do not count, and change requests whose access is unknown block.");
    const [check] = reviewCheck(server);
    expect(check!.request.status).toBe('in_progress');
    expect(check!.request.output.summary).toContain('Changes requested by @alice (whether they can write to the repository could not be read, so the request counts)');
  });

  test('changes-requested: ignore keeps the old behaviour: two approvals meet the quorum', async () => {
    const { server, event } = await start(scenario({ reviews: requested() }, 'ignore'));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(reviewCheck(server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
  });
});
