// Delivering a report: the check run, else (refused or failed) workflow-command annotations,
// always the job summary, and the sticky comment. A failure to publish never changes the
// verdict: the step's exit is decided by the findings and `fail-on` alone (run.ts), and what
// could not be published is said in the log, an annotation and the job summary.
import * as core from '@actions/core';
import type { Report } from '../model.ts';
import { failsUnder } from '../report/findings.ts';
import { GitHubCallError, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import type { ActionInputs } from './inputs.ts';
import { publishCheckRun, publishComment, publishFallbackAnnotations, writeJobSummary, type CheckRunResult } from './publish.ts';

/** Why there is no check run (403), and what to do about it. */
function refusedMessage(pull: PullContext): string {
  const why = pull.fork
    ? 'this PR comes from a fork, and on `pull_request` its token is read-only (the `pull_request_target` ' +
      'setup in prguard\'s README gets a check run without running the PR\'s code)'
    : 'add `checks: write` to the workflow permissions';
  return (
    `The check run could not be created (403: the token cannot write checks): ${why}. ` +
    'The findings are shown as annotations on the step and here.'
  );
}

async function checkRun(octokit: GitHub, pull: PullContext, report: Report, inputs: ActionInputs): Promise<{ check: CheckRunResult; problem?: string; expected?: boolean }> {
  try {
    const check = await publishCheckRun(octokit, pull, report, inputs);
    if (!check.created) return { check, problem: refusedMessage(pull), expected: true };
    if (check.incomplete) {
      return {
        check,
        problem:
          `The check run was created with its verdict, but not all of its annotations could be added (${check.incomplete}). ` +
          'The findings are shown as annotations on the step and here.',
      };
    }
    return { check };
  } catch (err) {
    if (!(err instanceof GitHubCallError)) throw err;
    return {
      check: { created: false },
      problem:
        `The check run could not be published (${err.message}). The findings are shown as annotations on the ` +
        'step and here instead; the step passes or fails by `fail-on` as usual.',
    };
  }
}

/**
 * Check run (or the fallback), job summary (with `preface` under its verdict), sticky comment.
 * `warningsAfter`: warnings the step writes after this (the SARIF file's), which the fallback
 * leaves room for.
 */
export async function publish(
  octokit: GitHub,
  pull: PullContext,
  report: Report,
  inputs: ActionInputs,
  after: { preface: string[]; warnings: number } = { preface: [], warnings: 0 },
): Promise<void> {
  const { check, problem, expected } = await checkRun(octokit, pull, report, inputs);
  if (check.url) core.info(`prguard: check run ${check.url}`);
  if (problem) {
    // A 403 is the expected fork case: logged, not annotated (GitHub shows 10 annotations per
    // kind, and they are for findings). Any other failure is unexpected: one warning says so.
    if (expected) core.info(`prguard: ${problem}`);
    else core.warning(`prguard: ${problem}`, { title: 'prguard: no check run' });
    // GitHub shows 10 annotations of a kind per step: the step's own are left room (the failed
    // step's verdict, the warning above, the skipped comment's notice).
    publishFallbackAnnotations(report, {
      notices: inputs.comment ? 1 : 0,
      errors: failsUnder(report, inputs.failOn) ? 1 : 0,
      warnings: (expected ? 0 : 1) + after.warnings,
    });
  }
  try {
    await writeJobSummary(report, inputs.checkName, [...(problem ? [problem] : []), ...after.preface]);
  } catch (err) {
    core.warning(`prguard: the job summary could not be written (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!inputs.comment) return;
  if (!check.created) {
    const why = expected ? 'the token is read-only' : 'the check run could not be published';
    core.notice(`prguard: the PR comment was skipped because ${why}. The job summary has the report.`);
    return;
  }
  try {
    await publishComment(octokit, pull, report, inputs.checkName);
  } catch (err) {
    if (!(err instanceof GitHubCallError)) throw err;
    core.warning(`prguard: the PR comment could not be published (${err.message}). The check run has the report.`);
  }
}
