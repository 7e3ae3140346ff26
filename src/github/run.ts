// The Action's flow: event -> change set -> base policy -> provenance -> engine -> publishers.
import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { App } from '../app.ts';
import { UsageError } from '../errors.ts';
import type { Report } from '../model.ts';
import { formatters } from '../report/index.ts';
import { countBySeverity, findingCounts } from '../report/findings.ts';
import { formatJson } from '../report/json.ts';
import { createClient, GitHubCallError, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { readEventContext } from './events.ts';
import { enrichPull, publishMergeGroup, pullByNumber } from './human-loop.ts';
import { mergeGroupSource } from './merge-group.ts';
import { planReviewCheck, publishReviewCheck, REVIEW_RULE, reviewCheckName, splitReview } from './review-check.ts';
import { applyWaivers } from './waivers.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { checkConclusion, failsStep } from './payloads.ts';
import { externalId, publishCheckRun, publishComment, publishFallbackAnnotations, writeJobSummary } from './publish.ts';
import { pullSource } from './source.ts';

/** The `sarif-file` input, relative to the workspace (e.g. for github/codeql-action/upload-sarif). */
function writeSarif(report: Report, file: string, workspace: string, app: App): void {
  const path = resolve(workspace, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatters.sarif!(report, { rules: app.rules.map((r) => r.meta) }));
}

function writeReportFile(report: Report, env: NodeJS.ProcessEnv): string {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'prguard-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, formatJson(report));
  return file;
}

function createOctokit(token: string, apiUrl: string, env: NodeJS.ProcessEnv): GitHub {
  // Test hook: tests shorten retry waits; production keeps octokit's default of 1000 ms.
  const retryBase = Number(env.PRGUARD_RETRY_AFTER_BASE_MS);
  return createClient({
    token,
    baseUrl: apiUrl,
    ...(Number.isFinite(retryBase) && retryBase > 0 ? { retryAfterBaseMs: retryBase } : {}),
    log: { debug: core.debug, info: core.info },
  });
}

/** Why there is no check run, and what to do about it. */
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

/** Check run (or the fork fallback), job summary, sticky comment. */
async function publish(octokit: GitHub, pull: PullContext, report: Report, inputs: ActionInputs): Promise<void> {
  const check = await publishCheckRun(octokit, pull, report, inputs);
  if (check.url) core.info(`prguard: check run ${check.url}`);
  const refused = check.created ? undefined : refusedMessage(pull);
  if (refused) {
    // Logged, not annotated: GitHub shows only 10 annotations per kind, and they are for findings.
    core.info(`prguard: ${refused}`);
    publishFallbackAnnotations(report, inputs.comment);
  }
  await writeJobSummary(report, inputs.checkName, refused ? [refused] : []);
  if (!inputs.comment) return;
  if (!check.created) {
    core.notice('prguard: the PR comment was skipped because the token is read-only. The job summary has the report.');
    return;
  }
  await publishComment(octokit, pull, report, inputs.checkName);
}

/** The step's outputs and verdict, from the main report (never from reviews). */
function finish(report: Report, inputs: ActionInputs, reportFile: string): void {
  const counts = countBySeverity(report.findings);
  core.setOutput('conclusion', checkConclusion(report, inputs.failOn));
  core.setOutput('errors', String(counts.error));
  core.setOutput('warnings', String(counts.warning));
  core.setOutput('ai-assisted', String(report.ai.assisted));
  core.setOutput('report', reportFile);
  core.info(`prguard: ${findingCounts(report.findings)}.`);
  if (failsStep(report, inputs.failOn)) {
    core.setFailed(`prguard: ${findingCounts(report.findings)} (fail-on: ${inputs.failOn}).`);
  }
}

async function run(env: NodeJS.ProcessEnv, app: App): Promise<void> {
  const context = readEventContext(env, core.getInput('pull-number') || undefined);
  if (context.kind === 'unsupported') {
    core.notice(
      `prguard checks pull requests: the "${context.event}" event is not supported, so nothing was checked. ` +
        'Trigger the workflow on pull_request (or pull_request_target), pull_request_review, issue_comment, merge_group or a workflow_run relay.',
    );
    return;
  }
  if (context.kind === 'skip') {
    core.notice(`prguard: nothing to check on ${context.event}: ${context.why}.`);
    return;
  }
  const inputs = readInputs();
  const octokit = createOctokit(inputs.token, context.apiUrl, env);
  const owners = inputs.ownersToken ? createOctokit(inputs.ownersToken, context.apiUrl, env) : undefined;
  const policy = inputs.policy ? { kind: 'repo-path' as const, path: inputs.policy } : { kind: 'discover' as const };
  const workspace = context.workspace ?? env.GITHUB_WORKSPACE ?? '.';
  if (context.kind === 'merge-group') {
    const { report } = await app.runCheck({ source: mergeGroupSource(octokit, context.group, context.workspace, core.info), policy });
    const { main } = splitReview(report, inputs.checkName);
    const reportFile = writeReportFile(main, env);
    if (inputs.sarifFile) writeSarif(main, inputs.sarifFile, workspace, app);
    await publishMergeGroup(octokit, context.group, main, inputs, report.rules.includes(REVIEW_RULE));
    finish(main, inputs, reportFile);
    return;
  }
  const pull = context.kind === 'pull' ? context.pull : await pullByNumber(octokit, context.owner, context.repo, context.number);
  const source = pullSource(octokit, pull, context.workspace, core.info);
  const result = await app.runCheck({
    source,
    policy,
    enrich: (change, inForce) =>
      enrichPull({ octokit, owners, pull, change, policy: inForce.policy, reader: source.reader, event: context.event, log: core.info }),
  });
  const report = applyWaivers(result.report, result.change, result.policy.policy.waivers);
  const { main, review } = splitReview(report, inputs.checkName);

  const reportFile = writeReportFile(main, env);
  if (inputs.sarifFile) writeSarif(main, inputs.sarifFile, workspace, app);
  await publish(octokit, pull, main, inputs);
  if (review) {
    const url = await publishReviewCheck(
      octokit,
      { owner: pull.owner, repo: pull.repo, headSha: pull.headSha, externalId: externalId(pull, reviewCheckName(inputs.checkName)) },
      inputs.checkName,
      planReviewCheck(review),
    );
    if (url) core.info(`prguard: review check run ${url}`);
  }
  finish(main, inputs, reportFile);
}

/** Run the Action; every failure ends as a clear `setFailed` message, never a stack trace. */
export async function runAction(env: NodeJS.ProcessEnv, app: App): Promise<void> {
  try {
    await run(env, app);
  } catch (err) {
    if (err instanceof UsageError || err instanceof GitHubCallError) {
      core.setFailed(`prguard: ${err.message}`);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    core.setFailed(`prguard failed unexpectedly: ${message}. Please report this with the job log.`);
  }
}
