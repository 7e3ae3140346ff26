// Parse a policy's YAML keeping source positions, validate it, and report every problem as
// `file:line:col: message`.
import type { ValidateFunction } from 'ajv';
import type { ProvenanceConfig } from '../provenance/options.ts';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { PolicyError, type LocatedProblem } from '../errors.ts';
import { globProblem } from '../glob.ts';
import type { AnyRule } from '../rule.ts';
import { aliasProblems, MAX_ALIASES } from './aliases.ts';
import { compileSchema } from './compile.ts';
import { precompiled } from './precompiled.ts';
import { buildPolicySchema } from './schema.ts';
import { schemaProblems, type Path } from './schema-errors.ts';
import { textProblem } from './text-checks.ts';
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
  const unreadText = textProblem(text, file);
  if (unreadText) throw new PolicyError([unreadText]);
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
    for (const { path, message, onKey } of schemaProblems(validate.errors ?? [], rules, value)) {
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

/** Offset of the node at `path` (of its key when onKey), falling back to the nearest parent. */
export function locate(doc: Document, path: Path, onKey: boolean): number {
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
