// The Action's human side: the reviews, comments (with who edited a waive command), who added an
// unlocking label, and team membership a PR check needs (read once the policy is known), and the
// merge queue's checks.
import { ruleMayRun } from '../policy/resolved-rule.ts';
import type { ChangeSet, IssueComment, Report } from '../model.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import type { RepoReader } from '../repo/reader.ts';
import * as core from '@actions/core';
import { GitHubCallError, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import type { MergeGroupContext } from './events.ts';
import { failsUnder } from '../report/findings.ts';
import type { FailOn } from './payloads.ts';
import { externalId, publishCheckRun, publishFallbackAnnotations, writeJobSummary } from './publish.ts';
import { publishReviewCheck, REVIEW_RULE, reviewCheckName } from './review-check.ts';
import { markChangedSince } from './changed-since.ts';
import { markPermissions } from './permissions.ts';
import { dropOwnLabels } from './labels.ts';
import { addCommitLogins } from './commit-logins.ts';
import { addCoAuthorLogins } from './co-authors.ts';
import { WAIVE_COMMAND } from './waivers.ts';
import { readCommentEditors } from './comment-edits.ts';
import { peopleToLookUp, readComments, readReviews, readTeams, teamsNamed } from './reviews.ts';

export interface EnrichInput {
  octokit: GitHub;
  /** The `owners-token` client, when given. */
  owners: GitHub | undefined;
  pull: PullContext;
  change: ChangeSet;
  policy: ResolvedPolicy;
  reader: RepoReader;
  event: string;
  /**
   * The workspace checkout, when the change was read from it with git (it answers what changed
   * since a review; the commits' GitHub accounts are then read from the API).
   */
  workspace?: string | undefined;
  log: (message: string) => void;
}

/**
 * Put what humans did on the PR into the change: reviews (when review-quorum runs), comments (when
 * the policy lets someone waive, or a comment asked to), and, with the owners-token, team membership.
 */
export async function enrichPull(input: EnrichInput): Promise<void> {
  const { octokit, owners, pull, change, policy, log } = input;
  const pr = (change.pr ??= pull.pr);
  // Read with git, the commits name no accounts: GitHub's commit list gives them (once) where
  // someone asks who wrote the change: the quorum, a waive command, an unlocking label.
  let logins: Promise<void> | undefined;
  const accounts = (): Promise<void> => (input.workspace === undefined ? Promise.resolve() : (logins ??= addCommitLogins(octokit, pull, pull.number, change)));
  // Independent reads, at once (each is a round trip through the API).
  const [, , , teams] = await Promise.all([
    ruleMayRun(policy.rules[REVIEW_RULE]) &&
      (async () => {
        const [reviews] = await Promise.all([readReviews(octokit, pull), accounts(), addCoAuthorLogins(octokit, pull, change)]);
        pr.reviews = reviews;
        await Promise.all([
          markChangedSince({ octokit, pull, reviews: pr.reviews, head: change.head, workspace: input.workspace, log }),
          markPermissions(octokit, pull, pr.reviews, log),
        ]);
      })(),
    ((policy.waivers?.by.length ?? 0) > 0 || input.event === 'issue_comment') &&
      readWaiverComments(octokit, pull, log).then(async (comments) => {
        if (comments.some((c) => c.body.includes(WAIVE_COMMAND))) await accounts();
        pr.comments = comments;
      }),
    dropOwnLabels(octokit, pull, change, policy, accounts),
    teamsNamed(policy, input.reader, pull.baseSha),
  ]);
  await addTeams(owners, change, teams, log);
}

/** The PR's comments, with who edited each edited waive command (comment-edits.ts). */
async function readWaiverComments(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo' | 'number'>, log: (message: string) => void): Promise<IssueComment[]> {
  const comments = await readComments(octokit, pull);
  await readCommentEditors(octokit, comments, log);
  return comments;
}

/** With the owners-token, the membership of `teams` among the people who matter (approvers, waiver commenters). */
async function addTeams(owners: GitHub | undefined, change: ChangeSet, teams: string[], log: (message: string) => void): Promise<void> {
  const people = peopleToLookUp(change);
  if (teams.length === 0 || people.length === 0 || !change.pr) return;
  if (!owners) {
    log(`prguard: team membership (${teams.map((t) => `@${t}`).join(', ')}) is not read: no owners-token input.`);
    return;
  }
  change.pr.teams = await readTeams(owners, teams, people, log);
}

/**
 * A merge queue entry's waivers: the comments of the queued PR (the one `head_ref` names), so a
 * finding waived on the PR is waived for its queue entry too and the entry is not thrown out of
 * the queue for it. Reviews are not read: the review check is evaluated on the PR.
 */
export async function enrichMergeGroup(
  octokit: GitHub,
  owners: GitHub | undefined,
  group: MergeGroupContext,
  change: ChangeSet,
  policy: ResolvedPolicy,
  log: (message: string) => void,
  /** Was the change read with git (its commits then name no GitHub accounts)? */
  withGit = false,
): Promise<void> {
  const by = policy.waivers?.by ?? [];
  if (group.number === undefined || !change.pr) return;
  const pull = { owner: group.owner, repo: group.repo, number: group.number };
  let logins: Promise<void> | undefined;
  const accounts = (): Promise<void> => (withGit ? (logins ??= addCommitLogins(octokit, group, undefined, change)) : Promise.resolve());
  await dropOwnLabels(octokit, pull, change, policy, accounts);
  if (by.length === 0) return;
  const comments = await readWaiverComments(octokit, pull, log);
  if (comments.some((c) => c.body.includes(WAIVE_COMMAND))) await accounts();
  change.pr.comments = comments;
  const teams = by.filter((who) => who.startsWith('@') && who.includes('/')).map((who) => who.slice(1).toLowerCase());
  await addTeams(owners, change, [...new Set(teams)].sort(), log);
}

export interface MergeGroupOptions {
  checkName: string;
  failOn: FailOn;
}

/** The check runs on the merge group's head commit, so a required prguard check never stalls the queue. */
export async function publishMergeGroup(
  octokit: GitHub,
  group: MergeGroupContext,
  report: Report,
  options: MergeGroupOptions,
  reviewRan: boolean,
  preface: string[] = [],
): Promise<void> {
  const pull: PullContext = {
    owner: group.owner,
    repo: group.repo,
    number: group.number ?? 0,
    baseSha: group.baseSha,
    headSha: group.headSha,
    pr: { title: '', body: null, labels: [], author: { login: '', type: '' }, baseRef: group.baseRef, headRef: group.headRef, draft: false },
    fork: false,
  };
  // As for a pull request (deliver.ts): a refused check run is said and shown on the step, never fatal.
  let created = false;
  let warned = 0;
  try {
    created = (await publishCheckRun(octokit, pull, report, options)).created;
  } catch (err) {
    if (!(err instanceof GitHubCallError)) throw err;
    core.warning(`prguard: the check run could not be published (${err.message}). The findings are shown as annotations on the step.`, {
      title: 'prguard: no check run',
    });
    warned = 1;
  }
  if (!created) publishFallbackAnnotations(report, { errors: failsUnder(report, options.failOn) ? 1 : 0, warnings: warned + (preface.length > 0 ? 1 : 0) });
  const where = group.number !== undefined ? `pull request #${group.number}` : 'each pull request';
  try {
    await writeJobSummary(report, options.checkName, [`merge group ${group.headRef || group.headSha.slice(0, 12)}: evaluated ${group.baseSha.slice(0, 7)}...${group.headSha.slice(0, 7)}`, ...preface]);
  } catch (err) {
    core.warning(`prguard: the job summary could not be written (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!reviewRan) return;
  await publishReviewCheck(
    octokit,
    { owner: group.owner, repo: group.repo, headSha: group.headSha, externalId: externalId(pull, reviewCheckName(options.checkName)) },
    options.checkName,
    {
      status: 'completed',
      conclusion: 'success',
      title: `Evaluated on ${where}`,
      summary:
        `The review quorum was evaluated on ${where} before it entered the merge queue: GitHub queues a pull request ` +
        'only once its required checks, this one included, have passed. A merge group has no reviews of its own.',
    },
  );
}
