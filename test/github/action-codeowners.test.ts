// CODEOWNERS at the base in the Action, as GitHub reads it: every changed file of a core module
// needs one of its own code owners (teams through the owners-token), and lines GitHub skips do not
// count. dist/action.js against the contract-validating fake GitHub.
import { describe, expect, test } from 'vitest';
import type { FakeFile, FakeHumans, FakeReview } from './fake-github.ts';
import { addedPatch, fakeServers, HEAD_SHA, runAction, type Scenario } from './scenario.ts';

const start = fakeServers();
const OWNERS_TOKEN = 'ghp_ownerstoken0123456789abcdef';

const POLICY = `version: 1
core:
  auth: ["src/auth/**"]
rules:
  review-quorum: { severity: error, approvals: 1, core-approvals: 2 }
  pr-size: off
  tests-touched: off
  ai-disclosure: off
  secret-leakage: off
  protected-paths: off
  core-changes: off
`;

const added = (filename: string): FakeFile => ({ filename, status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) });
const approve = (login: string): FakeReview => ({ login, state: 'APPROVED', commit_id: HEAD_SHA });

function scenario(humans: FakeHumans, codeowners: string, files: FakeFile[]): Scenario {
  return { pr: { author: { login: 'ada', type: 'User' } }, files, base: { '.github/prguard.yml': POLICY, '.github/CODEOWNERS': codeowners }, humans };
}

type Run = { request: { name: string; status: string; conclusion?: string; output: { summary: string } } };
const reviewCheck = (server: { checkRuns: unknown[] }) => (server.checkRuns as Run[]).filter((r) => r.request.name === 'prguard/review')[0]!.request;

describe.concurrent('CODEOWNERS owners in the Action', () => {
  const codeowners = '/src/auth/ @acme/auth-team\n*.md @docs-writer\n';
  const files = [added('src/auth/session.ts'), added('src/auth/README.md')];
  const teams = { 'acme/auth-team': ['tess'] };

  test("the owner of the module's README does not approve its code", async () => {
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('docs-writer')], teams, membersToken: OWNERS_TOKEN }, codeowners, files));
    await runAction(server, event, { inputs: { 'owners-token': OWNERS_TOKEN } });
    expect(server.violations).toEqual([]);
    const review = reviewCheck(server);
    expect(review.status).toBe('in_progress');
    expect(review.output.summary).toContain('Missing: an approval from an owner of auth (@acme/auth-team for src/auth/session.ts)');
  });

  test('a member of the team owning the code completes it', async () => {
    const humans = { reviews: [approve('bob'), approve('docs-writer'), approve('tess')], teams, membersToken: OWNERS_TOKEN };
    const { server, event } = await start(scenario(humans, codeowners, files));
    await runAction(server, event, { inputs: { 'owners-token': OWNERS_TOKEN } });
    expect(server.violations).toEqual([]);
    expect(reviewCheck(server)).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  test('an owners-token that cannot read the team is named as such, not asked for', async () => {
    // The fake answers 403 to every membership look-up: the token lacks organization members: read.
    const { server, event } = await start(scenario({ reviews: [approve('bob'), approve('tess')], teams }, codeowners, [added('src/auth/session.ts')]));
    await runAction(server, event, { inputs: { 'owners-token': OWNERS_TOKEN } });
    expect(server.violations).toEqual([]);
    expect(server.calls('teams/get-membership-for-user-in-org').length).toBeGreaterThan(0);
    const { summary } = reviewCheck(server).output;
    // Markdown text: the backticks of `owners-token` are escaped.
    expect(summary).toContain('Team membership of @acme/auth-team could not be read, so only user owners were counted: the \\`owners-token\\` could not read it');
    expect(summary).not.toContain('Give the Action an');
    // Without the input, the notice asks for one.
    const without = await start(scenario({ reviews: [approve('bob'), approve('tess')], teams }, codeowners, [added('src/auth/session.ts')]));
    await runAction(without.server, without.event);
    expect(reviewCheck(without.server).output.summary).toContain('no team membership was read');
    expect(reviewCheck(without.server).output.summary).toContain('Give the Action an \\`owners-token\\`');
  });

  test('a later line GitHub skips (an owner without @) does not hand the module to its valid owner', async () => {
    const skipped = '/src/auth/ @acme/auth-team\n/src/auth/ @mallory TODO\n';
    const humans = { reviews: [approve('bob'), approve('mallory')], teams, membersToken: OWNERS_TOKEN };
    const { server, event } = await start(scenario(humans, skipped, [added('src/auth/session.ts')]));
    await runAction(server, event, { inputs: { 'owners-token': OWNERS_TOKEN } });
    expect(server.violations).toEqual([]);
    const review = reviewCheck(server);
    expect(review.status).toBe('in_progress');
    expect(review.output.summary).toContain('one from an owner of auth (@acme/auth-team)');
  });
});
