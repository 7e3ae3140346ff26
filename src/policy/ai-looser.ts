// `ai:` blocks that loosen their rule. An `ai:` block is meant to be stricter for AI-assisted
// changes, and its options replace the rule's own (lists included), so `max-lines: 5000` against
// 300, `severity: off`, or a `paths` list that leaves out the rule's entries gives AI-assisted
// changes less checking than the others: most likely a mistake. Each is a policy note at the
// `ai:` key's `file:line:col` (a team may mean it: never an error, no verdict changes). Pure.
import type { SeveritySetting } from '../model.ts';
import type { AnyRule } from '../rule.ts';
import { locate } from './load.ts';
import { overrideLabel } from './overrides.ts';
import type { KeyPath } from './positions.ts';
import type { ResolvedPolicy } from './resolve.ts';
import { defaultOptions } from './resolve.ts';
import { loosenings, type Loosening } from './stricter.ts';
import { parseYaml } from './yaml.ts';

export interface AiLoosening {
  /** Where in the policy: the `ai:` key, or the entry of its list, that loosens. */
  path: KeyPath;
  message: string;
}

interface Block {
  rule: AnyRule;
  /** The `ai:` block as written. */
  ai: Record<string, unknown>;
  /** Where it is: ['rules', id, 'ai'] or ['overrides', i, 'rules', id, 'ai']. */
  where: KeyPath;
  /** The severity and options it replaces: what the other changes get. */
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

function compare(rule: AnyRule, key: string, ai: unknown, base: unknown): Loosening[] {
  if (key === 'severity') return loosenings('severity', 'severity', undefined, ai, base);
  return loosenings(key, rule.meta.stricter?.[key] ?? 'none', rule.meta.schema.properties[key], ai, base);
}

/** The keys of `ai` to compare: its severity, and its options while the rule runs for both. */
function comparedKeys(ai: Record<string, unknown>, severity: SeveritySetting): string[] {
  const aiSeverity = (ai.severity as SeveritySetting | undefined) ?? severity;
  // A rule off for the others, or turned off by the ai: block: its other options decide nothing.
  if (severity === 'off' || aiSeverity === 'off') return 'severity' in ai ? ['severity'] : [];
  return Object.keys(ai);
}

function blockLoosenings(block: Block): AiLoosening[] {
  const out: AiLoosening[] = [];
  for (const key of comparedKeys(block.ai, block.severity)) {
    const base = key === 'severity' ? block.severity : block.options[key];
    for (const l of compare(block.rule, key, block.ai[key], base)) {
      const path = [...block.where, key];
      out.push({
        path: [...path, ...l.at],
        message:
          `${[...path, ...l.at].join('.')}: AI-assisted changes get ${l.what}; ai: options replace the rule's own` +
          `${Array.isArray(base) ? ', lists included' : ''}, so ${l.fix}, or leave ${key} out of ai:`,
      });
    }
  }
  return out;
}

/**
 * On an override's files, an option or severity the override sets gives way, for AI-assisted
 * changes, to the rule's own `ai:` block (src/policy/overrides.ts): looser there when the
 * override is the stricter one.
 */
function inheritedLoosenings(policy: ResolvedPolicy, rule: AnyRule, index: number): AiLoosening[] {
  const id = rule.meta.id;
  const entry = policy.rules[id];
  const over = policy.overrides![index]!.rules[id]!;
  if (!entry || over.severity === 'off') return [];
  const severity = over.severity ?? entry.severity;
  const set: Record<string, unknown> = { ...over.options, ...(over.severity !== undefined ? { severity: over.severity } : {}) };
  const inherited = Object.fromEntries(Object.entries(entry.aiOptions).filter(([key]) => key in set && !(key in over.aiOptions)));
  const options = { ...entry.options, ...over.options };
  const label = overrideLabel(policy.overrides!, index);
  const out: AiLoosening[] = [];
  for (const key of comparedKeys({ ...over.aiOptions, ...inherited }, severity)) {
    if (!(key in inherited)) continue;
    for (const l of compare(rule, key, inherited[key], key === 'severity' ? severity : options[key])) {
      const path = ['rules', id, 'ai', key];
      out.push({
        path,
        message:
          `${path.join('.')}: on the files of ${label}, AI-assisted changes get ${l.what.replace('for the others', `that the override sets for the others`)}; ` +
          `for AI-assisted changes an override's options give way to the rule's ai: block, so give the override an ai: block with ${key} (${l.fix})`,
      });
    }
  }
  return out;
}

/** Every `ai:` value of the policy looser than the value it replaces, in the policy's order. */
export function aiLoosenings(policy: ResolvedPolicy, rules: readonly AnyRule[]): AiLoosening[] {
  const out: AiLoosening[] = [];
  for (const rule of rules) {
    const entry = policy.rules[rule.meta.id];
    if (!entry || Object.keys(entry.aiOptions).length === 0) continue;
    out.push(...blockLoosenings({ rule, ai: entry.aiOptions, where: ['rules', rule.meta.id, 'ai'], severity: entry.severity, options: entry.options }));
  }
  (policy.overrides ?? []).forEach((o, i) => {
    for (const rule of rules) {
      const id = rule.meta.id;
      const over = o.rules[id];
      if (!over) continue;
      const entry = policy.rules[id];
      const severity = over.severity ?? entry?.severity ?? rule.meta.defaultSeverity;
      const options = { ...(entry?.options ?? defaultOptions(rule)), ...over.options };
      if (Object.keys(over.aiOptions).length > 0) {
        out.push(...blockLoosenings({ rule, ai: over.aiOptions, where: ['overrides', i, 'rules', id, 'ai'], severity, options }));
      }
      out.push(...inheritedLoosenings(policy, rule, i));
    }
  });
  return out;
}

/**
 * The policy notes for `aiLoosenings`, each at its `file:line:col` in `text` (parsed again only
 * when there is one to place), in the file's order.
 */
export function aiLooserNotes(policy: ResolvedPolicy, rules: readonly AnyRule[], text: string, file: string): string[] {
  const found = aiLoosenings(policy, rules);
  if (found.length === 0) return [];
  const { doc, lineCounter } = parseYaml(text);
  const placed = found.map((l) => ({ ...lineCounter.linePos(locate(doc, [...l.path], true)), message: l.message }));
  placed.sort((a, b) => a.line - b.line || a.col - b.col);
  return [...new Set(placed.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`))];
}
