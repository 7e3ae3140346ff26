// Assertions that span lines, read as the one statement they are: `expect(` on one line, its
// subject on the next, `).toBe(3);` on a third; `assertThat(total)` then `    .isEqualTo(3);`;
// `expect(total([1, 2]))` then `  .to eq(3)`. Counted line by line, such an assertion is its first
// line alone: deleting only its matcher line loses nothing, a bare `expect(` line is the same text
// in every such assertion (so one deleted in a file and another added elsewhere looked moved), and
// a matcher loosened on a later line is not seen. Each side of a hunk is read with its context
// lines: a statement that starts at an assertion is joined with the lines after it while its
// brackets are open or the next line goes on with its call chain (`.toBe(`), and it counts when the
// change touches it, a line of it changed on this side or the other side's changed lines between
// two of its lines. Bounded: a statement that does not close within a few lines is read line by line.
import type { Hunk } from '../../src/model.ts';
import { hunkSide, type SideLine } from '../../src/rule-kit/index.ts';
import { assertionText, type Language } from './language.ts';

/** Most lines one statement is read over, and its most characters. */
const MOST_LINES = 12;
const MOST_CHARS = 2000;

/** An assertion of one side of a hunk that the change touches: on a changed line, or a statement over lines. */
export interface Unit {
  /** Its first changed line on this side; undefined when the change inside it is the other side's only. */
  line: number | undefined;
  /** Its text: one line, or the statement's lines trimmed and joined by a space. */
  text: string;
  /** What follows is known not to go on with it (the next line of the side is no `.chain(`). */
  complete: boolean;
}

/** A line that goes on with the call chain of the line before: `  .toBe(3);`, `  .to eq(3)`. */
const CONTINUES = /^\s*\??\.(?!\.)/;
/** A line whose call chain goes on on the next line (Ruby's `expect(x).to have_received(:new).`). */
const CONTINUED = /(?<!\.)\.\s*$/;

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const STATEMENT_PATTERNS: readonly RegExp[] = [CONTINUES, CONTINUED];

/** Brackets read so far in a statement: their depth, and an open string's quote. */
interface Reading {
  depth: number;
  quote: string;
}

/** Reads `text` on from `reading`: strings skipped, a line comment ends it, escapes skip a character. */
function scan(text: string, reading: Reading, lineComment: string): void {
  let { depth, quote } = reading;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (text.startsWith(lineComment, i)) break;
  }
  // a string of a C-like language or Ruby does not go on past its line unless it is a template
  // (or a Python triple-quoted one, whose quotes come in threes and so read as closed)
  reading.depth = depth;
  reading.quote = quote === '`' ? quote : '';
}

/** Where the first assertion of a line starts (on its text with strings blanked where they hold none), or -1. */
function assertionStart(content: string, language: Language): number {
  if (language.comment.test(content)) return -1;
  const text = assertionText(content, language);
  let first = -1;
  for (const pattern of language.assertions) {
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m !== null && (first < 0 || m.index < first)) first = m.index;
  }
  return first;
}

/**
 * A statement's lines as one text: trimmed, joined by a space (none after an opening bracket, nor
 * before a closing one or a `.`), no comma left before a closing bracket.
 */
export function joined(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const part = line.trim();
    text += text === '' || /[([{]$/.test(text) || /^[)\]}.]/.test(part) ? part : ` ${part}`;
  }
  return text.replace(/,\s*(?=[)\]}])/g, '');
}

/**
 * A statement's (or a line's) text for matching it across files and sides: no whitespace, no comma
 * before a closing bracket, no trailing `;` or `,`. So an assertion re-wrapped over lines
 * (`expect(` / `  x,` / `).toBe(3);`) is the same as on one.
 */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '').replace(/[;,]$/, '');
}

/**
 * The units of one side of a hunk (`lines`: its context and changed lines in order, numbered on
 * that side): its changed lines that hold an assertion, and its statements over lines that start
 * at an assertion and that the change touches. `excluded`: changed lines inside a block comment
 * of the side. `between`: the lines of the side that the other side's changed lines come right
 * before (asked only when a statement holds no changed line of this side).
 */
export function unitsOfSide(lines: readonly SideLine[], language: Language, excluded: ReadonlySet<number>, between: () => ReadonlySet<number>, also?: RegExp): Unit[] {
  const out: Unit[] = [];
  const lineComment = language.lineComment;
  const usable = (l: SideLine) => !(l.changed && excluded.has(l.line));
  const next = (j: number) => (j + 1 < lines.length && lines[j + 1]!.line === lines[j]!.line + 1 && usable(lines[j + 1]!) ? lines[j + 1] : undefined);
  const complete = (j: number) => {
    const after = next(j);
    return after !== undefined && !CONTINUES.test(after.content) && !CONTINUED.test(lines[j]!.content);
  };
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!usable(first)) continue;
    const start = assertionStart(first.content, language);
    let j = i;
    if (start >= 0) {
      const reading: Reading = { depth: 0, quote: '' };
      scan(first.content.slice(start), reading, lineComment);
      let chars = first.content.length;
      for (let after = next(j); after !== undefined && j - i < MOST_LINES && chars < MOST_CHARS; after = next(j)) {
        if (reading.depth <= 0 && reading.quote === '' && !CONTINUES.test(after.content) && !CONTINUED.test(lines[j]!.content)) break;
        if (language.comment.test(after.content)) break;
        j++;
        chars += after.content.length;
        scan(after.content, reading, lineComment);
      }
      if (reading.depth > 0 || reading.quote !== '') j = i; // not closed here: read line by line
    }
    if (j === i) {
      if (first.changed && (start >= 0 || also?.test(first.content) === true)) out.push({ line: first.line, text: first.content, complete: complete(i) });
      continue;
    }
    const span = lines.slice(i, j + 1);
    const changed = span.find((l) => l.changed);
    if (changed !== undefined || span.slice(1).some((l) => between().has(l.line))) {
      out.push({ line: changed?.line, text: joined(span.map((l) => l.content)), complete: complete(j) });
    }
    i = j;
  }
  return out;
}

/**
 * The lines of `side` that come right after changed lines of the other side: context lines whose
 * numbers on this side follow each other while on the other side they do not.
 */
function betweenOf(side: readonly SideLine[], other: readonly SideLine[] | undefined): Set<number> {
  const out = new Set<number>();
  if (other === undefined) return out;
  const mine = side.filter((l) => !l.changed);
  const theirs = other.filter((l) => !l.changed);
  for (let k = 1; k < mine.length && k < theirs.length; k++) {
    if (mine[k]!.line === mine[k - 1]!.line + 1 && theirs[k]!.line !== theirs[k - 1]!.line + 1) out.add(mine[k]!.line);
  }
  return out;
}

/**
 * The units of one side of a hunk; without its context (a hunk made by hand), its changed lines
 * alone. `also`: changed lines it matches are units too, though they hold no assertion the language
 * counts (Rust's `#[should_panic]`, which the loosening reads).
 */
export function unitsOf(hunk: Hunk, which: 'added' | 'deleted', language: Language, excluded: ReadonlySet<number>, also?: RegExp): Unit[] {
  const lines = hunkSide(hunk, which) ?? (which === 'added' ? hunk.added : hunk.deleted).map((l) => ({ ...l, changed: true }));
  let between: Set<number> | undefined;
  return unitsOfSide(lines, language, excluded, () => (between ??= betweenOf(lines, hunkSide(hunk, which === 'added' ? 'deleted' : 'added'))), also);
}
