// The starter `.github/prguard.yml` that `prguard init` writes: every rule shown at its default
// severity, its options commented out with their defaults, and the guideline's "core" modules as
// commented-out examples to fill in (live example globs would judge real files by made-up paths). Generated from the rule registry, so it cannot fall behind the rules.
import { stringify } from 'yaml';
import type { JsonSchema, RuleMeta } from '../rule.ts';

export type StarterRule = Pick<RuleMeta, 'id' | 'description' | 'defaultSeverity' | 'schema'>;

/** The guideline's core areas (GUIDELINE.md §1), with example globs to replace. */
export const CORE_EXAMPLES: { name: string; what: string; globs: string[] }[] = [
  { name: 'auth', what: 'authentication and authorisation', globs: ['src/auth/**'] },
  { name: 'billing', what: 'payments and billing', globs: ['src/billing/**', 'src/payments/**'] },
  { name: 'orchestration', what: 'orchestrators, job runners', globs: ['src/orchestrator/**'] },
  { name: 'framework', what: 'shared frameworks and libraries', globs: ['src/lib/**'] },
  { name: 'domain', what: 'the domain model', globs: ['src/domain/**'] },
  { name: 'public-api', what: 'public APIs', globs: ['src/api/**', 'openapi.yaml'] },
  { name: 'schema', what: 'data schemas and migrations', globs: ['db/migrations/**', '**/*.sql'] },
];

function commentBlock(text: string, indent: string): string[] {
  return text.split('\n').map((line) => `${indent}# ${line}`.trimEnd());
}

/** `key: value` (flow style on one line when it fits, else a block), every line commented. */
function commentedOption(key: string, prop: JsonSchema, indent: string): string[] {
  const out: string[] = [];
  if (typeof prop.description === 'string') out.push(...commentBlock(prop.description, indent));
  const value = stringify({ [key]: prop.default }, { lineWidth: 0 }).trimEnd();
  const flow = stringify({ [key]: prop.default }, { collectionStyle: 'flow', lineWidth: 0 }).trim();
  const oneLine = flow.replace(/^\{ ?| ?}$/g, '');
  out.push(...commentBlock(oneLine.length <= 90 ? oneLine : value, indent));
  return out;
}

/** Live lines written under a rule's entry, after its commented options (by rule id). */
export type StarterExtras = Record<string, string[]>;

/**
 * protected-paths: the policy and the workflows unlock with one label, so a policy edit is a
 * reviewed pull request, not a circular "make this change in a separate pull request".
 */
export function policyLabelEntries(label: string, policyFile: string): StarterExtras {
  return {
    'protected-paths': [
      `    # The policy and the CI workflows are always protected. With these entries a maintainer who has`,
      `    # reviewed such a change unlocks it with the label ${label} on the pull request; remove them to`,
      '    # require a separate pull request by the owners instead.',
      '    paths:',
      `      - pattern: /${policyFile}`,
      `        reason: it is the prguard policy, and changing it changes what every check enforces`,
      `        allow-labels: [${label}]`,
      '      - pattern: /.github/workflows/',
      `        reason: CI workflows run with the repository's secrets and decide which checks run at all`,
      `        allow-labels: [${label}]`,
    ],
  };
}

export function starterPolicy(rules: readonly StarterRule[], schemaUrl: string, extras: StarterExtras = {}): string {
  const lines: string[] = [
    `# yaml-language-server: $schema=${schemaUrl}`,
    '# prguard policy: what a pull request must satisfy before it is merged.',
    '# Each rule: `severity: error | warning | notice | off` plus its options; `ai:` holds overrides',
    '# that apply only when the change is AI-assisted. `prguard explain <rule>` documents each rule.',
    'version: 1',
    'extends: recommended',
    '',
    '# The guideline\'s "core" modules: code whose changes need line-by-line human review.',
    '# Everything else is a leaf. These globs are examples, commented out: uncomment `core:` and',
    '# the modules that fit, with your own paths (`prguard policy print` shows what is in force).',
    '# core:',
  ];
  for (const core of CORE_EXAMPLES) {
    lines.push(`#   ${core.name}: [${core.globs.map((g) => JSON.stringify(g)).join(', ')}]   # ${core.what}`);
  }
  lines.push('', rules.length > 0 ? 'rules:' : 'rules: {}');
  rules.forEach((rule, i) => {
    if (i > 0) lines.push('');
    lines.push(`  # ${rule.description.replace(/\.$/, '')}. Default: ${rule.defaultSeverity}. Details: prguard explain ${rule.id}`);
    lines.push(`  ${rule.id}:`, `    severity: ${rule.defaultSeverity}`);
    for (const [key, prop] of Object.entries(rule.schema.properties)) {
      lines.push(...commentedOption(key, prop, '    '));
    }
    lines.push(...(extras[rule.id] ?? []));
  });
  return `${lines.join('\n')}\n`;
}
