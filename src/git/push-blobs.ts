// The blobs a push sends outside any commit: what a tag of a blob points at, and each blob of a
// tag of a tree that the remote lacks (no commit diff will ever show them). Read as the binary
// files of a range are (content-scan.ts: their printable runs, the same limits); a blob that could
// not be read says why in its `contentScan`, never nothing.
import { historyBinary } from '../diff/history.ts';
import type { Commit, FileChange } from '../model.ts';
import { logFormat, parseLog } from './commits.ts';
import { ContentScanner } from './content-scan.ts';
import { repoPaths } from './history.ts';
import { type Git, gitWithInput, openGit } from './run.ts';
import { Sandbox } from './sandbox.ts';

/**
 * A tree or blob a pushed ref points at (through its tags, or itself), or the commits of a ref no
 * pull request will show that the remote has no base for (`commits`: a first push of refs/notes/*).
 */
export interface PushedTarget {
  ref: string;
  type: 'tree' | 'blob' | 'commits';
  sha: string;
}

export interface PushedBlobs {
  blobs: { where: string; file: FileChange }[];
  /** The commits of the `commits` targets the remote lacks, messages and all. */
  commits: Commit[];
  /** What could not be listed (a tree git would not read), and why. */
  unread: string[];
}

/** `<mode> <type> <sha>\t<path>` entries of `ls-tree -r -z`: the blobs (files and symbolic links). */
function treeBlobs(out: string): { sha: string; path: string }[] {
  const blobs: { sha: string; path: string }[] = [];
  for (const entry of out.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]{40,64})\t([\s\S]+)$/.exec(entry);
    if (m) blobs.push({ sha: m[1]!, path: m[2]! });
  }
  return blobs;
}

/** The blobs of a tree that the remote-tracking refs of `remote` do not reach (all, without an answer). */
async function blobsOfTree(git: Git, remote: string, tree: string): Promise<{ sha: string; path: string }[]> {
  const listed = await git.raw(['ls-tree', '-r', '-z', '--full-tree', tree]);
  // What the remote has already, it does not receive again.
  const fresh = await git.tryRaw(['rev-list', '--objects', '--no-object-names', tree, '--not', `--remotes=${remote}`, '--']);
  const sent = fresh === undefined ? undefined : new Set(fresh.split('\n'));
  return treeBlobs(listed).filter((b) => !sent || sent.has(b.sha));
}

/** The blobs of the commits from `head` that the remote-tracking refs of `remote` do not reach, by a path they had. */
async function blobsOfCommits(git: Git, remote: string, head: string): Promise<{ sha: string; path: string }[]> {
  const objects = await git.raw(['rev-list', '--objects', head, '--not', `--remotes=${remote}`, '--']);
  // `<sha> <path>` a line: a line that starts with no sha is the rest of a path holding a newline.
  const named: { sha: string; path: string }[] = [];
  for (const line of objects.split('\n')) {
    const m = /^([0-9a-f]{40,64})(?: ([\s\S]*))?$/.exec(line);
    if (m) named.push({ sha: m[1]!, path: m[2] ?? '' });
    else if (named.length > 0) named[named.length - 1]!.path += `\n${line}`;
  }
  const candidates = named.filter((o) => o.path !== '');
  if (candidates.length === 0) return [];
  const input = candidates.map((o) => `${o.sha}\n`).join('');
  const types = (await gitWithInput(git.cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], input)).toString('utf8').split('\n');
  return candidates.filter((o, i) => types[i] === `${o.sha} blob`);
}

/**
 * Reads every target's blobs: a blob itself, or those of a tree (or of commits) the remote-tracking
 * refs of `remote` do not reach. Two or three git processes per tree or history, and one content
 * scan for all.
 */
export async function readPushedBlobs(root: string, remote: string, targets: readonly PushedTarget[]): Promise<PushedBlobs> {
  const git = openGit(root);
  const result: PushedBlobs = { blobs: [], commits: [], unread: [] };
  const wanted: { where: string; path: string; sha: string }[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.type === 'blob') {
      wanted.push({ where: `the blob ${t.sha.slice(0, 12)} that ${t.ref} points at`, path: t.ref, sha: t.sha });
      continue;
    }
    try {
      const found = t.type === 'tree' ? await blobsOfTree(git, remote, t.sha) : await blobsOfCommits(git, remote, t.sha);
      if (t.type === 'commits') result.commits.push(...parseLog(await git.raw(['log', '-z', '--encoding=UTF-8', logFormat, t.sha, '--not', `--remotes=${remote}`, '--'])));
      const inWhat = t.type === 'tree' ? `the tree that ${t.ref} points at` : `the commits of ${t.ref}`;
      for (const b of found) {
        if (seen.has(b.sha)) continue;
        seen.add(b.sha);
        wanted.push({ where: `${b.path} in ${inWhat}`, path: b.path, sha: b.sha });
      }
    } catch (err) {
      const what = t.type === 'tree' ? `the tree ${t.sha.slice(0, 12)} that ${t.ref} points at` : `the commits of ${t.ref} (${t.sha.slice(0, 12)})`;
      result.unread.push(`${what}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (wanted.length === 0) return result;
  const sandbox = new Sandbox(await repoPaths(root));
  try {
    const scanner = new ContentScanner(sandbox, git, Promise.resolve(''));
    for (const w of wanted) {
      const file = historyBinary(w.path);
      file.status = 'added';
      scanner.add(file, w.sha);
      result.blobs.push({ where: w.where, file });
    }
    await scanner.finish();
  } finally {
    sandbox.dispose();
  }
  return result;
}
