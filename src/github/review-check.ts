// The review quorum in its own check run, `<check-name>/review`: pending (in progress) while
// approvals are missing or a change request stands, success once the quorum is met, so a required check blocks the merge
// without a red failure. Its findings leave the main report: the main check's conclusion and the
// step's exit code never depend on reviews.
import { clipBytes } from './bytes.ts';
import * as core from '@actions/core';
import type { Finding, Report } from '../model.ts';
import { callError, refusedForPermission, type GitHub } from './client.ts';
import { LIMITS } from './payloads.ts';
import { markdownText } from '../report/markdown.ts';

export const REVIEW_RULE = 'review-quorum';
const UNMET = 'review-quorum/unmet';
const CHANGES_REQUESTED = 'review-quorum/changes-requested';
/** Findings a review settles (an approval, a dismissed change request): the check waits for them. */
const WAITING = new Set([UNMET, CHANGES_REQUESTED]);
const waits = (f: Finding) => WAITING.has(f.fingerprint ?? '');

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
    notes: [...report.notes, `the review quorum is reported in the ${reviewCheckName(checkName)} check run (${QUORUM_STATE_TEXT[quorumState(review)]})`],
  };
  return { main, review };
}

export function reviewCheckName(checkName: string): string {
  return `${checkName}/review`;
}

export type QuorumState = 'met' | 'unmet' | 'undecided';
const QUORUM_STATE_TEXT: Record<QuorumState, string> = { met: 'met', unmet: 'waiting for reviews', undecided: 'not decided' };

/**
 * What the review findings say. `undecided`: a finding the rule itself does not make stands (what
 * the quorum depends on could not be read, or the rule failed to run: the engine's error findings),
 * so nobody knows whether the quorum is met. `unmet`: approvals are missing, or a change request
 * stands. A waived finding is a notice and decides nothing.
 */
export function quorumState(review: readonly Finding[]): QuorumState {
  const standing = review.filter((f) => f.waived === undefined);
  if (standing.some((f) => !waits(f) && f.severity !== 'notice')) return 'undecided';
  return standing.some(waits) ? 'unmet' : 'met';
}

export interface ReviewCheckPlan {
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure';
  title: string;
  summary: string;
}

const HEADLINE: Record<QuorumState, string> = {
  met: '✅ The review quorum is met.',
  unmet: '⏳ Waiting for reviews: this check completes when the quorum is met and no change request stands.',
  undecided:
    '❌ The review quorum could not be decided: prguard could not read everything it depends on (below). ' +
    'Approvals cannot settle this: re-run the job, or fix what the findings say.',
};

export function planReviewCheck(review: readonly Finding[], extra: string[] = []): ReviewCheckPlan {
  const state = quorumState(review);
  const waiting = review.filter(waits);
  const icon = (f: Finding) => (f.severity === 'notice' ? 'ℹ️' : waits(f) ? '⏳' : '❌');
  const lines = [HEADLINE[state], ...extra.map((e) => `\n${e}`), ...review.map((f) => `\n- ${icon(f)} ${markdownText(f.message)}`)];
  const summary = clipBytes(lines.join('\n'), LIMITS.checkSummaryBytes);
  if (state === 'undecided') {
    return { status: 'completed', conclusion: 'failure', title: 'Review quorum not decided: prguard could not read all it needs', summary };
  }
  if (state === 'unmet') {
    // A standing change request first: approvals alone do not settle it.
    const standing = waiting.filter((f) => f.waived === undefined);
    const requested = standing.find((f) => f.fingerprint === CHANGES_REQUESTED);
    const text = requested
      ? requested.message.split(', and not cleared since')[0]!
      : `Waiting for approvals: ${standing[0]!.message.replace(/^This pull request /, '').split(';')[0]}`;
    return { status: 'in_progress', title: clipBytes(text, LIMITS.checkTitleBytes), summary };
  }
  return { status: 'completed', conclusion: 'success', title: waiting.length > 0 ? 'Review quorum waived' : 'Review quorum met', summary };
}

export interface ReviewCheckTarget {
  owner: string;
  repo: string;
  headSha: string;
  externalId: string;
  /** The PR's head is in a fork (its `pull_request` events get a read-only token). */
  fork?: boolean;
}

/** Create the review check run; a refusal is a notice (read-only token: a fork's review event) or a warning, never fatal. */
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
    if (refusedForPermission(err)) {
      const why = target.fork
        ? 'A fork\'s review event has a read-only token: relay it through workflow_run (see prguard\'s README).'
        : 'Add `checks: write` to the workflow permissions.';
      core.notice(`prguard: the ${reviewCheckName(checkName)} check run could not be created (403: the token cannot write checks). ${why} Review quorum: ${plan.title}.`);
      return undefined;
    }
    // Publishing never changes the verdict (the step's exit is `fail-on`'s): the missing review
    // check keeps a required one pending, and a warning says why.
    const failure = callError('checks.create', 'checks: write', err);
    core.warning(`prguard: the ${reviewCheckName(checkName)} check run could not be published (${failure.message}). Review quorum: ${plan.title}.`, {
      title: 'prguard: no review check run',
    });
    return undefined;
  }
}
