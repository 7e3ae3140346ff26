// Resolve a validated policy: presets, shorthand severities, option defaults and `ai:` overrides.
import type { SeveritySetting } from '../model.ts';
import type { AnyRule } from '../rule.ts';
import type { PolicyConfig } from './load.ts';
import { resolveOverride, type ResolvedOverride } from './overrides.ts';

export interface ResolvedRule {
  severity: SeveritySetting;
  /** Options with every default filled in. */
  options: Record<string, unknown>;
  /** Overrides applied on top of `options` when the change is AI-assisted (may hold `severity`). */
  aiOptions: Record<string, unknown>;
}

export interface ResolvedPolicy {
  /** Display path of the policy file, or null for the embedded default. */
  source: string | null;
  core: Record<string, string[]>;
  rules: Record<string, ResolvedRule>;
  /** What a reader should know about how the policy resolved (e.g. a guard rule left off by omission). */
  notes?: string[];
  /** The directory of the policy's tests (`tests:`), when it names one. */
  tests?: string;
  /** Per-directory overrides (`overrides:`), in order; absent when the policy has none. */
  overrides?: ResolvedOverride[];
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
    if (entry === undefined && !recommended) continue;
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
  const policy: ResolvedPolicy = { source, core: config.core ?? {}, rules: resolved };
  if (notes.length > 0) policy.notes = notes;
  if (config.tests !== undefined) policy.tests = config.tests;
  if (config.overrides && config.overrides.length > 0) {
    policy.overrides = config.overrides.map((o) => resolveOverride(o.files, o.rules ?? {}));
  }
  return policy;
}
