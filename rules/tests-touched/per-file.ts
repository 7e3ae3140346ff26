// The rule's per-file phase (Rule.file): what one file is to the rule, found while the change is
// still streaming in. It reads the path globs (tests, source, ignore), the file's own lines (skip
// and focus markers, inline Rust tests, the tests a deleted test file held) and nothing of the
// other files; what needs several files (assertions moved between test files, the verdict) and
// the attributes (generated, vendored: read at the base after the diff) is left to `check`.
import type { TypedViolation } from '../../src/rule-kit/index.ts';
import type { DiffLine, FileChange } from '../../src/model.ts';
import { matchesAny } from '../../src/glob.ts';
import { countAssertions, heldTests } from './assertions.ts';
import { commentedOut } from './comments.ts';
import { loosenedAssertions } from './loosened.ts';
import type { Language } from './language.ts';
import { findMarker, isInlineRustTest, languageOf, markersFor } from './markers.ts';
import type { MessageId } from './meta.ts';
import { renamedOutOfTests } from './renames.ts';
import { type FileGates, gatesOf } from './gates.ts';
import { isRunnerConfig, runnerWeakenings } from './runner-config.ts';

export interface TestsTouchedOptions {
  source: string[];
  tests: string[];
  ignore: string[];
  'weakened-tests': boolean;
  'conditional-skips': boolean;
}

/** One file, as the rule sees it before the change is complete. */
export interface FileFacts {
  /** A test file: its path matches `tests`, and it was not renamed out of the tests. */
  test: boolean;
  /** A test file renamed to where its runner no longer finds it. */
  renamedAway: boolean;
  /** A deleted test file that held tests (weakened-tests on). */
  deletedHeldTests: boolean;
  /** Source by its path (`source`, not `ignore`, not a test); the attributes are not applied yet. */
  sourceByPath: boolean;
  /** Source whose added lines bring inline tests (Rust `#[test]`, `mod tests`). */
  inlineTest: boolean;
  /** Skip and focus markers on its added lines (weakened-tests on). */
  markers: TypedViolation<MessageId>[];
  /** A runner configuration file's coverage gates deleted and added (weakened-tests on), judged over the change. */
  gates?: FileGates;
}

/** A line that goes on with a call chain of the line before (`  .only(`). */
const CHAINED = /^\s*\??\./;

const MESSAGE_BY_KIND = { focus: 'focusMarker', skip: 'skipMarker', conditional: 'conditionalSkip', constant: 'constantAssertion' } as const;

function hasInlineTestChange(file: FileChange): boolean {
  if (languageOf(file.path)?.name !== 'Rust') return false; // only Rust has inline tests we recognise
  return file.hunks.some((h) => h.added.some((l) => isInlineRustTest(file.path, l.content, h.section)));
}

/**
 * Do the added lines right after `line` (up to the first line that was already there) bring a
 * test of their own: a test definition or an assertion? A comment or a blank line does not.
 */
function newTestFollows(line: number, added: ReadonlyMap<number, string>, language: Language): boolean {
  for (let n = line + 1; added.has(n); n++) {
    const text = added.get(n)!;
    if (language.comment.test(text)) continue;
    if (language.definitions.test(text) || countAssertions(text, language) > 0) return true;
  }
  return false;
}

/** Is this added line under a condition: on an `if` line, or right after an added one? */
function guarded(line: DiffLine, before: DiffLine | undefined, language: Language): boolean {
  if (language.guard.test(line.content)) return true;
  return before !== undefined && before.line === line.line - 1 && language.guard.test(before.content);
}

/**
 * Is `line` inside a test defined on the added lines above it, all of them added (`func TestWin(t
 * *testing.T) {`, then `if runtime.GOOS != "windows" {`, then the skip)?
 */
function inNewTest(line: number, added: ReadonlyMap<number, string>, language: Language): boolean {
  for (let n = line - 1; added.has(n); n--) {
    const text = added.get(n)!;
    if (!language.comment.test(text) && language.definitions.test(text)) return true;
  }
  return false;
}

/** Is the marker on `line` put on a new test: one defined on the added line before it, or after it? */
function newTest(line: number, added: ReadonlyMap<number, string>, language: Language): boolean {
  const before = added.get(line - 1);
  return (before !== undefined && !language.comment.test(before) && language.definitions.test(before)) || newTestFollows(line, added, language);
}

