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

// Every environment variable the code reads is in the README's Environment table (or, for git's
// own variables, the line under it): a new knob cannot ship undocumented.
describe('README environment', () => {
  const srcDir = join(ROOT, 'src');
  const read = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(srcDir, f), 'utf8'));
  const access = /\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])|['"]((?:PRGUARD|GITHUB|RUNNER|PRE_COMMIT)_[A-Z0-9_]+)['"]/g;
  const names = [...new Set(read.flatMap((text) => [...text.matchAll(access)].map((m) => m[1] ?? m[2] ?? m[3]!)))].sort();
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Environment\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

  it('finds the variables the code reads', () => {
    expect(names).toEqual(expect.arrayContaining(['NO_COLOR', 'FORCE_COLOR', 'PRGUARD_DEBUG', 'PRGUARD_MAX_DIFF_BYTES', 'GITHUB_EVENT_PATH', 'PRE_COMMIT_REMOTE_BRANCH']));
  });

  it.each(names)('%s is documented', (name) => {
    expect(start).toBeGreaterThan(0);
    expect(section).toContain(`\`${name}\``);
  });
});
