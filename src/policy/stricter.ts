// Which of two values of one option is stricter, by the direction its rule declares
// (RuleMeta.stricter): what an `ai:` value gives away against the value it replaces. Pure.
import type { SeveritySetting } from '../model.ts';
import type { JsonSchema, Stricter } from '../rule.ts';

/** One way an `ai:` value is looser than the value it replaces. */
export interface Loosening {
  /** Where inside the `ai:` value (e.g. [2, 'allow-labels'] for an entry of a list); [] the value itself. */
  at: (string | number)[];
  /** "max-lines 5000, looser than 400 for the others (a lower number is stricter)". */
  what: string;
  /** What to write in the `ai:` block instead: "write 400 or less". */
  fix: string;
}

/** Stricter first. */
export const SEVERITY_ORDER: readonly SeveritySetting[] = ['error', 'warning', 'notice', 'off'];

/** How many dropped or added entries a message names. */
const NAMED = 3;

export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A named entry is shown up to this many characters (a glob can be long). */
const ENTRY_CHARS = 80;

function firstFew(items: readonly string[]): string {
  const shown = items
    .slice(0, NAMED)
    .map((item) => (item.length > ENTRY_CHARS ? `${item.slice(0, ENTRY_CHARS - 1)}…` : item))
    .join(', ');
  return items.length > NAMED ? `${shown} and ${items.length - NAMED} more` : shown;
}

