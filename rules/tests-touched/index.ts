// tests-touched: source changes come with test changes, and tests are not quietly weakened.
import { defineRule, globListProblems, type TypedViolation } from '../../src/rule-kit/index.ts';
import type { FileChange } from '../../src/model.ts';
import { assertionBalances, changesCode, definitionBalances, losesAssertions } from './assertions.ts';
import { type FileGates, gatesDeleted } from './gates.ts';
import type { Language } from './language.ts';
import { languageOf } from './markers.ts';
import { meta, type MessageId } from './meta.ts';
import { rowBalances } from './rows.ts';
import { type FileFacts, factsKey, factsOf, type TestsTouchedOptions } from './per-file.ts';

export type { TestsTouchedOptions } from './per-file.ts';

/** How many untested source files the message names before "and N more". */
const LISTED = 10;

/** Added, or its content changed (a binary file's diff has no line counts, so any change counts). */
function hasContentChange(file: FileChange): boolean {
  return file.status === 'added' || file.binary || file.additions + file.deletions > 0;
}

function listFiles(paths: readonly string[]): string {
  const shown = paths.slice(0, LISTED).join(', ');
  return paths.length > LISTED ? `${shown} and ${paths.length - LISTED} more` : shown;
}

function assertions(n: number): string {
  return n === 1 ? '1 assertion' : `${n} assertions`;
}

function definitionCount(n: number): string {
  return n === 1 ? '1 test definition' : `${n} test definitions`;
}

function rowCount(n: number): string {
  return n === 1 ? '1 table row' : `${n} table rows`;
}

export const testsTouched = defineRule<TestsTouchedOptions, MessageId>({
  meta,

  validate: (options) => globListProblems(options, ['source', 'tests', 'ignore']),

  // What each file is to the rule, found while the change streams in when the engine can.
  file: { key: factsKey, run: factsOf },

  check(change, options, context) {
    const weakened = options['weakened-tests'];
    const violations: TypedViolation<MessageId>[] = [];
    const untested: string[] = [];
    /** Changed test files whose assertions are counted before they count as a test change. */
    const counted: { file: FileChange; language: Language }[] = [];
    let testChanged = false;
    const gates: { path: string; gates: FileGates }[] = [];

    for (const file of change.files) {
      const facts = (context.perFile ? context.perFile(file) : factsOf(file, options)) as FileFacts;
      if (facts.gates !== undefined) gates.push({ path: file.path, gates: facts.gates });
      if (file.status === 'deleted') {
        if (facts.deletedHeldTests) violations.push({ messageId: 'testDeleted', path: file.path });
        continue;
      }
      if (facts.renamedAway && weakened) {
        violations.push({ messageId: 'testRenamedAway', path: file.path, data: { from: file.oldPath! } });
      }
      const language = facts.test ? languageOf(file.path) : undefined;
      if (facts.test && file.patchMissing && weakened) {
        violations.push({ messageId: 'notRead', path: file.path, severity: 'error' });
      } else if (language !== undefined && file.binary && file.contentScan !== undefined && weakened) {
        // A NUL byte makes git (and GitHub) show no diff: its markers and assertions go unseen. Only
        // where the source read the content (or tried to) and found it binary: git, or the API's
        // contents at the head (an empty new file or a mode change is then no binary file).
        violations.push({ messageId: 'binaryTest', path: file.path, severity: 'error' });
      }
      if (facts.test && hasContentChange(file)) {
        if (language === undefined || file.patchMissing || file.binary) testChanged = true;
        else counted.push({ file, language });
      } else if (facts.sourceByPath && !file.attributes?.generated && !file.attributes?.vendored) {
        if (facts.inlineTest) testChanged = true;
        else if (hasContentChange(file)) untested.push(file.path);
      }
      // Copies: a per-file result may serve more than one run of the rule.
      violations.push(...facts.markers.map((v) => ({ ...v, data: { ...v.data } })));
    }

    let lostAssertions = false;
    let onlyComments = false;
    const languages = new Map(counted.map((c) => [c.file, c.language]));
    const definitions = definitionBalances(counted);
    const rows = rowBalances(counted);
    for (const [file, balance] of assertionBalances(counted)) {
      const defined = definitions.get(file)!;
      const row = rows.get(file)!;
      // One finding a file: lost assertions say more than lost test definitions, and those more
      // than lost table rows, when several go.
      const lost = losesAssertions(balance)
        ? { ...balance, messageId: 'assertionsRemoved' as const, what: assertions }
        : losesAssertions(defined)
          ? { ...defined, messageId: 'testsRemoved' as const, what: definitionCount }
          : row.removed > row.added
            ? { ...row, messageId: 'rowsRemoved' as const, what: rowCount }
            : undefined;
      if (lost === undefined) {
        // A comment or a blank line added to a test file is no test change.
        if (changesCode(file, languages.get(file)!)) testChanged = true;
        else onlyComments = true;
        continue;
      }
      lostAssertions = true;
      if (weakened) {
        violations.push({
          messageId: lost.messageId,
          path: file.path,
          data: { removed: lost.what(lost.removed), added: lost.added === 0 ? 'none' : String(lost.added) },
        });
      }
    }

    for (const { path, gate } of gatesDeleted(gates)) {
      const effect = gate.n === undefined ? 'its coverage thresholds are no longer enforced' : `coverage below ${gate.n}% (\`${gate.key}\`) no longer fails the run`;
      violations.push({ messageId: 'gateDeleted', path, data: { marker: gate.text, line: String(gate.line), effect } });
    }

    if (untested.length > 0 && !testChanged) {
      const summary = untested.length === 1 ? '1 source file' : `${untested.length} source files`;
      const note = lostAssertions
        ? ' (the test files it changes only lose assertions, test definitions or table rows)'
        : onlyComments
          ? ' (the test files it changes change only comments or blank lines)'
          : '';
      violations.unshift({ messageId: 'untested', data: { summary, weakened: note, files: listFiles(untested) } });
    }
    return violations;
  },
});
