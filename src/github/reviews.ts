// What humans did on the PR, as plain data for the rules and the waiver step: its reviews (with the
// files changed since each approved commit, from the compare API), its comments, and the team
// membership of the people who matter (with the `owners-token`; the workflow token cannot read it).
import type { ChangeSet, IssueComment, Review } from '../model.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import { readAt, type RepoReader } from '../repo/reader.ts';
import { CODEOWNERS_PATHS, parseCodeowners } from '../rule-kit/codeowners.ts';
import { isBot, standingApprovals } from '../rule-kit/people.ts';
import { callError, statusOf, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { LIST_PER_PAGE, listInFull } from './list.ts';
import { malformed, Shape } from './shape.ts';
import { waiveRequests } from './waivers.ts';

/** The compare API lists at most this many files: a full page may be cut short. */
export const COMPARE_FILE_CAP = 300;
/** Membership look-ups per run at most (teams x people). */
export const MEMBERSHIP_CAP = 100;

export async function readReviews(octokit: GitHub, pull: PullContext): Promise<Review[]> {
  const { owner, repo, number: pull_number } = pull;
  const list = await listInFull('pulls.listReviews', 'pull-requests: read', (page) =>
    octokit.rest.pulls.listReviews({ owner, repo, pull_number, per_page: LIST_PER_PAGE, page }),
  );
  const s = new Shape('pulls.listReviews');
  return list.map((r, i) => {
    s.object(r);
    const state = s.string(r, 'state');
    if (state === '') throw malformed('pulls.listReviews', `review ${i + 1}: empty state`);
    s.need(r, 'user', 'object', true);
    const review: Review = { login: s.optionalString(r, 'user.login') ?? '', type: s.optionalString(r, 'user.type') ?? '', state };
    const commitId = s.optionalString(r, 'commit_id');
    if (commitId) review.commitId = commitId;
    const submittedAt = s.optionalString(r, 'submitted_at');
    if (submittedAt) review.submittedAt = submittedAt;
    const association = s.optionalString(r, 'author_association');
    if (association) review.association = association;
    return review;
  });
}

export async function readComments(octokit: GitHub, pull: PullContext): Promise<IssueComment[]> {
  const { owner, repo, number: issue_number } = pull;
  const list = await listInFull('issues.listComments', 'pull-requests: read', (page) =>
    octokit.rest.issues.listComments({ owner, repo, issue_number, per_page: LIST_PER_PAGE, page }),
  );
  const s = new Shape('issues.listComments');
  return list.map((c) => {
    s.object(c);
    s.need(c, 'user', 'object', true);
    const createdAt = s.string(c, 'created_at');
    const updatedAt = s.optionalString(c, 'updated_at');
    const url = s.optionalString(c, 'html_url');
    const comment: IssueComment = {
      id: s.count(c, 'id'),
      login: s.optionalString(c, 'user.login') ?? '',
      type: s.optionalString(c, 'user.type') ?? '',
      body: s.optionalString(c, 'body') ?? '',
      createdAt,
    };
    if (updatedAt && updatedAt !== createdAt) comment.updatedAt = updatedAt;
    if (url) comment.url = url;
    return comment;
  });
}

/** What one compare `from...to` says: the files `to` changed since the merge base, and whether `from` has commits `to` lacks. */
async function compareFiles(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, from: string, to: string, log: (m: string) => void): Promise<{ files: string[]; behind: boolean } | undefined> {
  const name = 'repos.compareCommitsWithBasehead';
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: pull.owner, repo: pull.repo, basehead: `${from}...${to}`, per_page: 100 }));
  } catch (err) {
    // The reviewed commit can be gone (a force push): what changed since is unknown, so the approval is stale.
    if (statusOf(err) === 404 || statusOf(err) === 422) {
      log(`prguard: cannot compare ${from.slice(0, 7)} with ${to.slice(0, 7)} (${statusOf(err)}); approvals on it are treated as stale.`);
      return undefined;
    }
    throw callError(name, 'contents: read', err);
  }
  const s = new Shape(name);
  const status = s.string(data, 'status');
  if (!COMPARE_STATUS.includes(status)) throw malformed(name, `status should be one of ${COMPARE_STATUS.join(', ')}, got "${status.slice(0, 40)}"`);
  const files = s.need(data, 'files', 'array', true) as unknown[] | undefined;
  if (files === undefined) {
    log(`prguard: GitHub listed no files for ${from.slice(0, 7)}...${to.slice(0, 7)}; an approval on ${from.slice(0, 7)} is treated as stale.`);
    return undefined;
  }
  if (files.length >= COMPARE_FILE_CAP) {
    log(`prguard: ${from.slice(0, 7)}...${to.slice(0, 7)} changes ${COMPARE_FILE_CAP} or more files; an approval on ${from.slice(0, 7)} is treated as stale.`);
    return undefined;
  }
  const paths = files.flatMap((f) => {
    const previous = s.optionalString(f, 'previous_filename');
    return previous ? [s.string(f, 'filename'), previous] : [s.string(f, 'filename')];
  });
  return { files: paths, behind: status === 'behind' || status === 'diverged' };
}

