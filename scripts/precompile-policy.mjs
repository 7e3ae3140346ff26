// esbuild plugin: replaces src/policy/precompiled.ts with ajv standalone validation code for the
// committed policy.schema.json (same ajv options as src/policy/compile.ts). load.ts uses it only
// when the schema it would compile is identical, so a stale schema file costs speed, never
// correctness. And load.ts's import of compile.ts becomes a require() inside the function, so
// that ajv (which only that fallback uses) is evaluated on its first call, not at every start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';

export function precompilePolicy(root) {
  return {
    name: 'precompile-policy',
    setup(build) {
      build.onResolve({ filter: /^\.\/compile\.ts$/ }, (args) =>
        /[\\/]src[\\/]policy[\\/]load\.ts$/.test(args.importer)
          ? { path: join(args.resolveDir, 'compile.ts'), namespace: 'prguard-lazy-compile' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'prguard-lazy-compile' }, (args) => ({
        contents: `export function compileSchema(schema) { return require(${JSON.stringify(args.path)}).compileSchema(schema); }\n`,
        loader: 'js',
        resolveDir: root,
      }));
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
