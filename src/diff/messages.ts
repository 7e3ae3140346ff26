// The parser's refusals, worded once. Messages never quote an input line (a line of a diff may
// hold a secret): they name its line number and its first character.
import { DiffFormatError } from './errors.ts';

/** What a line is, for messages: its first character only. */
export function shown(text: string): string {
  if (text === '') return 'an empty line';
  const c = text.codePointAt(0)!;
  const first = c > 32 && c < 127 ? `"${String.fromCodePoint(c)}"` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `a line starting with ${first}`;
}

/** A hunk ended (at `text`, or at the end of the input) before its header's counts. */
export function truncatedHunk(line: number, hunkAt: number, file: string, left: number, text: string | undefined): DiffFormatError {
  const what = text === undefined ? 'the input ends' : `${shown(text)} cannot belong to it`;
  return new DiffFormatError(
    line,
    `corrupt patch: the hunk at line ${hunkAt} of ${file} expects ${left} more line${left === 1 ? '' : 's'}, ` +
      `but ${what} (was the diff cut off or edited by hand?)`,
  );
}

/** `---` and `+++` with no hunk after them: what a diff cut off right after a file's header leaves. */
export function noHunk(line: number, file: string): DiffFormatError {
  return new DiffFormatError(line, `corrupt patch: ${file} has its --- and +++ lines but no hunk after them (was the diff cut off?)`);
}

/** A hunk-like line after a complete hunk: the hunk is longer than its header says. */
export function strayHunkLine(line: number, hunkAt: number, file: string, text: string): DiffFormatError {
  return new DiffFormatError(
    line,
    `corrupt patch: ${shown(text)} looks like part of a hunk of ${file}, but the hunk at line ${hunkAt} ` +
      'ended before it (its @@ header counts fewer lines)',
  );
}

export function badHunkHeader(line: number, combined: boolean): DiffFormatError {
  return new DiffFormatError(
    line,
    combined
      ? 'corrupt patch: a line starting with "@@@" is not a valid combined hunk header'
      : 'corrupt patch: a line starting with "@@ " is not a valid hunk header (@@ -a,b +c,d @@)',
  );
}

/** `git log -p` with several commits: its messages would go unchecked. */
export function gitLogRefused(line: number): DiffFormatError {
  return new DiffFormatError(
    line,
    'this is `git log -p` output with several commits, whose messages prguard cannot read: ' +
      'pass `git format-patch --stdout BASE..HEAD` (commits and messages) or `git diff BASE...HEAD` instead',
  );
}

/** git never names a path twice in one diff: a second entry could only hide the first one's hunks. */
export function pathTwice(line: number, path: string, first: number): DiffFormatError {
  if (path.includes('\uFFFD')) {
    // Names that are not valid UTF-8 are read with U+FFFD for each bad byte: two such names can
    // read as one, and the second would hide the first.
    return new DiffFormatError(
      line,
      `two paths read as ${JSON.stringify(path)} (first at line ${first}): their names are not valid UTF-8, and ` +
        'prguard cannot tell them apart. Rename them to UTF-8 names (git mv) and check again',
    );
  }
  return new DiffFormatError(
    line,
    `${JSON.stringify(path)} is named a second time in one diff (first at line ${first}): ` +
      'pass separate diffs, or a `git format-patch` series',
  );
}

/** A line read only in part, at the line-length limit. */
export function cutNote(line: number, limit: number, path?: string): string {
  const where = path === undefined ? '' : ` (in ${JSON.stringify(path)})`;
  return `line ${line} of the diff${where} is longer than ${limit} bytes: only its first ${limit} bytes were read`;
}