const COMPARE_STATUS = ['ahead', 'behind', 'diverged', 'identical'];

/**
 * Files that differ between `from` and `to`, or undefined when GitHub cannot say in full. The
 * compare API lists what `to` changed since the merge base only; when `from` has commits `to`
 * lacks (a force push back to an earlier commit, a rebase), what those changed differs as well:
 * the reverse compare lists them (a file that differs between the two differs from their merge
 * base in at least one of them).
 */
export async function changedBetween(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, from: string, to: string, log: (m: string) => void): Promise<string[] | undefined> {
  const forward = await compareFiles(octokit, pull, from, to, log);
  if (!forward?.behind) return forward?.files;
  const back = await compareFiles(octokit, pull, to, from, log);
  return back && [...new Set([...forward.files, ...back.files])];
}

/** Fill `changedSince` of every standing approval that is not on the head (one compare per commit). */
export async function markChangedSince(octokit: GitHub, pull: PullContext, reviews: Review[], head: string, log: (m: string) => void): Promise<void> {
  const byCommit = new Map<string, Promise<string[] | undefined>>();
  for (const r of standingApprovals(reviews)) {
    if (!r.commitId) continue;
    if (r.commitId === head) {
      r.changedSince = [];
      continue;
    }
    if (!byCommit.has(r.commitId)) byCommit.set(r.commitId, changedBetween(octokit, pull, r.commitId, head, log));
    const files = await byCommit.get(r.commitId)!;
    if (files !== undefined) r.changedSince = files;
  }
}

/** `@org/team` owners the policy and CODEOWNERS at the base name, and the teams in `waivers.by`. */
export async function teamsNamed(policy: ResolvedPolicy, reader: RepoReader, base: string): Promise<string[]> {
  const named = new Set<string>();
  const add = (who: string) => {
    if (who.startsWith('@') && who.includes('/')) named.add(who.slice(1).toLowerCase());
  };
  for (const owners of Object.values(policy.coreOwners ?? {})) owners.forEach(add);
  for (const who of policy.waivers?.by ?? []) add(who);
  for (const path of CODEOWNERS_PATHS) {
    const found = await readAt(reader, base, path);
    if (found === undefined) continue;
    for (const entry of parseCodeowners(found.text).entries) entry.owners.forEach(add);
    break;
  }
  return [...named].sort();
}

/** People whose team membership can matter: approvers who are not bots, and waiver commenters. */
export function peopleToLookUp(change: ChangeSet): string[] {
  const people = new Set<string>();
  for (const r of standingApprovals(change.pr?.reviews ?? [])) if (!isBot(r)) people.add(r.login.toLowerCase());
  for (const w of waiveRequests(change.pr?.comments ?? [])) people.add(w.comment.login.toLowerCase());
  people.delete('');
  return [...people].sort();
}

/**
 * Team membership through `GET /orgs/{org}/teams/{team}/memberships/{user}` (owners-token):
 * `teams[org/slug]` lists the active members among `people`. A team whose membership could not be
 * read is left out, so the rules treat it as unknown (and say so).
 */
export async function readTeams(octokit: GitHub, teams: readonly string[], people: readonly string[], log: (m: string) => void): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  let calls = 0;
  for (const team of teams) {
    const [org, team_slug] = team.split('/') as [string, string];
    const members: string[] = [];
    let readable = true;
    for (const username of people) {
      if (++calls > MEMBERSHIP_CAP) {
        log(`prguard: more than ${MEMBERSHIP_CAP} team membership look-ups; @${team} is treated as unknown.`);
        readable = false;
        break;
      }
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug, username });
        if (data.state === 'active') members.push(username);
      } catch (err) {
        if (statusOf(err) === 404) continue; // not a member (or no such team: nobody is a member)
        log(`prguard: cannot read the membership of @${team} (${statusOf(err) ?? 'no response'}): the owners-token needs organization members: read.`);
        readable = false;
        break;
      }
    }
    if (readable) out[team] = members;
  }
  return out;
}
