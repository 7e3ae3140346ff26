// What the runner tells the Action: event name and payload, repository, API URL, workspace.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { isObjectId } from '../git/object-id.ts';
import type { PullRequest } from '../model.ts';

/** Events whose payload carries the pull request (`pull_request_review` re-checks the review quorum). */
export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review'] as const;

export interface PullContext {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  /** The payload's view of the PR (labels, body, author...); refreshed from pulls.get later. */
  pr: PullRequest;
  /** Is the head in another repository (a fork)? */
  fork: boolean;
}

export type RunnerContext =
  | { kind: 'unsupported'; event: string }
  | { kind: 'pull'; event: string; apiUrl: string; workspace: string | undefined; pull: PullContext };

export interface PayloadPull {
  number: number;
  title?: string;
  body?: string | null;
  draft?: boolean;
  labels?: { name?: string }[];
  user?: { login?: string; type?: string } | null;
  base: { sha: string; ref: string; repo?: { full_name?: string } | null };
  head: { sha: string; ref: string; repo?: { full_name?: string } | null };
}

export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new UsageError(`${name} is not set: prguard's Action must run inside a GitHub Actions job.`);
  return value;
}

/** The PullRequest model from a REST or webhook pull request object. */
export function pullFromApi(p: PayloadPull): PullRequest {
  return {
    number: p.number,
    title: p.title ?? '',
    body: p.body ?? null,
    labels: (p.labels ?? []).map((l) => l.name ?? '').filter(Boolean),
    author: { login: p.user?.login ?? '', type: p.user?.type ?? '' },
    baseRef: p.base.ref,
    headRef: p.head.ref,
    draft: p.draft ?? false,
  };
}

/** The event payload (GITHUB_EVENT_PATH): a JSON object, or a UsageError saying what is wrong. */
export function readEventPayload<T>(env: NodeJS.ProcessEnv, event: string): T {
  const path = requireEnv(env, 'GITHUB_EVENT_PATH');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read the ${event} event payload ${path}: ${(err as Error).message}`);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new UsageError(`the ${event} event payload ${path} is not a JSON object: ${JSON.stringify(payload).slice(0, 80)}`);
  }
  return payload as T;
}

export function readRunnerContext(env: NodeJS.ProcessEnv): RunnerContext {
  const event = requireEnv(env, 'GITHUB_EVENT_NAME');
  if (!(SUPPORTED_EVENTS as readonly string[]).includes(event)) return { kind: 'unsupported', event };
  const path = requireEnv(env, 'GITHUB_EVENT_PATH');
  const payload = readEventPayload<{ pull_request?: PayloadPull }>(env, event);
  const p = payload.pull_request;
  if (!p || typeof p.number !== 'number' || !p.base?.sha || !p.head?.sha) {
    throw new UsageError(`the ${event} event payload at ${path} has no pull_request with base and head commits`);
  }
  checkPayloadPull(p, event);
  requireCommitId(p.base.sha, `the ${event} event payload's pull_request.base.sha`);
  requireCommitId(p.head.sha, `the ${event} event payload's pull_request.head.sha`);
  const { owner, repo } = repositoryOf(env);
  return {
    kind: 'pull',
    event,
    apiUrl: apiUrlOf(env),
    workspace: env.GITHUB_WORKSPACE || undefined,
    pull: pullContextFrom(p, owner, repo),
  };
}

/**
 * GITHUB_API_URL (GitHub Enterprise Server: `https://host/api/v3`), or api.github.com. Anything but
 * an http(s) URL is a usage error here, not four retried requests and "re-run the job later"; a
 * trailing slash would make every path start with `//`.
 */
export function apiUrlOf(env: NodeJS.ProcessEnv): string {
  const value = env.GITHUB_API_URL || 'https://api.github.com';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new UsageError(`GITHUB_API_URL must be the API's http(s) URL, such as https://api.github.com or https://github.example.com/api/v3, not ${JSON.stringify(value).slice(0, 80)}`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * The payload's pull_request fields prguard reads, checked: a wrong type is a usage error naming
 * the field, never "x.map is not a function". (What is judged comes from pulls.get, checked too.)
 */
/** A payload value's JSON kind, for messages: null, array, object, string… */
export function jsonKind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function checkPayloadPull(p: PayloadPull, event: string): void {
  const what = (field: string) => `the ${event} event payload's pull_request.${field}`;
  const expect = (field: string, value: unknown, ok: boolean, expected: string): void => {
    if (!ok) throw new UsageError(`${what(field)} should be ${expected}, not ${jsonKind(value)}`);
  };
  const optional = (v: unknown, type: string) => v === undefined || v === null || jsonKind(v) === type;
  for (const side of ['base', 'head'] as const) {
    expect(`${side}.ref`, p[side].ref, typeof p[side].ref === 'string', 'a string');
    expect(`${side}.repo`, p[side].repo, optional(p[side].repo, 'object'), 'an object or null');
    expect(`${side}.repo.full_name`, p[side].repo?.full_name, optional(p[side].repo?.full_name, 'string'), 'a string');
  }
  expect('title', p.title, optional(p.title, 'string'), 'a string');
  expect('body', p.body, optional(p.body, 'string'), 'a string or null');
  expect('draft', p.draft, optional(p.draft, 'boolean'), 'true or false');
  expect('user', p.user, optional(p.user, 'object'), 'an object or null');
  expect('labels', p.labels, optional(p.labels, 'array'), 'an array of labels');
  (p.labels ?? []).forEach((l, i) => expect(`labels[${i}].name`, l?.name, typeof l?.name === 'string', 'a string'));
}

/** A full commit id (SHA-1 or SHA-256), or a UsageError naming `what`. */
export function requireCommitId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !isObjectId(value)) {
    throw new UsageError(`${what} is not a commit id (40 hex digits): ${JSON.stringify(value).slice(0, 80)}`);
  }
  return value;
}

/** GITHUB_REPOSITORY as owner and name. */
export function repositoryOf(env: NodeJS.ProcessEnv): { owner: string; repo: string } {
  const repository = requireEnv(env, 'GITHUB_REPOSITORY');
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new UsageError(`GITHUB_REPOSITORY must be "owner/name", not "${repository}"`);
  }
  return { owner, repo };
}

/** The PullContext of a webhook or REST pull request object in `owner/repo`. */
export function pullContextFrom(p: PayloadPull, owner: string, repo: string): PullContext {
  // A head repository GitHub gives as null is gone: a fork deleted after the PR was opened (a
  // branch of the base repository keeps its repository when deleted).
  const headRepo = p.head.repo === null ? null : p.head.repo?.full_name;
  const baseRepo = p.base.repo?.full_name ?? `${owner}/${repo}`;
  return {
    owner,
    repo,
    number: p.number,
    baseSha: p.base.sha,
    headSha: p.head.sha,
    pr: pullFromApi(p),
    fork: headRepo === null || (headRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase()),
  };
}
