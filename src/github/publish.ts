// Publishing a report to GitHub: the check run (annotations 50 per request), the fork fallback
// to workflow-command annotations, the sticky comment, the job summary.
import * as core from '@actions/core';
import type { Report } from '../model.ts';
import { call, callError, GitHubCallError, refusedAsLocked, refusedForPermission, type GitHub } from './client.ts';
import { Shape } from './shape.ts';
import type { PullContext } from './context.ts';
import {
  commentBody,
  commentMarker,
  jobSummary,
  planCheckRun,
  planFallbackAnnotations,
  type FailOn,
  type OwnAnnotations,
} from './payloads.ts';

/** Pages of PR comments read at most when looking for the sticky comment (3,000 comments). */
const MAX_COMMENT_PAGES = 30;

export interface CheckRunResult {
  /** False when the token may not create check runs (fork PR, read-only token). */
  created: boolean;
  id?: number;
  url?: string;
  /** Set when the check run exists but some annotation batches could not be added. */
  incomplete?: string;
}

/** `external_id` ties the check run to this PR's head commit and check name. */
export function externalId(pull: PullContext, checkName: string): string {
  return `prguard:${checkName}:${pull.owner}/${pull.repo}#${pull.number}@${pull.headSha}`;
}

export async function publishCheckRun(
  octokit: GitHub,
  pull: PullContext,
  report: Report,
  options: { checkName: string; failOn: FailOn },
): Promise<CheckRunResult> {
  const plan = planCheckRun(report, { failOn: options.failOn });
  const { owner, repo } = pull;
  let created;
  try {
    created = await octokit.rest.checks.create({
      owner,
      repo,
      name: options.checkName,
      head_sha: pull.headSha,
      external_id: externalId(pull, options.checkName),
      status: 'completed',
      conclusion: plan.conclusion,
      completed_at: new Date().toISOString(),
      output: plan.first,
    });
  } catch (err) {
    if (refusedForPermission(err)) return { created: false };
    throw callError('checks.create', 'checks: write', err);
  }
  const id = new Shape('checks.create').count(created.data, 'id');
  const url = typeof created.data.html_url === 'string' ? created.data.html_url : undefined;
  for (const output of plan.updates) {
    try {
      await call('checks.update', 'checks: write', () =>
        octokit.rest.checks.update({ owner, repo, check_run_id: id, output }),
      );
    } catch (err) {
      if (!(err instanceof GitHubCallError)) throw err;
      return { created: true, id, ...(url ? { url } : {}), incomplete: err.message };
    }
  }
  return { created: true, id, ...(url ? { url } : {}) };
}

/**
 * Workflow-command annotations, worst first, with a notice of how many were not shown; `own`
 * says how many of each kind prguard writes itself in this step (payloads.ts).
 */
export function publishFallbackAnnotations(report: Report, own: OwnAnnotations): void {
  const plan = planFallbackAnnotations(report, { own: { ...own, notices: (own.notices ?? 0) + 1 } });
  for (const a of plan.annotations) {
    if (a.level === 'error') core.error(a.message, a.properties);
    else if (a.level === 'warning') core.warning(a.message, a.properties);
    else core.notice(a.message, a.properties);
  }
  if (plan.notShown > 0) {
    core.notice(
      `prguard: ${plan.notShown} more findings were not shown as annotations (GitHub shows at most 10 per kind ` +
        'for a step). The job summary lists them all.',
      { title: 'prguard: more findings' },
    );
  }
}

export function writeJobSummary(report: Report, checkName: string, preface: string[] = []): Promise<unknown> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    return Promise.resolve();
  }
  return core.summary.addRaw(jobSummary(report, checkName, preface), true).write({ overwrite: false });
}

export type CommentResult = 'created' | 'updated' | 'skipped';

/**
 * Could this comment be the one prguard posted? The marker is plain text anyone can paste: a
 * comment by someone outside the repository that carries it is not ours to overwrite (its author
 * could edit it afterwards to show a made-up report). prguard posts as a bot (the workflow token)
 * or, with a personal token, as someone with access to the repository.
 */
function mayBeOurs(c: { user?: { type?: string } | null; author_association?: string }): boolean {
  return c.user?.type === 'Bot' || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(c.author_association ?? '');
}

/** The sticky comment: found by its hidden marker and updated in place, else created once. */
export async function publishComment(
  octokit: GitHub,
  pull: PullContext,
  report: Report,
  checkName: string,
): Promise<CommentResult> {
  const { owner, repo, number: issue_number } = pull;
  const marker = commentMarker(checkName);
  const body = commentBody(report, checkName);
  // Our comment is usually among the first; a `Link` that never ends stops at MAX_COMMENT_PAGES.
  let pages = 0;
  const comments = await call('issues.listComments', 'pull-requests: read', () =>
    octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }, (response, done) => {
      if (++pages >= MAX_COMMENT_PAGES) done();
      return new Shape(`issues.listComments (page ${pages})`).array(response.data) as typeof response.data;
    }),
  );
  const shape = new Shape('issues.listComments');
  const mine = comments.find((c) => shape.count(c, 'id') >= 0 && typeof c.body === 'string' && c.body.includes(marker) && mayBeOurs(c));
  try {
    if (mine) {
      if (mine.body !== body) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
      }
      return 'updated';
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
    return 'created';
  } catch (err) {
    if (refusedAsLocked(err)) {
      core.notice('prguard: the PR comment was skipped because the conversation is locked. The check run and the job summary have the full report.');
      return 'skipped';
    }
    if (refusedForPermission(err)) {
      core.notice(
        'prguard: the PR comment was skipped because the token is read-only (a fork PR on `pull_request`, or ' +
          'no `pull-requests: write` permission). The job summary has the full report.',
      );
      return 'skipped';
    }
    throw callError(mine ? 'issues.updateComment' : 'issues.createComment', 'pull-requests: write', err);
  }
}
