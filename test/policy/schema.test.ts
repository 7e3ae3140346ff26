import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { policySchemaText, readmeWithRulesTable } from '../../scripts/generate.ts';
import { allRules } from '../../rules/index.ts';
import { DEFAULT_POLICY_CONFIG, DEFAULT_POLICY_TEXT, defaultPolicy, parsePolicy, policyFromText } from '../../src/policy/index.ts';

describe('policy.schema.json', () => {
  it('is up to date with the rules (run `npm run generate` when this fails)', () => {
    expect(readFileSync(new URL('../../policy.schema.json', import.meta.url), 'utf8')).toBe(policySchemaText());
  });

  it('README.md lists every rule (run `npm run generate` when this fails)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(readmeWithRulesTable(readme));
  });

  it('is a valid draft-07 schema that accepts the embedded default policy', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(policySchemaText()));
    expect(validate({ version: 1, extends: 'recommended' })).toBe(true);
    expect(validate({ version: 1, rules: { 'no-such-rule': 'error' } })).toBe(false);
  });

  it('the embedded default is the parsed, valid DEFAULT_POLICY_TEXT', () => {
    expect(parsePolicy(DEFAULT_POLICY_TEXT, 'default', allRules)).toEqual(DEFAULT_POLICY_CONFIG);
    expect(defaultPolicy(allRules)).toEqual(policyFromText(DEFAULT_POLICY_TEXT, null, allRules));
  });

  it('every rule has defaults for all its options, so the embedded default resolves fully', () => {
    const policy = policyFromText(DEFAULT_POLICY_TEXT, null, allRules);
    // Opt-in rules (review-quorum) run only when listed: listing them resolves every default too.
    const listed = policyFromText(
      `version: 1\nrules:\n${allRules.filter((r) => r.meta.optIn).map((r) => `  ${r.meta.id}: error\n`).join('')}`,
      null,
      allRules,
    );
    for (const rule of allRules) {
      expect(policy.rules[rule.meta.id] === undefined, rule.meta.id).toBe(rule.meta.optIn === true);
      const resolved = (rule.meta.optIn ? listed : policy).rules[rule.meta.id];
      expect(resolved, rule.meta.id).toBeDefined();
      for (const key of Object.keys(rule.meta.schema.properties)) {
        expect(resolved!.options, `${rule.meta.id}.${key}`).toHaveProperty(key);
      }
    }
  });

  it('every rule id is kebab-case and its options are kebab-case', () => {
    for (const rule of allRules) {
      expect(rule.meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      for (const key of Object.keys(rule.meta.schema.properties)) expect(key).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    }
  });
});
