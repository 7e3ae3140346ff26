// Commit message trailers, parsed the way `git interpret-trailers --parse` does (git's trailer.c):
// - the message ends at a `---` divider line; trailing comments and blank lines are ignored;
// - the trailer block is the last paragraph, never the first (the title);
// - it counts when every line is a trailer, or when it holds a git-generated line
//   (`Signed-off-by: `, `(cherry picked from commit `) and at least 25% of its lines are trailers;
// - a trailer is `Key<sep>value` where Key is letters, digits and '-', optionally followed by
//   spaces; lines starting with whitespace continue the previous trailer (unfolded with a space).
import type { Trailer } from '../model.ts';

export interface TrailerOptions {
  /** Characters accepted as separators (git's `trailer.separators`); default ':'. */
  separators?: string;
  /** Comment character (git's `core.commentChar`); default '#'. */
  commentChar?: string;
}

const GIT_GENERATED = ['Signed-off-by: ', '(cherry picked from commit '];
const SCISSORS = '------------------------ >8 ------------------------';

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

/** Index of the separator in `line`, or -1 (git's find_separator). */
function findSeparator(line: string, separators: string): number {
  let whitespaceFound = false;
  for (let i = 0; i < line.length && line[i] !== '\n'; i++) {
    const c = line[i]!;
    if (separators.includes(c)) return i;
    if (!whitespaceFound && (isAlnum(c) || c === '-')) continue;
    if (i !== 0 && (c === ' ' || c === '\t')) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

const nextLine = (s: string, pos: number): number => {
  const nl = s.indexOf('\n', pos);
  return nl < 0 ? s.length : nl + 1;
};

function isBlankLine(s: string, pos: number): boolean {
  for (let i = pos; i < s.length && s[i] !== '\n'; i++) if (!isSpace(s[i])) return false;
  return true;
}

/** Start of the last line within s[0, len) (a final '\n' belongs to that line). */
function lastLine(s: string, len: number): number {
  if (len === 0) return -1;
  for (let i = len - 2; i >= 0; i--) if (s[i] === '\n') return i + 1;
  return 0;
}

function findPatchStart(s: string): number {
  for (let pos = 0; pos < s.length; pos = nextLine(s, pos)) {
    if (s.startsWith('---', pos) && isSpace(s[pos + 3])) return pos;
  }
  return s.length;
}

/** End of the message proper: trailing comment/blank lines and a scissors cut are left out. */
function findTrailerEnd(s: string, len: number, comment: string): number {
  let cutoff = len;
  for (let pos = 0; pos < len; pos = nextLine(s, pos)) {
    if (s.startsWith(comment, pos) && s.slice(pos + 1, nextLine(s, pos)).trimEnd() === ` ${SCISSORS}`) {
      cutoff = pos;
      break;
    }
  }
  let boc = -1;
  let inConflicts = false;
  for (let bol = 0; bol < cutoff; bol = nextLine(s, bol)) {
    if (s[bol] === comment || s[bol] === '\n') {
      if (boc < 0) boc = bol;
    } else if (s.startsWith('Conflicts:\n', bol)) {
      inConflicts = true;
      if (boc < 0) boc = bol;
    } else if (inConflicts && s[bol] === '\t') {
      // a path in an old-style conflicts block
    } else if (boc >= 0) {
      boc = -1;
      inConflicts = false;
    }
  }
  return boc >= 0 ? boc : cutoff;
}

function findTrailerStart(s: string, len: number, seps: string, comment: string): number {
  let pos = 0;
  for (; pos < len; pos = nextLine(s, pos)) {
    if (s[pos] === comment) continue;
    if (isBlankLine(s, pos)) break;
  }
  const endOfTitle = pos;
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let continuationLines = 0;
  for (let l = lastLine(s, len); l >= endOfTitle; l = lastLine(s, l)) {
    if (s[l] === comment) {
      nonTrailerLines += continuationLines;
      continuationLines = 0;
      continue;
    }
    if (isBlankLine(s, l)) {
      if (onlySpaces) continue;
      nonTrailerLines += continuationLines;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return nextLine(s, l);
      if (trailerLines > 0 && nonTrailerLines === 0) return nextLine(s, l);
      return len;
    }
    onlySpaces = false;
    if (GIT_GENERATED.some((p) => s.startsWith(p, l))) {
      trailerLines++;
      continuationLines = 0;
      recognizedPrefix = true;
      continue;
    }
    if (findSeparator(s.slice(l, nextLine(s, l)), seps) >= 1 && !isSpace(s[l])) {
      trailerLines++;
      continuationLines = 0;
    } else if (isSpace(s[l])) {
      continuationLines++;
    } else {
      nonTrailerLines += 1 + continuationLines;
      continuationLines = 0;
    }
  }
  return len;
}

/** Trims C `isspace` characters (not Unicode spaces, unlike String.prototype.trim). */
const trimC = (value: string): string => value.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');

/** Collapses each newline and the whitespace after it into one space, then trims. */
const unfold = (value: string): string => trimC(value.replace(/\n[ \t\n\v\f\r]*/g, ' '));

/** The trailers of a commit message, as `git interpret-trailers --parse` reports them. */
export function parseTrailers(message: string, options: TrailerOptions = {}): Trailer[] {
  const seps = options.separators ?? ':';
  const comment = options.commentChar ?? '#';
  const s = message.replace(/\r\n/g, '\n');
  const patchStart = findPatchStart(s);
  const end = findTrailerEnd(s, patchStart, comment);
  const start = findTrailerStart(s, end, seps, comment);
  let lineNo = 1;
  for (let i = s.indexOf('\n'); i >= 0 && i < start; i = s.indexOf('\n', i + 1)) lineNo++;

  const items: { text: string; line: number; isTrailer: boolean }[] = [];
  for (let pos = start; pos < end; pos = nextLine(s, pos), lineNo++) {
    const text = s.slice(pos, Math.min(nextLine(s, pos), end));
    const last = items[items.length - 1];
    if (last?.isTrailer && isSpace(text[0])) {
      last.text += text;
      continue;
    }
    items.push({ text, line: lineNo, isTrailer: findSeparator(text, seps) >= 1 });
  }
  const trailers: Trailer[] = [];
  for (const item of items) {
    if (item.text.startsWith(comment) || !item.isTrailer) continue;
    const sep = findSeparator(item.text, seps);
    const key = trimC(item.text.slice(0, sep));
    const value = unfold(trimC(item.text.slice(sep + 1)));
    trailers.push({ key, value, line: item.line });
  }
  return trailers;
}
