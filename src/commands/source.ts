// Where `check` gets the change from: local git (a range) or a diff file / stdin.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDiffChangeSet } from '../diff/source.ts';
import { headBranch } from '../git/branch.ts';
import { loadGitChangeSet, readRepoFile } from '../git/index.ts';
import type { ChangeSet } from '../model.ts';

export async function loadChange(opts: {
  cwd: string;
  root: string;
  diff?: string;
  base?: string;
  head?: string;
  /** The branch being pushed (pre-push), when the head is a commit. */
  branch?: string;
}): Promise<ChangeSet> {
  if (opts.diff !== undefined) return loadDiffChangeSet(opts.diff === '-' ? '-' : resolve(opts.cwd, opts.diff));
  const [change, branch] = await Promise.all([
    loadGitChangeSet({ cwd: opts.cwd, root: opts.root, base: opts.base, head: opts.head }),
    opts.branch ?? headBranch(opts.root, opts.head),
  ]);
  if (branch) change.branch = branch;
  return change;
}

/** A repository file a rule asked for: at the head commit in git mode, from disk with --diff. */
export async function readDocument(root: string, change: ChangeSet, diff: string | undefined, path: string) {
  if (diff === undefined) return readRepoFile(root, change.head, path);
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
