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
  assigned: { added: boolean; deleted: boolean };
}

const STATES = new WeakMap<Hunk, TextState>();

/** What the parser appends a hunk's lines to while they stream in. */
export interface HunkText {
  readonly hunk: Hunk;
  append(lines: string): void;
}

/** A hunk whose `added` and `deleted` are made on first read from the text appended to it. */
export function textHunk(head: Omit<Hunk, 'added' | 'deleted'>): HunkText {
  const state: TextState = { text: '', added: undefined, deleted: undefined, assigned: { added: false, deleted: false } };
  const { newStart, oldStart } = head;
  // Own, enumerable accessors: the hunk reads, spreads, serialises and compares like a plain one.
  const hunk: Hunk = {
    ...head,
    get added(): DiffLine[] {
      return (state.added ??= linesOf(state.text, PLUS, newStart));
    },
    set added(lines: DiffLine[]) {
      state.added = lines;
      state.assigned.added = true;
    },
    get deleted(): DiffLine[] {
      return (state.deleted ??= linesOf(state.text, MINUS, oldStart));
    },
    set deleted(lines: DiffLine[]) {
      state.deleted = lines;
      state.assigned.deleted = true;
    },
  };
  STATES.set(hunk, state);
  return {
    hunk,
    append: (lines) => {
      state.text += lines;
    },
  };
}

/**
 * Drops the line objects made from a file's hunk texts (what a caller assigned stays); the next
 * read makes them again. Hunks that hold their lines as arrays are left alone.
 */
export function releaseLines(file: FileChange): void {
  for (const hunk of file.hunks) {
    const state = STATES.get(hunk);
    if (!state) continue;
    if (!state.assigned.added) state.added = undefined;
    if (!state.assigned.deleted) state.deleted = undefined;
  }
}
