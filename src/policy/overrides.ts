// Per-directory overrides, ESLint-style: `overrides: [{ files: [globs], rules: { … } }]`. A file's
// configuration of a rule is the policy's entry with every matching override laid over it, in
// order. The engine runs a rule once per configuration over the whole change (so no rule loses
// context), and keeps each finding where its configuration applies: a finding on a path goes by
// that path (the last override matching it); a whole-change finding goes by the override whose
// files hold every changed file, and says which override applied. A rename changes both of its
// paths: a finding on the renamed file itself (no line: a protected path, a test file moved away)
// goes by either path's configuration, so moving a file into a directory whose override turns a
// rule off does not take the file out of the rule; a finding on a line of its new content goes
// by the new path. Pure.
import { matchesAny } from '../glob.ts';
import type { FileChange, SeveritySetting } from '../model.ts';
import type { AnyRule } from '../rule.ts';
import type { ResolvedRule } from './resolved-rule.ts';

export interface ResolvedOverride {
  files: string[];
  /** The entries as written (no defaults): severity, options, `ai:`. */
  rules: Record<string, { severity?: SeveritySetting; options: Record<string, unknown>; aiOptions: Record<string, unknown> }>;
}

export function resolveOverride(files: string[], rules: Record<string, string | Record<string, unknown>>): ResolvedOverride {
  const out: ResolvedOverride = { files, rules: {} };
  for (const [id, entry] of Object.entries(rules)) {
    if (typeof entry === 'string') {
      out.rules[id] = { severity: entry as SeveritySetting, options: {}, aiOptions: {} };
      continue;
    }
    const { severity, ai, ...options } = entry;
    out.rules[id] = {
      ...(typeof severity === 'string' ? { severity: severity as SeveritySetting } : {}),
      options,
      aiOptions: (ai as Record<string, unknown> | undefined) ?? {},
    };
  }
  return out;
}

/** One configuration a rule runs with, and where its findings count. */
export interface RuleConfig {
  entry: ResolvedRule;
  /** Indexes (into the policy's overrides) laid over the base entry; [] is the base. */
  applied: number[];
}

/** The label of an override in messages: its index and globs. */
export function overrideLabel(overrides: readonly ResolvedOverride[], index: number): string {
  return `overrides[${index}] (files: ${overrides[index]!.files.join(', ')})`;
}

function layer(base: ResolvedRule, over: ResolvedOverride['rules'][string]): ResolvedRule {
  // An override's `off` drops the rule on its files for AI-assisted changes too: the severity of
  // the entry's `ai:` block does not bring it back (the override's own `ai:` block can).
  const inherited = { ...base.aiOptions };
  if (over.severity === 'off') delete inherited.severity;
  return {
    severity: over.severity ?? base.severity,
    options: { ...base.options, ...over.options },
    aiOptions: { ...inherited, ...over.aiOptions },
  };
}

/** The overrides (indexes) that mention `ruleId` and match `path`, in order. */
export function overridesFor(overrides: readonly ResolvedOverride[], ruleId: string, path: string): number[] {
  const out: number[] = [];
  overrides.forEach((o, i) => {
    if (o.rules[ruleId] && matchesAny(path, o.files)) out.push(i);
  });
  return out;
}

/** The configuration of `rule` for a given set of applied overrides. */
export function configFor(base: ResolvedRule | undefined, rule: AnyRule, overrides: readonly ResolvedOverride[], applied: number[], defaults: Record<string, unknown>): ResolvedRule | undefined {
  let entry = base;
  for (const i of applied) {
    const over = overrides[i]!.rules[rule.meta.id]!;
    entry = layer(entry ?? { severity: over.severity ?? rule.meta.defaultSeverity, options: defaults, aiOptions: {} }, over);
  }
  return entry;
}

/** One run of a rule: its severity and options, and which of its findings it owns. */
export interface RuleRun {
  severity: Exclude<SeveritySetting, 'off'>;
  options: Record<string, unknown>;
  /**
   * Whether a finding (by its path and line, or no path for a whole-change one) belongs to this
   * run. A finding on a renamed file without a line belongs to the runs of both its paths: the
   * engine keeps one finding.
   */
  owns(path: string | undefined, line?: number): boolean;
  /** For a whole-change finding of an override's run: which override applied. */
  appliedLabel?: string;
}

function effective(entry: ResolvedRule, aiAssisted: boolean): { severity: SeveritySetting; options: Record<string, unknown> } {
  if (!aiAssisted) return { severity: entry.severity, options: entry.options };
  const { severity, ...overrides } = entry.aiOptions;
  return { severity: (severity as SeveritySetting | undefined) ?? entry.severity, options: { ...entry.options, ...overrides } };
}

/**
 * The runs `rule` needs for `files`: one per distinct set of overrides matching a changed file
 * (the empty set is the policy's own entry), plus the set every changed file matches, which
 * decides the whole-change findings.
 */
export function ruleRuns(
  rule: AnyRule,
  base: ResolvedRule | undefined,
  files: readonly Pick<FileChange, 'path' | 'oldPath' | 'status'>[],
  overrides: readonly ResolvedOverride[],
  aiAssisted: boolean,
  defaults: () => Record<string, unknown>,
): RuleRun[] {
  const id = rule.meta.id;
  const key = (applied: number[]) => applied.join(',');
  const sets = new Map<string, number[]>([['', []]]);
  let common: number[] | null = null;
  // No override names the rule (the common case): every file gets the policy's own entry.
  const named = overrides.some((o) => o.rules[id] !== undefined);
  const appliedTo = (path: string) => (named ? overridesFor(overrides, id, path) : []);
  /** A renamed file's new path -> its old one, which the rename changes too. */
  const renamedFrom = new Map<string, string>();
  for (const f of named ? files : []) {
    const paths = [f.path];
    if (f.status === 'renamed' && f.oldPath !== undefined && f.oldPath !== f.path) {
      renamedFrom.set(f.path, f.oldPath);
      paths.push(f.oldPath);
    }
    for (const path of paths) {
      const applied = appliedTo(path);
      sets.set(key(applied), applied);
      common = common === null ? applied : common.filter((i) => applied.includes(i));
    }
  }
  const ownedBy = (path: string, line: number | undefined, mine: string) => {
    if (key(appliedTo(path)) === mine) return true;
    const old = line === undefined ? renamedFrom.get(path) : undefined;
    return old !== undefined && key(appliedTo(old)) === mine;
  };
  const whole = key(common ?? []);
  sets.set(whole, common ?? []);
  const runs: RuleRun[] = [];
  for (const applied of sets.values()) {
    const entry = applied.length === 0 ? base : configFor(base, rule, overrides, applied, defaults());
    if (!entry) continue;
    const e = effective(entry, aiAssisted);
    if (e.severity === 'off') continue;
    const mine = key(applied);
    const run: RuleRun = {
      severity: e.severity,
      options: e.options,
      owns: (path, line) => (path === undefined ? whole === mine : ownedBy(path, line, mine)),
    };
    if (applied.length > 0) run.appliedLabel = applied.map((i) => overrideLabel(overrides, i)).join(' and ');
    runs.push(run);
  }
  return runs;
}
