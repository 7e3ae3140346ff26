// Counting assertions on both sides of a test file's change, so that a change which deletes what
// its tests check (or comments it out) is reported instead of counting as "tests touched".
import type { DiffLine, FileChange } from '../../src/model.ts';
import { callArgs } from './call-args.ts';
import { enclosedLines } from './comments.ts';
import { assertionText, type Language } from './language.ts';
import { compact, unitsOf } from './statements.ts';

/**
 * The deleted lines of a file. This is the only place the rule reads deleted-line text: a source
 * that keeps deleted lines only for the rules that need them must keep them for test files.
 */
export function deletedLinesOf(file: FileChange): DiffLine[] {
  return file.hunks.flatMap((hunk) => hunk.deleted);
}

/**
 * Did this deleted test file hold tests (a test definition or an assertion)? Fixtures, snapshots
 * and helpers under a test folder do not. A file whose diff the source did not provide counts as
 * tests (fail closed).
 */
export function heldTests(file: FileChange, language: Language | undefined): boolean {
  if (file.patchMissing) return true;
  if (language === undefined) return false;
  return deletedLinesOf(file).some(
    ({ content }) => !language.comment.test(content) && (language.definitions.test(content) || countAssertions(content, language) > 0),
  );
}

function addedLinesOf(file: FileChange): DiffLine[] {
  return file.hunks.flatMap((hunk) => hunk.added);
}

const CONSTANTS = new Map<Language, readonly RegExp[]>();

/** The language's assertions on constants (`expect(true).toBe(true)`): they check nothing. */
function constantsOf(language: Language): readonly RegExp[] {
  let found = CONSTANTS.get(language);
  if (found === undefined) CONSTANTS.set(language, (found = language.markers.filter((m) => m.kind === 'constant').map((m) => m.pattern)));
  return found;
}

/**
 * How many assertions one line (or one statement read over lines) holds; comment lines hold none,
 * and an assertion on constants (`expect(true).toBe(true)`, `assert True`) is none either:
 * replacing a real one by it loses one. Nor is an expectation with no matcher chained on it
 * (`expect(total(cart));`): `complete` says that nothing after the text goes on with it.
 */
export function countAssertions(line: string, language: Language, complete = false): number {
  if (language.comment.test(line)) return 0;
  const text = assertionText(line, language);
  let count = 0;
  for (const pattern of language.assertions) {
    pattern.lastIndex = 0;
    while (pattern.exec(text) !== null) count++;
  }
  for (const constant of constantsOf(language)) if (count > 0 && constant.test(line)) count--;
  if (count > 0 && language.expectation !== undefined) count -= dangling(text, language.expectation, complete);
  return Math.max(0, count);
}

/** The most expectations of one text that are looked at for a matcher (each is read to its end). */
const MOST_EXPECTATIONS = 32;

/** How many calls `expectation` matches in `text` close with no `.matcher` after them (of its first few). */
function dangling(text: string, expectation: RegExp, complete: boolean): number {
  let n = 0;
  expectation.lastIndex = 0;
  let seen = 0;
  for (let m = expectation.exec(text); m !== null && seen++ < MOST_EXPECTATIONS; m = expectation.exec(text)) {
    const open = m.index + m[0].length;
    const call = callArgs(text, open);
    if (call === undefined) continue; // not closed in the text: what follows is not known
    const rest = text.slice(call.end).trimStart();
    if (rest === '' ? complete : !rest.startsWith('.')) n++;
  }
  return n;
}

/** A line's text for matching it across files: whitespace collapsed, a trailing `;` or `,` dropped. */
function key(line: string): string {
  return line.trim().replace(/\s+/g, ' ').replace(/[;,]$/, '');
}

export interface Side {
  total: number;
  /** Assertion-bearing lines: key -> assertion counts of each such line. */
  lines: Map<string, number[]>;
}

/** What is counted on a line: assertions, or test definitions. */
type Count = (line: string, language: Language) => number;

function side(lines: readonly DiffLine[], language: Language, count: Count): Side {
  const result: Side = { total: 0, lines: new Map() };
  for (const { content } of lines) {
    const n = count(content, language);
    if (n === 0) continue;
    result.total += n;
    const k = key(content);
    const list = result.lines.get(k);
    if (list === undefined) result.lines.set(k, [n]);
    else list.push(n);
  }
  return result;
}

/** One on a line that declares a test its runner collects (`def test_x`, `@Test`, `func TestX(`). */
export function countDefinitions(line: string, language: Language): number {
  return language.collected !== undefined && !language.comment.test(line) && language.collected.test(line) ? 1 : 0;
}

export interface AssertionBalance {
  /** Assertions (or test definitions) on added lines. */
  added: number;
  /** Those on deleted lines that did not move to another test file of the change. */
  removed: number;
  /** The added lines bring table-driven tests, where one assertion line runs once per row. */
  parametrized: boolean;
}

