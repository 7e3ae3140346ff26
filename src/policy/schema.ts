// policy.schema.json is generated from this envelope plus every rule's `meta.schema`.
import type { AnyRule, JsonSchema } from '../rule.ts';

export const SCHEMA_ID = 'https://raw.githubusercontent.com/prguard/prguard/main/policy.schema.json';
export const SEVERITIES = ['error', 'warning', 'notice', 'off'] as const;

const severitySchema = (description: string): JsonSchema => ({
  description,
  enum: [...SEVERITIES],
});

/** The schema of one rule's entry: a severity shorthand, or an object with options. */
export function ruleEntrySchema(rule: AnyRule): JsonSchema {
  const options = rule.meta.schema.properties;
  // Inside `ai:` the same options apply, without defaults (absent means "as outside").
  const aiOptions: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(options)) {
    const { default: _default, ...rest } = schema;
    aiOptions[key] = rest;
  }
  return {
    description: `${rule.meta.description} (default severity: ${rule.meta.defaultSeverity})`,
    if: { type: 'string' },
    then: severitySchema('Severity shorthand: error, warning, notice or off.'),
    else: {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: severitySchema(`Severity of this rule's findings (default ${rule.meta.defaultSeverity}).`),
        ...options,
        ai: {
          description: 'Overrides that apply when the change is AI-assisted.',
          type: 'object',
          additionalProperties: false,
          properties: {
            severity: severitySchema('Severity when the change is AI-assisted.'),
            ...aiOptions,
          },
        },
      },
    },
  };
}

export function buildPolicySchema(rules: readonly AnyRule[]): JsonSchema {
  const ruleProps: Record<string, JsonSchema> = {};
  for (const rule of rules) ruleProps[rule.meta.id] = ruleEntrySchema(rule);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'prguard policy',
    description: 'Policy file for prguard (.github/prguard.yml or .prguard.yml).',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
      version: { description: 'Policy format version.', const: 1 },
      extends: {
        description: 'Start from a preset: "recommended" turns every rule on at its default severity.',
        enum: ['recommended'],
      },
      core: {
        description:
          'Core modules (human-led, line-by-line review): module name -> globs. Every other file is a leaf.',
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
      rules: {
        description: 'Rules by id: a severity, or an object with severity, options and an `ai:` block.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProps,
      },
      tests: {
        description: 'Directory of the policy tests `prguard policy test` runs (default .github/prguard-tests).',
        type: 'string',
        minLength: 1,
      },
      overrides: {
        description:
          'Per-directory overrides, ESLint-style, applied in order over `rules:`: a finding on a path takes the configuration of the overrides matching that path; a whole-change finding (e.g. pr-size) that of the overrides every changed file matches, and says so.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: {
              description: 'Globs of the repository paths this override applies to.',
              type: 'array',
              items: { type: 'string', minLength: 1 },
              minItems: 1,
            },
            rules: {
              description: 'Rules by id, as under the top-level `rules:` (only what changes).',
              type: 'object',
              additionalProperties: false,
              properties: ruleProps,
            },
          },
        },
      },
    },
  };
}
