// Resolve a validated policy: presets, shorthand severities, option defaults and `ai:` overrides.
import { fromRoot } from '../glob.ts';
import type { ResolvedRule } from './resolved-rule.ts';
import type { SeveritySetting } from '../model.ts';
import type { AnyRule } from '../rule.ts';
import type { PolicyConfig } from './load.ts';
import { UNWAIVABLE_BY_DEFAULT } from './schema.ts';
import { type ProvenancePolicy, provenancePolicyFrom } from '../provenance/options.ts';
import { resolveOverride, type ResolvedOverride } from './overrides.ts';

export type { ResolvedRule } from './resolved-rule.ts';

export interface ResolvedPolicy {
  /** Display path of the policy file, or null for the embedded default. */
  source: string | null;
  core: Record<string, string[]>;
  /** Owners declared in the policy (`core: { name: { paths, owners } }`); other modules use CODEOWNERS. */
  coreOwners?: Record<string, string[]>;
  /** Who may waive which rules (resolved defaults). */
  waivers?: WaiverPolicy;
  rules: Record<string, ResolvedRule>;
  /** Typed provenance options (disclosure template, which evidence counts), computed here once. */
  provenance: ProvenancePolicy;
  /** What a reader should know about how the policy resolved (e.g. a guard rule left off by omission). */
  notes?: string[];
  /** The directory of the policy's tests (`tests:`), when it names one. */
  tests?: string;
  /** Per-directory overrides (`overrides:`), in order; absent when the policy has none. */
  overrides?: ResolvedOverride[];
}

export interface WaiverPolicy {
  /** Users (@login) and teams (@org/team) who may waive; empty: nobody. */
  by: string[];
  /** Rule ids that may be waived. */
  rules: string[];
}

/**
 * A module's globs as they match: a directory named as a path (`src/auth`, `src/auth/`) covers
 * what is below it, as a path in `must-not-modify` does, and a leading `/` (CODEOWNERS' anchor) or
 * `./` is the repository root. As written they matched no file below (`src/auth/` matches nothing at all),
 * so the module was silently never touched.
 */
export function moduleGlobs(globs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const written of globs) {
    const glob = fromRoot(written);
    if (glob.endsWith('/')) out.add(`${glob}**`);
    else if (/[*?[\]{}]/.test(glob)) out.add(glob);
    else out.add(glob).add(`${glob}/**`);
  }
  return [...out];
}

/** `core:` in either form -> module globs, and the owners the long form names. */
export function resolveCore(core: PolicyConfig['core']): { globs: Record<string, string[]>; owners: Record<string, string[]> } {
  const globs: Record<string, string[]> = {};
  const owners: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(core ?? {})) {
    if (Array.isArray(value)) globs[name] = moduleGlobs(value);
    else {
      globs[name] = moduleGlobs(value.paths);
      if (value.owners) owners[name] = value.owners;
    }
  }
  return { globs, owners };
}

/**
 * Rules that guard the repository itself (its secrets, its policy and workflows): a policy that
 * leaves one off without saying `off` gets a note, since copying a snippet without `extends`
 * would otherwise switch them off silently.
 */
export const GUARD_RULES: readonly string[] = ['secret-leakage', 'protected-paths'];

export function defaultOptions(rule: AnyRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rule.meta.schema.properties)) {
    if ('default' in schema) out[key] = structuredClone(schema.default);
  }
  return out;
}

export function resolvePolicy(
  config: PolicyConfig,
  source: string | null,
  rules: readonly AnyRule[],
): ResolvedPolicy {
  const resolved: Record<string, ResolvedRule> = {};
  const recommended = config.extends === 'recommended';
  for (const rule of rules) {
    const id = rule.meta.id;
    const entry = config.rules?.[id];
    if (entry === undefined && (!recommended || rule.meta.optIn)) continue;
    let severity: SeveritySetting = rule.meta.defaultSeverity;
    let options: Record<string, unknown> = {};
    let aiOptions: Record<string, unknown> = {};
    if (typeof entry === 'string') {
      severity = entry as SeveritySetting;
    } else if (entry) {
      const { severity: s, ai, ...rest } = entry as Record<string, unknown>;
      if (typeof s === 'string') severity = s as SeveritySetting;
      options = rest;
      aiOptions = (ai as Record<string, unknown> | undefined) ?? {};
    }
    resolved[id] = { severity, options: { ...defaultOptions(rule), ...options }, aiOptions };
  }
  const notes: string[] = [];
  const known = new Set(rules.map((r) => r.meta.id));
  const omitted = GUARD_RULES.filter((id) => known.has(id) && !resolved[id]);
  if (omitted.length > 0) {
    const list = omitted.join(' and ');
    notes.push(
      `${list} ${omitted.length === 1 ? 'does' : 'do'} not run: the policy has no "extends: recommended" and does not ` +
        `list ${omitted.length === 1 ? 'it' : 'them'}. Add "extends: recommended", or write "${omitted[0]}: off" under rules: ` +
        'to turn it off on purpose',
    );
  }
  const core = resolveCore(config.core);
  const waivers: WaiverPolicy = {
    by: config.waivers?.by ?? [],
    rules:
      config.waivers?.rules ??
      rules.map((r) => r.meta.id).filter((id) => !(UNWAIVABLE_BY_DEFAULT as readonly string[]).includes(id)),
  };
  // The disclosure is read with ai-disclosure's options (even when the rule is off), so a custom template still counts.
  const disclosureRule = config.rules?.['ai-disclosure'];
  const provenance = provenancePolicyFrom(typeof disclosureRule === 'object' ? disclosureRule : undefined, config.provenance);
  const policy: ResolvedPolicy = { source, core: core.globs, coreOwners: core.owners, waivers, rules: resolved, provenance };
  if (notes.length > 0) policy.notes = notes;
  if (config.tests !== undefined) policy.tests = config.tests;
  if (config.overrides && config.overrides.length > 0) {
    policy.overrides = config.overrides.map((o) => resolveOverride(o.files, o.rules ?? {}));
  }
  return policy;
}
