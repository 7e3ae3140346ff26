// The local git source: a ChangeSet for head against a base, read from the repository.
// Commands run concurrently where they can: the range is resolved while the work tree's top is
// found; then the diff streams through the parser while the log is read and each finished
// file's path goes to `git check-attr`.
import { type SimpleGit, simpleGit } from 'simple-git';
import { DiffStream } from '../diff/index.ts';
import { UsageError } from '../errors.ts';
import type { ChangeSet, FileChange } from '../model.ts';
import { AttributeReader } from './attributes.ts';
import { readCommits } from './commits.ts';
import { resolveRange } from './range.ts';
import { STABLE_CONFIG } from './run.ts';
import { spoolGit } from './spool.ts';

export interface GitSourceOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** Base ref; default: the remote's default branch (or the upstream). */
  base?: string;
  /** Head ref; default HEAD. */
  head?: string;
  /** The top of the work tree, when the caller already found it (see repoRoot). */
  root?: string;
}

const DIFF_ARGS = [
  'diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--submodule=short',
  '--ignore-submodules=none', '--src-prefix=a/', '--dst-prefix=b/', '--no-relative',
];

function open(cwd: string): SimpleGit {
  try {
    return simpleGit({ baseDir: cwd, config: STABLE_CONFIG.filter((_, i) => i % 2 === 1) });
  } catch (err) {
    throw new UsageError(`Cannot open ${cwd}: ${(err as Error).message}`);
  }
}

/** The top of the git work tree containing `cwd`, or null outside one. */
export async function repoRoot(cwd: string): Promise<string | null> {
  let git: SimpleGit;
  try {
    git = open(cwd);
  } catch {
    return null;
  }
  return git.revparse(['--show-toplevel']).then((r) => r.trim() || null, () => null);
}

/** The top of the work tree containing `cwd`, or a UsageError. */
async function topLevel(cwd: string): Promise<string> {
  const root = await repoRoot(cwd);
  if (!root) {
    throw new UsageError(
      `${cwd} is not inside a git work tree, so there is no change to check. Run prguard inside a repository, ` +
        'or give it a diff with --diff FILE (or --diff - for stdin).',
    );
  }
  return root;
}

/** Reads the change from `base` (merge-base) to `head`: files with hunks and attributes, and commits. */
export async function loadGitChangeSet(options: GitSourceOptions): Promise<ChangeSet> {
  const git = open(options.cwd);
  const [rootResult, rangeResult] = await Promise.allSettled([
    options.root ?? topLevel(options.cwd),
    resolveRange(git, options),
  ]);
  if (rootResult.status === 'rejected') throw rootResult.reason;
  if (rangeResult.status === 'rejected') throw rangeResult.reason;
  const root = rootResult.value;
  const range = rangeResult.value;

  const attributes = new AttributeReader(root, range.head);
  const stream = new DiffStream({ onFile: (f) => attributes.add(f.path) });
  const diff = spoolGit(root, [...DIFF_ARGS, range.base, range.head, '--'], (chunk) => stream.write(chunk));
  const log = readCommits(git.cwd(root), range.base, range.head);
  let files: FileChange[];
  try {
    await diff;
    files = stream.end().files;
  } catch (err) {
    await Promise.allSettled([attributes.finish([]), log]);
    throw err;
  }
  await attributes.finish(files);
  return { base: range.base, head: range.head, files, commits: await log };
}

/** The content of `path` at `rev` (repository-relative path), or undefined when it cannot be read. */
export async function readRepoFile(cwd: string, rev: string, path: string): Promise<string | undefined> {
  try {
    // `rev:path` is relative to the top of the tree whatever the cwd (unless it starts with ./).
    return await open(cwd).raw(['cat-file', 'blob', `${rev}:${path.replace(/^\.?\/+/, '')}`]);
  } catch {
    return undefined;
  }
}
