// The local git source: a ChangeSet for head against a base, read from the repository.
import { type SimpleGit, simpleGit } from 'simple-git';
import { DiffStream } from '../diff/index.ts';
import { UsageError } from '../errors.ts';
import type { ChangeSet } from '../model.ts';
import { attachAttributes } from './attributes.ts';
import { readCommits } from './commits.ts';
import { resolveRange } from './range.ts';
import { STABLE_CONFIG, streamGit } from './run.ts';

export interface GitSourceOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** Base ref; default: the remote's default branch (or the upstream). */
  base?: string;
  /** Head ref; default HEAD. */
  head?: string;
}

const DIFF_ARGS = [
  'diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--submodule=short',
  '--ignore-submodules=none', '--src-prefix=a/', '--dst-prefix=b/', '--no-relative',
];

/** simple-git rooted at the top of the repository containing `cwd`, or a UsageError. */
async function openRepository(cwd: string): Promise<{ git: SimpleGit; root: string }> {
  let git: SimpleGit;
  try {
    git = simpleGit({ baseDir: cwd, config: STABLE_CONFIG.filter((_, i) => i % 2 === 1) });
  } catch (err) {
    throw new UsageError(`Cannot open ${cwd}: ${(err as Error).message}`);
  }
  let root: string;
  try {
    root = (await git.revparse(['--show-toplevel'])).trim();
  } catch {
    root = '';
  }
  if (!root) {
    throw new UsageError(
      `${cwd} is not inside a git work tree, so there is no change to check. Run prguard inside a repository, ` +
        'or give it a diff with --diff FILE (or --diff - for stdin).',
    );
  }
  return { git: git.cwd(root), root };
}

/** Reads the change from `base` (merge-base) to `head`: files with hunks and attributes, and commits. */
export async function loadGitChangeSet(options: GitSourceOptions): Promise<ChangeSet> {
  const { git, root } = await openRepository(options.cwd);
  const range = await resolveRange(git, options);
  const stream = new DiffStream();
  const [, commits] = await Promise.all([
    streamGit(root, [...DIFF_ARGS, range.base, range.head, '--'], (chunk) => stream.write(chunk)),
    readCommits(git, range.base, range.head),
  ]);
  const { files } = stream.end();
  await attachAttributes(root, range.head, files);
  return { base: range.base, head: range.head, files, commits };
}

/** The content of `path` at `rev` (repository-relative path), or undefined when it cannot be read. */
export async function readRepoFile(cwd: string, rev: string, path: string): Promise<string | undefined> {
  try {
    const { git } = await openRepository(cwd);
    return await git.raw(['cat-file', 'blob', `${rev}:${path.replace(/^\.?\//, '')}`]);
  } catch {
    return undefined;
  }
}
