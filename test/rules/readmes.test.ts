// Every rule documents itself: a README with the required sections, every option, and examples
// in the executable format (run through the CLI by test/cli/rule-readmes.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { fencedBlocks, readmeExamples, section, splitFlags } from '../helpers/readme-examples.ts';
import { ROOT } from '../helpers/repo.ts';
import { policyFromText } from '../../src/policy/index.ts';

describe.each(allRules.map((r) => [r.meta.id, r] as const))('rules/%s/README.md', (id, rule) => {
  const path = join(ROOT, 'rules', id, 'README.md');

  it('exists and starts with the rule id', () => {
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(`# ${id}`);
  });

  it('has the sections every rule README needs', () => {
    const readme = readFileSync(path, 'utf8');
    for (const heading of ['Why', 'Options', 'Examples', 'When not to use it']) {
      expect(section(readme, heading), `## ${heading}`).not.toBeNull();
    }
  });

  it('documents every option and the default severity', () => {
    const options = section(readFileSync(path, 'utf8'), 'Options') ?? '';
    for (const key of Object.keys(rule.meta.schema.properties)) expect(options).toContain(`\`${key}\``);
    expect(readFileSync(path, 'utf8')).toContain(`Default severity: **${rule.meta.defaultSeverity}**`);
  });

  it('lists in its options table only the options of the schema, each with the schema default', () => {
    const options = section(readFileSync(path, 'utf8'), 'Options') ?? '';
    // The first table of the section is the rule's options; later ones describe an option's parts.
    const table = /^\| option \|[^\n]*\n\|[- |]+\|\n((?:\|[^\n]*\n?)*)/m.exec(options);
    expect(table, 'an `| option | type | default | meaning |` table').not.toBeNull();
    const rows = table![1]!.trim().split('\n').map((row) => row.split(' | ').map((cell) => cell.replace(/^\| /, '').trim()));
    const properties = rule.meta.schema.properties as Record<string, { default?: unknown }>;
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(properties).map((k) => `\`${k}\``).sort());
    for (const [name, , shown] of rows) {
      const fallback = properties[name!.slice(1, -1)]!.default;
      // A long list is described in prose below the table ("see below"): every item is named there.
      if (Array.isArray(fallback) && !shown!.startsWith('`')) {
        for (const item of fallback as string[]) expect(options, `${name} default item`).toContain(`\`${item}\``);
        continue;
      }
      expect(shown!.split(' (')[0], `${name} default`).toBe(`\`${defaultText(fallback)}\``);
    }
  });

  it('shows only valid policies', () => {
    const readme = readFileSync(path, 'utf8');
    const policies = [...readme.matchAll(/^```yaml[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
    for (const text of policies) expect(() => policyFromText(text, `rules/${id}/README.md`, allRules)).not.toThrow();
  });

  it('has an Incorrect and a Correct example, each with a diff', () => {
    const examples = readmeExamples(id);
    expect(examples.map((e) => e.kind)).toEqual(['Incorrect', 'Correct']);
    for (const e of examples) expect(e.diff).toMatch(/^(diff --git |From [0-9a-f]{40} )/);
  });
});

/** A default as an options table shows it: `400`, `""`, `[a, b]`, `{k: v}`. */
function defaultText(value: unknown): string {
  if (value === '') return '""';
  if (Array.isArray(value)) return `[${value.map(defaultText).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.entries(value).map(([k, v]) => `${k}: ${defaultText(v)}`).join(', ')}}`;
  return String(value);
}

describe('README example parsing', () => {
  const md = [
    '## Examples',
    '### Incorrect',
    '```yaml policy',
    'version: 1',
    '```',
    '```markdown pr-body',
    '## Summary',
    '```',
    '### Correct',
    '```diff',
    'diff --git a/x b/x',
    '```',
    '## When not to use it',
  ].join('\n');

  it('keeps headings inside fences out of the structure', () => {
    const examples = section(md, 'Examples')!;
    expect(section(examples, 'Incorrect', 3)).toContain('## Summary');
    expect(section(examples, 'Correct', 3)).toBe('```diff\ndiff --git a/x b/x\n```');
    expect(section(md, 'When not to use it')).toBe('');
    expect(section(md, 'Missing')).toBeNull();
  });

  it('collects fenced blocks by info string', () => {
    const blocks = fencedBlocks(section(section(md, 'Examples')!, 'Incorrect', 3)!);
    expect([...blocks.entries()]).toEqual([
      ['yaml policy', 'version: 1\n'],
      ['markdown pr-body', '## Summary\n'],
    ]);
    expect(() => fencedBlocks('```diff\nx\n```\n```diff\ny\n```')).toThrow('two `diff` blocks');
    expect(() => fencedBlocks('```diff\nx\n')).toThrow('unclosed');
  });

  it('splits flags with quotes', () => {
    expect(splitFlags(`--ai yes --label hotfix --pr-title "Fix the \\"auth\\" bug" --label 'a b'`)).toEqual([
      '--ai', 'yes', '--label', 'hotfix', '--pr-title', 'Fix the "auth" bug', '--label', 'a b',
    ]);
    expect(splitFlags('')).toEqual([]);
  });
});
