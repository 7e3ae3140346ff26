// The events beyond a pull request's own: `issue_comment` (waivers) names the PR only by number;
// `merge_group` (`checks_requested`) names a queue entry's base and head commits.
import { UsageError } from '../errors.ts';
import { apiUrlOf, jsonKind, readEventPayload, readRunnerContext, repositoryOf, requireCommitId, requireEnv, type RunnerContext } from './context.ts';
import { WAIVE_COMMAND } from './waivers.ts';

export interface MergeGroupContext {
  owner: string;
  repo: string;
  baseSha: string;
  headSha: string;
  baseRef: string;
  headRef: string;
  /** The PR the queue entry was made for, read from `head_ref` (`.../pr-<n>-<sha>`), when it says. */
  number?: number;
}

interface Common {
  event: string;
  apiUrl: string;
  workspace: string | undefined;
}

export type EventContext =
  | RunnerContext
  /** An event prguard does not act on this time, with why (exit 0 with a notice). */
  | { kind: 'skip'; event: string; why: string }
  /** A PR comment: the PR is read with pulls.get. */
  | (Common & { kind: 'pull-number'; owner: string; repo: string; number: number })
  | (Common & { kind: 'merge-group'; group: MergeGroupContext });

interface CommentPayload {
  action?: string;
  issue?: { number?: number; pull_request?: unknown };
  comment?: { body?: string | null };
  /** On `edited`: the body before the edit. */
  changes?: { body?: { from?: string | null } };
}

interface MergeGroupPayload {
  action?: string;
  merge_group?: { head_sha?: string; base_sha?: string; head_ref?: string; base_ref?: string };
}

function common(env: NodeJS.ProcessEnv, event: string): Common {
  return { event, apiUrl: apiUrlOf(env), workspace: env.GITHUB_WORKSPACE || undefined };
}

/** The PR number GitHub writes into a merge queue branch: `gh-readonly-queue/<base>/pr-<n>-<sha>`. */
export function queuedPullNumber(headRef: string): number | undefined {
  const m = /(?:^|\/)pr-(\d+)-[0-9a-f]{7,64}$/.exec(headRef);
  return m ? Number(m[1]) : undefined;
}

/** A comment body from the payload: text, or absent (empty); anything else is a usage error naming the field. */
function commentText(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new UsageError(`${what} should be a string, not ${jsonKind(value)}`);
  return value;
}

function commentContext(env: NodeJS.ProcessEnv, event: string): EventContext {
  const payload = readEventPayload<CommentPayload>(env, event);
  const number = payload.issue?.number;
  if (typeof number !== 'number') throw new UsageError(`the ${event} event payload has no issue number`);
  if (!payload.issue?.pull_request) {
    return { kind: 'skip', event, why: `the comment is on issue #${number}, not on a pull request` };
  }
  // An edit that removes a waive command withdraws the waiver: that changes the verdict too.
  const body = commentText(payload.comment?.body, `the ${event} event payload's comment.body`);
  const before = payload.action === 'edited' ? commentText(payload.changes?.body?.from, `the ${event} event payload's changes.body.from`) : '';
  if (!body.includes(WAIVE_COMMAND) && !before.includes(WAIVE_COMMAND)) {
    return {
      kind: 'skip',
      event,
      why: `the ${payload.action ?? ''} comment on #${number} holds no \`${WAIVE_COMMAND}\` command, so no verdict can change`,
    };
  }
  return { kind: 'pull-number', ...common(env, event), ...repositoryOf(env), number };
}

function mergeGroupContext(env: NodeJS.ProcessEnv, event: string): EventContext {
  const payload = readEventPayload<MergeGroupPayload>(env, event);
  if (payload.action !== 'checks_requested') {
    return { kind: 'skip', event, why: `merge_group "${payload.action ?? ''}" needs no check (only checks_requested does)` };
  }
  const g = payload.merge_group;
  if (!g?.head_sha || !g.base_sha) throw new UsageError(`the ${event} event payload has no merge_group with base_sha and head_sha`);
  requireCommitId(g.base_sha, `the ${event} event payload's merge_group.base_sha`);
  requireCommitId(g.head_sha, `the ${event} event payload's merge_group.head_sha`);
  const group: MergeGroupContext = {
    ...repositoryOf(env),
    baseSha: g.base_sha,
    headSha: g.head_sha,
    baseRef: g.base_ref ?? '',
    headRef: g.head_ref ?? '',
  };
  const number = queuedPullNumber(group.headRef);
  if (number !== undefined) group.number = number;
  return { kind: 'merge-group', ...common(env, event), group };
}

/**
 * `workflow_run` relays a fork's review event (whose own token is read-only): the relaying
 * workflow passes the PR number (the `pull-number` input). The number only says which PR to
 * look at; everything judged is read from GitHub.
 */
function relayContext(env: NodeJS.ProcessEnv, event: string, pullNumber: string | undefined): EventContext {
  if (pullNumber === undefined || pullNumber.trim() === '') {
    return { kind: 'skip', event, why: 'a workflow_run relay needs the `pull-number` input (see the README: relaying fork review events)' };
  }
  // Digits only: Number() would also take "2e0", "0x2" or "1.0" for pull request 2 or 1.
  const number = /^[1-9][0-9]{0,9}$/.test(pullNumber.trim()) ? Number(pullNumber.trim()) : NaN;
  if (!Number.isSafeInteger(number)) throw new UsageError(`the \`pull-number\` input takes a pull request number (digits), not "${pullNumber}"`);
  // Never read with git: the relay's workspace holds what the relayed run uploaded (a fork's run,
  // whose workflow the fork controls), not a checkout made by fetching from GitHub. A `.git` in that
  // artifact could give the PR's commit ids any trees (git does not re-hash the objects it reads).
  return { kind: 'pull-number', ...common(env, event), workspace: undefined, ...repositoryOf(env), number };
}

export function readEventContext(env: NodeJS.ProcessEnv, pullNumber?: string): EventContext {
  const event = requireEnv(env, 'GITHUB_EVENT_NAME');
  if (event === 'workflow_run') return relayContext(env, event, pullNumber);
  if (event === 'issue_comment') return commentContext(env, event);
  if (event === 'merge_group') return mergeGroupContext(env, event);
  return readRunnerContext(env);
}
