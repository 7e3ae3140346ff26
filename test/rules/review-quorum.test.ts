// review-quorum over hand-made change sets: who counts, stale approvals, owners from the policy,
// CODEOWNERS at the base and teams, and the local notice.
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/model.ts';
import { reviewQuorum } from '../../rules/review-quorum/index.ts';
import { loginFromEmail, standingApprovals } from '../../src/rule-kit/people.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const HEAD = 'h'.repeat(40);
const OLD = 'a'.repeat(40);
const core = { auth: ['src/auth/**'], billing: ['src/billing/**'] };
const coreOwners = { auth: ['@alice', '@acme/auth-team'] };

function approved(login: string, more: Partial<Review> = {}): Review {
  return { login, type: 'User', state: 'APPROVED', commitId: HEAD, submittedAt: '2024-05-01T10:00:00Z', ...more };
}

function pull(files: string[], reviews: Review[] | undefined, more: Partial<ReturnType<typeof pr>> = {}) {
  return change({
    head: HEAD,
    files: files.map((p) => file(p, { added: 1 })),
    commits: [commit('Change\n', { author: { name: 'Ada', email: 'ada@example.com', login: 'ada' } })],
    pr: pr({ author: { login: 'ada', type: 'User' }, ...(reviews ? { reviews } : {}), ...more }),
  });
}

const run = (c: ReturnType<typeof pull>, options = {}, ctx = {}) => runRule(reviewQuorum, c, options, { core, coreOwners, ...ctx });

