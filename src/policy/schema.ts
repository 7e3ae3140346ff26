// policy.schema.json is generated from this envelope plus every rule's `meta.schema`.
import type { AnyRule, JsonSchema } from '../rule.ts';
import { DEFAULT_TESTS_DIR } from './paths.ts';

export const SCHEMA_ID = 'https://raw.githubusercontent.com/prguard/prguard/main/policy.schema.json';
export const SEVERITIES = ['error', 'warning', 'notice', 'off'] as const;

const severitySchema = (description: string): JsonSchema => ({
  description,
  enum: [...SEVERITIES],
});

/** Rules `waivers.rules` leaves out when not given: a leaked secret or a protected file is never waived by a comment. */
export const UNWAIVABLE_BY_DEFAULT = ['secret-leakage', 'protected-paths'] as const;

/** A user (`@login`) or an org team (`@org/team-slug`), as in CODEOWNERS. */
export const ownerSchema: JsonSchema = {
  type: 'string',
  pattern: '^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$',
};

const globsSchema: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

/** A core module: globs (owners from CODEOWNERS at the base), or `{ paths, owners }`. */
const coreModuleSchema: JsonSchema = {
  if: { type: 'object' },
  else: globsSchema,
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['paths'],
    properties: {
      paths: { ...globsSchema, description: 'Globs of the module\'s files.' },
      owners: {
        description: 'Who owns the module: users (@login) or org teams (@org/team). Default: CODEOWNERS at the base.',
        type: 'array',
        items: ownerSchema,
        minItems: 1,
      },
    },
  },
};

/**
 * An integer option is at most the largest integer JSON numbers hold exactly. prguard refuses
 * YAML's .inf and 1e400 (ajv's strictNumbers); an editor's validator (ajv by default) took them
 * for integers and showed no error: with a maximum, every validator refuses them.
 */
function finite(schema: JsonSchema): JsonSchema {
  return schema.type === 'integer' && schema.maximum === undefined ? { ...schema, maximum: Number.MAX_SAFE_INTEGER } : schema;
}

/** The schema of one rule's entry: a severity shorthand, or an object with options. */
export function ruleEntrySchema(rule: AnyRule): JsonSchema {
  const options: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(rule.meta.schema.properties)) options[key] = finite(schema);
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
          'Core modules (human-led, line-by-line review): module name -> globs, or { paths, owners }. Every other file is a leaf.',
        type: 'object',
        additionalProperties: coreModuleSchema,
      },
      waivers: {
        description:
          'Audited waivers: a PR comment `/prguard waive <rule-id> <reason>` by someone in `by` turns that rule\'s findings into notices.',
        type: 'object',
        additionalProperties: false,
        properties: {
          by: {
            description: 'Who may waive: users (@login) or org teams (@org/team). Never the PR author or its commit authors.',
            type: 'array',
            items: ownerSchema,
            default: [],
          },
          rules: {
            description: `Rules that may be waived (default: all but ${UNWAIVABLE_BY_DEFAULT.join(' and ')}).`,
            type: 'array',
            // An empty enum is not a valid schema: with no rules registered, any string (and none runs).
            items: rules.length > 0 ? { enum: rules.map((r) => r.meta.id) } : { type: 'string' },
          },
        },
      },
      provenance: {
        description: 'How prguard decides that a change is AI-assisted.',
        type: 'object',
        additionalProperties: false,
        properties: {
          'review-suggestions': {
            description:
              'Whether a committed suggestion of an AI review bot (CodeRabbit, Greptile, Gemini Code Assist, Qodo: its co-author trailer) makes the change AI-assisted (default true).',
            type: 'boolean',
            default: true,
          },
        },
      },
      rules: {
        description: 'Rules by id: a severity, or an object with severity, options and an `ai:` block.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProps,
      },
      tests: {
        description: `Directory of the policy tests \`prguard policy test\` runs (default ${DEFAULT_TESTS_DIR}).`,
        type: 'string',
        minLength: 1,
        default: DEFAULT_TESTS_DIR,
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
