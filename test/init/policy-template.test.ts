import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CORE_EXAMPLES, starterPolicy, type StarterRule } from '../../src/init/policy-template.ts';
import { policyFromText } from '../../src/policy/index.ts';
import type { AnyRule } from '../../src/rule.ts';

const fake: StarterRule = {
  id: 'fake-rule',
  description: 'Keep fakes fake.',
  defaultSeverity: 'notice',
  schema: {
    type: 'object',
    properties: {
      'max-things': { type: 'integer', default: 3, description: 'How many things.\nAt most.' },
      globs: { type: 'array', items: { type: 'string' }, default: ['**/*.lock', 'dist/**'] },
      patterns: {
        type: 'array',
        default: Array.from({ length: 4 }, (_, i) => ({ name: `pattern-${i}`, regex: `secret_[a-z]{${i + 10}}` })),
      },
    },
  },
};

describe('starterPolicy', () => {
  const text = starterPolicy([fake], 'https://example.test/schema.json');

  it('shows the rule at its default severity with every option commented out', () => {
    expect(text).toContain('  # Keep fakes fake. Default: notice. Details: prguard explain fake-rule\n  fake-rule:\n    severity: notice\n');
    expect(text).toContain('    # How many things.\n    # At most.\n    # max-things: 3\n');
    expect(text).toContain('    # globs: [ "**/*.lock", dist/** ]\n');
    // Too long for one line: a commented block that uncomments to valid YAML.
    const block = text.split('\n').filter((l) => l.startsWith('    #   ') || l === '    # patterns:');
    const uncommented = block.map((l) => l.replace(/^ {4}# /, '')).join('\n');
    expect(parse(uncommented)).toEqual({ patterns: fake.schema.properties.patterns!.default });
  });

  it('parses to the policy envelope, with the core examples commented out', () => {
    const doc = parse(text) as { version: number; core?: Record<string, string[]>; rules: Record<string, unknown> };
    expect(doc.version).toBe(1);
    expect(doc.rules).toEqual({ 'fake-rule': { severity: 'notice' } });
    expect(doc.core).toBeUndefined();
    // Uncommented, the examples are a valid core map.
    const block = text.split('\n').filter((l) => /^# (core:| {2}\S)/.test(l)).map((l) => l.slice(2));
    const uncommented = parse(block.join('\n')) as { core: Record<string, string[]> };
    expect(Object.keys(uncommented.core)).toEqual(CORE_EXAMPLES.map((c) => c.name));
    expect(text.startsWith('# yaml-language-server: $schema=https://example.test/schema.json\n')).toBe(true);
  });

  it('still validates with no rules registered', () => {
    const empty = starterPolicy([], 'x');
    expect(empty).toContain('\nrules: {}\n');
    expect(() => policyFromText(empty, '.github/prguard.yml', [] as AnyRule[])).not.toThrow();
  });
});
