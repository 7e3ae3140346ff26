// Regenerate the files derived from the rules: policy.schema.json and README.md's rules table.
// `npm run generate` writes them; tests fail when a committed copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../rules/index.ts';
import { buildPolicySchema } from '../src/policy/schema.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function policySchemaText(): string {
  return `${JSON.stringify(buildPolicySchema(allRules), null, 2)}\n`;
}

const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

/** README.md with the rules table between its markers rebuilt from the registry. */
export function readmeWithRulesTable(readme: string): string {
  const rows = allRules.map(
    (r) => `| [\`${r.meta.id}\`](rules/${r.meta.id}/README.md) | ${r.meta.defaultSeverity} | ${r.meta.description} |`,
  );
  const table = ['| rule | default severity | what it keeps true |', '| --- | --- | --- |', ...rows].join('\n');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, 'policy.schema.json'), policySchemaText());
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, readmeWithRulesTable(readFileSync(readmePath, 'utf8')));
  console.log('wrote policy.schema.json and the rules table in README.md');
}
