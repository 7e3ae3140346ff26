// Regenerate policy.schema.json from the envelope plus every rule's meta.schema.
// `npm run schema` writes it; test/policy/schema.test.ts fails when the committed copy is stale.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPolicySchema } from '../src/policy/schema.ts';
import { allRules } from '../rules/index.ts';

export function policySchemaText(): string {
  return `${JSON.stringify(buildPolicySchema(allRules), null, 2)}\n`;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, 'policy.schema.json'), policySchemaText());
  console.log('wrote policy.schema.json');
}
