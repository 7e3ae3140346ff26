// tests-touched: the shape of every pattern the rule runs on input lines. No quantifier applies
// to a group that itself holds an unbounded quantifier (`(a+)+`, `(?:\w+\.)*`), the construct
// behind catastrophic backtracking. The proof that each pattern is linear (recheck, about three
// minutes) and its measured scaling on hostile lines are `npm run bench:tests-touched`.
import { describe, expect, it } from 'vitest';
import { TESTS_TOUCHED_PATTERNS as patterns } from '../helpers/tests-touched-patterns.ts';

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
