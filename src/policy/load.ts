// Parse a policy's YAML keeping source positions, validate it, and report every problem as
// `file:line:col: message`.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ProvenanceConfig } from '../provenance/options.ts';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { PolicyError, type LocatedProblem } from '../errors.ts';
import { globProblem } from '../glob.ts';
import type { AnyRule } from '../rule.ts';
import { aliasProblems, MAX_ALIASES } from './aliases.ts';
import { compileSchema } from './compile.ts';
import { precompiled } from './precompiled.ts';
import { buildPolicySchema, ownerSchema } from './schema.ts';
import { keysInSchema } from './schema-keys.ts';
import { closest } from './suggest.ts';
import { cut, quoted, schemaOf, typeHint, versionHint } from './type-hint.ts';
import { parseYaml, structureProblems } from './yaml.ts';

/** The policy as written, after schema validation. */
export interface PolicyConfig {
  version: 1;
  extends?: 'recommended';
  core?: Record<string, string[] | { paths: string[]; owners?: string[] }>;
  waivers?: { by?: string[]; rules?: string[] };
  rules?: Record<string, string | Record<string, unknown>>;
  provenance?: ProvenanceConfig;
  /** Directory of the policy's tests (`prguard policy test`). */
  tests?: string;
  /** Per-directory overrides, ESLint-style (src/policy/overrides.ts). */
  overrides?: { files: string[]; rules?: Record<string, string | Record<string, unknown>> }[];
}

type Path = (string | number)[];

const validators = new WeakMap<readonly AnyRule[], ValidateFunction>();

function validatorFor(rules: readonly AnyRule[]): ValidateFunction {
  let validate = validators.get(rules);
  if (!validate) {
    const schema = buildPolicySchema(rules);
    if (precompiled?.schema === JSON.stringify(schema)) {
      validate = precompiled.validate;
    } else {
      validate = compileSchema(schema);
    }
    validators.set(rules, validate);
  }
  return validate;
}

/** Parse and validate policy text. Throws PolicyError listing every problem found. */
export function parsePolicy(text: string, file: string, rules: readonly AnyRule[]): PolicyConfig {
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // A binary file given as the policy (a wrong path): one line, not a YAML error per byte run.
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const col = nul - before.lastIndexOf('\n');
    throw new PolicyError([{ file, line, col, message: 'this is not a YAML text file (it holds a NUL byte): is it the policy file you meant?' }]);
  }
  const yaml = parseYaml(text);
  const { doc, lineCounter } = yaml;
  const at = (offset: number, message: string): LocatedProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col, message };
  };
  const unreadable = structureProblems(yaml, at);
  if (unreadable.length > 0) throw new PolicyError(unreadable);
  const aliasTrouble = aliasProblems(doc, at);
  if (aliasTrouble.length > 0) throw new PolicyError(aliasTrouble);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? null;
  } catch (err) {
    throw new PolicyError([at(0, `the policy cannot be read as YAML data: ${(err as Error).message}`)]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PolicyError([at(0, 'the policy must be a mapping with at least `version: 1`')]);
  }
  const validate = validatorFor(rules);
  const problems: LocatedProblem[] = [];
  if (!validate(value)) {
    for (const error of relevantErrors(validate.errors ?? [])) {
      const { path, message, onKey } = describe(error, rules, value);
      problems.push(at(locate(doc, path, onKey), message));
    }
  }
  const config = value as PolicyConfig;
  if (problems.length === 0) problems.push(...globProblems(config, doc, at), ...ruleProblems(config, rules, doc, at));
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.col - b.col);
    throw new PolicyError(dedupe(problems));
  }
  return config;
}

/** `core:` and `overrides[].files` globs that cannot be matched in linear time (see src/glob.ts). */
function globProblems(config: PolicyConfig, doc: Document, at: (offset: number, message: string) => LocatedProblem): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  // Module globs are CODEOWNERS-like: a leading / or ./ is the repository root (src/policy/resolve.ts).
  const lists: [Path, string, string[], boolean][] = [];
  for (const [module, entry] of Object.entries(config.core ?? {})) {
    // Short form `name: [globs]`, or long form `name: { paths: [globs], owners }`.
    lists.push(Array.isArray(entry) ? [['core', module], `core.${module}`, entry, true] : [['core', module, 'paths'], `core.${module}`, entry.paths, true]);
  }
  (config.overrides ?? []).forEach((o, i) => lists.push([['overrides', i, 'files'], `overrides.${i}.files`, o.files, false]));
  for (const [where, name, globs, rooted] of lists) {
    globs.forEach((glob, i) => {
      const problem = globProblem(glob, { rooted });
      if (problem) problems.push(at(locate(doc, [...where, i], false), `${name}: ${problem}`));
    });
  }
  return problems;
}

