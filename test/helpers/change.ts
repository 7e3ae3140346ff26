// Tiny builders for hand-made ChangeSets in rule tests:
//   change({ files: [file('src/a.ts', { added: ['x'] })], pr: pr({ labels: ['hotfix'] }) })
import type {
  ChangeSet,
  Commit,
  FileAttributes,
  FileChange,
  FileStatus,
  Hunk,
  Person,
  Provenance,
  PullRequest,
} from '../../src/model.ts';
import type { RuleContext } from '../../src/rule.ts';

export interface FileOptions {
  status?: FileStatus;
  oldPath?: string;
  /** Added lines (their content), or just how many. */
  added?: string[] | number;
  /** Deleted lines (their content), or just how many. */
  deleted?: string[] | number;
  /** New-side line number of the first added line (default 1). */
  startLine?: number;
  /** Function context after the hunk header's second `@@`. */
  section?: string;
  binary?: boolean;
  submodule?: boolean;
  similarity?: number;
  modeChange?: { oldMode: string; newMode: string };
  attributes?: FileAttributes;
  patchMissing?: boolean;
}

function lines(spec: string[] | number | undefined, what: string): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'number') return Array.from({ length: spec }, (_, i) => `${what} ${i + 1}`);
  return spec;
}

/** One changed file. Added and deleted lines go into a single hunk. */
export function file(path: string, options: FileOptions = {}): FileChange {
  const added = lines(options.added, 'added line');
  const deleted = lines(options.deleted, 'deleted line');
  const start = options.startLine ?? 1;
  const status: FileStatus =
    options.status ?? (options.oldPath !== undefined ? 'renamed' : 'modified');
  const hunks: Hunk[] = [];
  if (!options.binary && !options.submodule && (added.length > 0 || deleted.length > 0)) {
    hunks.push({
      oldStart: deleted.length > 0 ? start : 0,
      oldLines: deleted.length,
      newStart: added.length > 0 ? start : 0,
      newLines: added.length,
      section: options.section ?? '',
      added: added.map((content, i) => ({ line: start + i, content })),
      deleted: deleted.map((content, i) => ({ line: start + i, content })),
    });
  }
  const result: FileChange = {
    path,
    status,
    binary: options.binary ?? false,
    submodule: options.submodule ?? false,
    additions: options.binary ? 0 : added.length,
    deletions: options.binary ? 0 : deleted.length,
    hunks,
  };
  if (options.oldPath !== undefined) result.oldPath = options.oldPath;
  if (options.similarity !== undefined) result.similarity = options.similarity;
  if (options.modeChange !== undefined) result.modeChange = options.modeChange;
  if (options.attributes !== undefined) result.attributes = options.attributes;
  if (options.patchMissing !== undefined) result.patchMissing = options.patchMissing;
  return result;
}

export function person(name = 'Ada Lovelace', email = 'ada@example.com'): Person {
  return { name, email };
}

let shaCounter = 0;

export function commit(message: string, more: Partial<Commit> = {}): Commit {
  shaCounter += 1;
  return {
    sha: more.sha ?? shaCounter.toString(16).padStart(40, '0'),
    author: more.author ?? person(),
    committer: more.committer ?? person(),
    message,
    trailers: more.trailers ?? [],
  };
}

export function pr(more: Partial<PullRequest> = {}): PullRequest {
  return {
    title: 'A change',
    body: null,
    labels: [],
    author: { login: 'ada', type: 'User' },
    baseRef: 'main',
    headRef: 'feature',
    draft: false,
    ...more,
  };
}

export function change(more: Partial<ChangeSet> = {}): ChangeSet {
  return { base: 'base', head: 'head', files: [], commits: [], ...more };
}

/** Provenance of an AI-assisted change, as detection would report it. */
export function aiAssisted(agents: string[] = [], source: Provenance['source'] = 'detected'): Provenance {
  return { assisted: true, agents, evidence: [], source };
}

export function context(more: Partial<RuleContext> = {}): RuleContext {
  return {
    ai: { assisted: false, agents: [], evidence: [], source: 'none' },
    core: {},
    policyPath: null,
    documents: {},
    baseDocuments: {},
    ...more,
  };
}
