// Docs that cannot drift: every rule README's Incorrect example makes the built CLI report that
// rule at least once, and its Correct example makes it report that rule not at all.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.ts';
import { allRules } from '../../rules/index.ts';
import { readmeExamples, splitFlags, type Example } from '../helpers/readme-examples.ts';
import { ROOT, runCli, tempDir } from '../helpers/repo.ts';

const ids = allRules.map((r) => r.meta.id);

function runExample(example: Example): Report {
  const dir = tempDir('prguard-example-');
  writeFileSync(join(dir, 'change.diff'), example.diff);
  const args = ['check', '--diff', 'change.diff', '--format', 'json'];
  if (example.policy !== undefined) {
    writeFileSync(join(dir, 'policy.yml'), example.policy);
    args.push('--policy', 'policy.yml');
  }
  if (example.prBody !== undefined) {
    writeFileSync(join(dir, 'pr-body.md'), example.prBody);
    args.push('--pr-body', 'pr-body.md');
  }
  const r = runCli([...args, ...example.flags], { cwd: dir });
  expect(r.stderr, 'the example must run without usage or policy errors').toBe('');
  expect([0, 1]).toContain(r.code);
  return JSON.parse(r.stdout) as Report;
}

describe('rule README examples', () => {
  it('every rule folder is registered and every registered rule has a README', () => {
    const folders = readdirSync(join(ROOT, 'rules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...folders].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(existsSync(join(ROOT, 'rules', id, 'README.md')), id).toBe(true);
  });

  describe.each(ids)('%s', (id) => {
    const where = `rules/${id}/README.md`;
    const examples = () => readmeExamples(readFileSync(join(ROOT, where), 'utf8'), where);

    it('Incorrect example: at least one finding of the rule', () => {
      const report = runExample(examples().incorrect);
      expect(report.findings.filter((f) => f.ruleId === id).length).toBeGreaterThanOrEqual(1);
    });

    it('Correct example: no finding of the rule', () => {
      const report = runExample(examples().correct);
      expect(report.findings.filter((f) => f.ruleId === id)).toEqual([]);
    });
  });
});

describe('the README example reader', () => {
  const readme = [
    '# r',
    '## Examples',
    '### Incorrect',
    '````diff',
    'diff --git a/a b/a',
    '```',
    '````',
    '```yaml policy',
    'version: 1',
    '```',
    '```text flags',
    '--ai yes --pr-title "Add \\"x\\" now" --label \'hot fix\'',
    '```',
    '### Correct',
    '```diff',
    'ok',
    '```',
    '```markdown pr-body',
    '## Summary',
    '```',
    '## When not to use it',
    '```diff',
    'not an example',
    '```',
  ].join('\n');

  it('reads the blocks of each subsection by info string', () => {
    const ex = readmeExamples(readme, 'test');
    expect(ex.incorrect).toEqual({
      diff: 'diff --git a/a b/a\n```\n',
      policy: 'version: 1\n',
      prBody: undefined,
      flags: ['--ai', 'yes', '--pr-title', 'Add "x" now', '--label', 'hot fix'],
    });
    expect(ex.correct).toEqual({ diff: 'ok\n', policy: undefined, prBody: '## Summary\n', flags: [] });
  });

  it('rejects a README without both subsections or with two diffs', () => {
    expect(() => readmeExamples('# r\n## Examples\n### Incorrect\n```diff\nx\n```\n', 'r')).toThrow(/Correct/);
    expect(() => readmeExamples('# r\n', 'r')).toThrow(/no "## Examples"/);
    expect(() => readmeExamples(readme.replace('```yaml policy', '```diff'), 'r')).toThrow(/exactly one/);
  });

  it.each([
    ['a b', ['a', 'b']],
    ['--x "a b"c', ['--x', 'a bc']],
    ["'it''s'", ['its']],
    ['a\\ b', ['a b']],
  ])('splitFlags(%j)', (input, expected) => {
    expect(splitFlags(input)).toEqual(expected);
  });
});
