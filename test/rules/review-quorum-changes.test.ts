// review-quorum and change requests: one that stands, from a reviewer who can write, blocks the
// quorum however many others approve (as GitHub's branch protection does), until they approve or a
// maintainer dismisses it; a comment review clears nothing. `changes-requested: ignore` turns it off.
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/model.ts';
import { reviewQuorum } from '../../rules/review-quorum/index.ts';
import { outstandingChangeRequests } from '../../src/rule-kit/people.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const HEAD = 'h'.repeat(40);
const OLD = 'a'.repeat(40);
const core = { auth: ['src/auth/**'] };
const coreOwners = { auth: ['@alice', '@acme/auth-team'] };
const teams = { 'acme/auth-team': ['tess'] };

let clock = 0;
/** A review on the head, each one later than the last. */
function review(login: string, state: string, more: Partial<Review> = {}): Review {
  clock++;
  return { login, type: 'User', state, commitId: HEAD, submittedAt: `2024-05-01T${String(clock).padStart(2, '0')}:00:00Z`, ...more };
}

function pull(files: string[], reviews: Review[]) {
  return change({
    head: HEAD,
    files: files.map((p) => file(p, { added: 1 })),
    commits: [commit('Change\n', { author: { name: 'Ada', email: 'ada@example.com', login: 'ada' } })],
    pr: pr({ author: { login: 'ada', type: 'User' }, reviews, teams }),
  });
}

const run = (reviews: Review[], options = {}, files = ['src/auth/session.ts']) => runRule(reviewQuorum, pull(files, reviews), options, { core, coreOwners });
const ids = (out: ReturnType<typeof run>) => out.map((v) => v.messageId);

// Two approvals, one from an owner (Tess, of @acme/auth-team): the quorum without Alice's request.
const approvals = () => [review('bob', 'APPROVED'), review('tess', 'APPROVED')];

describe('review-quorum: a change request that stands blocks', () => {
  it('the module owner requests changes and two others approve: the quorum is blocked, naming the owner and how to clear it', () => {
    const out = run([review('alice', 'CHANGES_REQUESTED', { commitId: OLD }), ...approvals()]);
    expect(ids(out)).toEqual(['changesRequested']);
    expect(out[0]!.severity).toBeUndefined(); // the rule's own (error by default)
    expect(out[0]!.message).toContain('Changes requested by @alice (an owner of auth), and not cleared since');
    expect(out[0]!.message).toContain('the reviewer approves the pull request (a comment review does not clear a change request), or a maintainer dismisses their review');
  });

  it('a deleted account approving later does not clear another deleted account\'s change request', () => {
    const out = run([review('', 'CHANGES_REQUESTED'), review('', 'APPROVED'), ...approvals()]);
    expect(ids(out)).toEqual(['changesRequested']);
    expect(out[0]!.message).toContain('a reviewer GitHub no longer names');
  });

  it('any reviewer who can write blocks, not only owners; several are listed', () => {
    const out = run([review('carl', 'CHANGES_REQUESTED', { permission: 'write' }), review('dora', 'CHANGES_REQUESTED', { permission: 'admin' }), ...approvals()]);
    expect(out[0]!.message).toContain('Changes requested by @carl; @dora, and not cleared since');
  });

  it('the requester approves later: the request is cleared and the quorum passes', () => {
    expect(run([review('alice', 'CHANGES_REQUESTED'), ...approvals(), review('alice', 'APPROVED')])).toEqual([]);
  });

  it('a dismissed request (GitHub turns its state to DISMISSED) blocks nothing', () => {
    expect(run([review('alice', 'DISMISSED'), ...approvals()])).toEqual([]);
    expect(outstandingChangeRequests([review('alice', 'CHANGES_REQUESTED'), review('alice', 'DISMISSED')])).toEqual([]);
  });

  it('a comment review after the request does not clear it, as on GitHub; a new request after an approval stands again', () => {
    expect(ids(run([review('alice', 'CHANGES_REQUESTED'), review('alice', 'COMMENTED'), ...approvals()]))).toEqual(['changesRequested']);
    expect(ids(run([review('alice', 'APPROVED'), review('alice', 'CHANGES_REQUESTED'), review('alice', 'COMMENTED'), ...approvals()]))).toEqual(['changesRequested']);
    expect(ids(run([review('alice', 'CHANGES_REQUESTED'), review('alice', 'PENDING', { submittedAt: undefined }), ...approvals()]))).toEqual(['changesRequested']);
  });

  it('a leaf change is blocked too; a login written in another case is the same reviewer', () => {
    expect(ids(run([review('carl', 'CHANGES_REQUESTED'), review('bob', 'APPROVED')], {}, ['docs/a.md']))).toEqual(['changesRequested']);
    expect(run([review('Carl', 'CHANGES_REQUESTED'), review('bob', 'APPROVED'), review('carl', 'APPROVED')], {}, ['docs/a.md'])).toEqual([]);
  });

  it('a requester who cannot write (read, triage, none, or no access association) does not block, and a note says so', () => {
    const out = run([
      review('mia', 'CHANGES_REQUESTED', { association: 'MEMBER', permission: 'read' }),
      review('tri', 'CHANGES_REQUESTED', { permission: 'triage' }),
      review('sock', 'CHANGES_REQUESTED', { association: 'NONE' }),
      ...approvals(),
    ]);
    expect(ids(out)).toEqual(['changesRequestedNotBlocking']);
    expect(out[0]!.severity).toBe('notice');
    expect(out[0]!.message).toContain('Changes requested by @mia (read access); @tri (triage access); @sock (none: not an owner, member or collaborator of the repository): they cannot write to the repository, so the request does not block');
  });

  it('a requester whose access could not be read blocks (fail closed), saying so', () => {
    const out = run([review('alice', 'CHANGES_REQUESTED', { permission: '' }), ...approvals()]);
    expect(ids(out)).toEqual(['changesRequested']);
    expect(out[0]!.message).toContain('Changes requested by @alice (whether they can write to the repository could not be read, so the request counts)');
  });

  it('a bot and an account GitHub no longer names block too (nobody can read their access)', () => {
    const out = run([review('review-app[bot]', 'CHANGES_REQUESTED', { type: 'Bot' }), review('', 'CHANGES_REQUESTED'), ...approvals()]);
    expect(out[0]!.message).toContain('Changes requested by @review-app[bot] (a bot); a reviewer GitHub no longer names (a deleted account; whether it could write cannot be read)');
  });

  it('changes-requested: ignore is the old behaviour: the request cancels only the reviewer\'s own approval', () => {
    expect(run([review('alice', 'CHANGES_REQUESTED'), ...approvals()], { 'changes-requested': 'ignore' })).toEqual([]);
    expect(run([review('mia', 'CHANGES_REQUESTED', { permission: 'read' }), ...approvals()], { 'changes-requested': 'ignore' })).toEqual([]);
    const [v] = run([review('bob', 'APPROVED'), review('tess', 'APPROVED'), review('tess', 'CHANGES_REQUESTED')], { 'changes-requested': 'ignore' });
    expect(v!.messageId).toBe('unmet');
  });
});
