// Where `check` gets the change from: local git (a range) or a diff file / stdin.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDiffChangeSet } from '../diff/source.ts';
import { readHistory } from '../git/history.ts';
import { loadGitChangeSet, readRepoFile } from '../git/index.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import type { ChangeSet } from '../model.ts';

export function loadChange(opts: {
  cwd: string;
  root: string;
  diff?: string;
  base?: string;
  head?: string;
}): Promise<ChangeSet> {
  if (opts.diff !== undefined) return loadDiffChangeSet(opts.diff === '-' ? '-' : resolve(opts.cwd, opts.diff));
  return loadGitChangeSet({ cwd: opts.cwd, root: opts.root, base: opts.base, head: opts.head });
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

/**
 * A repository file at the BASE of the change (what a change must not edit to weaken its own
 * check): `git cat-file` at the base commit in git mode; with --diff there is no base commit, so
 * the file system (the checked-out tree the diff applies to).
 */
export async function readBaseDocument(root: string, change: ChangeSet, diff: string | undefined, path: string) {
  if (diff === undefined) return readRepoFile(root, change.base, path);
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** Rules that read `ChangeSet.history` (per-commit added lines): only then is it worth reading. */
const HISTORY_RULES = ['secret-leakage'];

/**
 * In git mode, adds each commit's added lines that the net diff lacks (`change.history`), when
 * a rule that reads them is on (the --diff source fills it from format-patch input itself).
 */
export async function addHistory(root: string, change: ChangeSet, diff: string | undefined, policy: ResolvedPolicy): Promise<void> {
  if (diff !== undefined || change.commits.length < 2) return;
  const on = HISTORY_RULES.some((id) => {
    const entry = policy.rules[id];
    return entry !== undefined && (entry.severity !== 'off' || (entry.aiOptions.severity ?? 'off') !== 'off');
  });
  if (!on) return;
  const history = await readHistory(root, change.base, change.head, change.files);
  if (history.length > 0) change.history = history;
}
