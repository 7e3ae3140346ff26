// What humans did on the PR, as plain data for the rules and the waiver step: its reviews (what
// changed since each approved commit: changed-since.ts), its comments, and the team
// membership of the people who matter (with the `owners-token`; the workflow token cannot read it).
import type { ChangeSet, IssueComment, Review } from '../model.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import { readAt, type RepoReader } from '../repo/reader.ts';
import { CODEOWNERS_PATHS, parseCodeowners } from '../rule-kit/codeowners.ts';
import { isBot, standingApprovals } from '../rule-kit/people.ts';
import { statusOf, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { LIST_PER_PAGE, listInFull } from './list.ts';
import { malformed, Shape } from './shape.ts';
import { waiveRequests } from './waivers.ts';

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

export async function readComments(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo' | 'number'>): Promise<IssueComment[]> {
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
    const nodeId = s.optionalString(c, 'node_id');
    if (nodeId) comment.nodeId = nodeId;
    return comment;
  });
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
