// esbuild plugin: the policy validator, compiled at build time.
//  - src/policy/precompiled.ts is replaced with ajv standalone validation code for the schema of
//    the rules being bundled (built from src/policy/schema.ts and rules/index.ts, so it cannot be
//    stale), with the ajv options of src/policy/compile.ts;
//  - load.ts's import of the run-time compiler (./compile.ts) is replaced with a stub, since in
//    the bundle the only rule set is the registry's and its validator is precompiled. Neither
//    compiling the schema nor loading ajv's compiler is then part of a CLI run or a pre-push hook.
import { build } from 'esbuild';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';

/** buildPolicySchema(allRules), evaluated from the TypeScript sources. */
async function registrySchema(root) {
  const entry =
    "import { buildPolicySchema } from './src/policy/schema.ts';\n" +
    "import { allRules } from './rules/index.ts';\n" +
    'export default buildPolicySchema(allRules);\n';
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'policy-schema-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    banner: {
      js: `import { createRequire as __schemaRequire } from 'node:module'; const require = __schemaRequire(${JSON.stringify(join(root, 'package.json'))});`,
    },
  });
  const code = Buffer.from(out.outputFiles[0].text).toString('base64');
  return (await import(`data:text/javascript;base64,${code}`)).default;
}

export function precompilePolicy(root) {
  return {
    name: 'precompile-policy',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]policy[\\/]precompiled\.ts$/ }, async () => {
        const schema = await registrySchema(root);
        const ajv = new Ajv({ allErrors: true, strict: false, strictNumbers: true, code: { source: true, esm: true } });
        const code = standalone.default(ajv, ajv.compile(schema));
        const contents = `${code}\nexport const precompiled = { schema: ${JSON.stringify(JSON.stringify(schema))}, validate };\n`;
        return { contents, loader: 'js', resolveDir: root, watchDirs: [join(root, 'rules'), join(root, 'src', 'policy')] };
      });
      b.onResolve({ filter: /^\.\/compile\.ts$/ }, (args) =>
        /[\\/]src[\\/]policy[\\/]load\.ts$/.test(args.importer) ? { path: 'compile', namespace: 'precompiled-policy' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'precompiled-policy' }, () => ({
        contents:
          'export function compileSchema() {\n' +
          "  throw new Error('this build validates policies with the precompiled validator of its rule registry only');\n" +
          '}\n',
        loader: 'js',
      }));
    },
  };
}
