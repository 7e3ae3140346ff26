// Policies a lead (or an attacker) could write, generated at run time from the policy schema, that
// is from the envelope and every rule's meta: at every node a value of the wrong type, a bad enum
// value, an empty string or list where one is refused, a number below its minimum, a missing
// required key, and misspelt and unknown keys; plus a valid policy through every node. Each case
// knows where its problem must be reported (the line and column of the token). Used by
// broken-policies.test.ts (the loader and the built CLI) and schema-agrees.test.ts (the loader
// against policy.schema.json as an editor reads it).
import type { JsonSchema } from '../../src/rule.ts';

export interface PolicyCase {
  name: string;
  text: string;
  /** null: a valid policy. Else where the problem is, and words its message must hold. */
  problem: { line: number; col: number; says: string } | null;
}

/** A value whose position is the one the problem must be reported at (written inline, as JSON). */
class Mark {
  constructor(readonly value: unknown) {}
}
/** A key whose position is the one the problem must be reported at. */
const KEY = '\u0001';

const mark = (value: unknown): Mark => new Mark(value);

// ---- YAML writer (block style; a marked value inline as JSON, which is YAML too) ----

interface Out {
  lines: string[];
  at?: { line: number; col: number };
}

const isCollection = (v: unknown): v is object => v !== null && typeof v === 'object' && !(v instanceof Mark) && Object.keys(v).length > 0;

function inline(v: unknown): string {
  return JSON.stringify(v instanceof Mark ? v.value : v);
}

function keyText(key: string): string {
  return /^[A-Za-z0-9][\w./-]*$/.test(key) ? key : JSON.stringify(key);
}

function writeMap(map: Record<string, unknown>, indent: number, out: Out): void {
  for (const [raw, value] of Object.entries(map)) {
    const key = keyText(raw.startsWith(KEY) ? raw.slice(1) : raw);
    if (raw.startsWith(KEY)) out.at = { line: out.lines.length + 1, col: indent + 1 };
    if (value instanceof Mark) out.at = { line: out.lines.length + 1, col: indent + key.length + 3 };
    if (!isCollection(value)) {
      out.lines.push(`${' '.repeat(indent)}${key}: ${inline(value)}`);
      continue;
    }
    out.lines.push(`${' '.repeat(indent)}${key}:`);
    write(value, indent + 2, out);
  }
}

function writeSeq(seq: unknown[], indent: number, out: Out): void {
  for (const item of seq) {
    if (item instanceof Mark) out.at = { line: out.lines.length + 1, col: indent + 3 };
    if (!isCollection(item)) {
      out.lines.push(`${' '.repeat(indent)}- ${inline(item)}`);
      continue;
    }
    out.lines.push(`${' '.repeat(indent)}-`);
    write(item, indent + 2, out);
  }
}

function write(value: object, indent: number, out: Out): void {
  if (Array.isArray(value)) writeSeq(value, indent, out);
  else writeMap(value as Record<string, unknown>, indent, out);
}

export function toYaml(doc: Record<string, unknown>): { text: string; at?: { line: number; col: number } } {
  const out: Out = { lines: [] };
  write(doc, 0, out);
  return { text: `${out.lines.join('\n')}\n`, at: out.at };
}

// ---- values from the schema ----

/** Strings tried, in order, for a string with a pattern (the first that matches is the sample). */
const STRING_SAMPLES = ['sample', 'abcdef012345', '@alice', 'Sample-key'];

/** The object branch of a severity-or-options rule entry, or the long form of a core module. */
function branches(node: JsonSchema): JsonSchema[] {
  if (node.if === undefined) return [node];
  return [node.then as JsonSchema, node.else as JsonSchema];
}

const props = (node: JsonSchema): Record<string, JsonSchema> => (node.properties ?? {}) as Record<string, JsonSchema>;

