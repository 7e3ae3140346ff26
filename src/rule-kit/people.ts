// Who wrote the change and whose approvals stand: pure over the ChangeSet's commits and reviews.
import type { ChangeSet, Review } from '../model.ts';

/** Why a person's approval cannot count for a change they wrote. */
export type AuthorRole = 'the PR author' | 'a commit author' | 'a co-author' | 'a committer';

/** GitHub's no-reply addresses carry the login: `12345+login@users.noreply.github.com`. */
export function loginFromEmail(email: string): string | undefined {
  const m = /^(?:\d+\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(email.trim());
  return m?.[1]?.toLowerCase();
}

/** `Name <email>` of a Co-authored-by trailer. */
export function parseIdentity(value: string): { name: string; email: string } {
  const m = /^(.*?)\s*<([^>]*)>\s*$/.exec(value.trim());
  return m ? { name: m[1]!.trim(), email: m[2]!.trim() } : { name: value.trim(), email: '' };
}

/**
 * Everyone who wrote the change, by lower-case login or name: the PR author, every commit
 * author, co-author and committer. A local commit knows no login, so names and no-reply emails
 * count too (erring on excluding: a name equal to a reviewer's login excludes that reviewer).
 */
export function authorsOf(change: ChangeSet): Map<string, AuthorRole> {
  const out = new Map<string, AuthorRole>();
  const add = (key: string | undefined, role: AuthorRole) => {
    const k = key?.trim().toLowerCase();
    if (k && !out.has(k)) out.set(k, role);
  };
  add(change.pr?.author.login, 'the PR author');
  const loginByEmail = new Map<string, string>();
  for (const c of change.commits) {
    for (const p of [c.author, c.committer]) if (p.login && p.email) loginByEmail.set(p.email.toLowerCase(), p.login);
  }
  for (const c of change.commits) {
    for (const [person, role] of [[c.author, 'a commit author'], [c.committer, 'a committer']] as const) {
      add(person.login, role);
      add(loginFromEmail(person.email), role);
      add(person.name, role);
    }
    for (const login of c.coAuthorLogins ?? []) add(login, 'a co-author');
    for (const t of c.trailers) {
      if (t.key.toLowerCase() !== 'co-authored-by') continue;
      const id = parseIdentity(t.value);
      add(loginByEmail.get(id.email.toLowerCase()), 'a co-author');
      add(loginFromEmail(id.email), 'a co-author');
      add(id.name, 'a co-author');
    }
  }
  return out;
}

/** Reviewers' `author_association` values that mean access to the repository (not yet write access). */
const WITH_ACCESS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export function hasAccessAssociation(association: string): boolean {
  return WITH_ACCESS.has(association.toUpperCase());
}

/** `permission` values (GitHub's base roles; maintain is reported as write) whose approvals count. */
const WRITE = new Set(['admin', 'write', 'maintain']);

export function canWrite(permission: string): boolean {
  return WRITE.has(permission.toLowerCase());
}

export function isBot(review: Pick<Review, 'login' | 'type'>): boolean {
  return review.type === 'Bot' || /\[bot\]$/i.test(review.login);
}

/**
 * Each reviewer's latest decisive review, by lower-case login: APPROVED, CHANGES_REQUESTED or
 * DISMISSED (a dismissed review cancels what it said). COMMENTED and PENDING change nothing, as on
 * GitHub: a comment review after a change request leaves the request standing.
 */
export function latestDecisions(reviews: readonly Review[]): Map<string, Review> {
  // Oldest first by submission time (GitHub lists reviews by when they were started, not
  // submitted). A review without a time (PENDING) keeps its place in the list: it takes the time of
  // the review before it, so the order stays total (a comparator that fell back to list order only
  // for some pairs let Array.sort put a change request before the approval it followed).
  let last = -Infinity;
  const order = reviews.map((r, i) => {
    const t = r.submittedAt ? Date.parse(r.submittedAt) : NaN;
    if (!Number.isNaN(t)) last = t;
    return { r, i, t: Number.isNaN(t) ? last : t };
  });
  order.sort((a, b) => a.t - b.t || a.i - b.i);
  const latest = new Map<string, Review>();
  for (const { r, i } of order) {
    const state = r.state.toUpperCase();
    // Reviews of accounts GitHub no longer names cannot be told apart: each stands alone, so one
    // deleted account's approval cannot cancel another's change request (approvals by no one
    // count for nothing anyway).
    const key = r.login.trim() === '' ? `\0${i}` : r.login.toLowerCase();
    if (state === 'APPROVED' || state === 'CHANGES_REQUESTED' || state === 'DISMISSED') latest.set(key, r);
  }
  return latest;
}

const decided = (reviews: readonly Review[], state: string): Review[] => [...latestDecisions(reviews).values()].filter((r) => r.state.toUpperCase() === state);

/**
 * Each reviewer's standing approval: their latest APPROVED review, unless a later
 * CHANGES_REQUESTED or DISMISSED review cancels it (COMMENTED and PENDING change nothing).
 */
export function standingApprovals(reviews: readonly Review[]): Review[] {
  return decided(reviews, 'APPROVED');
}

/** Each reviewer's outstanding change request: their latest decisive review requests changes (none approved or dismissed since). */
export function outstandingChangeRequests(reviews: readonly Review[]): Review[] {
  return decided(reviews, 'CHANGES_REQUESTED');
}
