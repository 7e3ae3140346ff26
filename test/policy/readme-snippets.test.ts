// Every policy snippet a reader may copy from a README starts from `extends: recommended`, so that
// copying one cannot switch off secret-leakage and protected-paths silently. The executable
// examples (`yaml policy` blocks) are exempt: they test one rule on purpose.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/repo.ts';

function yamlBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== open[1]) body.push(lines[j++]!);
    if (open[2]!.trim() === 'yaml') blocks.push(body.join('\n'));
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
