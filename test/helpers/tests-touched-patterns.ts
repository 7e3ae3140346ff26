// Every regular expression tests-touched runs on input lines, named: for the shape test
// (test/rules/tests-touched-patterns.test.ts) and the linearity benchmark (bench/tests-touched.ts).
import { LANGUAGES } from '../../rules/tests-touched/markers.ts';
import { RUNNER_PATTERNS } from '../../rules/tests-touched/runner-config.ts';
import { ROW_PATTERNS } from '../../rules/tests-touched/rows.ts';
import { GATE_PATTERNS } from '../../rules/tests-touched/gates.ts';
import { CLAIM_PATTERNS } from '../../rules/tests-touched/loosened-forms.ts';
import { CALL_ARG_PATTERNS } from '../../rules/tests-touched/call-args.ts';
import { LIST_PATTERNS } from '../../rules/tests-touched/lists.ts';
import { STATEMENT_PATTERNS } from '../../rules/tests-touched/statements.ts';

export const TESTS_TOUCHED_PATTERNS: readonly (readonly [string, RegExp])[] = LANGUAGES.flatMap((language): (readonly [string, RegExp])[] => [
  ...language.markers.map((m, i) => [`${language.name} marker ${i} (${m.kind})`, m.pattern] as const),
  ...language.assertions.map((p, i) => [`${language.name} assertion ${i}`, p] as const),
  [`${language.name} comment`, language.comment] as const,
  [`${language.name} guard`, language.guard] as const,
  [`${language.name} definitions`, language.definitions] as const,
  [`${language.name} parametrized`, language.parametrized] as const,
  ...(language.collected === undefined ? [] : [[`${language.name} collected`, language.collected] as const]),
  ...(language.expectation === undefined ? [] : [[`${language.name} expectation`, language.expectation] as const]),
]).concat(
  RUNNER_PATTERNS.map((p, i) => [`runner configuration ${i}`, p] as const),
  GATE_PATTERNS.map((p, i) => [`coverage gate ${i}`, p] as const),
  ROW_PATTERNS.map((p, i) => [`table row ${i}`, p] as const),
  CLAIM_PATTERNS.map((p, i) => [`assertion claim ${i}`, p] as const),
  CALL_ARG_PATTERNS.map((p, i) => [`call argument ${i}`, p] as const),
  LIST_PATTERNS.map((p, i) => [`one-line list ${i}`, p] as const),
  STATEMENT_PATTERNS.map((p, i) => [`statement ${i}`, p] as const),
);