describe('review-quorum: counting', () => {
  it('a leaf change with one approval from someone else passes', () => {
    expect(run(pull(['src/ui/button.ts'], [approved('bob')]))).toEqual([]);
  });

  it("an approval from someone without access to the repository (author_association) is not counted; a review without one is", () => {
    const [v] = run(pull(['src/ui/button.ts'], [approved('sock', { association: 'NONE' })]));
    expect(v!.message).toContain('has 0. Missing: 1 more approval. Not counted: @sock (none: not an owner, member or collaborator of the repository).');
    expect(run(pull(['src/ui/button.ts'], [approved('bob', { association: 'COLLABORATOR' })]))).toEqual([]);
    expect(run(pull(['src/ui/button.ts'], [approved('bob')]))).toEqual([]);
  });

  it('a reviewer who cannot write to the repository (permission read or none, or unknown) is not counted; one without a permission read is', () => {
    const [v] = run(pull(['src/ui/button.ts'], [approved('mia', { association: 'MEMBER', permission: 'read' }), approved('tri', { permission: 'none' }), approved('unk', { permission: '' })]));
    expect(v!.message).toContain('has 0. Missing: 1 more approval. Not counted: @mia (read access: only people who can write to the repository count); @tri (no access');
    expect(v!.message).toContain('@unk (whether they can write to the repository could not be read)');
    for (const permission of ['write', 'admin', 'maintain', 'WRITE']) expect(run(pull(['src/ui/button.ts'], [approved('bob', { permission })]))).toEqual([]);
  });

  it('a core change with one approval names what is missing', () => {
    const [v, ...rest] = run(pull(['src/auth/session.ts'], [approved('bob')]));
    expect(rest.map((r) => r.messageId)).toEqual(['teamsUnknown']);
    expect(v!.messageId).toBe('unmet');
    expect(v!.message).toContain('needs 2 approvals, one from an owner of auth (@alice, @acme/auth-team); has 1 (@bob, on the current head)');
    expect(v!.message).toContain('Missing: 1 more approval and an approval from an owner of auth');
  });

  it('two approvals including the owner meet the quorum', () => {
    expect(run(pull(['src/auth/session.ts'], [approved('bob'), approved('Alice')]))).toEqual([]);
  });

  it('the author, commit authors, co-authors, committers and bots do not count', () => {
    const c = pull(['src/ui/a.ts'], [approved('ada'), approved('carol'), approved('dave'), approved('erin'), approved('renovate[bot]', { type: 'Bot' })]);
    c.commits.push(
      commit('More\n\nCo-authored-by: Dave D <12345+dave@users.noreply.github.com>\n', {
        author: { name: 'Carol', email: 'carol@example.com', login: 'carol' },
        committer: { name: 'Erin', email: 'erin@example.com', login: 'erin' },
        trailers: [{ key: 'Co-authored-by', value: 'Dave D <12345+dave@users.noreply.github.com>', line: 3 }],
      }),
    );
    const [v] = run(c);
    expect(v!.message).toContain('has 0.');
    expect(v!.message).toContain('@ada (the PR author)');
    expect(v!.message).toContain('@carol (a commit author)');
    expect(v!.message).toContain('@dave (a co-author)');
    expect(v!.message).toContain('@erin (a committer)');
    expect(v!.message).toContain('@renovate[bot] (a bot)');
  });

  it('a co-author known only by a work address is excluded by the accounts the entry resolved for the commit', () => {
    const c = pull(['src/ui/a.ts'], [approved('asmith')]);
    c.commits[0] = commit('Change\n\nCo-Authored-By: Alice Smith <alice@corp.example>\n', {
      author: { name: 'Devin AI', email: 'devin@example.com', login: 'devin-ai-integration[bot]' },
      trailers: [{ key: 'Co-Authored-By', value: 'Alice Smith <alice@corp.example>', line: 3 }],
    });
    expect(run(c)).toEqual([]); // name and address say nothing about @asmith
    c.commits[0]!.coAuthorLogins = ['devin-ai-integration[bot]', 'ASmith'];
    expect(run(c)[0]!.message).toContain('Not counted: @asmith (a co-author)');
  });

  it('a later change request or dismissal cancels an approval; a comment does not', () => {
    const reviews = [
      approved('bob', { submittedAt: '2024-05-01T10:00:00Z' }),
      approved('bob', { state: 'CHANGES_REQUESTED', submittedAt: '2024-05-02T10:00:00Z' }),
      approved('carl', { submittedAt: '2024-05-01T10:00:00Z' }),
      approved('carl', { state: 'COMMENTED', submittedAt: '2024-05-03T10:00:00Z' }),
    ];
    expect(standingApprovals(reviews).map((r) => r.login)).toEqual(['carl']);
    expect(run(pull(['src/ui/a.ts'], reviews), { approvals: 2 })[0]!.message).toContain('has 1 (@carl, on the current head)');
  });

  it('a change request after an approval cancels it whatever else the list holds: a PENDING review without a time does not reorder it', () => {
    // GitHub lists reviews by when they were started, not submitted, and shows the token's own
    // PENDING review (no submitted_at) among them: here Alice approved at 10:00, then asked for changes.
    const at = (h: number) => `2024-05-01T${String(h).padStart(2, '0')}:00:00Z`;
    const reviews = [
      approved('u0', { state: 'COMMENTED', submittedAt: at(12) }),
      approved('u1', { state: 'COMMENTED', submittedAt: at(16) }),
      approved('u2', { state: 'COMMENTED', submittedAt: at(20) }),
      approved('lead', { state: 'PENDING', submittedAt: undefined }),
      approved('alice', { submittedAt: at(10) }),
      approved('u4', { state: 'COMMENTED', submittedAt: at(7) }),
      approved('alice', { state: 'CHANGES_REQUESTED', submittedAt: at(11) }),
    ];
    expect(standingApprovals(reviews)).toEqual([]);
  });
});

