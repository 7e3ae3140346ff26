// The throughput input: real source text (the JavaScript, TypeScript, JSON and Markdown files
// installed under node_modules), read as whole files of added lines, with a fake secret from the
// corpus spliced into every 25th file so both tools also do their reporting work.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from './corpus.ts';

const EXT = /\.(?:[cm]?js|ts|json|md|ya?ml)$/;

function* walk(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) yield* walk(p);
    else if (EXT.test(name) && st.size > 0 && st.size < 4 * 1024 * 1024) yield p;
  }
}

export function loadThroughputFiles(minBytes: number, root = 'node_modules'): { path: string; content: string }[] {
  const secrets = buildCorpus(7, 1, 0);
  const files: { path: string; content: string }[] = [];
  let total = 0;
  // Cycle over the tree until there is enough text (each pass gets distinct paths).
  for (let pass = 0; total < minBytes && pass < 20; pass++) {
    for (const p of walk(root)) {
      let content = readFileSync(p, 'utf8');
      if (files.length % 25 === 0) content += `\n${(secrets[files.length % secrets.length] as { content: string }).content}\n`;
      files.push({ path: `pass${pass}/${p}`, content });
      total += Buffer.byteLength(content);
      if (total >= minBytes) break;
    }
  }
  return files;
}
