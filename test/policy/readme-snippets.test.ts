// Every policy snippet a reader may copy from a README starts from `extends: recommended`, so that
// copying one cannot switch off secret-leakage and protected-paths silently. The executable
// examples (`yaml policy` blocks) are exempt: they test one rule on purpose.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/repo.ts';

function yamlBlocks(markdown: string, info = 'yaml'): string[] {
  const blocks: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== open[1]) body.push(lines[j++]!);
    if (open[2]!.trim() === info) blocks.push(body.join('\n'));
    i = j;
  }
  return blocks;
}

const readmes = ['README.md', ...readdirSync(join(ROOT, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `rules/${d.name}/README.md`)];

describe('README policy snippets', () => {
  it.each(readmes)('%s: every policy snippet has extends', (file) => {
    const snippets = yamlBlocks(readFileSync(join(ROOT, file), 'utf8')).filter((b) => /^\s*version: 1\s*$/m.test(b));
    for (const snippet of snippets) expect(snippet, snippet).toMatch(/^\s*extends: /m);
  });
});

// Every policy a README shows, snippets and executable examples alike, is one prguard accepts.
const policies = readmes.flatMap((file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...yamlBlocks(text), ...yamlBlocks(text, 'yaml policy')].filter((b) => /^\s*version: 1\s*$/m.test(b)).map((policy, i) => ({ file, i, policy }));
});

describe('README policies validate', () => {
  it.each(policies)('$file policy #$i', ({ policy }) => {
    const dir = tempDir('prguard-readme-policy-');
    writeFileSync(join(dir, 'policy.yml'), policy);
    const r = runCli(['policy', 'validate', 'policy.yml'], { cwd: dir });
    expect(r.stderr, policy).toBe('');
    expect(r.code, policy).toBe(0);
  });
});

describe('README help blocks', () => {
  it('the `prguard check --help` the README shows is the one the CLI prints', () => {
    const shown = yamlBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'text').find((b) => b.startsWith('$ prguard check --help\n'));
    expect(shown).toBeDefined();
    const r = runCli(['check', '--help'], { cwd: tempDir() });
    expect(`${shown!.slice('$ prguard check --help\n'.length)}\n`).toBe(r.stdout);
  });
});
