// Rules' per-file phases (Rule.file), run while the change streams in. The source hands each file
// over as soon as it is final (its diff parsed, a binary file's content scanned); every rule with
// a per-file phase runs it then, with the options it is expected to run with. The engine later
// asks for each file's result with the options the rule really runs with: a result computed under
// the same key is reused, any other is computed on the spot. So the report never depends on what
// ran early, only the time does.
import type { FileChange } from './model.ts';
import { ruleRuns } from './policy/overrides.ts';
import { defaultOptions, type ResolvedPolicy } from './policy/resolve.ts';
import type { AnyRule } from './rule.ts';

/**
 * The options a rule is expected to run with under `policy`: its entry's, with and without the
 * `ai:` block (whether the change is AI-assisted is decided later). An override's options are
 * not expected (which apply depends on all the paths): the engine computes those on demand.
 */
export function policyOptions(policy: ResolvedPolicy): (rule: AnyRule) => Record<string, unknown>[] {
  return (rule) =>
    [false, true].flatMap((ai) =>
      ruleRuns(rule, policy.rules[rule.meta.id], [], policy.overrides ?? [], ai, () => defaultOptions(rule)).map((r) => r.options),
    );
}

export class PerFileResults {
  /** rule id -> options key -> file -> result. */
  private readonly results = new Map<string, Map<string, WeakMap<FileChange, unknown>>>();
  /** What runs early: each rule with a per-file phase, with the options it is expected to get. */
  private expected: { rule: AnyRule; options: Record<string, unknown>; results: WeakMap<FileChange, unknown> }[] = [];

  /** `optionsFor` gives the options each rule is expected to run with (several: each is run). */
  constructor(rules: readonly AnyRule[], optionsFor: (rule: AnyRule) => readonly Record<string, unknown>[]) {
    this.expect(rules, optionsFor);
  }

  /** Changes the options later files are run with (e.g. once the policy in force is read). */
  expect(rules: readonly AnyRule[], optionsFor: (rule: AnyRule) => readonly Record<string, unknown>[]): void {
    const expected: typeof this.expected = [];
    for (const rule of rules) {
      const phase = rule.file;
      if (!phase) continue;
      const keys = new Set<string>();
      for (const options of optionsFor(rule)) {
        let key: string;
        try {
          key = phase.key(options);
        } catch {
          continue; // options the rule rejects: its check reports that
        }
        if (keys.has(key)) continue;
        keys.add(key);
        expected.push({ rule, options, results: this.slot(rule.meta.id, key) });
      }
    }
    this.expected = expected;
  }

  /** Runs the expected per-file phases on a file that is final. Never throws. */
  readonly add = (file: FileChange): void => {
    for (const { rule, options, results } of this.expected) {
      if (results.has(file)) continue;
      try {
        results.set(file, rule.file!.run(file, options));
      } catch {
        // Not kept: the engine runs the phase again inside the rule, where a failure fails the rule.
      }
    }
  };

  /** The rule's per-file result for `file` under `options`: reused when computed early, else computed now. */
  resultFor(rule: AnyRule, options: Record<string, unknown>, file: FileChange): unknown {
    const phase = rule.file!;
    const results = this.resultsFor(rule, options);
    if (results.has(file)) return results.get(file);
    const result = phase.run(file, options);
    results.set(file, result);
    return result;
  }

  /**
   * The results under these options, found once per options object: a run asks once per file
   * with the same options, and a key can cost a JSON dump of the globs or patterns.
   */
  private readonly byOptions = new WeakMap<Record<string, unknown>, Map<string, WeakMap<FileChange, unknown>>>();

  private resultsFor(rule: AnyRule, options: Record<string, unknown>): WeakMap<FileChange, unknown> {
    let byRule = this.byOptions.get(options);
    if (!byRule) this.byOptions.set(options, (byRule = new Map()));
    let results = byRule.get(rule.meta.id);
    if (!results) byRule.set(rule.meta.id, (results = this.slot(rule.meta.id, rule.file!.key(options))));
    return results;
  }

  private slot(id: string, key: string): WeakMap<FileChange, unknown> {
    let byRule = this.results.get(id);
    if (!byRule) this.results.set(id, (byRule = new Map()));
    let byKey = byRule.get(key);
    if (!byKey) byRule.set(key, (byKey = new WeakMap()));
    return byKey;
  }
}