/** A valid value of `node`, as small as the schema allows (its default when it has one). */
export function sample(node: JsonSchema): unknown {
  if (node.if !== undefined) return sample(node.then as JsonSchema);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) return node.enum[0];
  if ('default' in node) return structuredClone(node.default);
  switch (node.type) {
    case 'integer':
    case 'number':
      return Math.max(1, Number(node.minimum ?? 1));
    case 'boolean':
      return true;
    case 'string': {
      const pattern = typeof node.pattern === 'string' ? new RegExp(node.pattern) : undefined;
      return STRING_SAMPLES.find((s) => !pattern || pattern.test(s)) ?? 'sample';
    }
    case 'array': {
      const items = node.items as JsonSchema | undefined;
      return items && Number(node.minItems ?? 0) > 0 ? [sample(items)] : [];
    }
    default: {
      const out: Record<string, unknown> = {};
      for (const key of (node.required ?? []) as string[]) out[key] = sample(props(node)[key]!);
      return out;
    }
  }
}

/** A valid value with every optional key written out too (lists with one item). */
export function sampleFull(node: JsonSchema): unknown {
  const object = branches(node).find((b) => b.type === 'object' && b.properties !== undefined);
  if (object) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(props(object))) out[key] = sampleFull(child);
    return out;
  }
  const list = branches(node).find((b) => b.type === 'array' && b.items !== undefined);
  if (list && !('default' in list && Array.isArray(list.default) && list.default.length > 0)) return [sampleFull(list.items as JsonSchema)];
  return sample(node);
}

function typo(word: string): string {
  // One letter dropped near the end: close enough for a "did you mean".
  return word.length > 4 ? `${word.slice(0, -2)}${word.slice(-1)}` : `${word}x`;
}

interface Mutation {
  value: unknown;
  says: string;
}


/** Wrong values of a node that is not an object with properties. */
function leafMutations(node: JsonSchema, where: string): Mutation[] {
  const out: Mutation[] = [];
  if ('const' in node) out.push({ value: mark(2), says: `${where} must be ${JSON.stringify(node.const)}` });
  if (Array.isArray(node.enum)) {
    const first = String(node.enum[0]);
    out.push({ value: mark('nonsense-value'), says: `${where} must be one of` });
    out.push({ value: mark(typo(first)), says: `— did you mean "${first}"?` });
    if (node.type === undefined) out.push({ value: mark(42), says: `${where} must be one of` });
  }
  switch (node.type) {
    case 'integer':
      out.push({ value: mark('lots'), says: `${where} must be an integer, not the text "lots"` });
      out.push({ value: mark(1.5), says: `${where} must be an integer (a whole number), not 1.5` });
      if (typeof node.minimum === 'number') out.push({ value: mark(node.minimum - 1), says: `${where} must be ${node.minimum} or more` });
      break;
    case 'boolean':
      out.push({ value: mark('maybe'), says: `${where} must be a boolean: write true or false` });
      out.push({ value: mark('yes'), says: `${where} must be a boolean, not the text "yes": write true` });
      break;
    case 'string':
      // Beside an enum, the enum says what to write.
      out.push({ value: mark(42), says: Array.isArray(node.enum) ? `${where} must be one of` : `${where} must be a string, not 42` });
      out.push({ value: mark(['x']), says: Array.isArray(node.enum) ? `${where} must be one of` : `${where} must be a string` });
      if (Number(node.minLength ?? 0) > 0) out.push({ value: mark(''), says: Number(node.minLength) === 1 ? `${where} must not be empty` : `${where} ` });
      if (typeof node.pattern === 'string') out.push({ value: mark('Not valid!'), says: `${where} must ` });
      break;
    case 'array': {
      out.push({ value: mark(42), says: `${where} must be an array, not a single value` });
      out.push({ value: mark({ a: 1 }), says: `${where} must be an array, not a mapping` });
      if (Number(node.minItems ?? 0) > 0) out.push({ value: mark([]), says: `${where} must list at least ${String(node.minItems)} value` });
      const items = node.items as JsonSchema | undefined;
      if (items) for (const m of mutations(items, `${where}.0`)) out.push({ value: [m.value], says: m.says });
      break;
    }
  }
  return out;
}

