// Policy text to a resolved policy: YAML parse (with positions), schema validation, resolution.
// Its own module so that what never reads a policy file (no file at the base: the embedded
// default) does not load the YAML parser and the validator: in-force.ts imports it on demand.
import type { AnyRule } from '../rule.ts';
import { aiLooserNotes } from './ai-looser.ts';
import { parsePolicy, type PolicyConfig } from './load.ts';
import { resolvePolicy, type ResolvedPolicy } from './resolve.ts';

/**
 * Validate and resolve policy text, with the notes on what the text says (an `ai:` block looser
 * than its rule); `source` is the path shown in messages (null = embedded).
 */
export function resolveText(text: string, source: string | null, rules: readonly AnyRule[]): { config: PolicyConfig; policy: ResolvedPolicy } {
  const file = source ?? '<embedded default policy>';
  const config: PolicyConfig = parsePolicy(text, file, rules);
  const policy = resolvePolicy(config, source, rules);
  const looser = aiLooserNotes(policy, rules, text, file);
  if (looser.length > 0) policy.notes = [...(policy.notes ?? []), ...looser];
  return { config, policy };
}

/** Validate and resolve policy text; `source` is the path shown in messages (null = embedded). */
export function policyFromText(text: string, source: string | null, rules: readonly AnyRule[]): ResolvedPolicy {
  return resolveText(text, source, rules).policy;
}
