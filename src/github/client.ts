// The octokit client: REST with the retry and throttling plugins, and error messages that name
// the call that failed and the permission it needs.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import { RequestTimeout, timedFetch } from './http.ts';

const GitHubOctokit = Octokit.plugin(retry, throttling);
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Requests in flight at once. Octokit's default of 10 would make the 33 list pages of a maximal
 * PR four rounds; GitHub's secondary limit is 100 concurrent requests.
 */
const MAX_CONCURRENT = 40;
export type GitHub = InstanceType<typeof GitHubOctokit>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Milliseconds per second of `retry-after`; 1000 in production, small in tests. */
  retryAfterBaseMs?: number;
  /** Retries for transient (5xx) errors and requests that timed out. */
  retries?: number;
  /** Time limit of one attempt of one request, body included (default 30 s). */
  timeoutMs?: number;
  /** Longest rate-limit wait prguard accepts, in seconds (longer: the call fails). */
  maxRetryAfterSeconds?: number;
  log?: { debug(msg: string): void; info(msg: string): void };
}

export function createClient(options: ClientOptions): GitHub {
  const base = options.retryAfterBaseMs ?? 1000;
  const log = options.log;
  const maxWait = options.maxRetryAfterSeconds ?? 120;
  // One group per client (not octokit's process-wide one of 10), read by the plugin as `global`.
  const limits = { global: new Bottleneck.Group({ id: 'prguard-global', maxConcurrent: MAX_CONCURRENT, timeout: 120_000 }) };
  return new GitHubOctokit({
    request: { fetch: timedFetch(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) },
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'prguard-action',
    // Not `request.retries`: that would also retry 4xx answers such as a 404 for a missing file.
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: base },
    throttle: {
      ...limits,
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: (retryAfter, opts, _octokit, retryCount) => {
        if (retryAfter > maxWait) return false;
        log?.info(`GitHub rate limit reached for ${opts.method} ${opts.url}; retrying after ${retryAfter}s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter, opts, _octokit, retryCount) => {
        if (retryAfter > maxWait) return false;
        log?.info(`GitHub secondary rate limit for ${opts.method} ${opts.url}; retrying after ${retryAfter}s`);
        return retryCount < 3;
      },
    },
    // Octokit logs every 4xx as a warning (a 404 for a missing policy is expected): keep them in
    // the log, not as annotations.
    log: {
      debug: (msg: string) => log?.debug(msg),
      info: (msg: string) => log?.debug(msg),
      warn: (msg: string) => log?.info(msg),
      error: (msg: string) => log?.info(msg),
    },
  });
}

/** An API call that failed for good, with a message that says what to do. */
export class GitHubCallError extends Error {
  override name = 'GitHubCallError';
  constructor(
    message: string,
    readonly call: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

export function statusOf(err: unknown): number | undefined {
  // A timed-out request is reported by octokit as a 500 it made up: there was no answer at all.
  if ((err as { cause?: unknown })?.cause instanceof RequestTimeout) return undefined;
  const status = (err as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The API's own one-line message, without the documentation URL octokit appends. */
function apiMessage(err: unknown): string {
  const data = (err as { response?: { data?: { message?: unknown } } })?.response?.data;
  if (data && typeof data.message === 'string') return data.message;
  const msg = err instanceof Error ? err.message : String(err);
  const line = (msg.split(' - https://')[0] ?? msg).replace(/\s+/g, ' ').trim();
  // An HTML error page from a proxy is not a message: keep the start of it only.
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * A 403 that refuses the token this call (a read-only token: a fork PR's, or a missing permission),
 * not a used-up rate limit, which GitHub answers with 403 too (and callError says so).
 */
export function refusedForPermission(err: unknown): boolean {
  return statusOf(err) === 403 && !/rate limit/i.test(apiMessage(err)) && !refusedAsLocked(err);
}

/** A 403 on a comment because the conversation is locked ("… because issue is locked"), not the token. */
export function refusedAsLocked(err: unknown): boolean {
  return statusOf(err) === 403 && /\bis locked\b/i.test(apiMessage(err));
}

/**
 * Run one API call; a failure becomes a GitHubCallError naming the call (e.g. `checks.create`)
 * and, for 401/403/404, the permission the token needs.
 */
export async function call<T>(name: string, permission: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof GitHubCallError) throw err; // already says which call failed, and why
    throw callError(name, permission, err);
  }
}

/** The clear error for a failed call (see `call`). */
export function callError(name: string, permission: string, err: unknown): GitHubCallError {
  const status = statusOf(err);
  const detail = apiMessage(err);
  let advice: string;
  if (status === 401) {
    advice = 'The token was rejected: check the `token` input (the default is `${{ github.token }}`).';
  } else if ((status === 403 || status === 429) && /rate limit/i.test(detail)) {
    advice = "GitHub's rate limit for this token is used up (prguard waits at most two minutes for it): re-run the job later.";
  } else if (status === 403 || status === 404) {
    advice =
      `The token may lack the \`${permission}\` permission: add it under \`permissions:\` in the workflow ` +
      '(a fork PR on `pull_request` always gets a read-only token).';
  } else if (status !== undefined && status >= 500) {
    advice = 'GitHub kept failing after retries; re-run the job later.';
  } else if ((err as { cause?: unknown })?.cause instanceof RequestTimeout) {
    advice =
      'GitHub did not answer in time, also after retries: re-run the job later (the `request-timeout` input sets ' +
      'the time limit of one request).';
  } else if (status === undefined) {
    advice = 'The request did not reach GitHub: check GITHUB_API_URL and the network.';
  } else {
    advice = 'GitHub refused the request.';
  }
  return new GitHubCallError(`${name} failed (${status ?? 'no response'}: ${detail}). ${advice}`, name, status);
}
