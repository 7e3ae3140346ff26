// Every rule's README, by rule id: what `prguard explain` prints.
// Run from source (tests, tsx) this reads rules/<id>/README.md. The bundle does not carry the
// source tree, so scripts/embed-rule-docs.mjs replaces this module at build time with one that
// holds the same record inline (see scripts/build.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function ruleDocs(): Record<string, string> {
  const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
  const docs: Record<string, string> = {};
  for (const entry of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    try {
      docs[entry.name] = readFileSync(join(rulesDir, entry.name, 'README.md'), 'utf8');
    } catch {
      // a folder without a README: no docs to show (a test requires one for every rule)
    }
  }
  return docs;
}
