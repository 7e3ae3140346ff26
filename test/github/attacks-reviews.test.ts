// The review quorum against a hostile or surprising GitHub: what prguard could not read never
// completes the review check with success, a commit dropped after an approval makes it stale, and
// the review list is read in full or not at all. dist/action.js against the contract-validating fake.
import { describe, expect, test } from 'vitest';
import type { FakeFile, FakeHumans, FakeReview } from './fake-github.ts';
import { commentEvent } from './humans.ts';
import { addedPatch, fakeServers, HEAD_SHA, runAction, type ActionRun, type Scenario } from './scenario.ts';

const start = fakeServers();
const OLD = '3'.repeat(40);

// Only the quorum runs: nothing else could fail the run and hide a wrong review verdict.
const POLICY = `version: 1
core:
  auth:
    paths: ["src/auth/**"]
    owners: ["@alice"]
rules:
  review-quorum: { severity: error, approvals: 1, core-approvals: 2 }
  pr-size: off
  tests-touched: off
  ai-disclosure: off
  secret-leakage: off
  protected-paths: off
  core-changes: off
`;

const authFile: FakeFile = { filename: 'src/auth/session.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const TTL = 900;']) };
const docFile: FakeFile = { filename: 'docs/guide.md', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['# Guide']) };
const approve = (login: string | null, more: Partial<FakeReview> = {}): FakeReview => ({ login, state: 'APPROVED', commit_id: HEAD_SHA, ...more });

function scenario(humans: FakeHumans, files: FakeFile[], more: Partial<Scenario> = {}): Scenario {
  return { pr: { author: { login: 'ada', type: 'User' } }, files, base: { '.github/prguard.yml': POLICY }, humans, ...more };
}

type Run = { request: { name: string; status: string; conclusion?: string; output: { title: string; summary: string } } };
const reviewCheck = (server: { checkRuns: unknown[] }) => (server.checkRuns as Run[]).filter((r) => r.request.name === 'prguard/review');
const errorLine = (run: ActionRun) => run.stdout.split('\n').find((l) => l.startsWith('::error::'));

