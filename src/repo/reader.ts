// One way to read a repository at a commit, whatever holds it: local git, the GitHub contents
// API, or the file system (for `--diff`, where there is no commit). Everything a change could use
// to weaken its own checks (the policy, symlinks to it, .gitattributes, CODEOWNERS) is read through
// this, at the base commit.
import { UsageError } from '../errors.ts';
import { MAX_TEXT_FILE } from '../read-text.ts';

/** What is at a path, without following symlinks. */
export type RepoEntry =
  | { kind: 'file'; text: string }
  | { kind: 'symlink'; target: string }
  | { kind: 'absent' }
  | { kind: 'other'; type: string };

export interface RepoReader {
  /** Names the reader in messages: "git", "the GitHub API", "the work tree". */
  readonly label: string;
  /**
   * The entry at `path` (repository-relative, `/`-separated) in commit `ref`. A file-system
   * reader ignores `ref`. Throws (with a clear message) when the repository cannot be read; a
   * path that does not exist is `absent`, never an error.
   */
  entryAt(ref: string, path: string): Promise<RepoEntry>;
}

/**
 * A file larger than prguard reads of a policy, CODEOWNERS, a plan or a baseline (the bound of
 * every file the user names): read whole, it would take its size in memory several times over.
 */
export function tooLarge(path: string, where: string): RepoReadError {
  return new RepoReadError(`${path} ${where} is larger than ${MAX_TEXT_FILE / (1024 * 1024)} MiB, more than prguard reads from such a file (is it the file you meant?)`);
}

/** A file found by `readAt`: its text and the path it was finally read from (after symlinks). */
export interface RepoFile {
  text: string;
  /** The path the text came from; differs from the asked path when it was a symlink. */
  resolvedPath: string;
}

const MAX_LINKS = 8;

/** Resolve a symlink's target against the link's directory; null when it leaves the repository. */
export function resolveLink(linkPath: string, target: string): string | null {
  if (target.startsWith('/')) return null;
  const parts = linkPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('/');
}

/**
 * The text at `path` in `ref`, following symlinks inside the repository at the same commit.
 * `undefined` when nothing is there. A link that leaves the repository, loops, or ends at a
 * directory is an error: the reader must not silently read something else.
 */
export async function readAt(reader: RepoReader, ref: string, path: string): Promise<RepoFile | undefined> {
  let current = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const entry = await reader.entryAt(ref, current);
    if (entry.kind === 'absent') return undefined;
    if (entry.kind === 'file') return { text: entry.text, resolvedPath: current };
    if (entry.kind === 'other') throw new RepoReadError(`${path} is not a file (${current} is a ${entry.type})`);
    const next = resolveLink(current, entry.target);
    if (next === null) {
      throw new RepoReadError(`${path} is a symlink that points outside the repository (${entry.target})`);
    }
    current = next;
  }
  throw new RepoReadError(`${path}: more than ${MAX_LINKS} symlinks in a row`);
}

/** `a/b/c` -> `a`, `a/b`: the directories on a path's way, from the top. */
export function parentsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * A path its reader found absent: absent, unless a directory on its way is a symlink at the commit
 * (neither git nor the contents API looks through one). Then the path is, in effect, a link to the
 * same name under the link's target: given as a symlink relative to the path's own directory, for
 * readAt to follow like any other. `entryOf` tells what each directory on the way is.
 */
export async function throughLinkedDirectory(path: string, entryOf: (dir: string) => Promise<RepoEntry>): Promise<RepoEntry> {
  for (const dir of parentsOf(path)) {
    const entry = await entryOf(dir);
    if (entry.kind === 'other' && entry.type === 'directory') continue; // looked into
    if (entry.kind !== 'symlink') return { kind: 'absent' }; // nothing, a file or a submodule is in the way
    const resolved = resolveLink(dir, entry.target);
    if (resolved === null) throw new RepoReadError(`${path}: ${dir} is a symlink that points outside the repository (${entry.target})`);
    const depth = path.split('/').length - 1;
    return { kind: 'symlink', target: `${'../'.repeat(depth)}${resolved}/${path.slice(dir.length + 1)}` };
  }
  return { kind: 'absent' };
}

/** A repository that could not be read as asked: exit 2 with this message. */
export class RepoReadError extends UsageError {
  override name = 'RepoReadError';
}
