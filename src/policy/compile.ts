// Compiles the policy schema with ajv at run time: when running from source (tests, tsx), or for
// a rule set other than the registry's. The bundle never needs it (its validator is compiled at
// build time from the registry) and replaces this module with a stub: see
// scripts/precompile-policy.mjs.
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The options the build-time validator is compiled with too (scripts/precompile-policy.mjs).
 * strictNumbers: YAML's .inf, .nan and 1e400 are numbers JSON has no such value of; without it
 * .inf passed as an integer (max-lines: .inf turned the limit off and printed as null).
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, strictNumbers: true } as const;

export function compileSchema(schema: object): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(schema);
}
