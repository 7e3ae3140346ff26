// The blobs a push sends outside any commit: what a tag of a blob points at, and each blob of a
// tag of a tree that the remote lacks (no commit diff will ever show them). Read as the binary
// files of a range are (content-scan.ts: their printable runs, the same limits); a blob that could
// not be read says why in its `contentScan`, never nothing.
import { historyBinary } from '../diff/history.ts';
import type { FileChange } from '../model.ts';
import { ContentScanner } from './content-scan.ts';
import { repoPaths } from './history.ts';
import { openGit } from './run.ts';
import { Sandbox } from './sandbox.ts';

/** A tree or blob a pushed ref points at (through its tags, or itself). */
export interface PushedTarget {
  ref: string;
  type: 'tree' | 'blob';
  sha: string;
}

export interface PushedBlobs {
  blobs: { where: string; file: FileChange }[];
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

/**
 * Reads every target's blobs: a blob itself, or those of a tree the remote-tracking refs of
 * `remote` do not reach (all of them, when there are none). Two git processes per tree, and one
 * content scan for all.
 */
export async function readPushedBlobs(root: string, remote: string, targets: readonly PushedTarget[]): Promise<PushedBlobs> {
  const git = openGit(root);
  const result: PushedBlobs = { blobs: [], unread: [] };
  const wanted: { where: string; path: string; sha: string }[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.type === 'blob') {
      wanted.push({ where: `the blob ${t.sha.slice(0, 12)} that ${t.ref} points at`, path: t.ref, sha: t.sha });
      continue;
    }
    let listed: string;
    try {
      listed = await git.raw(['ls-tree', '-r', '-z', '--full-tree', t.sha]);
    } catch (err) {
      result.unread.push(`the tree ${t.sha.slice(0, 12)} that ${t.ref} points at: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    // What the remote has already, it does not receive again; without an answer, every blob is new.
    const fresh = await git.tryRaw(['rev-list', '--objects', '--no-object-names', t.sha, '--not', `--remotes=${remote}`, '--']);
    const sent = fresh === undefined ? undefined : new Set(fresh.split('\n'));
    for (const b of treeBlobs(listed)) {
      if ((sent && !sent.has(b.sha)) || seen.has(b.sha)) continue;
      seen.add(b.sha);
      wanted.push({ where: `${b.path} in the tree that ${t.ref} points at`, path: b.path, sha: b.sha });
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
