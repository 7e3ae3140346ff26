// Where `check` gets the change from: local git (a range) or a diff file / stdin.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadDiffChangeSet } from '../diff/source.ts';
import { loadGitChangeSet, readRepoFile } from '../git/index.ts';
import type { ChangeSet } from '../model.ts';

const run = promisify(execFile);

/** The top of the git work tree containing `cwd`, or null outside a repository. */
export async function repoRoot(cwd: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

export function loadChange(opts: { cwd: string; diff?: string; base?: string; head?: string }): Promise<ChangeSet> {
  if (opts.diff !== undefined) return loadDiffChangeSet(opts.diff === '-' ? '-' : resolve(opts.cwd, opts.diff));
  return loadGitChangeSet({ cwd: opts.cwd, base: opts.base, head: opts.head });
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
