// What humans did on the PR, as plain data for the rules and the waiver step: its reviews (with the
// files changed since each approved commit, from the compare API), its comments, and the team
// membership of the people who matter (with the `owners-token`; the workflow token cannot read it).
import type { ChangeSet, IssueComment, Review } from '../model.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import { readAt, type RepoReader } from '../repo/reader.ts';
import { CODEOWNERS_PATHS, parseCodeowners } from '../rule-kit/codeowners.ts';
import { isBot, standingApprovals } from '../rule-kit/people.ts';
import { call, callError, statusOf, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { waiveRequests } from './waivers.ts';

/** The compare API lists at most this many files: a full page may be cut short. */
export const COMPARE_FILE_CAP = 300;
/** Membership look-ups per run at most (teams x people). */
export const MEMBERSHIP_CAP = 100;

export async function readReviews(octokit: GitHub, pull: PullContext): Promise<Review[]> {
  const { owner, repo, number: pull_number } = pull;
  const list = await call('pulls.listReviews', 'pull-requests: read', () =>
    octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number, per_page: 100 }),
  );
  return list.map((r) => {
    const review: Review = { login: r.user?.login ?? '', type: r.user?.type ?? '', state: r.state };
    if (r.commit_id) review.commitId = r.commit_id;
    if (r.submitted_at) review.submittedAt = r.submitted_at;
    return review;
  });
}

export async function readComments(octokit: GitHub, pull: PullContext): Promise<IssueComment[]> {
  const { owner, repo, number: issue_number } = pull;
  const list = await call('issues.listComments', 'pull-requests: read', () =>
    octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }),
  );
  return list.map((c) => {
    const comment: IssueComment = {
      id: c.id,
      login: c.user?.login ?? '',
      type: c.user?.type ?? '',
      body: c.body ?? '',
      createdAt: c.created_at,
    };
    if (c.updated_at && c.updated_at !== c.created_at) comment.updatedAt = c.updated_at;
    if (c.html_url) comment.url = c.html_url;
    return comment;
  });
}

/** Files changed from `from` to `to`, or undefined when GitHub cannot say in full. */
export async function changedBetween(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, from: string, to: string, log: (m: string) => void): Promise<string[] | undefined> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: pull.owner, repo: pull.repo, basehead: `${from}...${to}`, per_page: 100 });
    const files = data.files ?? [];
    if (files.length >= COMPARE_FILE_CAP) {
      log(`prguard: ${from.slice(0, 7)}...${to.slice(0, 7)} changes ${COMPARE_FILE_CAP} or more files; an approval on ${from.slice(0, 7)} is treated as stale.`);
      return undefined;
    }
    return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
  } catch (err) {
    // The reviewed commit can be gone (a force push): what changed since is unknown, so the approval is stale.
    if (statusOf(err) === 404 || statusOf(err) === 422) {
      log(`prguard: cannot compare ${from.slice(0, 7)} with the head (${statusOf(err)}); approvals on it are treated as stale.`);
      return undefined;
    }
    throw callError('repos.compareCommitsWithBasehead', 'contents: read', err);
  }
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
