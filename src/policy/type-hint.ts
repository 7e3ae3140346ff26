// What to write instead, for a value of the wrong type: the mistakes a lead makes in YAML (a glob
// where a list goes, `yes` for a boolean, a quoted number, a severity where `ai:` wants a mapping).
// Returns the text to append to "<key> must be <type>", or '' when there is nothing more to say.
import type { JsonSchema } from '../rule.ts';

/** Text the file holds, quoted in a message: cut short, so that a 5 MB value is not a 5 MB line. */
const MAX_QUOTED = 80;

export function cut(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

export function quoted(value: unknown): string {
  // NaN and Infinity (YAML's .nan, .inf, 1e400): JSON.stringify would show them as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? JSON.stringify(cut(value)) : cut(JSON.stringify(value) ?? String(value));
}

/** YAML 1.1's booleans, which YAML 1.2 (and so prguard) reads as text. */
const YAML11_BOOLEANS: Record<string, boolean> = { yes: true, y: true, on: true, true: true, no: false, n: false, off: false, false: false };

const SEVERITY = /^(error|warning|notice|off)$/;

/** The schema node an ajv error's `schemaPath` (`#/properties/…/type`) names the keyword of. */
export function schemaOf(schema: JsonSchema, schemaPath: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const seg of schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node !== null && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/** `value` as the one entry an object schema requires (`{ pattern: "/src/auth/" }`), when it has one. */
function asEntry(node: JsonSchema | undefined, value: unknown): string | undefined {
  const required = node?.required as string[] | undefined;
  const props = node?.properties as Record<string, JsonSchema> | undefined;
  if (typeof value !== 'string' || required?.length !== 1 || props?.[required[0]!]?.type !== 'string') return undefined;
  return `{ ${required[0]!}: ${quoted(value)} }`;
}

/** Whether a list item of schema `items` may be `value` itself. */
function itemMayBe(items: JsonSchema | undefined, value: unknown): boolean {
  if (items === undefined) return true;
  if (Array.isArray(items.enum)) return (items.enum as unknown[]).includes(value);
  return items.type === typeof value || (items.type === 'integer' && Number.isInteger(value));
}

export function typeHint(expected: string, written: unknown, key: string | number | undefined, node?: JsonSchema): string {
  const text = typeof written === 'string' ? written.trim() : undefined;
  if (expected === 'array' && written !== null && typeof written !== 'object') {
    const items = node?.items as JsonSchema | undefined;
    if (itemMayBe(items, written)) return `, not a single value: write it as a list, [${quoted(written)}]`;
    const entry = asEntry(items, written);
    return entry === undefined ? ', not a single value' : `, not a single value: write it as a list of entries, [${entry}]`;
  }
  if (expected === 'array' && written !== null && typeof written === 'object' && !Array.isArray(written)) {
    return ', not a mapping: write each entry on a line of its own that starts with "- "';
  }
  if (expected === 'object' && asEntry(node, written) !== undefined) return `, not a single value: write ${asEntry(node, written)!}`;
  if (expected === 'boolean' && text !== undefined) {
    const meant = YAML11_BOOLEANS[text.toLowerCase()];
    if (meant !== undefined) return `, not the text ${quoted(written)}: write ${String(meant)}${text === String(meant) ? ' without quotes' : ''}`;
    return ': write true or false';
  }
  if ((expected === 'integer' || expected === 'number') && text !== undefined && text !== '' && Number.isFinite(Number(text))) {
    return `, not the text ${quoted(written)}: write ${cut(text)} without quotes`;
  }
  if ((expected === 'integer' || expected === 'number') && typeof written === 'string') return `, not the text ${quoted(written)}`;
  if ((expected === 'integer' || expected === 'number') && typeof written === 'number' && !Number.isFinite(written)) {
    return `, not ${String(written)} (YAML reads .inf, .nan and a number too large for a double so): write a finite number`;
  }
  if (expected === 'integer' && typeof written === 'number') return ` (a whole number), not ${String(written)}`;
  if (expected === 'object' && key === 'ai' && text !== undefined && SEVERITY.test(text)) {
    return `, not a severity: write ai: { severity: ${text} }`;
  }
  if (expected === 'object' && Array.isArray(written)) return ', not a list: write key: value lines (or { key: value }), with no "- " in front';
  if (expected === 'object' && written !== null && typeof written !== 'object') return ' (key: value lines, or { key: value })';
  if (expected === 'string' && (typeof written === 'number' || typeof written === 'boolean')) {
    return `, not ${String(written)}: write it in quotes, "${String(written)}"`;
  }
  return '';
}

/** `version:` holds the number 1, the only policy format version. */
export function versionHint(written: unknown): string {
  if (typeof written === 'string' && written.trim() === '1') return `, the number, not the text ${quoted(written)}: write version: 1 without quotes`;
  return written === undefined || written === null ? '' : `, not ${quoted(written)}: 1 is the only policy format version`;
}
