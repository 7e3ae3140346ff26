// The embedded default policy, used when no policy file is found.
import type { AnyRule } from '../rule.ts';
import { resolvePolicy, type ResolvedPolicy } from './resolve.ts';

export const DEFAULT_POLICY_TEXT = `version: 1
extends: recommended
`;

/** DEFAULT_POLICY_TEXT as parsed (a test keeps the two equal), so the default needs no YAML parse. */
export const DEFAULT_POLICY_CONFIG = { version: 1, extends: 'recommended' } as const;

export { POLICY_PATHS } from './paths.ts';

/** The embedded default policy (`extends: recommended`), resolved without the YAML parser. */
export function defaultPolicy(rules: readonly AnyRule[]): ResolvedPolicy {
  return resolvePolicy(DEFAULT_POLICY_CONFIG, null, rules);
}