describe.concurrent('the review check fails closed', () => {
  test('a file list GitHub cut short (a core file unseen) is not a met quorum: the review check fails, saying why', async () => {
    // Two changed files, GitHub lists one: the unlisted one is in the core module.
    const { server, event } = await start(scenario({ reviews: [approve('bob')] }, [docFile, authFile], { hostile: { listedFiles: 1 } }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    const [review, ...more] = reviewCheck(server);
    expect(more).toEqual([]);
    expect(review!.request).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(review!.request.output.title).toContain('not decided');
    expect(review!.request.output.summary).toContain('❌ Could not read the whole file list');
    // The main check and the step never depend on reviews.
    expect(run.code).toBe(0);
  });

  test('a diff GitHub left out (lines unread) does not stop the quorum, which reads files and commits only', async () => {
    const large: FakeFile = { filename: 'docs/big.md', status: 'modified', additions: 5000, deletions: 0 };
    const { server, event } = await start(scenario({ reviews: [approve('bob')] }, [large]));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(reviewCheck(server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  test('an approval on a commit the head dropped is stale: the reverse compare shows what the drop changed', async () => {
    // Both approved OLD, which is HEAD plus a commit that fixed src/auth; the branch was then
    // force-pushed back to HEAD. OLD...HEAD lists nothing (HEAD is OLD's ancestor).
    const compare = {
      [`${OLD}...${HEAD_SHA}`]: { files: [], behindBy: 1 },
      [`${HEAD_SHA}...${OLD}`]: { files: [authFile], commits: [{ sha: OLD, message: 'Fix the session check\n' }] },
    };
    const { server, event } = await start(scenario({ reviews: [approve('bob', { commit_id: OLD }), approve('alice', { commit_id: OLD })], compare }, [authFile]));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(server.calls('repos/compare-commits-with-basehead').map((r) => r.path.split('/compare/')[1])).toEqual([`${OLD}...${HEAD_SHA}`, `${HEAD_SHA}...${OLD}`]);
    const [review] = reviewCheck(server);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('@alice (approved 3333333; src/auth/session.ts changed since)');
  });

  test('approvals on an ancestor of the head still count for core when only a leaf file changed since (one compare); the leaf push needs a fresh approval', async () => {
    const compare = { [`${OLD}...${HEAD_SHA}`]: { files: [docFile], commits: [{ sha: HEAD_SHA, message: 'Docs\n' }] } };
    const older = [approve('bob', { commit_id: OLD }), approve('alice', { commit_id: OLD })];
    // Both approved before the push: nobody has seen docs/guide.md as it is now.
    const unseen = await start(scenario({ reviews: older, compare }, [authFile, docFile]));
    await runAction(unseen.server, unseen.event);
    expect(unseen.server.violations).toEqual([]);
    const [pending] = reviewCheck(unseen.server);
    expect(pending!.request.status).toBe('in_progress');
    expect(pending!.request.output.summary).toContain('Missing: 1 more approval of the whole change (files outside core changed since the other approvals)');
    // A third reviewer approves the head: the quorum is met, still with one compare.
    const { server, event } = await start(scenario({ reviews: [...older, approve('carol')], compare }, [authFile, docFile]));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(server.calls('repos/compare-commits-with-basehead')).toHaveLength(1);
    expect(reviewCheck(server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  test('a review check refused (403) says what to do: checks: write on the repository\'s own PR, the relay for a fork\'s', async () => {
    const notice = (run: ActionRun) => run.stdout.split('\n').find((l) => l.startsWith('::notice::prguard: the prguard/review check run could not be created'));
    const own = await start(scenario({ reviews: [approve('bob')] }, [docFile], { readOnly: true }));
    expect(notice(await runAction(own.server, own.event))).toContain('(403: the token cannot write checks). Add `checks: write` to the workflow permissions. Review quorum:');
    const fork = await start(scenario({ reviews: [approve('bob')] }, [docFile], { readOnly: true, pr: { author: { login: 'ada', type: 'User' }, fork: true } }));
    expect(notice(await runAction(fork.server, fork.event))).toContain("A fork's review event has a read-only token: relay it through workflow_run");
  });

  test('a hostile file name in the review check is text, not a link or HTML', async () => {
    const hostile: FakeFile = { ...authFile, filename: 'src/auth/[Approve](https://evil.example)<img src=x>.ts' };
    const compare = { [`${OLD}...${HEAD_SHA}`]: { files: [hostile], commits: [{ sha: HEAD_SHA, message: 'More\n' }] } };
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('alice', { commit_id: OLD })], compare }, [hostile]));
    await runAction(server, event);
    const summary = reviewCheck(server)[0]!.request.output.summary;
    expect(summary).toContain('src/auth/\\[Approve\\](https&#58;//evil.example)&lt;img src=x&gt;.ts changed since');
    expect(summary).not.toContain('<img');
  });

  test('on a public repository anyone can approve: only owners, members and collaborators count', async () => {
    const outsiders: FakeReview[] = [approve('sock1', { association: 'NONE' }), approve('sock2', { association: 'FIRST_TIME_CONTRIBUTOR' }), approve('sock3', { association: 'CONTRIBUTOR' })];
    const leaf = await start(scenario({ reviews: outsiders }, [docFile]));
    await runAction(leaf.server, leaf.event);
    expect(leaf.server.violations).toEqual([]);
    const [review] = reviewCheck(leaf.server);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('has 0.');
    expect(review!.request.output.summary).toContain('@sock1 (none: not an owner, member or collaborator of the repository)');
    expect(review!.request.output.summary).toContain('@sock2 (first time contributor: not an owner');

    const insiders = await start(scenario({ reviews: [approve('mia', { association: 'MEMBER' }), approve('alice', { association: 'OWNER' })] }, [authFile]));
    await runAction(insiders.server, insiders.event);
    expect(reviewCheck(insiders.server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  test('a member or collaborator without write access does not count (GitHub counts approvals from writers only); an unreadable access does not either', async () => {
    // An organization whose base permission is read: every member can approve, none can push.
    const readers: FakeReview[] = [approve('mia', { association: 'MEMBER' }), approve('alice', { association: 'MEMBER' }), approve('gone', { association: 'COLLABORATOR' })];
    const { server, event } = await start(scenario({ reviews: readers, permissions: { mia: 'read', alice: 'write', gone: 'missing' } }, [authFile]));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(server.calls('repos/get-collaborator-permission-level').map((r) => r.path.split('/').at(-2)).sort()).toEqual(['alice', 'gone', 'mia']);
    const [review] = reviewCheck(server);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('has 1 (@alice, on the current head)');
    expect(review!.request.output.summary).toContain('@mia (read access: only people who can write to the repository count); @gone (no access: only people');

    // The token refused (403): nobody's access is known, so no approval counts, and the log says why.
    const refused = await start(scenario({ reviews: [approve('mia'), approve('alice')] }, [authFile], {
      failures: [{ operationId: 'repos/get-collaborator-permission-level', status: 403, times: 2, message: 'Resource not accessible by integration' }],
    }));
    const run = await runAction(refused.server, refused.event);
    expect(refused.server.violations).toEqual([]);
    expect(run.stdout).toContain("prguard: the token cannot read reviewers' access to the repository (403)");
    const [pending] = reviewCheck(refused.server);
    expect(pending!.request.status).toBe('in_progress');
    expect(pending!.request.output.summary).toContain('has 0. Missing: 2 more approvals');
    expect(pending!.request.output.summary).toContain('@alice (whether they can write to the repository could not be read)');
  });

  test("a co-author named by a work address (a coding agent's requester) is known by the account GitHub resolves it to, and does not count", async () => {
    // The agent opened the PR and wrote the commit; Alice Smith (@asmith) asked for it and approves.
    const agent = { login: 'devin-ai-integration[bot]', type: 'Bot' };
    const commits = [{
      sha: 'c'.repeat(40),
      message: 'Shorten sessions\n\nCo-Authored-By: Alice Smith <alice.smith@corp.example>\n',
      author: { name: 'Devin AI', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com', login: agent.login, type: 'Bot' },
      coAuthors: ['asmith'],
    }];
    const policy = POLICY.replace('owners: ["@alice"]', 'owners: ["@asmith"]');
    const { server, event } = await start({ ...scenario({ reviews: [approve('asmith'), approve('bob')] }, [authFile], { pr: { author: agent }, commits }), base: { '.github/prguard.yml': policy } });
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(server.calls('graphql')).toHaveLength(1);
    const [review] = reviewCheck(server);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('has 1 (@bob, on the current head)');
    expect(review!.request.output.summary).toContain('Not counted: @asmith (a co-author)');

    // A co-author whose address GitHub cannot resolve is read, but names nobody: Bob and Alice count.
    const unknown = await start({ ...scenario({ reviews: [approve('asmith'), approve('bob')] }, [authFile], { pr: { author: agent }, commits: [{ ...commits[0]!, coAuthors: [null] }] }), base: { '.github/prguard.yml': policy } });
    await runAction(unknown.server, unknown.event);
    expect(unknown.server.violations).toEqual([]);
    expect(reviewCheck(unknown.server)[0]!.request).toMatchObject({ status: 'completed', conclusion: 'success' });

    // GitHub could not say (GraphQL refused): the run fails, naming the call, and no review check says "met".
    const refused = await start({ ...scenario({ reviews: [approve('asmith'), approve('bob')] }, [authFile], { pr: { author: agent }, commits, failures: [{ operationId: 'graphql', status: 502 , times: 5 }] }), base: { '.github/prguard.yml': policy } });
    const run = await runAction(refused.server, refused.event);
    expect(run.code).toBe(1);
    expect(errorLine(run)).toContain('graphql Commit.authors');
    expect(reviewCheck(refused.server)).toEqual([]);
  }, 30_000);

  test('CODEOWNERS is read at the base: a PR that makes its author\'s friend the owner does not get an owner approval', async () => {
    const policy = POLICY.replace('  auth:\n    paths: ["src/auth/**"]\n    owners: ["@alice"]\n', '  auth: ["src/auth/**"]\n');
    expect(policy).toContain('auth: ["src/auth/**"]'); // owners from CODEOWNERS, not the policy
    const codeowners: FakeFile = { filename: '.github/CODEOWNERS', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-/src/auth/ @alice\n+/src/auth/ @mallory' };
    const { server, event } = await start({
      ...scenario({ reviews: [approve('bob'), approve('mallory')] }, [authFile, codeowners]),
      base: { '.github/prguard.yml': policy, '.github/CODEOWNERS': '/src/auth/ @alice\n' },
      head: { '.github/CODEOWNERS': '/src/auth/ @mallory\n' },
    });
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    const [review] = reviewCheck(server);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('Missing: an approval from an owner of auth');
    expect(review!.request.output.summary).toContain('auth (@alice)');
  });

  test('a review GitHub names no user for (a deleted account) is not an approval', async () => {
    const { server, event } = await start(scenario({ reviews: [approve(null)] }, [docFile]));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    const [review] = reviewCheck(server);
    expect(review!.request.status).toBe('in_progress');
    expect(review!.request.output.summary).toContain('Not counted: a review by an account GitHub no longer names.');
  });
});

describe.concurrent('the review list is read in full, or the run says it could not be', () => {
  test('a change requested on the second page cancels the approval on the first', async () => {
    const reviews: FakeReview[] = [
      approve('alice', { submitted_at: '2024-05-01T10:00:00Z' }),
      ...Array.from({ length: 120 }, (_, i): FakeReview => ({ login: `user${i}`, state: 'COMMENTED', commit_id: HEAD_SHA, submitted_at: '2024-05-01T11:00:00Z' })),
      { login: 'alice', state: 'CHANGES_REQUESTED', commit_id: HEAD_SHA, submitted_at: '2024-05-01T12:00:00Z' },
    ];
    const { server, event } = await start(scenario({ reviews }, [docFile]));
    await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(server.calls('pulls/list-reviews').map((r) => r.query.page)).toEqual(['1', '2']);
    expect(reviewCheck(server)[0]!.request.status).toBe('in_progress');
  });

  test('a Link that never ends cannot make the review list run away: the step fails naming the call', async () => {
    const { server, event } = await start(scenario({ reviews: [approve('bob')] }, [docFile], { hostile: { endlessLink: ['pulls/list-reviews'] } }));
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('pulls/list-reviews')).toHaveLength(30);
    expect(errorLine(run)).toMatch(/^::error::prguard: pulls\.listReviews lists more than 30 pages of 100 .*could not be read in full/);
    expect(reviewCheck(server)).toEqual([]);
  }, 30_000);

  test('a truncated review or comment page is a malformed answer, not "did not reach GitHub"', async () => {
    const humans: FakeHumans = { reviews: [approve('bob')], comments: [{ login: 'lead', body: '/prguard waive pr-size big on purpose' }] };
    const reviews = await start(scenario(humans, [docFile], { hostile: { truncate: ['pulls/list-reviews'] } }));
    const comments = await start(scenario(humans, [docFile], { hostile: { truncate: ['issues/list-comments'] } }));
    const runs = [
      await runAction(reviews.server, reviews.event),
      await runAction(comments.server, commentEvent(comments.event, humans.comments![0]!.body), { eventName: 'issue_comment' }),
    ];
    expect(runs.map(errorLine)).toEqual([
      expect.stringMatching(/^::error::prguard: pulls\.listReviews \(page 1\) returned a malformed response \(the body should be array, got text/),
      expect.stringMatching(/^::error::prguard: issues\.listComments \(page 1\) returned a malformed response \(the body should be array, got text/),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
  });
});
