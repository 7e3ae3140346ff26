// A hunk that keeps its text, not its lines. The parser only counts a hunk's lines as they stream
// past and keeps the hunk's text as it came (one slice of the decoded diff); `added` and
// `deleted` are made from that text the first time a rule reads them, numbered as the parser
// would have. So nothing is lost (every rule can read every added and deleted line, whatever the
// policy calls a test), and a big change does not hold two objects per line from the parse to
// the end: the source can `releaseLines` once the per-file phases have read a file, and a later
// read makes the lines again from the same text.
import type { DiffLine, FileChange, Hunk } from '../model.ts';
import { textEnd } from './lines.ts';

const PLUS = 43;
const MINUS = 45;
const BACKSLASH = 92;
const CR = 13;

/**
 * The mark of the hunk line from `pos` to its newline at `nl`: its first character's code, or -1
 * for an empty line (a lone CR counts as empty: the line of a CRLF diff). The parser classifies
 * hunk lines with it as it counts them, and `linesOf` again as it makes them, so the two agree.
 */
export function hunkLineMark(text: string, pos: number, nl: number): number {
  return nl > pos && (nl > pos + 1 || text.charCodeAt(pos) !== CR) ? text.charCodeAt(pos) : -1;
}

/**
 * The lines of `text` (a hunk's lines as in the diff) marked `mark`, as flat triples
 * [from, to, n]: a line's content is text[from, to) (the mark and one trailing CR left out, as
 * lineText does), `n` its number, counted from `start` as the parser would.
 */
function spansOf(text: string, mark: number, start: number, most: number): Int32Array {
  const other = mark === PLUS ? MINUS : PLUS;
  // One allocation, sized by the hunk header's count of lines on that side (the parser checked
  // the lines against it; grown if the hunk was edited since), outside the heap the garbage
  // collector scans.
  let out = new Int32Array(3 * Math.max(1, most | 0));
  const len = text.length;
  let n = start;
  let at = 0;
  for (let pos = 0; pos < len; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    const c = hunkLineMark(text, pos, nl);
    if (c === mark) {
      if (at === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[at] = pos + 1;
      out[at + 1] = textEnd(text, pos + 1, nl);
      out[at + 2] = n++;
      at += 3;
    } else if (c !== other && c !== BACKSLASH) n++; // context: on both sides
    pos = nl + 1;
  }
  return out.subarray(0, at);
}

/** The lines of `text` marked `mark`, numbered from `start`. */
function linesOf(text: string, mark: number, start: number, most: number): DiffLine[] {
  const spans = spansOf(text, mark, start, most);
  const out: DiffLine[] = [];
  for (let i = 0; i < spans.length; i += 3) out.push({ line: spans[i + 2]!, content: text.slice(spans[i], spans[i + 1]) });
  return out;
}

type Side = 'added' | 'deleted';

/** Flat, one object per hunk: the lines made (or assigned) for each side, and which were assigned. */
interface TextState {
  text: string;
  added: DiffLine[] | undefined;
  deleted: DiffLine[] | undefined;
  /** Arrays a caller assigned: kept as given, never made again from the text. */
  addedAssigned: boolean;
  deletedAssigned: boolean;
}

const STATES = new WeakMap<Hunk, TextState>();

const stateOf = (hunk: Hunk): TextState => STATES.get(hunk)!;

/** `added` (the `+` lines, numbered from newStart, at most newLines) or `deleted` (`-`, from oldStart). */
function accessor(side: Side, mark: number, start: 'newStart' | 'oldStart', count: 'newLines' | 'oldLines'): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Hunk): DiffLine[] {
      const s = stateOf(this);
      return (s[side] ??= linesOf(s.text, mark, this[start], this[count]));
    },
    set(this: Hunk, lines: DiffLine[]) {
      const s = stateOf(this);
      s[side] = lines;
      s[`${side}Assigned`] = true;
    },
  };
}