/**
 * Every mutation of `node` (a whole valid value around one mistake), `where` being the dotted
 * path prguard's messages name it by.
 */
export function mutations(node: JsonSchema, where: string): Mutation[] {
  if (node.if !== undefined) {
    // A rule entry (a severity, else options) or a core module (its { paths, owners }, else globs):
    // each branch's mistakes that the `if` sends to it.
    const [then, otherwise] = branches(node) as [JsonSchema, JsonSchema];
    const test = (node.if as JsonSchema).type;
    const takesThen = (v: unknown): boolean => {
      const raw = v instanceof Mark ? v.value : v;
      return test === 'string' ? typeof raw === 'string' : raw !== null && typeof raw === 'object' && !Array.isArray(raw);
    };
    return [...mutations(then, where).filter((m) => takesThen(m.value)), ...mutations(otherwise, where).filter((m) => !takesThen(m.value))];
  }
  if (node.type !== 'object') return leafMutations(node, where);
  const base = sample(node) as Record<string, unknown>;
  const inside = where === '' ? '' : `${where}.`;
  const out: Mutation[] = [
    { value: mark(42), says: `${where || 'policy'} must be an object` },
    { value: mark(['x']), says: `${where || 'policy'} must be an object, not a list` },
  ];
  for (const key of (node.required ?? []) as string[]) {
    const { [key]: _gone, ...rest } = base;
    if (where !== '') out.push({ value: mark(rest), says: `${where} is missing the required key "${key}"` });
  }
  const properties = props(node);
  const names = Object.keys(properties);
  const isRuleMap = where === 'rules' || /^overrides\.\d+\.rules$/.test(where);
  const unknown = isRuleMap ? 'unknown rule' : where === '' ? 'unknown top-level key' : `unknown option under ${where}`;
  if (names.length > 0) {
    const first = names.find((n) => n.length > 3) ?? names[0]!;
    out.push({ value: { ...base, [KEY + typo(first)]: sample(properties[first]!) }, says: `${unknown}: "${typo(first)}" — did you mean "${first}"?`.replace(/^unknown rule: /, 'unknown rule ') });
  }
  // A map of names (core modules) takes any key.
  if (typeof node.additionalProperties !== 'object') out.push({ value: { ...base, [`${KEY}zz-unheard-of`]: 1 }, says: `${unknown}: "zz-unheard-of"`.replace(/^unknown rule: /, 'unknown rule ') });
  for (const [key, child] of Object.entries(properties)) {
    for (const m of mutations(child, `${inside}${key}`)) out.push({ value: { ...base, [key]: m.value }, says: m.says });
  }
  const additional = node.additionalProperties;
  if (typeof additional === 'object') {
    for (const m of mutations(additional as JsonSchema, `${inside}module-a`)) out.push({ value: { ...base, 'module-a': m.value }, says: m.says });
  }
  return out;
}

/** The generated cases: every mutation of the policy schema, and valid policies through every node. */
export function generatedPolicies(schema: JsonSchema): PolicyCase[] {
  const cases: PolicyCase[] = [];
  for (const m of mutations(schema, '')) {
    if (m.value instanceof Mark) continue; // the top level itself: written by hand (null, a list, a number)
    const { text, at } = toYaml(m.value as Record<string, unknown>);
    if (!at) throw new Error(`no marked token in ${text}`);
    cases.push({ name: m.says, text, problem: { ...at, says: m.says } });
  }
  const full = sampleFull(schema) as Record<string, unknown>;
  cases.push({ name: 'every key written, valid', text: toYaml(full).text, problem: null });
  for (const [key, value] of Object.entries(full)) {
    cases.push({ name: `only ${key}, valid`, text: toYaml({ version: 1, [key]: value }).text, problem: null });
  }
  return cases;
}
