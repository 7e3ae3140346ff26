// The Action's flow: event -> change set -> base policy -> provenance -> engine -> publishers.
import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { App, CheckResult } from '../app.ts';
import { UsageError } from '../errors.ts';
import type { Report } from '../model.ts';
import { formatters } from '../report/index.ts';
import { countBySeverity, findingCounts } from '../report/findings.ts';
import { formatJson } from '../report/json.ts';
import { createClient, GitHubCallError, type GitHub } from './client.ts';
import { readEventContext } from './events.ts';
import { enrichMergeGroup, enrichPull, publishMergeGroup } from './human-loop.ts';
import { mergeGroupSource } from './merge-group.ts';
import { planReviewCheck, publishReviewCheck, REVIEW_RULE, reviewCheckName, splitReview } from './review-check.ts';
import { applyWaivers, WAIVE_COMMAND } from './waivers.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { failsUnder, withVerdict } from '../report/findings.ts';
import { checkConclusion } from './payloads.ts';
import { publish } from './deliver.ts';
import { externalId } from './publish.ts';
import { getPull, readPull } from './pull.ts';
import { addHistory } from '../git/history.ts';
import { pullSource } from './source.ts';
import { reportSuperseded } from './superseded.ts';

/** The `sarif-file` input's report, made before publishing: what it leaves out is said in the job summary too. */
interface SarifFile {
  path: string;
  text: string;
  /** How many findings the file leaves out to stay within code scanning's limits, in a sentence. */
  leftOut?: string;
}

function sarifFile(report: Report, file: string | undefined, workspace: string, app: App): SarifFile | undefined {
  if (!file) return undefined;
  let leftOut: string | undefined;
  const text = formatters.sarif!(report, { rules: app.rules.map((r) => r.meta), onLeftOut: (message) => (leftOut = message) });
  return { path: resolve(workspace, file), text, ...(leftOut ? { leftOut } : {}) };
}

/** What the job summary says besides the report: that the SARIF file leaves findings out (a warning of the step too). */
const sarifPreface = (sarif: SarifFile | undefined): string[] => (sarif?.leftOut ? [`SARIF file: ${sarif.leftOut}`] : []);

/**
 * The `sarif-file` input, relative to the workspace (e.g. for github/codeql-action/upload-sarif).
 * Written after publishing, so a path that cannot be written loses nothing else: it fails the step
 * with a line naming the input.
 */
function writeSarif(sarif: SarifFile | undefined): void {
  if (!sarif) return;
  const { path } = sarif;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sarif.text);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    core.setFailed(`prguard: the \`sarif-file\` input names ${path}, which cannot be written (${why}): give a file path inside the workspace.`);
    return;
  }
  if (sarif.leftOut) core.warning(`prguard: ${path}: ${sarif.leftOut}`, { title: 'prguard: SARIF file cut to code scanning\'s limits' });
}

function writeReportFile(report: Report, env: NodeJS.ProcessEnv): string {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'prguard-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, formatJson(report));
  return file;
}

function createOctokit(token: string, inputs: ActionInputs, apiUrl: string, env: NodeJS.ProcessEnv, app: App): GitHub {
  // Test hook: tests shorten retry waits; production keeps octokit's default of 1000 ms.
  const retryBase = Number(env.PRGUARD_RETRY_AFTER_BASE_MS);
  return createClient({
    token,
    baseUrl: apiUrl,
    timeoutMs: inputs.requestTimeoutMs,
    ...(Number.isFinite(retryBase) && retryBase > 0 ? { retryAfterBaseMs: retryBase } : {}),
    // Octokit's request lines name each path (a contents read of a file named with a token, say):
    // masked like every other line that leaves the process.
    log: { debug: (message) => core.debug(app.scrub(message)), info: (message) => core.info(app.scrub(message)) },
  });
}

/** The step's outputs (set before publishing, so a publishing failure cannot lose them). */
function setOutputs(report: Report, inputs: ActionInputs, reportFile: string): void {
  const counts = countBySeverity(report.findings);
  core.setOutput('conclusion', checkConclusion(report, inputs.failOn));
  core.setOutput('errors', String(counts.error));
  core.setOutput('warnings', String(counts.warning));
  core.setOutput('ai-assisted', String(report.ai.assisted));
  core.setOutput('report', reportFile);
  core.setOutput('superseded', 'false');
}

/**
 * The report with the PR's waivers applied. A waive command's reason and rule id are echoed in every
 * output (check run, summary, comment, JSON): the comments holding one pass the redaction boundary
 * first, so a token pasted into one is masked like a token in the change.
 */
function waive(result: CheckResult, app: App): Report {
  for (const c of result.change.pr?.comments ?? []) if (c.body.includes(WAIVE_COMMAND)) c.body = app.scrub(c.body);
  return applyWaivers(result.report, result.change, result.policy.policy.waivers);
}

/** The step's verdict, from the main report (never from reviews): `fail-on` alone decides. */
function finish(report: Report, inputs: ActionInputs): void {
  core.info(`prguard: ${findingCounts(report.findings)}.`);
  if (failsUnder(report, inputs.failOn)) {
    core.setFailed(`prguard: ${findingCounts(report.findings)} (fail-on: ${inputs.failOn}).`);
  }
}

