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
import { readRunnerContext } from './context.ts';
import { readInputs, type ActionInputs } from './inputs.ts';
import { checkConclusion, failsStep } from './payloads.ts';
import { publish } from './deliver.ts';
import { readPull } from './pull.ts';
import { pullSource } from './source.ts';
import { reportSuperseded } from './superseded.ts';

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

function createOctokit(inputs: ActionInputs, apiUrl: string, env: NodeJS.ProcessEnv): GitHub {
  // Test hook: tests shorten retry waits; production keeps octokit's default of 1000 ms.
  const retryBase = Number(env.PRGUARD_RETRY_AFTER_BASE_MS);
  return createClient({
    token: inputs.token,
    baseUrl: apiUrl,
    timeoutMs: inputs.requestTimeoutMs,
    ...(Number.isFinite(retryBase) && retryBase > 0 ? { retryAfterBaseMs: retryBase } : {}),
    log: { debug: core.debug, info: core.info },
  });
}

async function run(env: NodeJS.ProcessEnv, app: App): Promise<void> {
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
  // Always the PR as it is now: body and labels may have been edited, the head may have moved.
  const fresh = await readPull(octokit, pull);
  if (fresh.headSha !== pull.headSha) return reportSuperseded(pull, fresh);
  pull.pr = fresh.pr;
  const source = pullSource(octokit, pull, fresh, context.workspace, core.info);
  const policy = inputs.policy ? { kind: 'repo-path' as const, path: inputs.policy } : { kind: 'discover' as const };
  const { report } = await app.runCheck({ source, policy });

  const reportFile = writeReportFile(report, env);
  if (inputs.sarifFile) writeSarif(report, inputs.sarifFile, context.workspace ?? env.GITHUB_WORKSPACE ?? '.', app);
  // Outputs first: a publishing failure must not leave the workflow without the verdict.
  const counts = countBySeverity(report.findings);
  core.setOutput('conclusion', checkConclusion(report, inputs.failOn));
  core.setOutput('errors', String(counts.error));
  core.setOutput('warnings', String(counts.warning));
  core.setOutput('ai-assisted', String(report.ai.assisted));
  core.setOutput('report', reportFile);
  core.setOutput('superseded', 'false');
  await publish(octokit, pull, report, inputs);
  core.info(`prguard: ${findingCounts(report.findings)}.`);
  if (failsStep(report, inputs.failOn)) {
    core.setFailed(`prguard: ${findingCounts(report.findings)} (fail-on: ${inputs.failOn}).`);
  }
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
