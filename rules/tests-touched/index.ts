// tests-touched: source changes come with test changes, and tests are not quietly weakened.
import { defineRule, type TypedViolation } from '../../src/rule-kit/index.ts';
import type { FileChange } from '../../src/model.ts';
import { matchesAny } from '../../src/glob.ts';
import { assertionBalances, heldTests, losesAssertions } from './assertions.ts';
import type { Language } from './language.ts';
import { findMarker, isInlineRustTest, languageOf, markersFor } from './markers.ts';
import { meta, type MessageId } from './meta.ts';
import { renamedOutOfTests } from './renames.ts';

export interface TestsTouchedOptions {
  source: string[];
  tests: string[];
  ignore: string[];
  'weakened-tests': boolean;
  'conditional-skips': boolean;
}

/** How many untested source files the message names before "and N more". */
const LISTED = 10;

const MESSAGE_BY_KIND = { focus: 'focusMarker', skip: 'skipMarker', conditional: 'conditionalSkip' } as const;

/** Added, or its content changed (a binary file's diff has no line counts, so any change counts). */
function hasContentChange(file: FileChange): boolean {
  return file.status === 'added' || file.binary || file.additions + file.deletions > 0;
}

function hasInlineTestChange(file: FileChange): boolean {
  if (languageOf(file.path)?.name !== 'Rust') return false; // only Rust has inline tests we recognise
  return file.hunks.some((h) => h.added.some((l) => isInlineRustTest(file.path, l.content, h.section)));
}

function listFiles(paths: readonly string[]): string {
  const shown = paths.slice(0, LISTED).join(', ');
  return paths.length > LISTED ? `${shown} and ${paths.length - LISTED} more` : shown;
}

function assertions(n: number): string {
  return n === 1 ? '1 assertion' : `${n} assertions`;
}

function markerViolations(file: FileChange, test: boolean, options: TestsTouchedOptions): TypedViolation<MessageId>[] {
  const markers = markersFor(file.path, test).filter((m) => options['conditional-skips'] || m.kind !== 'conditional');
  if (markers.length === 0) return [];
  const out: TypedViolation<MessageId>[] = [];
  const addedLines = new Set(file.hunks.flatMap((h) => h.added.map((l) => l.line)));
  for (const hunk of file.hunks) {
    for (const added of hunk.added) {
      const found = findMarker(added.content, markers);
      if (found === null) continue;
      // A new test written to run only somewhere (`it.skipIf(!process.env.DB)('x', () => {`, then
      // its new body) weakens nothing; a condition put on code that was already there does.
      if (found.kind === 'conditional' && addedLines.has(added.line + 1)) continue;
      out.push({ messageId: MESSAGE_BY_KIND[found.kind], path: file.path, line: added.line, data: { marker: found.text } });
    }
  }
  return out;
}

export const testsTouched = defineRule<TestsTouchedOptions, MessageId>({
  meta,

  check(change, options) {
    const weakened = options['weakened-tests'];
    const isTest = (path: string) => matchesAny(path, options.tests);
    // `test` is isTest(file.path), computed once per file.
    const isSource = (file: FileChange, test: boolean) =>
      !test &&
      !file.attributes?.generated &&
      !file.attributes?.vendored &&
      matchesAny(file.path, options.source) &&
      !matchesAny(file.path, options.ignore);

    const violations: TypedViolation<MessageId>[] = [];
    const untested: string[] = [];
    /** Changed test files whose assertions are counted before they count as a test change. */
    const counted: { file: FileChange; language: Language }[] = [];
    let testChanged = false;

    for (const file of change.files) {
      let test = isTest(file.path);
      if (file.status === 'deleted') {
        if (test && weakened && heldTests(file, languageOf(file.path))) violations.push({ messageId: 'testDeleted', path: file.path });
        continue;
      }
      if (renamedOutOfTests(file, isTest)) {
        if (weakened) violations.push({ messageId: 'testRenamedAway', path: file.path, data: { from: file.oldPath! } });
        test = false; // what it holds no longer runs; it may now be source
      }
      if (test && file.patchMissing && weakened) {
        violations.push({ messageId: 'notRead', path: file.path, severity: 'error' });
      }
      if (test && hasContentChange(file)) {
        const language = languageOf(file.path);
        if (language === undefined || file.patchMissing) testChanged = true;
        else counted.push({ file, language });
      } else if (isSource(file, test)) {
        if (hasInlineTestChange(file)) testChanged = true;
        else if (hasContentChange(file)) untested.push(file.path);
      }
      if (weakened) violations.push(...markerViolations(file, test, options));
    }

    let lostAssertions = false;
    for (const [file, balance] of assertionBalances(counted)) {
      const { added, removed } = balance;
      if (!losesAssertions(balance)) {
        testChanged = true;
        continue;
      }
      lostAssertions = true;
      if (weakened) {
        violations.push({
          messageId: 'assertionsRemoved',
          path: file.path,
          data: { removed: assertions(removed), added: added === 0 ? 'none' : String(added) },
        });
      }
    }

    if (untested.length > 0 && !testChanged) {
      const summary = untested.length === 1 ? '1 source file' : `${untested.length} source files`;
      const note = lostAssertions ? ' (the test files it changes only lose assertions)' : '';
      violations.unshift({ messageId: 'untested', data: { summary, weakened: note, files: listFiles(untested) } });
    }
    return violations;
  },
});