function markerViolations(file: FileChange, test: boolean, options: TestsTouchedOptions): TypedViolation<MessageId>[] {
  const markers = markersFor(file.path, test, options['conditional-skips']);
  if (markers.length === 0) return [];
  const language = languageOf(file.path)!;
  const out: TypedViolation<MessageId>[] = [];
  let addedLines: Map<number, string> | undefined;
  for (const hunk of file.hunks) {
    const lines = hunk.added;
    for (let i = 0; i < lines.length; i++) {
      const added = lines[i]!;
      let found = findMarker(added.content, markers);
      const before = lines[i - 1];
      if (found === null && before !== undefined && before.line === added.line - 1 && CHAINED.test(added.content) && findMarker(before.content, markers) === null) {
        // A chain cut across lines (`test` then `  .only(`): read as the one line it is to the runner.
        found = findMarker(`${before.content.trimEnd()}${added.content.trimStart()}`, markers);
      }
      if (found === null) continue;
      let kind = found.kind;
      let underIf = false;
      if (kind === 'skip' && guarded(added, before, language)) {
        // `if (!onWindows) { t.Skip() }`: a skip under a condition, as `it.skipIf(cond)` is
        if (!options['conditional-skips']) continue;
        kind = 'conditional';
        underIf = true;
      }
      // A new test written to run only somewhere (`it.skipIf(!process.env.DB)('x', () => {`, then
      // its new body) weakens nothing; a condition put on code that was already there does, even
      // with a comment or a blank line added between them.
      addedLines ??= new Map(file.hunks.flatMap((h) => h.added.map((l) => [l.line, l.content] as const)));
      // A guarded skip is a new test's only when that test's definition is added too: an existing
      // test given `if (cond) { t.Skip() }` and a new assertion after it is still reported.
      const excused = underIf
        ? inNewTest(added.line, addedLines, language) && newTestFollows(added.line, addedLines, language)
        : (kind === 'conditional' || found.onExisting === true) && newTest(added.line, addedLines, language);
      if (excused) continue;
      out.push({ messageId: MESSAGE_BY_KIND[kind], path: file.path, line: added.line, data: { marker: found.text } });
    }
  }
  return out;
}

/** The options the facts depend on (all of the rule's, as it happens), as a key. */
export function factsKey(options: TestsTouchedOptions): string {
  return JSON.stringify([options.source, options.tests, options.ignore, options['weakened-tests'], options['conditional-skips']]);
}

export function factsOf(file: FileChange, options: TestsTouchedOptions): FileFacts {
  const weakened = options['weakened-tests'];
  const isTest = (path: string) => matchesAny(path, options.tests);
  const matchesTests = isTest(file.path);
  if (file.status === 'deleted') {
    const held = matchesTests && weakened && heldTests(file, languageOf(file.path));
    const facts: FileFacts = { test: matchesTests, renamedAway: false, deletedHeldTests: held, sourceByPath: false, inlineTest: false, markers: [] };
    if (weakened && isRunnerConfig(file.path)) facts.gates = gatesOf(file);
    return facts;
  }
  const renamedAway = renamedOutOfTests(file, isTest);
  const test = matchesTests && !renamedAway;
  const sourceByPath = !test && matchesAny(file.path, options.source) && !matchesAny(file.path, options.ignore);
  const markers = weakened ? markerViolations(file, test, options) : [];
  const language = languageOf(file.path);
  if (weakened && test && language !== undefined) {
    for (const { line, marker } of commentedOut(file, language)) markers.push({ messageId: 'commentedOut', path: file.path, line, data: { marker } });
    for (const { line, marker, was } of loosenedAssertions(file, language)) markers.push({ messageId: 'assertionLoosened', path: file.path, line, data: { marker, was } });
  }
  const facts: FileFacts = { test, renamedAway, deletedHeldTests: false, sourceByPath, inlineTest: sourceByPath && hasInlineTestChange(file), markers };
  if (weakened && isRunnerConfig(file.path)) {
    for (const { line, marker, effect } of runnerWeakenings(file)) {
      markers.push({ messageId: 'runnerWeakened', path: file.path, line, data: { marker, effect } });
    }
    facts.gates = gatesOf(file);
  }
  return facts;
}
