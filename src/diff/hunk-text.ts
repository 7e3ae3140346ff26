// A hunk that keeps its text, not its lines. The parser only counts a hunk's lines as they stream
// past and keeps the hunk's text as it came (one slice of the decoded diff); `added` and
// `deleted` are made from that text the first time a rule reads them, numbered as the parser
// would have. So nothing is lost (every rule can read every added and deleted line, whatever the
// policy calls a test), and a big change does not hold two objects per line from the parse to
// the end: the source can `releaseLines` once the per-file phases have read a file, and a later
// read makes the lines again from the same text.
import type { DiffLine, FileChange, Hunk } from '../model.ts';

const PLUS = 43;
const MINUS = 45;
const BACKSLASH = 92;
const CR = 13;

/** The lines of `text` (a hunk's lines as in the diff) marked `mark`, numbered from `start`. */
function linesOf(text: string, mark: number, start: number): DiffLine[] {
  const other = mark === PLUS ? MINUS : PLUS;
  const out: DiffLine[] = [];
  const len = text.length;
  let n = start;
  for (let pos = 0; pos < len; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    const c = nl > pos ? text.charCodeAt(pos) : -1;
    if (c === mark) {
      const end = nl > pos + 1 && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      out.push({ line: n++, content: text.slice(pos + 1, end) });
    } else if (c !== other && c !== BACKSLASH) {
      n++; // context: on both sides
    }
    pos = nl + 1;
  }
  return out;
}

interface TextState {
  text: string;
  added: DiffLine[] | undefined;
  deleted: DiffLine[] | undefined;
  /** An array a caller assigned: kept as given, never made again from the text. */
  assignedAdded: boolean;
  assignedDeleted: boolean;
}

const STATES = new WeakMap<Hunk, TextState>();

const stateOf = (hunk: Hunk): TextState => STATES.get(hunk)!;

// Own, enumerable accessors, so that the hunk reads, spreads, serialises and compares like a
// plain one; the same functions on every hunk (`this` finds its state), so that all hunks share
// one shape instead of one each.
const ACCESSORS: PropertyDescriptorMap = {
  added: {
    enumerable: true,
    configurable: true,
    get(this: Hunk): DiffLine[] {
      const s = stateOf(this);
      return (s.added ??= linesOf(s.text, PLUS, this.newStart));
    },
    set(this: Hunk, lines: DiffLine[]) {
      const s = stateOf(this);
      s.added = lines;
      s.assignedAdded = true;
    },
  },
  deleted: {
    enumerable: true,
    configurable: true,
    get(this: Hunk): DiffLine[] {
      const s = stateOf(this);
      return (s.deleted ??= linesOf(s.text, MINUS, this.oldStart));
    },
    set(this: Hunk, lines: DiffLine[]) {
      const s = stateOf(this);
      s.deleted = lines;
      s.assignedDeleted = true;
    },
  },
};

/** What the parser appends a hunk's lines to while they stream in. */
export interface HunkText {
  readonly hunk: Hunk;
  /** The hunk's lines as in the diff, so far. */
  text: string;
}

/** A hunk whose `added` and `deleted` are made on first read from the text appended to it. */
export function textHunk(head: Omit<Hunk, 'added' | 'deleted'>): HunkText {
  const hunk = { oldStart: head.oldStart, oldLines: head.oldLines, newStart: head.newStart, newLines: head.newLines, section: head.section };
  Object.defineProperties(hunk, ACCESSORS);
  const state: TextState & { hunk: Hunk } = {
    hunk: hunk as Hunk, text: '', added: undefined, deleted: undefined, assignedAdded: false, assignedDeleted: false,
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
    if (!state.assignedAdded) state.added = undefined;
    if (!state.assignedDeleted) state.deleted = undefined;
  }
}