async function run(env: NodeJS.ProcessEnv, app: App): Promise<void> {
  // Inputs first: a wrong one fails the step on every event, not only once one comes that is checked.
  const inputs = readInputs();
  const pullNumber = core.getInput('pull-number') || undefined;
  const context = readEventContext(env, pullNumber);
  if (context.kind === 'unsupported') {
    // Never a passing step: a push to a PR's branch (or a dispatch on it) runs on the PR's head
    // commit, where a green job named like the check reads as a verdict on a change nobody checked.
    throw new UsageError(
      `prguard does not act on the "${context.event}" event, so nothing was checked, and the step fails rather than pass a commit it did not check. ` +
        'Run it on pull_request (or pull_request_target), pull_request_review, issue_comment, merge_group or a workflow_run relay, ' +
        `and keep the step off other events (\`if: github.event_name != '${context.event}'\`).`,
    );
  }
  if (pullNumber !== undefined && context.event !== 'workflow_run') {
    core.notice(`prguard: the \`pull-number\` input is only for a workflow_run relay; on ${context.event} the event names the pull request, so "${pullNumber}" was ignored.`);
  }
  if (context.kind === 'skip') {
    core.notice(`prguard: nothing to check on ${context.event}: ${context.why}.`);
    return;
  }
  const octokit = createOctokit(inputs.token, inputs, context.apiUrl, env, app);
  const owners = inputs.ownersToken ? createOctokit(inputs.ownersToken, inputs, context.apiUrl, env, app) : undefined;
  const policy = inputs.policy ? { kind: 'repo-path' as const, path: inputs.policy } : { kind: 'discover' as const };
  const workspace = context.workspace ?? env.GITHUB_WORKSPACE ?? '.';
  if (context.kind === 'merge-group') {
    const source = mergeGroupSource(octokit, context.group, context.workspace, core.info);
    const report = waive(
      await app.runCheck({ source, policy, enrich: (change, inForce) => enrichMergeGroup(octokit, owners, context.group, change, inForce.policy, core.info, source.reader.label === 'git') }),
      app,
    );
    const main = withVerdict(splitReview(report, inputs.checkName).main, inputs.failOn);
    const reportFile = writeReportFile(main, env);
    setOutputs(main, inputs, reportFile);
    const sarif = sarifFile(main, inputs.sarifFile, workspace, app);
    await publishMergeGroup(octokit, context.group, main, inputs, report.rules.includes(REVIEW_RULE), sarifPreface(sarif));
    writeSarif(sarif);
    finish(main, inputs);
    return;
  }
  // Always the PR as it is now (one pulls.get): body and labels may have been edited, the head may
  // have moved since the event. An event that names the PR by number only is read that way too.
  const { pull, fresh } =
    context.kind === 'pull'
      ? { pull: context.pull, fresh: await readPull(octokit, context.pull) }
      : await getPull(octokit, context.owner, context.repo, context.number);
  if (fresh.headSha !== pull.headSha) return reportSuperseded(pull, fresh);
  if (fresh.baseSha !== pull.baseSha) {
    // Retargeted (or its base moved) since the event: the base it has now decides, policy included.
    core.info(`prguard: the base is ${fresh.baseSha.slice(0, 12)} (${fresh.pr.baseRef}) now, not the event's ${pull.baseSha.slice(0, 12)} (${pull.pr.baseRef}).`);
    pull.baseSha = fresh.baseSha;
  }
  pull.pr = fresh.pr;
  const source = pullSource(octokit, pull, fresh, context.workspace, core.info);
  const result = await app.runCheck({
    source,
    policy,
    enrich: async (change, inForce) => {
      const workspace = source.via() === 'git' ? context.workspace : undefined;
      await enrichPull({ octokit, owners, pull, change, policy: inForce.policy, reader: source.reader, event: context.event, workspace, log: core.info });
      // A secret one commit adds and a later one removes is still on GitHub in that commit: with the
      // commits in the workspace, their history is scanned too (through the API it is not: see README).
      if (source.via() === 'git' && context.workspace) await addHistory(context.workspace, change, inForce.policy);
    },
  });
  const report = waive(result, app);
  const split = splitReview(report, inputs.checkName);
  const { review } = split;
  const main = withVerdict(split.main, inputs.failOn);

  const reportFile = writeReportFile(main, env);
  setOutputs(main, inputs, reportFile);
  const sarif = sarifFile(main, inputs.sarifFile, workspace, app);
  const preface = sarifPreface(sarif);
  await publish(octokit, pull, main, inputs, { preface, warnings: preface.length });
  if (review) {
    const url = await publishReviewCheck(
      octokit,
      { owner: pull.owner, repo: pull.repo, headSha: pull.headSha, externalId: externalId(pull, reviewCheckName(inputs.checkName)), fork: pull.fork },
      inputs.checkName,
      planReviewCheck(review),
    );
    if (url) core.info(`prguard: review check run ${url}`);
  }
  writeSarif(sarif);
  finish(main, inputs);
}

/** Run the Action; every failure ends as a clear `setFailed` message, never a stack trace. */
export async function runAction(env: NodeJS.ProcessEnv, app: App): Promise<void> {
  try {
    await run(env, app);
  } catch (err) {
    // The redaction boundary holds for errors too: a policy error may quote a pasted token.
    if (err instanceof UsageError || err instanceof GitHubCallError) {
      core.setFailed(`prguard: ${app.scrub(err.message)}`);
      return;
    }
    const message = app.scrub(err instanceof Error ? err.message : String(err));
    core.setFailed(`prguard failed unexpectedly: ${message}. Please report this with the job log.`);
  }
}
