// The policy validator compiled at build time: ajv standalone code for the registry's policy schema, put in
// place of this module by scripts/precompile-policy.mjs, so that the CLI (and the pre-push hook)
// does not compile the schema on every run (the largest part of a hook's run time otherwise).
// From source there is none and load.ts compiles the schema at run time.
import type { ValidateFunction } from 'ajv';

/** `schema` is JSON.stringify of the schema it was compiled from; used only when it matches. */
export const precompiled: { schema: string; validate: ValidateFunction } | null = null;
