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
  private expected: { rule: AnyRule; options: Record<string, unknown>; key: string }[] = [];

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
        expected.push({ rule, options, key });
      }
    }
    this.expected = expected;
  }

  /** Runs the expected per-file phases on a file that is final. Never throws. */
  readonly add = (file: FileChange): void => {
    for (const { rule, options, key } of this.expected) {
      const byKey = this.slot(rule.meta.id, key);
      if (byKey.has(file)) continue;
      try {
        byKey.set(file, rule.file!.run(file, options));
      } catch {
        // Not kept: the engine runs the phase again inside the rule, where a failure fails the rule.
      }
    }
  };

  /** The rule's per-file result for `file` under `options`: reused when computed early, else computed now. */
  resultFor(rule: AnyRule, options: Record<string, unknown>, file: FileChange): unknown {
    const phase = rule.file!;
    const byKey = this.slot(rule.meta.id, this.keyOf(phase, options));
    if (byKey.has(file)) return byKey.get(file);
    const result = phase.run(file, options);
    byKey.set(file, result);
    return result;
  }

  /** Keys by phase and options object: a run asks once per file with the same options, and a key can cost a JSON dump. */
  private readonly keys = new WeakMap<object, WeakMap<Record<string, unknown>, string>>();

  private keyOf(phase: NonNullable<AnyRule['file']>, options: Record<string, unknown>): string {
    let byOptions = this.keys.get(phase);
    if (!byOptions) this.keys.set(phase, (byOptions = new WeakMap()));
    let key = byOptions.get(options);
    if (key === undefined) byOptions.set(options, (key = phase.key(options)));
    return key;
  }

  private slot(id: string, key: string): WeakMap<FileChange, unknown> {
    let byRule = this.results.get(id);
    if (!byRule) this.results.set(id, (byRule = new Map()));
    let byKey = byRule.get(key);
    if (!byKey) byRule.set(key, (byKey = new WeakMap()));
    return byKey;
  }
}
