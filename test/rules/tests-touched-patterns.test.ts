// tests-touched: the shape of every pattern the rule runs on input lines. No quantifier applies
// to a group that itself holds an unbounded quantifier (`(a+)+`, `(?:\w+\.)*`), the construct
// behind catastrophic backtracking. The proof that each pattern is linear (recheck, about three
// minutes) and its measured scaling on hostile lines are `npm run bench:tests-touched`.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../rules/tests-touched/markers.ts';
import { RUNNER_PATTERNS } from '../../rules/tests-touched/runner-config.ts';
import { ROW_PATTERNS } from '../../rules/tests-touched/rows.ts';
import { GATE_PATTERNS } from '../../rules/tests-touched/gates.ts';
import { CLAIM_PATTERNS } from '../../rules/tests-touched/loosened-forms.ts';
import { CALL_ARG_PATTERNS } from '../../rules/tests-touched/call-args.ts';

const patterns: (readonly [string, RegExp])[] = LANGUAGES.flatMap((language): (readonly [string, RegExp])[] => [
  ...language.markers.map((m, i) => [`${language.name} marker ${i} (${m.kind})`, m.pattern] as const),
  ...language.assertions.map((p, i) => [`${language.name} assertion ${i}`, p] as const),
  [`${language.name} comment`, language.comment] as const,
  [`${language.name} guard`, language.guard] as const,
  [`${language.name} definitions`, language.definitions] as const,
  [`${language.name} parametrized`, language.parametrized] as const,
  ...(language.collected === undefined ? [] : [[`${language.name} collected`, language.collected] as const]),
]).concat(
  RUNNER_PATTERNS.map((p, i) => [`runner configuration ${i}`, p] as const),
  GATE_PATTERNS.map((p, i) => [`coverage gate ${i}`, p] as const),
  ROW_PATTERNS.map((p, i) => [`table row ${i}`, p] as const),
  CLAIM_PATTERNS.map((p, i) => [`assertion claim ${i}`, p] as const),
  CALL_ARG_PATTERNS.map((p, i) => [`call argument ${i}`, p] as const),
);

/** Does a quantified group contain an unbounded quantifier (`(a+)*`, `(?:\w+\.)+`)? Character classes and escapes aside. */
function hasNestedUnbounded(source: string): boolean {
  const stack: boolean[] = []; // per open group: holds an unbounded quantifier
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '[') { // skip the class
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') { stack.push(false); continue; }
    const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)));
    if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (inner && quantified) return true;
      if (inner && stack.length > 0) stack[stack.length - 1] = true;
      continue;
    }
    if (unbounded && stack.length > 0) stack[stack.length - 1] = true;
  }
  return false;
}

describe('tests-touched patterns', () => {
  it.each(patterns)('%s has no quantifier around an unbounded one', (_, pattern) => {
    expect(hasNestedUnbounded(pattern.source)).toBe(false);
  });

  it('the structural check finds nested quantifiers', () => {
    expect(hasNestedUnbounded('(a+)+')).toBe(true);
    expect(hasNestedUnbounded('(?:\\w+\\.)*x')).toBe(true);
    expect(hasNestedUnbounded('(?:\\w{1,4}\\.){0,3}x')).toBe(false);
    expect(hasNestedUnbounded('[(+]*')).toBe(false);
  });
});
