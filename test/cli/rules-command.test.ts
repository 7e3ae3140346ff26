// `prguard rules` and `prguard explain` through the built CLI.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { CLI, ROOT, runCli, tempDir } from '../helpers/repo.ts';

describe('prguard rules', () => {
  it('lists every rule with its default severity and description', () => {
    const r = runCli(['rules'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^rule +default +description$/);
    for (const { meta } of allRules) {
      expect(r.stdout).toMatch(new RegExp(`\\n${meta.id} +${meta.defaultSeverity} +${meta.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    }
    const optIn = allRules.filter((rule) => rule.meta.optIn).map((rule) => rule.meta.id);
    expect(optIn.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`Opt-in, off under extends: recommended until listed under rules: ${optIn.join(', ')}.`);
  });
});

describe('prguard explain', () => {
  it.each(allRules.map((r) => r.meta.id))('prints rules/%s/README.md from a bundle without the source tree', (id) => {
    // A copy of the CLI alone (dist/cli.js, the bundle it runs and dist/package.json), as in an
    // npm install: the READMEs must be inside it.
    const dir = tempDir('prguard-bundle-');
    for (const file of readdirSync(dirname(CLI)).filter((f) => /^(cli\.js|cli-bundle\.cjs|package\.json)$/.test(f))) {
      copyFileSync(join(dirname(CLI), file), join(dir, file));
    }
    const readme = readFileSync(join(ROOT, 'rules', id, 'README.md'), 'utf8');
    const r = runCli(['explain', id], { cwd: dir, cli: join(dir, 'cli.js') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readme.replace(/\n*$/, '\n'));
  });

  it('exits 2 on an unknown rule, listing the rule ids and the likely one', () => {
    const r = runCli(['explain', 'pr-sise'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no rule "pr-sise". Did you mean "pr-size"? The rules are:');
    for (const { meta } of allRules) expect(r.stderr).toContain(`\n  ${meta.id}`);
  });

  it('exits 2 without a rule id', () => {
    const r = runCli(['explain'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('explain needs a rule id');
  });
});