/** Rules' own option checks (beyond the schema), e.g. a regex that could hang. */
function ruleProblems(
  config: PolicyConfig,
  rules: readonly AnyRule[],
  doc: Document,
  at: (offset: number, message: string) => LocatedProblem,
): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const places: [Path, Record<string, string | Record<string, unknown>> | undefined][] = [
    [['rules'], config.rules],
    ...(config.overrides ?? []).map((o, i): [Path, typeof o.rules] => [['overrides', i, 'rules'], o.rules]),
  ];
  for (const [where, ruleMap] of places) for (const rule of rules) {
    const entry = ruleMap?.[rule.meta.id];
    if (!rule.validate || typeof entry !== 'object' || entry === null) continue;
    const { severity: _s, ai, ...options } = entry as Record<string, unknown>;
    const blocks: [Path, Record<string, unknown>][] = [[[...where, rule.meta.id], options]];
    if (ai && typeof ai === 'object') {
      const { severity: _as, ...aiOptions } = ai as Record<string, unknown>;
      blocks.push([[...where, rule.meta.id, 'ai'], aiOptions]);
    }
    for (const [base, opts] of blocks) {
      for (const problem of rule.validate(opts)) {
        const path = [...base, ...problem.path];
        problems.push(at(locate(doc, path, false), `${path.join('.')}: ${problem.message}`));
      }
    }
  }
  return problems;
}

/** Drop the noise ajv adds around if/then/else, keeping the errors that name the problem. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'if');
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject, rules: readonly AnyRule[], value: unknown): { path: Path; message: string; onKey: boolean } {
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
        message: `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${typeof written === 'string' ? `, not ${quoted(written)}` : ''}${mean}`,
      };
    }
    case 'const': {
      const more = path.length === 1 && path[0] === 'version' ? versionHint(valueAt(value, path)) : '';
      return { path, onKey: false, message: `${where} must be ${JSON.stringify(params.allowedValue)}${more}` };
    }
    case 'type': {
      const type = String(params.type);
      return { path, onKey: false, message: `${where} must be ${article(type)}${typeHint(type, valueAt(value, path), path.at(-1), schemaOf(buildPolicySchema(rules), error.schemaPath))}` };
    }
    case 'required':
      return { path, onKey: false, message: `${where} is missing the required key "${String(params.missingProperty)}"` };
    case 'minItems':
      return { path, onKey: false, message: `${where} must list at least ${String(params.limit)} value${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { path, onKey: false, message: `${where} must not be empty` };
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
  if (path.length === 0) return ['version', 'extends', 'core', 'waivers', 'provenance', 'rules', 'tests', 'overrides'];
  if (path.length === 1 && path[0] === 'waivers') return ['by', 'rules'];
  if (path.length === 2 && path[0] === 'core') return ['paths', 'owners'];
  const nested = keysInSchema(buildPolicySchema(rules), path);
  if (nested.length > 0) return nested;
  if (path[0] === 'rules' && typeof path[1] === 'string') {
    const rule = rules.find((r) => r.meta.id === path[1]);
    if (rule && (path.length === 2 || (path.length === 3 && path[2] === 'ai'))) {
      const opts = Object.keys(rule.meta.schema.properties);
      return path.length === 2 ? ['severity', ...opts, 'ai'] : ['severity', ...opts];
    }
  }
  return [];
}

/** Offset of the node at `path` (of its key when onKey), falling back to the nearest parent. */
function locate(doc: Document, path: Path, onKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      const keyNode = pair.key as Node;
      if (last && onKey) return keyNode.range?.[0] ?? offset;
      node = pair.value;
      offset = (node as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function dedupe(problems: LocatedProblem[]): LocatedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
