// The binary files of a range's commits, for the history scan: git log -p says only "Binary files
// differ" for them, so each blob a commit added or changed is read for its printable runs, as the
// net diff's binary files are (content-scan.ts: the same limits, a budget of its own). What the
// net diff already shows is dropped; a blob that could not be read is kept as skipped, so the
// rule says it was not scanned.
import { type History, historyBinary, type NetLines } from '../diff/history.ts';
import { ContentScanner } from './content-scan.ts';
import { openGit } from './run.ts';
import type { Sandbox } from './sandbox.ts';

/** A binary file a commit of the range added or changed: its blob in that commit. */
export interface BinaryInHistory {
  sha: string;
  path: string;
  blob: string;
}

/** Reads each binary file's blob, and adds what the net diff lacks to its commit's entry of `history`. */
export async function readBinaries(sandbox: Sandbox, binaries: readonly BinaryInHistory[], history: History, net: NetLines): Promise<void> {
  const scanner = new ContentScanner(sandbox, openGit(sandbox.repo.root), Promise.resolve(''));
  const files = binaries.map((b) => {
    const file = historyBinary(b.path);
    scanner.add(file, b.blob);
    return file;
  });
  await scanner.finish();
  const entries = new Map(history.map((entry) => [entry.sha, entry]));
  binaries.forEach((b, i) => {
    const file = files[i]!;
    const scan = file.contentScan;
    if (scan && 'lines' in scan) {
      const lines = net.uncovered(file.path, scan.lines);
      if (lines.length === 0) return;
      file.contentScan = { lines };
    }
    entries.get(b.sha)?.files.push(file);
  });
}
