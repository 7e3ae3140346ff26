// The Action's flow: event -> change set -> base policy -> provenance -> engine -> publishers.
import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { evaluateChange } from '../evaluate.ts';
import { UsageError } from '../errors.ts';
import type { Report } from '../model.ts';
import { defaultPolicy, POLICY_PATHS, policyFromText, type ResolvedPolicy } from '../policy/index.ts';
import { formatters } from '../report/index.ts';
import { formatJson } from '../report/json.ts';
import { countBySeverity, findingCounts } from '../report/markdown.ts';
import { allRules } from '../../rules/index.ts';
import { createClient, GitHubCallError, type GitHub } from './client.ts';
import { readBasePolicy, readFileAt } from './contents.ts';
import { readRunnerContext, type PullContext } from './context.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { checkConclusion, failsStep } from './payloads.ts';
import { publishCheckRun, publishComment, publishFallbackAnnotations, writeJobSummary } from './publish.ts';
import { loadPullChange } from './source.ts';

/** The `sarif-file` input, relative to the workspace (e.g. for github/codeql-action/upload-sarif). */
function writeSarif(report: Report, file: string, workspace: string | undefined): void {
  const path = resolve(workspace ?? process.cwd(), file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatters.sarif!(report, { rules: allRules.map((r) => r.meta) }));
}

/** The policy at the PR's base commit (never the head: a PR cannot weaken its own policy). */
async function loadPolicyAtBase(
  octokit: GitHub,
  pull: PullContext,
  inputs: ActionInputs,
): Promise<{ policy: ResolvedPolicy; notes: string[] }> {
  const found = await readBasePolicy(octokit, pull, pull.baseSha, inputs.policy, POLICY_PATHS);
  if (found.path === null || found.text === null) {
    return {
      policy: defaultPolicy(allRules),
      notes: [
        `No policy file at the base commit (${POLICY_PATHS.join(', ')}): the embedded default policy applies. ` +
          'Commit a policy file to the base branch to configure prguard.',
      ],
    };
  }
  return { policy: policyFromText(found.text, found.path, allRules), notes: [] };
}

function writeReportFile(report: Report, env: NodeJS.ProcessEnv): string {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'prguard-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, formatJson(report));
  return file;
}

function createOctokit(inputs: ActionInputs, apiUrl: string, env: NodeJS.ProcessEnv): GitHub {
  // Test hook: tests shorten retry waits; production keeps octokit's default of 1000 ms.
  const retryBase = Number(env.PRGUARD_RETRY_AFTER_BASE_MS);
  return createClient({
    token: inputs.token,
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

async function run(env: NodeJS.ProcessEnv): Promise<void> {
  const context = readRunnerContext(env);
  if (context.kind === 'unsupported') {
    core.notice(
      `prguard checks pull requests: the "${context.event}" event is not supported, so nothing was checked. ` +
        'Trigger the workflow on pull_request (or pull_request_target).',
    );
    return;
  }
  const inputs = readInputs();
  const { pull } = context;
  const octokit = createOctokit(inputs, context.apiUrl, env);
  const source = await loadPullChange(octokit, pull, context.workspace, core.info);
  const { change } = source;
  const { policy, notes } = await loadPolicyAtBase(octokit, pull, inputs);
  const report = await evaluateChange({
    change,
    policy,
    notes,
    readDocument: source.readAtHead,
    readBaseDocument: (path) => readFileAt(octokit, pull, path, pull.baseSha),
  });

  const reportFile = writeReportFile(report, env);
  if (inputs.sarifFile) writeSarif(report, inputs.sarifFile, context.workspace);
  await publish(octokit, pull, report, inputs);

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

/** Run the Action; every failure ends as a clear `setFailed` message, never a stack trace. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await run(env);
  } catch (err) {
    if (err instanceof UsageError || err instanceof GitHubCallError) {
      core.setFailed(`prguard: ${err.message}`);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    core.setFailed(`prguard failed unexpectedly: ${message}. Please report this with the job log.`);
  }
}
