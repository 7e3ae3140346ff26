// The review quorum in its own check run, `<check-name>/review`: pending (in progress) while
// approvals are missing, success once the quorum is met, so a required check blocks the merge
// without a red failure. Its findings leave the main report: the main check's conclusion and the
// step's exit code never depend on reviews.
import { clipBytes } from './bytes.ts';
import * as core from '@actions/core';
import type { Finding, Report } from '../model.ts';
import { callError, statusOf, type GitHub } from './client.ts';
import { LIMITS } from './payloads.ts';

export const REVIEW_RULE = 'review-quorum';
const UNMET = 'review-quorum/unmet';

export interface ReviewSplit {
  /** The report without review-quorum findings (what the main check shows). */
  main: Report;
  /** Review-quorum findings, or null when the rule did not run. */
  review: Finding[] | null;
}

export function splitReview(report: Report, checkName: string): ReviewSplit {
  if (!report.rules.includes(REVIEW_RULE)) return { main: report, review: null };
  const review = report.findings.filter((f) => f.ruleId === REVIEW_RULE);
  const findings = report.findings.filter((f) => f.ruleId !== REVIEW_RULE);
  const main: Report = {
    ...report,
    findings,
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    notes: [...report.notes, `the review quorum is reported in the ${reviewCheckName(checkName)} check run (${quorumMet(review) ? 'met' : 'waiting for approvals'})`],
  };
  return { main, review };
}

export function reviewCheckName(checkName: string): string {
  return `${checkName}/review`;
}

/** Met unless an unmet finding stands (a waiver of review-quorum turns it into a waived notice). */
export function quorumMet(review: readonly Finding[]): boolean {
  return !review.some((f) => f.fingerprint === UNMET && f.waived === undefined);
}

export interface ReviewCheckPlan {
  status: 'in_progress' | 'completed';
  conclusion?: 'success';
  title: string;
  summary: string;
}

export function planReviewCheck(review: readonly Finding[], extra: string[] = []): ReviewCheckPlan {
  const met = quorumMet(review);
  const unmet = review.find((f) => f.fingerprint === UNMET);
  const title = met
    ? unmet
      ? 'Review quorum waived'
      : 'Review quorum met'
    : clipBytes(`Waiting for approvals: ${unmet!.message.replace(/^This pull request /, '').split(';')[0]}`, LIMITS.checkTitleBytes);
  const lines = [
    met ? '✅ The review quorum is met.' : '⏳ Waiting for approvals: this check completes when the quorum is met.',
    ...extra.map((e) => `\n${e}`),
    ...review.map((f) => `\n- ${f.severity === 'notice' ? 'ℹ️' : '⏳'} ${f.message}`),
  ];
  const summary = clipBytes(lines.join('\n'), LIMITS.checkSummaryBytes);
  return met ? { status: 'completed', conclusion: 'success', title, summary } : { status: 'in_progress', title, summary };
}

export interface ReviewCheckTarget {
  owner: string;
  repo: string;
  headSha: string;
  externalId: string;
}

/** Create the review check run; a read-only token (a fork's review event) is logged, not fatal. */
export async function publishReviewCheck(octokit: GitHub, target: ReviewCheckTarget, checkName: string, plan: ReviewCheckPlan): Promise<string | undefined> {
  const { owner, repo, headSha } = target;
  const now = new Date().toISOString();
  try {
    const { data } = await octokit.rest.checks.create({
      owner,
      repo,
      name: reviewCheckName(checkName),
      head_sha: headSha,
      external_id: target.externalId,
      status: plan.status,
      started_at: now,
      ...(plan.conclusion ? { conclusion: plan.conclusion, completed_at: now } : {}),
      output: { title: plan.title, summary: plan.summary },
    });
    return data.html_url ?? undefined;
  } catch (err) {
    if (statusOf(err) === 403) {
      core.notice(
        `prguard: the ${reviewCheckName(checkName)} check run could not be created (403: the token cannot write checks). ` +
          'A fork\'s review event has a read-only token: relay it through workflow_run (see prguard\'s README). ' +
          `Review quorum: ${plan.title}.`,
      );
      return undefined;
    }
    throw callError('checks.create', 'checks: write', err);
  }
}
