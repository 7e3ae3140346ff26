// Compiles the policy schema with ajv at run time. Only needed when the validator compiled at
// build time (precompiled.ts) does not fit the schema, e.g. when running from source; so the
// bundle evaluates ajv on the first call only (see scripts/precompile-policy.mjs).
import { Ajv, type ValidateFunction } from 'ajv';

/** The options the build-time validator is compiled with too. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

export function compileSchema(schema: object): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(schema);
}
