// esbuild plugin: replaces src/policy/precompiled.ts with ajv standalone validation code for the
// committed policy.schema.json (same ajv options as src/policy/load.ts). load.ts uses it only
// when the schema it would compile is identical, so a stale schema file costs speed, never
// correctness.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';

export function precompilePolicy(root) {
  return {
    name: 'precompile-policy',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]policy[\\/]precompiled\.ts$/ }, () => {
        const file = join(root, 'policy.schema.json');
        const schema = JSON.parse(readFileSync(file, 'utf8'));
        const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
        const code = standalone.default(ajv, ajv.compile(schema));
        const contents = `${code}\nexport const precompiled = { schema: ${JSON.stringify(JSON.stringify(schema))}, validate };\n`;
        return { contents, loader: 'js', resolveDir: root, watchFiles: [file] };
      });
    },
  };
}
