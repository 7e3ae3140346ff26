// Policy text to a resolved policy: YAML parse (with positions), schema validation, resolution.
// Its own module so that what never reads a policy file (no file at the base: the embedded
// default) does not load the YAML parser and the validator: in-force.ts imports it on demand.
import type { AnyRule } from '../rule.ts';
import { parsePolicy, type PolicyConfig } from './load.ts';
import { resolvePolicy, type ResolvedPolicy } from './resolve.ts';

/** Validate and resolve policy text; `source` is the path shown in messages (null = embedded). */
export function policyFromText(text: string, source: string | null, rules: readonly AnyRule[]): ResolvedPolicy {
  const config: PolicyConfig = parsePolicy(text, source ?? '<embedded default policy>', rules);
  return resolvePolicy(config, source, rules);
}
