// Humans in the loop, end to end: dist/action.js against the contract-validating fake GitHub with
// reviews, PR comments, comparisons and team members; real webhook payloads for every event.
import { describe, expect, test } from 'vitest';
import type { FakeFile, FakeHumans, FakeReview } from './fake-github.ts';
import { commentEvent, mergeGroupEvent, reviewEvent } from './humans.ts';
import { addedPatch, BASE_SHA, fakeServers, HEAD_SHA, reportOf, runAction, type Scenario } from './scenario.ts';

const start = fakeServers();
const OLD = '3'.repeat(40);
const QUEUE_HEAD = '4'.repeat(40);
const OWNERS_TOKEN = 'ghp_ownerstoken0123456789abcdef';

const POLICY = `version: 1
core:
  auth:
    paths: ["src/auth/**"]
    owners: ["@alice", "@acme/auth-team"]
  billing: ["src/billing/**"]
rules:
  review-quorum:
    severity: error
    approvals: 1
    core-approvals: 2
    owner-approval: true
  tests-touched: error
waivers:
  by: ["@lead", "@acme/tech-leads"]
  rules: [tests-touched, pr-size]
`;

const authFile: FakeFile = { filename: 'src/auth/session.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const TTL = 900;']) };
const authTest: FakeFile = { filename: 'test/auth/session.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["import './session';"]) };

const approve = (login: string, more: Partial<FakeReview> = {}): FakeReview => ({ login, state: 'APPROVED', commit_id: HEAD_SHA, ...more });

function scenario(humans: FakeHumans, files: FakeFile[] = [authFile, authTest]): Scenario {
  return { pr: { author: { login: 'ada', type: 'User' } }, files, base: { '.github/prguard.yml': POLICY }, humans };
}

const checkRun = (server: { checkRuns: { request: { name: string } }[] }, name: string) =>
  server.checkRuns.filter((r) => r.request.name === name) as unknown as { request: Record<string, string> & { output: { title: string; summary: string } } }[];

describe.concurrent('review quorum in the Action', () => {
  test('unmet: the review check is in progress, the main check and the step pass', async () => {
    const { server, event } = await start(scenario({ reviews: [approve('bob')] }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const [main] = checkRun(server, 'prguard');
    expect(main!.request.conclusion).toBe('success');
    const [review, ...more] = checkRun(server, 'prguard/review');
    expect(more).toEqual([]);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.conclusion).toBeUndefined();
    expect(review!.request.head_sha).toBe(HEAD_SHA);
    expect(review!.request.output.title).toContain('Waiting for approvals');
    expect(review!.request.output.summary).toContain('needs 2 approvals, one from an owner of auth (@alice, @acme/auth-team); has 1 (@bob, on the current head)');
    // Without an owners-token, team owners are not silently passed over.
    expect(review!.request.output.summary).toContain('owners-token');
    expect(reportOf(run).findings.filter((f) => f.ruleId === 'review-quorum')).toEqual([]);
  });

  test('met: two approvals including the owner complete the review check with success', async () => {
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('alice')] }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const [review] = checkRun(server, 'prguard/review');
    expect(review!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(review!.request.output.title).toBe('Review quorum met');
  });

  test('stale: an owner approval on an earlier commit does not count once the module changed since', async () => {
    const stale = await start(scenario({ reviews: [approve('bob'), approve('alice', { commit_id: OLD })], compare: { [`${OLD}...${HEAD_SHA}`]: { files: [authFile] } } }));
    await runAction(stale.server, stale.event);
    expect(stale.server.violations).toEqual([]);
    expect(stale.server.calls('repos/compare-commits-with-basehead')).toHaveLength(1);
    const [review] = checkRun(stale.server, 'prguard/review');
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('@alice (approved 3333333; src/auth/session.ts changed since)');

    const leafOnly = await start(scenario({ reviews: [approve('bob'), approve('alice', { commit_id: OLD })], compare: { [`${OLD}...${HEAD_SHA}`]: { files: [authTest] } } }));
    await runAction(leafOnly.server, leafOnly.event);
    expect(checkRun(leafOnly.server, 'prguard/review')[0]!.request.conclusion).toBe('success');
  });

  test('approvals by the PR author, a commit author and a bot are not counted', async () => {
    const { server, event } = await start(scenario({ reviews: [approve('ada'), approve('octocat'), approve('dependabot[bot]', { type: 'Bot' })] }));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    const summary = checkRun(server, 'prguard/review')[0]!.request.output.summary;
    expect(summary).toContain('has 0.');
    expect(summary).toContain('@ada (the PR author)');
    expect(summary).toContain('@octocat (a commit author)');
    expect(summary).toContain('@dependabot\\[bot\\] (a bot)'); // markdown text: renders as @dependabot[bot]
  });

  test('a team owner counts with the owners-token, read with that token only', async () => {
    const humans: FakeHumans = { reviews: [approve('bob'), approve('tess')], teams: { 'acme/auth-team': ['tess'] }, membersToken: OWNERS_TOKEN };
    const { server, event } = await start(scenario(humans));
    const run = await runAction(server, event, { inputs: { 'owners-token': OWNERS_TOKEN } });
    expect(server.violations).toEqual([]);
    expect(checkRun(server, 'prguard/review')[0]!.request.conclusion).toBe('success');
    const lookups = server.calls('teams/get-membership-for-user-in-org');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((r) => r.token === OWNERS_TOKEN)).toBe(true);
    expect(server.calls('checks/create').every((r) => r.token !== OWNERS_TOKEN)).toBe(true);
    // Registered as a secret with the runner (::add-mask::), and printed nowhere else.
    expect(run.stdout).toContain(`::add-mask::${OWNERS_TOKEN}`);
    expect(run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain(OWNERS_TOKEN);
  });
});

describe.concurrent('audited waivers in the Action', () => {
  const untested = [authFile];

  test('a waiver by an allowed user turns the findings into waived notices and is listed', async () => {
    const comments = [{ login: 'lead', body: '/prguard waive tests-touched covered by the e2e suite' }];
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('alice')], comments }, untested));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const report = reportOf(run);
    expect(report.waivers).toHaveLength(1);
    expect(report.waivers![0]).toMatchObject({ ruleId: 'tests-touched', by: 'lead', reason: 'covered by the e2e suite' });
    expect(report.waivers![0]!.url).toMatch(/#issuecomment-\d+$/);
    const waived = report.findings.filter((f) => f.ruleId === 'tests-touched');
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.every((f) => f.severity === 'notice' && f.waived?.severity === 'error')).toBe(true);
    expect(checkRun(server, 'prguard')[0]!.request.output.summary).toContain('### Waivers');
    expect(run.summary).toContain('covered by the e2e suite');
  });

  test('a waiver by the PR author is ignored with a note, and the step fails', async () => {
    const comments = [{ login: 'ada', body: '/prguard waive tests-touched trust me' }];
    const { server, event } = await start(scenario({ comments }, untested));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    const report = reportOf(run);
    expect(report.waivers).toEqual([]);
    expect(report.notes.join('\n')).toMatch(/waiver by @ada.* ignored: @ada is the PR author of this change/);
  });

  test('a waiver of a rule not in waivers.rules, or without a reason, is ignored with a note', async () => {
    const comments = [
      { login: 'lead', body: '/prguard waive review-quorum urgent' },
      { login: 'lead', body: '/prguard waive tests-touched' },
    ];
    const { server, event } = await start(scenario({ comments }, untested));
    const run = await runAction(server, event);
    const notes = reportOf(run).notes.join('\n');
    expect(notes).toContain('review-quorum may not be waived');
    expect(notes).toContain('gives no reason');
    expect(run.code).toBe(1);
  });
});

