// The resolved policy as a lead reads it: every rule, whether it runs, its severity and effective
// options, its `ai:` overrides, and where each value came from (a default, the preset, or the
// file's own line). Pure: `policy print` formats it, tests read it.
import type { SeveritySetting } from '../model.ts';
import type { AnyRule } from '../rule.ts';
import { DEFAULT_POLICY_CONFIG } from './default.ts';
import { DEFAULT_TESTS_DIR } from './fixtures.ts';
import type { PolicyConfig } from './load.ts';
import { keyPositions, type KeyPath, type Positions } from './positions.ts';
import { resolvePolicy, type ResolvedPolicy } from './resolve.ts';
import { resolveText } from './text.ts';

export interface DescribedValue {
  key: string;
  value: unknown;
  /** `default` (the rule's), `extends: recommended`, or `file:line`. */
  from: string;
}

export interface DescribedRule {
  id: string;
  runs: boolean;
  severity: SeveritySetting;
  severityFrom: string;
  options: DescribedValue[];
  /** The `ai:` block: what changes when the change is AI-assisted. */
  ai: DescribedValue[];
}

export interface DescribedOverride {
  files: string[];
  /** Where the override starts: `file:line`. */
  from: string;
  rules: { id: string; severity?: SeveritySetting; options: DescribedValue[]; ai: DescribedValue[] }[];
}

export interface DescribedPolicy {
  /** The file as the user named it, or null for the embedded default. */
  file: string | null;
  extends: 'recommended' | null;
  core: DescribedValue[];
  /** Owners the policy names for a core module; the other modules' owners come from CODEOWNERS. */
  owners: DescribedValue[];
  /** Who may waive which rules' findings with `/prguard waive`; `by` empty: nobody. */
  waivers: { by: string[]; rules: string[]; from: string };
  /** Whether committed suggestions of AI review bots make a change AI-assisted (`provenance:`). */
  provenance: { reviewSuggestions: boolean; from: string };
  /** The directory `prguard policy test` reads (`tests:`). */
  tests: { dir: string; from: string };
  rules: DescribedRule[];
  /** Per-directory overrides, in the order they apply. */
  overrides: DescribedOverride[];
  notes: string[];
  resolved: ResolvedPolicy;
}

const NOT_LISTED = 'not listed, and no "extends: recommended"';
const OPT_IN = 'not listed: opt-in, "extends: recommended" leaves it off';

export function describePolicy(text: string | null, file: string | null, rules: readonly AnyRule[]): DescribedPolicy {
  const { config, policy: resolved }: { config: PolicyConfig; policy: ResolvedPolicy } =
    text === null ? { config: DEFAULT_POLICY_CONFIG, policy: resolvePolicy(DEFAULT_POLICY_CONFIG, file, rules) } : resolveText(text, file, rules);
  const positions: Positions = text === null ? { lineOf: () => undefined } : keyPositions(text);
  const at = (path: KeyPath, otherwise: string): string => {
    const line = positions.lineOf(path);
    return line === undefined || file === null ? otherwise : `${file}:${line}`;
  };
  const recommended = config.extends === 'recommended';
  const described: DescribedRule[] = rules.map((rule) => {
    const id = rule.meta.id;
    const entry = resolved.rules[id];
    if (!entry) {
      const why = recommended && rule.meta.optIn ? OPT_IN : NOT_LISTED;
      return { id, runs: false, severity: 'off', severityFrom: why, options: [], ai: [] };
    }
    const written = config.rules?.[id];
    const base: KeyPath = ['rules', id];
    const severityFrom =
      typeof written === 'string'
        ? at(base, 'default')
        : written && 'severity' in written
          ? at([...base, 'severity'], 'default')
          : written === undefined
            ? 'extends: recommended'
            : 'default';
    const options = Object.entries(entry.options).map(([key, value]) => ({
      key,
      value,
      from: typeof written === 'object' && written !== null && key in written ? at([...base, key], 'default') : 'default',
    }));
    const ai = Object.entries(entry.aiOptions).map(([key, value]) => ({ key, value, from: at([...base, 'ai', key], 'default') }));
    return { id, runs: entry.severity !== 'off', severity: entry.severity, severityFrom, options, ai };
  });
  const core = Object.entries(resolved.core).map(([key, value]) => ({ key, value, from: at(['core', key], 'default') }));
  const owners = Object.entries(resolved.coreOwners ?? {}).map(([key, value]) => ({ key, value, from: at(['core', key, 'owners'], 'default') }));
  const waivers = { by: resolved.waivers?.by ?? [], rules: resolved.waivers?.rules ?? [], from: at(['waivers'], 'default') };
  const provenance = { reviewSuggestions: resolved.provenance.reviewSuggestions, from: at(['provenance', 'review-suggestions'], 'default') };
  const tests = { dir: resolved.tests ?? DEFAULT_TESTS_DIR, from: at(['tests'], 'default') };
  const overrides = (resolved.overrides ?? []).map((o, i): DescribedOverride => ({
    files: o.files,
    from: at(['overrides', i], 'default'),
    rules: Object.entries(o.rules).map(([id, r]) => {
      const base: KeyPath = ['overrides', i, 'rules', id];
      return {
        id,
        ...(r.severity !== undefined ? { severity: r.severity } : {}),
        options: Object.entries(r.options).map(([key, value]) => ({ key, value, from: at([...base, key], 'default') })),
        ai: Object.entries(r.aiOptions).map(([key, value]) => ({ key, value, from: at([...base, 'ai', key], 'default') })),
      };
    }),
  }));
  return {
    file,
    extends: recommended ? 'recommended' : null,
    core,
    owners,
    waivers,
    provenance,
    tests,
    rules: described,
    overrides,
    notes: [...(resolved.notes ?? [])],
    resolved,
  };
}
