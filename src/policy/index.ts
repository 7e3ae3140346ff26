// Policy entry points: find, read, validate and resolve the policy in force.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describeFsError, UsageError } from '../errors.ts';
import { readTextFile } from '../read-text.ts';
import type { AnyRule } from '../rule.ts';
import { defaultPolicy, POLICY_PATHS } from './default.ts';
import { policyFromText } from './text.ts';
import type { ResolvedPolicy } from './resolve.ts';

export type { ResolvedPolicy, ResolvedRule } from './resolve.ts';
export { resolvePolicy, defaultOptions } from './resolve.ts';
export { parsePolicy, type PolicyConfig } from './load.ts';
export { buildPolicySchema } from './schema.ts';
export { DEFAULT_POLICY_CONFIG, DEFAULT_POLICY_TEXT, defaultPolicy, POLICY_PATHS } from './default.ts';
export { policyFromText } from './text.ts';

/** The first discovery path that exists under `root`, repository-relative. */
export function discoverPolicy(root: string): string | null {
  for (const rel of POLICY_PATHS) {
    try {
      if (statSync(join(root, rel)).isFile()) return rel;
    } catch {
      // not there: try the next one
    }
  }
  return null;
}

/**
 * Load the policy in force: `explicit` (a path given by the user, relative to cwd) or the first
 * discovered file under `root`, else the embedded default.
 */
export function loadPolicy(options: { root: string; explicit?: string; rules: readonly AnyRule[] }): ResolvedPolicy {
  const { root, explicit, rules } = options;
  const rel = explicit ?? discoverPolicy(root);
  if (rel === null) return defaultPolicy(rules);
  const file = explicit ?? join(root, rel);
  let text: string;
  try {
    text = readTextFile(file);
  } catch (err) {
    const why = describeFsError(err);
    throw new UsageError(`cannot read policy file ${file}: ${why}`);
  }
  return policyFromText(text, rel, rules);
}
