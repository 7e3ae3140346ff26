// tests-touched: id, options schema and messages.
import type { RuleMeta } from '../../src/rule.ts';
import { DEFAULT_IGNORE, DEFAULT_SOURCE, DEFAULT_TESTS } from './conventions.ts';

function globList(defaults: readonly string[], description: string) {
  return { type: 'array', items: { type: 'string', minLength: 1 }, default: [...defaults], description };
}

export const meta = {
  id: 'tests-touched',
  description: 'Source changes come with test changes, and tests are not deleted, focused, skipped or emptied',
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
        description:
          'Also flag deleted test files (and test files renamed out of the tests), added focus and skip markers, assertions on constants, test files that lose assertions, test declarations or table rows, assertions replaced by weaker ones on the same value, existing test code put inside a block comment, and test runner configuration that lets the suite pass while checking less (coverage gates lowered or deleted among it).',
      },
      'conditional-skips': {
        type: 'boolean',
        default: true,
        description:
          'With `weakened-tests`, also flag skips that depend on a condition (pytest `skipif`, Vitest `skipIf`/`runIf`, JUnit assumptions, `skip ... if`).',
      },
    },
  },
  // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts):
  // more source globs need tests for more files; more test or ignore globs let more files pass.
  stricter: { source: 'superset', tests: 'subset', ignore: 'subset', 'weakened-tests': 'true', 'conditional-skips': 'true' },
  messages: {
    untested:
      '{{summary}} changed without any test change{{weakened}}: {{files}}. ' +
      'Untested changes are how regressions reach main, and "I ran it and it worked" is not verification. ' +
      'Add or update tests that cover the change; if it truly needs none (say, a refactor the existing tests cover), explain why in the pull request.',
    testDeleted:
      'This test file is deleted. Deleting tests lowers coverage without any failing build to notice. ' +
      'If the code it tested was removed too, say so in the pull request; otherwise keep or move the tests.',
    testRenamedAway:
      'This test file is renamed from `{{from}}` to a path its test runner does not collect, so its tests no longer run: ' +
      'the same as deleting them, without any failing build to notice. Keep a test file name and location, ' +
      'or say in the pull request why the tests go away.',
    assertionsRemoved:
      'This change removes {{removed}} from this test file and adds {{added}}: its tests now check less than before, ' +
      'and a test left without assertions passes whatever the code does. ' +
      'Keep the assertions (or replace them with better ones), or say in the pull request why they are no longer needed.',
    testsRemoved:
      'This change removes {{removed}} from this test file and adds {{added}}: a test whose definition goes ' +
      '(`@Test` dropped, `def test_x` renamed `_test_x`, `func TestX` renamed `testX`) is no longer collected, so it does not run, ' +
      'even where its assertions stay. Keep the tests defined, or say in the pull request why they go.',
    rowsRemoved:
      'This change removes {{removed}} from the test tables of this test file and adds {{added}}: each row is a case ' +
      'its table-driven test ran (`it.each`, `@pytest.mark.parametrize`, a Go table, `[InlineData]`), so the tests now check fewer cases, ' +
      'though no assertion line goes. Keep the cases, or say in the pull request why they are no longer needed.',
    focusMarker:
      '`{{marker}}` focuses the suite: the runner runs only the focused tests and silently skips all others. ' +
      'Remove it before merging.',
    skipMarker:
      '`{{marker}}` disables a test, so what it checked is no longer checked. ' +
      'Fix the test instead, or link the issue that tracks turning it back on.',
    conditionalSkip:
      '`{{marker}}` now skips an existing test when its condition holds, so what it checks may go unchecked where it matters (for example in CI). ' +
      'Make sure the condition is meant, and say in the pull request where the test still runs.',
    commentedOut:
      'This added `{{marker}}` opens a block comment (or string) over lines of this test file that were already there: ' +
      'the code in them no longer runs, so what it checked is no longer checked, and no assertion line is deleted to show it. ' +
      'Delete the code if it is obsolete and say why in the pull request, or restore it.',
    constantAssertion:
      '`{{marker}}` asserts on constants (or compares a value with itself), so it passes whatever the code does and checks nothing; ' +
      'it does not count as an assertion, so putting it in place of a real one removes that one. ' +
      'Assert on what the code returns or does instead.',
    assertionLoosened:
      '`{{marker}}` replaces `{{was}}`, which this change deletes: it checks less about the same value ' +
      '(that it exists, is true or throws at all, instead of what it is or what it throws), so a wrong result the old assertion caught now passes. ' +
      'Keep the exact assertion and fix the code, or say in the pull request why the weaker one is right.',
    runnerWeakened:
      '`{{marker}}` {{effect}}: the suite now reports success while checking less, and no test file changes to show it. ' +
      'Revert it and fix what fails, or say in the pull request why the test run is loosened.',
    gateDeleted:
      'This change deletes the coverage gate `{{marker}}` (line {{line}} before the change) and sets it nowhere else: {{effect}}, ' +
      'so the suite passes with less of the code tested, and no test file changes to show it. ' +
      'Restore the gate (lower it, if you must, where the pull request shows it), or say in the pull request why coverage is no longer enforced.',
    binaryTest:
      'git treats this test file as binary (it holds a NUL byte or other non-text data), so its diff is not shown: ' +
      'neither reviewers nor prguard can see whether its tests were skipped, focused or emptied. ' +
      'Remove the binary content from the test file (keep binary fixtures in files of their own).',
    notRead:
      'prguard could not read the changes of this test file (the source did not provide its diff), ' +
      'so focus and skip markers and removed assertions in it were not checked. ' +
      'Review the file by hand, or run prguard where the whole diff is available (for example from a checkout with `git`).',
  },
} satisfies RuleMeta;

/** The rule's message ids: a violation naming another is a type error. */
export type MessageId = keyof typeof meta.messages;
