// Glob-list options checked when the policy is loaded, as `core:` and `overrides[].files` are:
// a glob that cannot be matched in linear time, or that can match no path, is a policy error at
// its line, not a rule that fails on every check (or silently matches nothing).
import { globProblem } from '../glob.ts';
import type { OptionProblem } from '../rule.ts';

/**
 * The problems of the glob lists `keys` of `options` (missing or non-string entries are the
 * schema's); `rooted` where the rule reads a leading / or ./ as the repository root.
 */
export function globListProblems(options: Record<string, unknown>, keys: readonly string[], how: { rooted?: boolean } = {}): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const key of keys) {
    const list = options[key];
    if (!Array.isArray(list)) continue;
    list.forEach((glob: unknown, i) => {
      const problem = typeof glob === 'string' && glob !== '' ? globProblem(glob, how) : null;
      if (problem) problems.push({ path: [key, i], message: problem });
    });
  }
  return problems;
}
