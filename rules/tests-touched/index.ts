// tests-touched: source changes come with test changes, and tests are not quietly weakened.
import type { FileChange } from '../../src/model.ts';
import type { Rule, Violation } from '../../src/rule.ts';
import { matchesAny } from '../../src/glob.ts';
import { DEFAULT_IGNORE, DEFAULT_SOURCE, DEFAULT_TESTS } from './conventions.ts';
import { extensionOf, findMarker, isInlineRustTest, markersFor } from './markers.ts';

export interface TestsTouchedOptions {
  source: string[];
  tests: string[];
  ignore: string[];
  'weakened-tests': boolean;
}

/** How many untested source files the message names before "and N more". */
const LISTED = 10;

function globList(defaults: readonly string[], description: string) {
  return { type: 'array', items: { type: 'string', minLength: 1 }, default: [...defaults], description };
}

/** Added, or its content changed (a binary file's diff has no line counts, so any change counts). */
function hasContentChange(file: FileChange): boolean {
  return file.status === 'added' || file.binary || file.additions + file.deletions > 0;
}

function hasInlineTestChange(file: FileChange): boolean {
  if (extensionOf(file.path) !== 'rs') return false; // only Rust has inline tests we recognise
  return file.hunks.some((h) => h.added.some((l) => isInlineRustTest(file.path, l.content, h.section)));
}

function listFiles(paths: readonly string[]): string {
  const shown = paths.slice(0, LISTED).join(', ');
  return paths.length > LISTED ? `${shown} and ${paths.length - LISTED} more` : shown;
}

export const testsTouched: Rule<TestsTouchedOptions> = {
  meta: {
    id: 'tests-touched',
    description: 'Source changes come with test changes, and tests are not deleted, focused or skipped',
    defaultSeverity: 'warning',
    reads: ['files', 'lines'],
    schema: {
      type: 'object',
      properties: {
        source: globList(DEFAULT_SOURCE, 'Globs of source files whose change needs a test change.'),
        tests: globList(DEFAULT_TESTS, 'Globs of test files. A test file is never source.'),
        ignore: globList(DEFAULT_IGNORE, 'Globs of files that match `source` but need no tests (configuration, declarations).'),
        'weakened-tests': {
          type: 'boolean',
          default: true,
          description: 'Also flag deleted test files and added focus/skip markers.',
        },
      },
    },
    messages: {
      untested:
        '{{summary}} changed without any test change: {{files}}. ' +
        'Untested changes are how regressions reach main, and "I ran it and it worked" is not verification. ' +
        'Add or update tests that cover the change; if it truly needs none (say, a refactor the existing tests cover), explain why in the pull request.',
      testDeleted:
        'This test file is deleted. Deleting tests lowers coverage without any failing build to notice. ' +
        'If the code it tested was removed too, say so in the pull request; otherwise keep or move the tests.',
      focusMarker:
        '`{{marker}}` focuses the suite: the runner runs only the focused tests and silently skips all others. ' +
        'Remove it before merging.',
      skipMarker:
        '`{{marker}}` disables a test, so what it checked is no longer checked. ' +
        'Fix the test instead, or link the issue that tracks turning it back on.',
    },
  },

  check(change, options) {
    const isTest = (path: string) => matchesAny(path, options.tests);
    // `test` is isTest(file.path), computed once per file.
    const isSource = (file: FileChange, test: boolean) =>
      !test &&
      !file.attributes?.generated &&
      !file.attributes?.vendored &&
      matchesAny(file.path, options.source) &&
      !matchesAny(file.path, options.ignore);

    const violations: Violation[] = [];
    const untested: string[] = [];
    let testChanged = false;

    for (const file of change.files) {
      const test = isTest(file.path);
      if (file.status === 'deleted') {
        if (test && options['weakened-tests']) {
          violations.push({ messageId: 'testDeleted', path: file.path });
        }
        continue;
      }
      if (test && hasContentChange(file)) testChanged = true;
      else if (isSource(file, test)) {
        if (hasInlineTestChange(file)) testChanged = true;
        else if (hasContentChange(file)) untested.push(file.path);
      }
      if (!options['weakened-tests']) continue;
      const markers = markersFor(file.path, test);
      if (markers.length === 0) continue;
      for (const hunk of file.hunks) {
        for (const added of hunk.added) {
          const found = findMarker(added.content, markers);
          if (found === null) continue;
          violations.push({
            messageId: found.kind === 'focus' ? 'focusMarker' : 'skipMarker',
            path: file.path,
            line: added.line,
            data: { marker: found.text },
          });
        }
      }
    }

    if (untested.length > 0 && !testChanged) {
      const summary = untested.length === 1 ? '1 source file' : `${untested.length} source files`;
      violations.unshift({ messageId: 'untested', data: { summary, files: listFiles(untested) } });
    }
    return violations;
  },
};
