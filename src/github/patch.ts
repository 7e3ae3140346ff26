// GitHub's `patch` field of a pull request file: hunks only (no `diff --git` header).
import type { Hunk } from '../model.ts';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** Parse the hunks of one file's patch; added lines carry new-side numbers, deleted old-side. */
export function parsePatchHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let hunk: Hunk | undefined;
  let oldLine = 0;
  let newLine = 0;
  for (const raw of patch.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = HUNK_HEADER.exec(line);
    if (header) {
      hunk = {
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        section: header[5] ?? '',
        added: [],
        deleted: [],
      };
      hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
      continue;
    }
    if (!hunk) continue;
    const tag = line[0];
    if (tag === '+') hunk.added.push({ line: newLine++, content: line.slice(1) });
    else if (tag === '-') hunk.deleted.push({ line: oldLine++, content: line.slice(1) });
    else if (tag === ' ' || line === '') {
      // Context (GitHub may drop the space of an empty context line).
      if (line === '' && oldLine >= hunk.oldStart + hunk.oldLines && newLine >= hunk.newStart + hunk.newLines) continue;
      oldLine++;
      newLine++;
    }
    // '\' (No newline at end of file) and anything else: not a line of the file.
  }
  return hunks;
}