describe.concurrent('events', () => {
  test('pull_request_review re-evaluates the quorum', async () => {
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('alice')] }));
    const run = await runAction(server, reviewEvent(event, 'submitted', 'alice'), { eventName: 'pull_request_review' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(checkRun(server, 'prguard/review')[0]!.request.conclusion).toBe('success');
  });

  test('issue_comment with a waive command reads the PR by number; another comment is skipped', async () => {
    const comments = [{ login: 'lead', body: '/prguard waive tests-touched covered by the e2e suite' }];
    const { server, event } = await start(scenario({ comments }, [authFile]));
    const run = await runAction(server, commentEvent(event, comments[0]!.body), { eventName: 'issue_comment' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/get').length).toBeGreaterThan(0);
    expect(reportOf(run).waivers).toHaveLength(1);

    const other = await start(scenario({}));
    const skipped = await runAction(other.server, commentEvent(other.event, 'LGTM'), { eventName: 'issue_comment' });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('::notice::prguard: nothing to check on issue_comment');
    expect(other.server.requests).toEqual([]);
  });

  test('a workflow_run relay checks the PR named by pull-number; without it, a notice and exit 0', async () => {
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('alice')] }));
    const relay = { action: 'completed', repository: event.repository, workflow_run: { event: 'pull_request_review' } };
    const run = await runAction(server, relay, { eventName: 'workflow_run', inputs: { 'pull-number': String(event.pull_request.number) } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(checkRun(server, 'prguard/review')[0]!.request.conclusion).toBe('success');
    const bare = await start(scenario({}));
    const skipped = await runAction(bare.server, relay, { eventName: 'workflow_run' });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('needs the `pull-number` input');
    expect(bare.server.requests).toEqual([]);
  });

  test('merge_group checks the queue head: base...head through the compare API, review check evaluated on the PR', async () => {
    const humans: FakeHumans = { compare: { [`${BASE_SHA}...${QUEUE_HEAD}`]: { files: [authFile, authTest], commits: [{ sha: QUEUE_HEAD, message: 'Merge queue entry\n' }] } } };
    const { server, event } = await start(scenario(humans));
    const group = mergeGroupEvent(event, event.pull_request.number, BASE_SHA, QUEUE_HEAD);
    const run = await runAction(server, group, { eventName: 'merge_group' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    const [main] = checkRun(server, 'prguard');
    expect(main!.request).toMatchObject({ head_sha: QUEUE_HEAD, conclusion: 'success' });
    const [review] = checkRun(server, 'prguard/review');
    expect(review!.request).toMatchObject({ head_sha: QUEUE_HEAD, status: 'completed', conclusion: 'success' });
    expect(review!.request.output.title).toBe(`Evaluated on pull request #${event.pull_request.number}`);
    expect(reportOf(run).stats.files).toBe(2);
  });
});