// Own, enumerable accessors, so that the hunk reads, spreads, serialises and compares like a
// plain one; the same functions on every hunk (`this` finds its state), so that all hunks share
// one shape instead of one each.
const ACCESSORS: PropertyDescriptorMap = {
  added: accessor('added', PLUS, 'newStart', 'newLines'),
  deleted: accessor('deleted', MINUS, 'oldStart', 'oldLines'),
};

/** What the parser appends a hunk's lines to while they stream in. */
export interface HunkText {
  readonly hunk: Hunk;
  /** The hunk's lines as in the diff, so far. */
  text: string;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** A `@@ -a,b +c,d @@ section` line's ranges and section, or undefined when it is not one. */
export function hunkHead(text: string): Omit<Hunk, 'added' | 'deleted'> | undefined {
  const m = HUNK_HEADER.exec(text);
  if (!m) return undefined;
  const count = (n: string | undefined) => (n === undefined ? 1 : Number(n));
  return { oldStart: Number(m[1]), oldLines: count(m[2]), newStart: Number(m[3]), newLines: count(m[4]), section: m[5] ?? '' };
}

/** A hunk whose `added` and `deleted` are made on first read from the text appended to it. */
export function textHunk(head: Omit<Hunk, 'added' | 'deleted'>): HunkText {
  const hunk = { oldStart: head.oldStart, oldLines: head.oldLines, newStart: head.newStart, newLines: head.newLines, section: head.section };
  Object.defineProperties(hunk, ACCESSORS);
  const state: TextState & { hunk: Hunk } = {
    hunk: hunk as Hunk,
    text: '',
    added: undefined,
    deleted: undefined,
    addedAssigned: false,
    deletedAssigned: false,
  };
  STATES.set(hunk as Hunk, state);
  return state;
}

/**
 * Drops the line objects made from a file's hunk texts (what a caller assigned stays); the next
 * read makes them again. Hunks that hold their lines as arrays are left alone.
 */
export function releaseLines(file: FileChange): void {
  for (const hunk of file.hunks) {
    const state = STATES.get(hunk);
    if (!state) continue;
    if (!state.addedAssigned) state.added = undefined;
    if (!state.deletedAssigned) state.deleted = undefined;
  }
}

/** A hunk's added lines as spans of its text (see addedText). */
export interface AddedText {
  readonly text: string;
  /** Flat triples [from, to, line], one per added line in order: its content is text[from, to). */
  readonly spans: Int32Array;
}

/**
 * For a reader that needs few of a hunk's added lines (a keyword pass): the hunk's text and where
 * each added line lies in it, without a line object per line. Undefined for a hunk that holds
 * its added lines as an array (made by hand, or assigned): read `hunk.added` then.
 */
export function addedText(hunk: Hunk): AddedText | undefined {
  const state = STATES.get(hunk);
  if (!state || state.addedAssigned) return undefined;
  return { text: state.text, spans: spansOf(state.text, PLUS, hunk.newStart, hunk.newLines) };
}

/** A line of one side of a hunk: a context line, or one of that side's changed lines (`changed`). */
export interface SideLine extends DiffLine {
  changed: boolean;
}

const SPACE = 32;

/**
 * One side of a hunk as the file reads there, for a reader that needs the changed lines in their
 * surroundings (the table a deleted row was in): the context lines and the side's changed lines,
 * in order, numbered on that side. Undefined for a hunk that holds that side as an array (made by
 * hand, or assigned): it keeps no context.
 */
export function hunkSide(hunk: Hunk, side: 'added' | 'deleted'): SideLine[] | undefined {
  const state = STATES.get(hunk);
  if (!state || state[`${side}Assigned`]) return undefined;
  const { text } = state;
  const mark = side === 'added' ? PLUS : MINUS;
  const out: SideLine[] = [];
  let n = side === 'added' ? hunk.newStart : hunk.oldStart;
  for (let pos = 0; pos < text.length; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const c = hunkLineMark(text, pos, nl);
    if (c === mark || c === SPACE) out.push({ line: n++, content: text.slice(pos + 1, textEnd(text, pos + 1, nl)), changed: c === mark });
    else if (c === -1) out.push({ line: n++, content: '', changed: false }); // an empty context line
    pos = nl + 1;
  }
  return out;
}