/**
 * Does the file check less than before? More assertions removed than added; but when the added
 * lines are table-driven, only if they add no assertion at all (turning seven `expect` lines into
 * one `it.each` row table is a refactor, not a loss).
 */
export function losesAssertions({ added, removed, parametrized }: AssertionBalance): boolean {
  return removed > added && !(parametrized && added > 0);
}

export type Counted = readonly { file: FileChange; language: Language }[];

/**
 * Assertions added and removed in each test file. A deleted assertion line that reappears
 * unchanged in another test file of the same change moved, and counts on neither side of its
 * old file (tests split or merged across files are not weakened).
 */
export function assertionBalances(files: Counted): Map<FileChange, AssertionBalance> {
  return balances(files, assertionSide);
}

/**
 * Test definitions added and removed in each test file, the same way: a test whose definition
 * goes (`@Test` dropped, `def test_x` renamed `_test_x`, `func TestX` renamed `testX`) no longer
 * runs, though its assertions stay.
 */
export function definitionBalances(files: Counted): Map<FileChange, AssertionBalance> {
  return balances(files, lineCounts(countDefinitions));
}

/**
 * Does the change touch code in this test file: an added or deleted line that is neither blank nor
 * a comment (nor inside a block comment of its side)? A comment or a blank line added to a test
 * file tests nothing.
 */
export function changesCode(file: FileChange, language: Language): boolean {
  for (const lines of [addedLinesOf(file), deletedLinesOf(file)]) {
    if (code(lines, language).some((l) => l.content.trim() !== '' && !language.comment.test(l.content))) return true;
  }
  return false;
}

/** The lines of one side that are code: not inside a block comment (or string) the same side opens and closes. */
export function code(lines: readonly DiffLine[], language: Language): DiffLine[] {
  const enclosed = enclosedLines(lines, language);
  return enclosed.size === 0 ? [...lines] : lines.filter((l) => !enclosed.has(l.line));
}

/** What one side of a file holds of what is counted: its added or its deleted lines. */
export type SideOf = (file: FileChange, language: Language, which: 'added' | 'deleted') => Side;

/** Counts `count` on the code lines of a side, line by line. */
function lineCounts(count: Count): SideOf {
  return (file, language, which) => side(code(which === 'added' ? addedLinesOf(file) : deletedLinesOf(file), language), language, count);
}

/**
 * Counts assertions on a side by statement: a changed line, or an assertion read over the lines
 * it spans (see statements.ts), keyed by its text.
 */
function assertionSide(file: FileChange, language: Language, which: 'added' | 'deleted'): Side {
  const result: Side = { total: 0, lines: new Map() };
  const excluded = enclosedLines(which === 'added' ? addedLinesOf(file) : deletedLinesOf(file), language);
  for (const hunk of file.hunks) {
    for (const unit of unitsOf(hunk, which, language, excluded)) {
      const n = countAssertions(unit.text, language, unit.complete);
      if (n === 0) continue;
      result.total += n;
      const k = compact(unit.text);
      const list = result.lines.get(k);
      if (list === undefined) result.lines.set(k, [n]);
      else list.push(n);
    }
  }
  return result;
}

/**
 * What is counted (by `sideOf`) added and removed in each test file: what a file's deleted lines
 * held and its added lines hold again (up to whitespace) is kept; what another test file of the
 * change adds moved there.
 */
export function balances(files: Counted, sideOf: SideOf): Map<FileChange, AssertionBalance> {
  const sides = files.map(({ file, language }) => ({
    file,
    added: sideOf(file, language, 'added'),
    parametrized: addedLinesOf(file).some((l) => !language.comment.test(l.content) && language.parametrized.test(l.content)),
    deleted: sideOf(file, language, 'deleted'),
  }));
  // Lines deleted and added again in the same file cancel out; added lines left over may have
  // come from another file.
  const pool = new Map<string, number>();
  const leftovers = sides.map(({ added, deleted }) => {
    const left: [string, number[]][] = [];
    for (const [k, counts] of deleted.lines) {
      const readded = added.lines.get(k)?.length ?? 0;
      if (counts.length > readded) left.push([k, counts.slice(readded)]);
    }
    for (const [k, counts] of added.lines) {
      const extra = counts.length - (deleted.lines.get(k)?.length ?? 0);
      if (extra > 0) pool.set(k, (pool.get(k) ?? 0) + extra);
    }
    return left;
  });
  const result = new Map<FileChange, AssertionBalance>();
  sides.forEach(({ file, added, deleted, parametrized }, i) => {
    let moved = 0;
    for (const [k, counts] of leftovers[i]!) {
      for (const n of counts) {
        const available = pool.get(k) ?? 0;
        if (available === 0) break;
        pool.set(k, available - 1);
        moved += n;
      }
    }
    result.set(file, { added: added.total, removed: deleted.total - moved, parametrized });
  });
  return result;
}
