// The Incorrect and Correct examples of every rule README, run through the built CLI:
// the Incorrect one must produce a finding of its rule, the Correct one none.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { readmeExamples } from '../helpers/readme-examples.ts';
import { runCli, tempDir } from '../helpers/repo.ts';

const cases = allRules.flatMap((rule) => readmeExamples(rule.meta.id).map((example) => ({ id: rule.meta.id, example })));

describe('rule README examples through prguard check --diff', () => {
  it.each(cases)('$id: $example.kind', ({ id, example }) => {
    const dir = tempDir('prguard-readme-');
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
    if (example.reviews !== undefined) {
      writeFileSync(join(dir, 'reviews.json'), example.reviews);
      args.push('--reviews', 'reviews.json');
    }
    args.push(...example.flags);
    const r = runCli(args, { cwd: dir });
    expect(r.stderr, `prguard ${args.join(' ')}`).toBe('');
    expect([0, 1]).toContain(r.code);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    const own = findings.filter((f) => f.ruleId === id);
    if (example.kind === 'Incorrect') expect(own.length, 'findings of the rule').toBeGreaterThan(0);
    else expect(own, 'findings of the rule').toEqual([]);
  });
});
