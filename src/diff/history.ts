// The history of a change: per commit, the added lines that the net diff does not contain (a
// token one commit added and a later one removed). Shared by the format-patch parser and the git
// source, so both report exactly the lines the net diff misses.
import type { DiffLine, FileChange, Hunk } from '../model.ts';

export type History = { sha: string; files: FileChange[] }[];

/** What the net diff already shows: added lines by path, of files that still exist. */
export class NetLines {
  private readonly byPath = new Map<string, Set<string>>();

  constructor(files: readonly FileChange[]) {
    for (const f of files) {
      if (f.status === 'deleted') continue;
      const set = new Set<string>();
      for (const h of f.hunks) for (const l of h.added) set.add(l.content);
      // A binary file's printable runs (git mode): what a commit's blob of it shows again is no news.
      if (f.contentScan && 'lines' in f.contentScan) for (const l of f.contentScan.lines) set.add(l.content);
      this.byPath.set(f.path, set);
    }
  }

  covers(path: string, content: string): boolean {
    return this.byPath.get(path)?.has(content) ?? false;
  }

  /** The lines of `path` (a commit's binary content, say) that the net diff does not show. */
  uncovered(path: string, lines: readonly DiffLine[]): DiffLine[] {
    return lines.filter((l) => !this.covers(path, l.content));
  }
}

/**
 * A history file: one hunk of the kept added lines (new-side numbers of that commit), with the
 * numbers of those read only in part (`Hunk.cut`).
 */
export function historyFile(path: string, added: DiffLine[], cut: readonly number[] = []): FileChange {
  const first = added[0]?.line ?? 1;
  const hunk: Hunk = { oldStart: 0, oldLines: 0, newStart: first, newLines: added.length, section: '', added, deleted: [] };
  if (cut.length > 0) hunk.cut = [...cut];
  return { path, status: 'modified', binary: false, submodule: false, additions: added.length, deletions: 0, hunks: [hunk] };
}

/** A binary history file: what a commit's blob of it holds for the scanners (its printable runs, or why not). */
export function historyBinary(path: string, contentScan?: FileChange['contentScan']): FileChange {
  return { path, status: 'modified', binary: true, submodule: false, additions: 0, deletions: 0, hunks: [], ...(contentScan ? { contentScan } : {}) };
}

/** Per-commit patches (a mailbox's groups, in commit order) -> their lines the net diff lacks. */
export function patchHistory(commits: readonly string[], patches: readonly FileChange[][], net: readonly FileChange[]): History {
  const covered = new NetLines(net);
  const out: History = [];
  commits.forEach((sha, i) => {
    const files: FileChange[] = [];
    for (const f of patches[i] ?? []) {
      if (f.status === 'deleted') continue;
      const cut: number[] = [];
      const kept = f.hunks.flatMap((h) =>
        h.added.filter((l) => {
          if (covered.covers(f.path, l.content)) return false;
          if (h.cut?.includes(l.line)) cut.push(l.line);
          return true;
        }),
      );
      if (kept.length > 0) files.push(historyFile(f.path, kept, cut));
      // A binary patch's content (git diff --binary): its printable runs the net diff lacks.
      const scan = f.contentScan;
      const runs = scan && 'lines' in scan ? covered.uncovered(f.path, scan.lines) : [];
      if (runs.length > 0) files.push(historyBinary(f.path, { lines: runs }));
    }
    if (files.length > 0) out.push({ sha, files });
  });
  return out;
}
