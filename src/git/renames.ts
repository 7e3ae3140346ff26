// Rename detection that does not give up silently. git stops pairing moved-and-edited files when
// a change has more rename candidates than its rename limit (diff.renameLimit, 1000 by default),
// and only warns on stderr: moves then show as a deletion plus an addition ("test file deleted",
// secrets in code that only moved). The diff runs with a limit that covers large changes; when git
// still skips, the change set says so, with the counts as they were read.
import type { FileChange } from '../model.ts';

/**
 * The rename limit the diff runs with. git compares every unpaired deleted file with every
 * unpaired added one, so the work grows with the square of this; 10,000 covers a change moving
 * 10,000 files (exact moves are paired before the limit applies, whatever their number).
 */
export const RENAME_LIMIT = 10_000;

const SKIPPED = /(exhaustive|inexact) rename detection was skipped/;
const WANTED = /renameLimit variable to at least (\d+)/;

/** A note when git's stderr says it skipped rename detection, else undefined. */
export function renameNote(stderr: string, files: readonly FileChange[], limit = RENAME_LIMIT): string | undefined {
  if (!SKIPPED.test(stderr)) return undefined;
  const wanted = WANTED.exec(stderr)?.[1];
  const added = files.filter((f) => f.status === 'added').length;
  const deleted = files.filter((f) => f.status === 'deleted').length;
  return (
    `git skipped rename detection: the change has more rename candidates${wanted ? ` (${wanted})` : ''} than ` +
    `the limit of ${limit}, so files that moved and changed are counted as one deletion plus one addition ` +
    `(this change: ${deleted} deleted, ${added} added files); split the move from the edits to have them paired`
  );
}
