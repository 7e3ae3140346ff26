// ajv's errors for a policy in words a lead can act on: which key, what it must be, what to write
// instead, and "did you mean" for a misspelt key or value. One problem per mistake: the noise ajv
// adds around it (the `if` of a severity-or-options entry, the type beside an enum) is dropped.
import type { ErrorObject } from 'ajv';
import type { AnyRule, JsonSchema } from '../rule.ts';
import { buildPolicySchema, ownerSchema } from './schema.ts';
import { keysInSchema } from './schema-keys.ts';
import { closest } from './suggest.ts';
import { cut, quoted, schemaOf, typeHint, versionHint } from './type-hint.ts';

export type Path = (string | number)[];

export interface SchemaProblem {
  path: Path;
  message: string;
  /** Whether the problem is the key at `path` (an unknown key), not its value. */
  onKey: boolean;
}

const schemas = new WeakMap<readonly AnyRule[], JsonSchema>();

function schemaFor(rules: readonly AnyRule[]): JsonSchema {
  let schema = schemas.get(rules);
  if (!schema) schemas.set(rules, (schema = buildPolicySchema(rules)));
  return schema;
}

/** The problems ajv's `errors` name in `value` (the policy as data). */
export function schemaProblems(errors: readonly ErrorObject[], rules: readonly AnyRule[], value: unknown): SchemaProblem[] {
  return relevantErrors(errors).map((e) => describe(e, rules, value));
}

/**
 * The errors that name a problem: not the `if` of an if/then/else; not "must be a string" beside
 * "must be one of …" for the same value (`severity: 42`); not a missing key of a mapping that
 * holds a merge key `<<` (the key is there, in what `<<` names, which prguard does not read: the
 * merge key's own message says so).
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const enums = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const merged = new Set(
    errors.filter((e) => e.keyword === 'additionalProperties' && (e.params as { additionalProperty?: string }).additionalProperty === '<<').map((e) => e.instancePath),
  );
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (e.keyword === 'type' && enums.has(e.instancePath)) return false;
    return !(e.keyword === 'required' && merged.has(e.instancePath));
  });
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject, rules: readonly AnyRule[], value: unknown): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const where = path.length > 0 ? path.map((p) => cut(String(p))).join('.') : 'policy';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyPath = [...path, key];
      if (key === '<<') {
        // YAML 1.1's merge key, which YAML 1.2 (and so prguard) reads as a plain key.
        return { path: keyPath, onKey: true, message: `${where === 'policy' ? '' : `under ${where}: `}YAML merge keys (<<) are not read: write the keys out (an alias of a whole value, key: *name, works)` };
      }
      if ((path.length === 1 && path[0] === 'rules') || (path.length === 3 && path[0] === 'overrides' && path[2] === 'rules')) {
        const ids = rules.map((r) => r.meta.id);
        return { path: keyPath, onKey: true, message: `unknown rule ${quoted(key)}${hint(key, ids, 'known rules')}` };
      }
      const known = knownKeys(path, rules);
      const what = path.length === 0 ? 'unknown top-level key' : `unknown option under ${where}`;
      return { path: keyPath, onKey: true, message: `${what}: ${quoted(key)}${hint(key, known, 'allowed')}` };
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const written = valueAt(value, path);
      const near = typeof written === 'string' ? closest(written, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      const mean = near ? ` — did you mean "${near}"?` : '';
      return {
        path,
        onKey: false,
        message: `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${written !== undefined ? `, not ${quoted(written)}` : ''}${mean}`,
      };
    }
    case 'const': {
      const more = path.length === 1 && path[0] === 'version' ? versionHint(valueAt(value, path)) : '';
      return { path, onKey: false, message: `${where} must be ${JSON.stringify(params.allowedValue)}${more}` };
    }
    case 'type': {
      const type = String(params.type);
      return { path, onKey: false, message: `${where} must be ${article(type)}${typeHint(type, valueAt(value, path), path.at(-1), schemaOf(schemaFor(rules), error.schemaPath))}` };
    }
    case 'required':
      return { path, onKey: false, message: `${where} is missing the required key "${String(params.missingProperty)}"` };
    case 'minItems':
      return { path, onKey: false, message: `${where} must list at least ${String(params.limit)} value${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { path, onKey: false, message: `${where} must not be empty` };
    case 'maximum':
      return { path, onKey: false, message: `${where} must be ${String(params.limit)} or less, not ${quoted(valueAt(value, path))}` };
    case 'minimum':
      return { path, onKey: false, message: `${where} must be ${String(params.limit)} or more, not ${quoted(valueAt(value, path))}` };
    case 'pattern': {
      const written = quoted(valueAt(value, path));
      if (params.pattern === ownerSchema.pattern) return { path, onKey: false, message: `${where} must be a GitHub user (@login) or team (@org/team), not ${written}` };
      return { path, onKey: false, message: `${where} must match ${String(params.pattern)}, not ${written}` };
    }
    default:
      return { path, onKey: false, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function hint(key: string, candidates: string[], label: string): string {
  const near = closest(key, candidates);
  const list = candidates.length > 0 ? ` (${label}: ${candidates.join(', ')})` : '';
  return near ? ` — did you mean "${near}"?${list}` : list;
}

function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function knownKeys(path: Path, rules: readonly AnyRule[]): string[] {
  return keysInSchema(schemaFor(rules), path);
}