describe('review-quorum: stale approvals', () => {
  it('a leaf approval on an earlier commit counts only when nothing changed since', () => {
    const stale = run(pull(['src/ui/a.ts'], [approved('bob', { commitId: OLD, changedSince: ['src/ui/a.ts'] })]));
    expect(stale[0]!.message).toContain('@bob (approved aaaaaaa; src/ui/a.ts changed since)');
    expect(run(pull(['src/ui/a.ts'], [approved('bob', { commitId: OLD, changedSince: [] })]))).toEqual([]);
  });

  it('an unknown "changed since" does not count (fail closed)', () => {
    expect(run(pull(['src/ui/a.ts'], [approved('bob', { commitId: OLD })]))[0]!.message).toContain('what changed since is unknown');
  });

  it('a core approval stays when only leaf files changed since, not when the module did', () => {
    const leafOnly = [approved('bob'), approved('alice', { commitId: OLD, changedSince: ['README.md'] })];
    expect(run(pull(['src/auth/s.ts'], leafOnly))).toEqual([]);
    const coreChanged = [approved('bob'), approved('alice', { commitId: OLD, changedSince: ['src/auth/s.ts'] })];
    const [v] = run(pull(['src/auth/s.ts'], coreChanged));
    expect(v!.message).toContain('@alice (approved aaaaaaa; src/auth/s.ts changed since)');
    expect(v!.message).toContain('an approval from an owner of auth');
  });

  it('on a core change, files outside core changed after every approval still need `approvals` approvals that saw them', () => {
    // Both approved OLD; a later push changed only a leaf file. The core files are still vouched
    // for, the leaf push by nobody: as on a leaf-only change, it needs a fresh approval.
    const both = [approved('bob', { commitId: OLD, changedSince: ['scripts/deploy.sh'] }), approved('alice', { commitId: OLD, changedSince: ['scripts/deploy.sh'] })];
    const [v, ...rest] = run(pull(['src/auth/s.ts', 'scripts/deploy.sh'], both));
    expect(rest).toEqual([]);
    expect(v!.messageId).toBe('unmet');
    expect(v!.message).toContain('has 2 (@bob, on aaaaaaa, for the core files only: scripts/deploy.sh changed since; @alice, on aaaaaaa, for the core files only: scripts/deploy.sh changed since)');
    expect(v!.message).toContain('Missing: 1 more approval of the whole change (files outside core changed since the other approvals)');
    // One fresh approval of the head, by anyone eligible, settles it; so does approvals: 0.
    expect(run(pull(['src/auth/s.ts', 'scripts/deploy.sh'], [...both, approved('carol')])).filter((f) => f.messageId === 'unmet')).toEqual([]);
    expect(run(pull(['src/auth/s.ts', 'scripts/deploy.sh'], both), { approvals: 0 }).filter((f) => f.messageId === 'unmet')).toEqual([]);
  });
});

describe('review-quorum: owners', () => {
  it('team owners count through membership the entry read', () => {
    const c = pull(['src/auth/s.ts'], [approved('bob'), approved('tess')], { teams: { 'acme/auth-team': ['tess'] } });
    expect(run(c)).toEqual([]);
  });

  it('without team membership it says so and counts only user owners', () => {
    const out = run(pull(['src/auth/s.ts'], [approved('bob'), approved('tess')]));
    expect(out.map((v) => v.messageId)).toEqual(['unmet', 'teamsUnknown']);
    expect(out[1]!.severity).toBe('notice');
    expect(out[1]!.message).toContain('@acme/auth-team');
    expect(out[1]!.message).toContain('owners-token');
  });

  it('short-form modules take owners from CODEOWNERS at the base, last matching line wins', () => {
    const codeowners = '* @everyone\n/src/billing/ @old-owner\n/src/billing/**/*.ts @carol # billing\n';
    const ctx = { baseDocuments: { '.github/CODEOWNERS': codeowners } };
    expect(run(pull(['src/billing/pay.ts'], [approved('bob'), approved('carol')]), {}, ctx)).toEqual([]);
    const [v] = run(pull(['src/billing/pay.ts'], [approved('bob'), approved('old-owner')]), {}, ctx);
    expect(v!.message).toContain('one from an owner of billing (@carol)');
  });

  it('a module with no known owner cannot be approved by its owner, and the message says why', () => {
    const [v] = run(pull(['src/billing/pay.ts'], [approved('bob'), approved('carl')]));
    expect(v!.message).toContain('billing (no owner known');
  });

  it('owner-approval: false needs only the count', () => {
    expect(run(pull(['src/billing/pay.ts'], [approved('bob'), approved('carl')]), { 'owner-approval': false })).toEqual([]);
  });
});

describe('review-quorum: locally, without reviews', () => {
  it('says what the pull request will need, as a notice', () => {
    const [v] = run(pull(['src/auth/s.ts'], undefined));
    expect(v).toMatchObject({ messageId: 'onPullRequest', severity: 'notice' });
    expect(v!.message).toContain('2 approvals including an owner of auth');
  });

  it('nothing when nothing is required', () => {
    expect(run(pull(['src/ui/a.ts'], undefined), { approvals: 0 })).toEqual([]);
  });
});

describe('loginFromEmail', () => {
  it('reads no-reply addresses only', () => {
    expect(loginFromEmail('12345+Dave@users.noreply.github.com')).toBe('dave');
    expect(loginFromEmail('dave@users.noreply.github.com')).toBe('dave');
    expect(loginFromEmail('dave@example.com')).toBeUndefined();
  });
});
