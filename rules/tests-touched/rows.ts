// The rows of test tables: `it.each([...])` rows, `@pytest.mark.parametrize` lists, Go table
// tests, `@CsvSource` lines, `[InlineData(…)]`, `#[case(…)]`. One assertion line runs once per
// row, so deleting rows checks less while no assertion goes. A row may span lines (a Go `{`, its
// fields, `},`): the lines of one side are read as logical rows, joined while their brackets are
// open, and compared by their text without whitespace, so rows moved or re-wrapped are no loss.
import type { DiffLine, FileChange } from '../../src/model.ts';
import { hunkSide, type SideLine } from '../../src/rule-kit/index.ts';
import { type AssertionBalance, balances, code, type Counted, type Side } from './assertions.ts';
import type { Language } from './language.ts';
import { listRows } from './lists.ts';

/** Most lines one row may span, and its most characters: longer is no row (bounded work). */
const MOST_LINES = 40;
const MOST_CHARS = 4000;

// A line that is a row whatever surrounds it: xUnit `[InlineData(`, MSTest `[DataRow(`, NUnit
// `[TestCase(`, rstest `#[case(`/`#[case::name(`, `pytest.param(`, JUnit `Arguments.of(`/
// `arguments(`, Kotest `row(`, Ginkgo `Entry(`, a Jest/Vitest template table row `${a} | ${b}`.
const OWN_ROW = /^\s*(?:\[\s*(?:InlineData|DataRow|TestCase)\s*\(|#\[\s*case\b|(?:pytest\s*\.\s*)?param\s*\(|(?:Arguments\s*\.\s*)?(?:of|arguments)\s*\(|row\s*\(|Entry\s*\(|\$\{[^}]{0,200}\}\s*\|)/;
const TEMPLATE_ROW = /^\s*\$\{/;
// A call as a row, inside a table only: `EchoCase(input="a", want="A"),`, `new Case(1, 2),`.
// A capitalised name (a record, a named tuple) or `dict(`: a call of a lower-case function is code.
const CALL_ROW = /^\s*(?:(?:new\s+)?[A-Z][\w$.]{0,80}|dict)\s*\(/;
// What a line that starts a row starts with: a bracket, a quote, `$`, `#`, a capital (cheap to test
// first: a hunk none of whose changed lines does holds no row).
const ROW_START = /^\s*(?:[[({"'$#]|new\s|[A-Z]|dict\s*\(|(?:pytest\s*\.\s*)?param\s*\(|(?:of|arguments|row)\s*\()/;
const MAP_ENTRY = /^\s*:\s*\{/;
// A row that is a bare literal (`[1, 2, 3],`, `(1, 2),`, `{name: "a", want: 1},`, `"1, 2, 3",`,
// Go's `"empty": {…},` map entries) is one only where the hunk shows a table (see TABLE).
const LITERAL_ROW = /^\s*(?:[[({]|"(?:[^"\\]|\\.){0,400}"\s*:\s*\{|["'])/;
// What shows a table in a hunk (its section or one of its changed lines): the language's
// table-driven forms, Go's `[]struct{` and `map[string]struct{`, RSpec's `].each do`, pytest's
// `argvalues`, JUnit's `@CsvSource`/`@ValueSource`/`@MethodSource`, a `cases`/`tests`/`table`
// variable.
const TABLE = /\[\]\s*struct\s*\{|map\s*\[\s*string\s*\]\s*struct\s*\{|\]\s*\.\s*each\b|@\s*(?:CsvSource|ValueSource|MethodSource)\b|\b(?:test_?cases|cases|tests|table|testTable|examples|scenarios|fixtures)\s*(?::=|=|:)\s*(?:\[|\(|\{|map\b)/i;

// A literal row that names its expected outcome (`{name: "neg", in: -1, want: 0},`, `{ input: 'a',
// expected: 'A' },`) is a test case wherever it is: expected values are not named so.
const CASE_KEY = /(?:^|[\s{,(])["']?(?:expected\w{0,20}|want\w{0,20})["']?\s*:(?!:)/;

/** A line of brackets alone (`[`, `([`, `}, {`): what it opens inside a table is the table's too. */
const BRACKETS_ONLY = /^[\s[\](){},]*$/;

/**
 * What opens a table in a language besides TABLE: its table-driven forms, but not Go's `t.Run(` and
 * `:= range` (a loop over anything), whose tables TABLE finds by their `[]struct{`.
 */
const OPENERS: Readonly<Record<string, RegExp>> = { Go: /\b(?:DescribeTable|Entry)\s*\(/ };

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const ROW_PATTERNS: readonly RegExp[] = [OWN_ROW, TEMPLATE_ROW, CALL_ROW, ROW_START, MAP_ENTRY, LITERAL_ROW, TABLE, CASE_KEY, BRACKETS_ONLY, ...Object.values(OPENERS)];

/** How far `closes` has read a row's text: it goes on from there when a line is joined. */
interface Reading {
  at: number;
  depth: number;
  quote: string;
}

/**
 * Where a row that starts at `text[0]`'s first bracket closes: the index after its closing
 * bracket, -1 while it is still open at the end of `text`, -2 when it closes on something it
 * did not open. Strings (`'`, `"`, `` ` ``) are skipped; a comment is not read as such. Reads on
 * from `reading` (what it read of `text` before it grew), so a row joined line by line is read once.
 */
function closes(text: string, reading: Reading = { at: 0, depth: 0, quote: '' }): number {
  let { depth, quote } = reading;
  let i = reading.at;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') {
      if (--depth === 0) return i + 1;
      if (depth < 0) return -2;
    }
  }
  Object.assign(reading, { at: Math.min(i, text.length), depth, quote });
  return quote === '' && depth === 0 ? text.length : -1;
}

/** Where the string that `text` starts with ends (after its closing quote), -1 if it does not. */
function stringEnd(text: string): number {
  const quote = text[0]!;
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return -1;
}

/** What may follow a row on its last line: a comma, a comment. */
const ROW_END = /^\s*,?\s*(?:(?:\/\/|#).*)?$/;

/** A row's text for comparing: no whitespace, no comma before a closing bracket or at the end. */
function rowKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/,(?=[\])}]|$)/g, '');
}


function opensTable(text: string, language: Language): boolean {
  return TABLE.test(text) || (OPENERS[language.name] ?? language.parametrized).test(text);
}

/**
 * Does one side of a hunk show a table: the hunk's section, or one of the side's lines? Not the
 * other side's: the `{ type: A },` elements of an array that tests deleted when they became an
 * `it.each` table were no rows.
 */
function showsTable(section: string, lines: readonly DiffLine[], language: Language): boolean {
  return opensTable(section, language) || lines.some((l) => opensTable(l.content, language));
}

/** How deep the brackets of a side are followed; deeper ones count as unlabelled. */
const MOST_DEPTH = 256;

/** What an open bracket is: no table (false), or a table opened on a context line or on a changed one. */
type Opened = false | 'context' | 'changed';

/**
 * Follows the brackets of one line (strings skipped) on `stack`, one entry per open bracket: is it
 * a table (opened on a line that shows one, `it.each([`, `@pytest.mark.parametrize("a", [`, or
 * opened in a table by a line of brackets alone, or where a table's bracket closed on the same
 * line, Go's `}{` after `[]struct {`)? `table`: what this line opens when it shows a table.
 */
function follow(content: string, stack: Opened[], table: Opened): void {
  const alone = BRACKETS_ONLY.test(content);
  let closed: { depth: number; table: Opened } | undefined;
  let quote = '';
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '[' || c === '(' || c === '{') {
      const parent = stack.length > 0 ? stack[stack.length - 1]! : false;
      const reopened = closed !== undefined && closed.depth === stack.length ? closed.table : false;
      if (stack.length < MOST_DEPTH) stack.push(table || reopened || (alone && parent));
    } else if (c === ']' || c === ')' || c === '}') {
      if (stack.length > 0) closed = { depth: stack.length - 1, table: stack.pop()! };
    }
  }
}

/**
 * The keys of the rows on one side of a hunk: `lines` is that side in order (its context lines
 * too, when the source kept them), rows are read on its changed lines. A bare literal (or a call,
 * `Case(…)`) counts as a row when it stands right inside a table's bracket; where the brackets
 * cannot be followed, a bare literal does when `table` (the side shows a table) or when it names
 * its expected outcome. A table whose opening line is changed counts only when `otherTable` (the
 * other side shows one too): a test rewritten without its table is judged by its definitions and
 * assertions, not by the rows that went with it.
 */
export function rowsOf(lines: readonly SideLine[], language: Language, table: boolean, otherTable: boolean): string[] {
  const out: string[] = [];
  const stack: Opened[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    const comment = language.comment.test(first.content);
    const inTable = stack.length > 0 ? stack[stack.length - 1]! : false;
    if (first.changed && !comment && (OWN_ROW.test(first.content) || LITERAL_ROW.test(first.content) || (inTable !== false && CALL_ROW.test(first.content)))) {
      const row = readRow(lines, i);
      if (row !== undefined) {
        const counts = OWN_ROW.test(first.content) || (inTable === false ? (table && otherTable) || CASE_KEY.test(row.text) : inTable === 'context' || otherTable);
        if (counts) out.push(rowKey(row.text));
        for (let k = i; k <= row.last; k++) follow(lines[k]!.content, stack, false);
        i = row.last; // nor is what it holds a row
        continue;
      }
    }
    if (!comment) follow(first.content, stack, opensTable(first.content, language) ? (first.changed ? 'changed' : 'context') : false);
  }
  return out;
}

/** The whole row that starts on `lines[i]`, up to the changed line it ends on; undefined when it is none. */
function readRow(lines: readonly SideLine[], i: number): { text: string; last: number } | undefined {
  const first = lines[i]!.content;
  // Join the following changed lines while the row's brackets are open.
  let text = first.trim();
  let j = i;
  const reading: Reading = { at: 0, depth: 0, quote: '' };
  let end = closes(text, reading);
  while (end === -1 && j + 1 < lines.length && j - i < MOST_LINES && text.length < MOST_CHARS && lines[j + 1]!.changed && lines[j + 1]!.line === lines[j]!.line + 1) {
    j++;
    text += `\n${lines[j]!.content.trim()}`;
    end = closes(text, reading);
  }
  if (TEMPLATE_ROW.test(first)) end = text.length; // `${a} | ${b}`: the whole line
  else if (text[0] === '"' || text[0] === "'") {
    // `"1, 2, 3",`: one string; `"empty": {in: "", want: 0},`: a map entry, up to its `}`
    const string = stringEnd(text);
    if (string < 0 || !MAP_ENTRY.test(text.slice(string))) end = string;
  }
  if (end < 0 || !ROW_END.test(text.slice(end))) return undefined; // a row's start or end line, a call
  return { text: text.slice(0, end), last: j };
}

/** The rows of one side of a file, hunk by hunk. */
function rowSide(file: FileChange, language: Language, which: 'added' | 'deleted'): Side {
  const side: Side = { total: 0, lines: new Map() };
  const count = (row: string) => {
    side.total++;
    const list = side.lines.get(row);
    if (list === undefined) side.lines.set(row, [1]);
    else list.push(1);
  };
  for (const hunk of file.hunks) {
    // values a one-line list loses or gains (`@ValueSource(ints = {1, 2, 3})` → `{1, 2}`)
    listRows(hunk, language, which).forEach(count);
    const changed = which === 'added' ? hunk.added : hunk.deleted;
    if (!changed.some((l) => ROW_START.test(l.content))) continue;
    // With its context when the source kept it; else the changed lines alone, whose table is seen
    // only on them or in the hunk's section.
    const lines = hunkSide(hunk, which) ?? code(changed, language).map((l) => ({ ...l, changed: true }));
    const other = which === 'added' ? hunk.deleted : hunk.added;
    rowsOf(lines, language, showsTable(hunk.section, changed, language), showsTable(hunk.section, other, language)).forEach(count);
  }
  return side;
}

/**
 * Table rows added and removed in each test file: a row deleted and added again (moved, re-wrapped,
 * its spacing changed) in the same file, or added in another test file of the change, is no loss.
 */
export function rowBalances(files: Counted): Map<FileChange, AssertionBalance> {
  return balances(files, rowSide);
}