/** Equal as JSON data, whatever the order of an object's keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function missing(from: readonly unknown[], of: readonly unknown[]): unknown[] {
  const have = new Set(from.map(canonical));
  const seen = new Set<string>();
  return of.filter((v) => {
    const key = canonical(v);
    if (have.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const properties = (schema: JsonSchema | undefined): Record<string, JsonSchema> =>
  (schema?.properties as Record<string, JsonSchema> | undefined) ?? {};

/** The value of `key` in an object option as the rule reads it: written, else the key's default. */
function field(object: unknown, key: string, schema: JsonSchema | undefined): unknown {
  const written = (object as Record<string, unknown> | undefined)?.[key];
  if (written !== undefined) return written;
  const own = properties(schema)[key];
  if (own && 'default' in own) return own.default;
  return (schema?.default as Record<string, unknown> | undefined)?.[key];
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * How `ai` is looser than `base` for an option named `name` whose direction is `direction` and
 * schema `schema`; [] when it is as strict or stricter, or the option has no order.
 */
export function loosenings(name: string, direction: Stricter, schema: JsonSchema | undefined, ai: unknown, base: unknown): Loosening[] {
  if (canonical(ai) === canonical(base)) return [];
  const than = `looser than ${show(base)} for the others`;
  const at: (string | number)[] = [];
  if (typeof direction === 'object') {
    if ('rank' in direction) {
      const a = direction.rank[String(ai)];
      const b = direction.rank[String(base)];
      if (a === undefined || b === undefined || a >= b) return [];
      const stricter = Object.keys(direction.rank).filter((v) => direction.rank[v]! >= b);
      return [{ at, what: `${name} ${show(ai)}, ${than}`, fix: `write ${stricter.map(show).join(' or ')}` }];
    }
    if ('properties' in direction) {
      return Object.entries(direction.properties).flatMap(([key, d]) =>
        loosenings(`${name}.${key}`, d, properties(schema)[key], field(ai, key, schema), field(base, key, schema)).map((l) => ({ ...l, at: [key, ...l.at] })),
      );
    }
    return keyedLoosenings(name, direction, schema, listOf(ai), listOf(base));
  }
  switch (direction) {
    case 'lower':
    case 'higher': {
      if (typeof ai !== 'number' || typeof base !== 'number') return [];
      const lower = direction === 'lower';
      if (lower ? ai <= base : ai >= base) return [];
      return [{ at, what: `${name} ${ai}, ${than} (a ${direction} number is stricter)`, fix: `write ${base} or ${lower ? 'less' : 'more'}` }];
    }
    case 'true':
    case 'false':
      if (typeof ai !== 'boolean' || String(ai) === direction) return [];
      return [{ at, what: `${name} ${ai}, ${than}`, fix: `write ${base}` }];
    case 'severity': {
      const a = SEVERITY_ORDER.indexOf(ai as SeveritySetting);
      const b = SEVERITY_ORDER.indexOf(base as SeveritySetting);
      if (a < 0 || b < 0 || a <= b) return [];
      const stricter = SEVERITY_ORDER.slice(0, b + 1).join(' or ');
      return [{ at, what: `${name} ${ai}, looser than ${base} for the others (error > warning > notice > off)`, fix: `write ${stricter}` }];
    }
    case 'empty':
    case 'nonempty': {
      const unset = (v: unknown) => v === '' || v === undefined;
      if (direction === 'empty' ? !unset(base) || unset(ai) : unset(base) || !unset(ai)) return [];
      const why = direction === 'empty' ? 'none is stricter' : 'naming one is stricter';
      return [{ at, what: `${name} ${show(ai ?? '')}, ${than} (${why})`, fix: `write ${show(base)}` }];
    }
    case 'superset': {
      const dropped = missing(listOf(ai), listOf(base));
      if (dropped.length === 0) return [];
      return [dropping(name, dropped.map(show), listOf(base).length)];
    }
    case 'subset': {
      const added = missing(listOf(base), listOf(ai));
      if (added.length === 0) return [];
      return [
        {
          at,
          what: `${name} with ${count(added.length, 'entry', 'entries')} the others do not have: ${firstFew(added.map(show))} (fewer entries are stricter)`,
          fix: `leave ${added.length === 1 ? 'it' : 'them'} out of the ai: list`,
        },
      ];
    }
    case 'none':
      return [];
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function dropping(name: string, dropped: readonly string[], of: number): Loosening {
  return {
    at: [],
    what: `${name} without ${dropped.length} of the ${count(of, 'entry', 'entries')} the others have: ${firstFew(dropped)}`,
    fix: `repeat the rule's ${of === 1 ? 'entry' : 'entries'} in the ai: list, then add what AI-assisted changes need`,
  };
}

type Keyed = Extract<Stricter, { superset: string }>;

/**
 * A list of entries named by their `key` field: dropping an entry loosens (dropping an
 * exception does not, adding one does), and an entry kept under its name is compared field by field.
 */
function keyedLoosenings(name: string, direction: Keyed, schema: JsonSchema | undefined, ai: unknown[], base: unknown[]): Loosening[] {
  const item = schema?.items as JsonSchema | undefined;
  const keyOf = (entry: unknown) => String((entry as Record<string, unknown> | null)?.[direction.superset]);
  const isException = (entry: unknown) =>
    Object.entries(direction.exceptions ?? {}).some(([k, v]) => canonical(field(entry, k, item)) === canonical(v));
  const aiByKey = new Map<string, number>();
  ai.forEach((entry, i) => aiByKey.set(keyOf(entry), i));
  const out: Loosening[] = [];
  const dropped = base.filter((entry) => !isException(entry) && !aiByKey.has(keyOf(entry))).map((entry) => keyOf(entry));
  const droppedNames = [...new Set(dropped)];
  if (droppedNames.length > 0) out.push(dropping(name, droppedNames.map(show), base.filter((e) => !isException(e)).length));
  const baseByKey = new Map<string, unknown>();
  for (const entry of base) baseByKey.set(keyOf(entry), entry);
  ai.forEach((entry, i) => {
    const before = baseByKey.get(keyOf(entry));
    const label = `${name} entry ${show(keyOf(entry))}`;
    if (before === undefined) {
      if (isException(entry)) {
        const which = Object.entries(direction.exceptions ?? {}).map(([k, v]) => `${k}: ${show(v)}`).join(', ');
        out.push({ at: [i], what: `${label}, an exception (${which}) the others do not have`, fix: 'leave it out of the ai: list' });
      }
      return;
    }
    for (const [key, d] of Object.entries(direction.items)) {
      for (const l of loosenings(`${label} ${key}`, d, properties(item)[key], field(entry, key, item), field(before, key, item))) {
        out.push({ ...l, at: [i, key, ...l.at] });
      }
    }
  });
  return out;
}
