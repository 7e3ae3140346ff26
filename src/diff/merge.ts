// Several patches of one mailbox touching the same path become one FileChange, so the change
// set describes the series as a whole:
// - a path followed through renames is one entry, listed where it first appeared;
// - status compares the start and the end of the series: created -> `added`, removed ->
//   `deleted` (at its original path), moved -> `renamed` (oldPath = original path), else
//   `modified`; a file created and removed again within the series is left out;
// - additions, deletions and hunks are those of every patch, in order (so no added line is
//   lost); a later patch's line numbers refer to that patch's own version of the file;
// - binary and submodule if any patch says so, a binary file's content that of its last patch;
//   the mode change spans first to last.
// Within one patch, joinTypeChange makes git's two entries for a type change one.
import type { FileChange, FileStatus } from '../model.ts';

interface Entry {
  file: FileChange;
  /** Path before the series, when the file existed then. */
  origin: string | undefined;
  /** For a file first seen as a copy: the copy's source. */
  copiedFrom: string | undefined;
  last: FileStatus;
}

export function mergePatchFiles(groups: FileChange[][]): FileChange[] {
  const current = new Map<string, Entry>();
  const order: Entry[] = [];
  for (const group of groups) {
    for (const f of group) {
      const from = f.status === 'renamed' ? (f.oldPath ?? f.path) : f.path;
      const entry = f.status === 'copied' ? undefined : current.get(from);
      if (!entry) {
        const created = f.status === 'added' || f.status === 'copied';
        const e: Entry = {
          file: { ...f, hunks: [...f.hunks] },
          origin: created ? undefined : from,
          copiedFrom: f.status === 'copied' ? f.oldPath : undefined,
          last: f.status,
        };
        current.set(f.path, e);
        order.push(e);
        continue;
      }
      const m = entry.file;
      if (from !== f.path) current.delete(from);
      current.set(f.path, entry);
      m.path = f.path;
      m.additions += f.additions;
      m.deletions += f.deletions;
      m.hunks.push(...f.hunks);
      m.binary ||= f.binary;
      m.submodule ||= f.submodule;
      // A binary file's content is its last patch's (what earlier ones held is history).
      if (f.contentScan) m.contentScan = f.contentScan;
      if (f.blob) m.blob = f.blob;
      else delete m.blob;
      if (f.similarity !== undefined) m.similarity = f.similarity;
      if (f.modeChange) m.modeChange = { oldMode: m.modeChange?.oldMode ?? f.modeChange.oldMode, newMode: f.modeChange.newMode };
      if (entry.last === 'deleted' && f.status === 'added' && entry.origin === undefined) entry.copiedFrom = undefined;
      entry.last = f.status;
    }
  }
  const out: FileChange[] = [];
  for (const e of order) {
    const existsAfter = e.last !== 'deleted';
    const f = e.file;
    delete f.oldPath;
    if (e.origin === undefined) {
      if (!existsAfter) continue;
      f.status = e.copiedFrom ? 'copied' : 'added';
      if (e.copiedFrom) f.oldPath = e.copiedFrom;
    } else if (!existsAfter) {
      f.status = 'deleted';
      f.path = e.origin;
    } else if (f.path !== e.origin) {
      f.status = 'renamed';
      f.oldPath = e.origin;
    } else f.status = 'modified';
    if (f.status !== 'renamed' && f.status !== 'copied') delete f.similarity;
    if (f.modeChange && f.modeChange.oldMode === f.modeChange.newMode) delete f.modeChange;
    out.push(f);
  }
  return out;
}

/** `deleted` and the `added` file of the same path become one modified file, modes changed. */
export function joinTypeChange(deleted: FileChange, oldMode: string | undefined, added: FileChange, newMode: string | undefined): void {
  deleted.status = 'modified';
  if (oldMode && newMode) deleted.modeChange = { oldMode, newMode };
  deleted.hunks.push(...added.hunks);
  deleted.additions += added.additions;
  deleted.deletions += added.deletions;
  deleted.binary ||= added.binary;
  deleted.submodule ||= added.submodule;
  if (added.blob) deleted.blob = added.blob;
}
