// What prguard reads from GitHub's answers, checked before use: a truncated JSON body (octokit
// then hands back the raw text), a missing field or a wrong type is a clear error naming the
// call, never "Cannot read properties of undefined" deep inside a rule.
import { GitHubCallError } from './client.ts';

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function malformed(call: string, detail: string): GitHubCallError {
  return new GitHubCallError(
    `${call} returned a malformed response (${detail}). GitHub, or a proxy in between, sent an answer prguard ` +
      'cannot read, so nothing was checked; re-run the job.',
    call,
    undefined,
  );
}

/** A reader of one response that names the call and the field in its errors. */
export class Shape {
  constructor(readonly call: string) {}

  private get(value: unknown, path: string): unknown {
    let cur = value;
    for (const key of path.split('.').filter(Boolean)) {
      cur = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>)[key] : undefined;
    }
    return cur;
  }

  private fail(path: string, expected: string, value: unknown): never {
    const got = typeof value === 'string' && path === '' ? `text "${value.slice(0, 40)}…"` : kindOf(value);
    throw malformed(this.call, `${path || 'the body'} should be ${expected}, got ${got}`);
  }

  /** The value at `path` (dot-separated), which must be of `kind`; `optional` allows undefined and null. */
  need(value: unknown, path: string, kind: Kind, optional = false): unknown {
    const v = this.get(value, path);
    if (optional && (v === undefined || v === null)) return undefined;
    if (kindOf(v) !== kind) this.fail(path, optional ? `${kind} or absent` : kind, v);
    return v;
  }

  string(value: unknown, path: string): string {
    return this.need(value, path, 'string') as string;
  }

  optionalString(value: unknown, path: string): string | undefined {
    return this.need(value, path, 'string', true) as string | undefined;
  }

  /** A count: a non-negative integer. */
  count(value: unknown, path: string): number {
    const n = this.need(value, path, 'number') as number;
    if (!Number.isInteger(n) || n < 0) this.fail(path, 'a non-negative integer', n);
    return n;
  }

  array(value: unknown, path = ''): unknown[] {
    return this.need(value, path, 'array') as unknown[];
  }

  object(value: unknown, path = ''): Record<string, unknown> {
    return this.need(value, path, 'object') as Record<string, unknown>;
  }
}

/** The fields of `pulls.get` prguard uses, checked. */
export function checkPull(data: unknown): void {
  const s = new Shape('pulls.get');
  s.object(data);
  s.count(data, 'number');
  s.string(data, 'title');
  s.optionalString(data, 'body');
  for (const path of ['base.sha', 'base.ref', 'head.sha', 'head.ref']) s.string(data, path);
  for (const path of ['changed_files', 'commits', 'additions', 'deletions']) s.count(data, path);
  s.need(data, 'draft', 'boolean', true);
  // Each label's name and the author's login are compared as text (labels that unlock a path,
  // who wrote the change): anything else is a malformed answer, not a crash deep in a rule.
  s.array(data, 'labels').forEach((label, i) => {
    const name = label !== null && typeof label === 'object' ? (label as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') throw malformed('pulls.get', `labels[${i}] should be a label with a name (string)`);
  });
  s.need(data, 'user', 'object', true);
  s.optionalString(data, 'user.login');
  s.optionalString(data, 'user.type');
}

/** One page of `pulls.listFiles`, checked. */
export function checkFilePage(data: unknown, call: string): unknown[] {
  const s = new Shape(call);
  const items = s.array(data);
  items.forEach((f, i) => {
    s.object(f, '');
    if (s.string(f, 'filename') === '') throw malformed(call, `file ${i + 1}: empty filename`);
    const status = s.string(f, 'status');
    // A rename without its old path would hide that path from every rule (a workflow moved away, say).
    if ((status === 'renamed' || status === 'copied') && !s.optionalString(f, 'previous_filename')) {
      throw malformed(call, `file ${i + 1}: ${status} without previous_filename`);
    }
    const changes = s.count(f, 'changes');
    if (s.count(f, 'additions') + s.count(f, 'deletions') !== changes) {
      throw malformed(call, `file ${i + 1}: additions + deletions is not changes`);
    }
    s.optionalString(f, 'patch');
    s.optionalString(f, 'previous_filename');
  });
  return items;
}

/** One page of `pulls.listCommits`, checked. */
export function checkCommitPage(data: unknown, call: string): unknown[] {
  const s = new Shape(call);
  const items = s.array(data);
  for (const c of items) {
    s.string(c, 'sha');
    s.string(c, 'commit.message');
    s.need(c, 'commit.author', 'object', true);
    s.need(c, 'commit.committer', 'object', true);
    s.need(c, 'author', 'object', true);
    s.need(c, 'committer', 'object', true);
  }
  return items;
}
