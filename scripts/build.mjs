// Bundle the entries into dist/ with esbuild. Deterministic output: dist/ is committed.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedRuleDocs } from './embed-rule-docs.mjs';
import { precompilePolicy } from './precompile-policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = process.argv[2] ?? join(root, 'dist');

// CommonJS dependencies bundled into ESM need `require` for node built-ins.
const banner = [
  "import { createRequire as __prguardCreateRequire } from 'node:module';",
  'const require = __prguardCreateRequire(import.meta.url);',
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  absWorkingDir: root,
  define: { __PRGUARD_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
  minifySyntax: true,
  minifyWhitespace: true,
  plugins: [embedRuleDocs(root), precompilePolicy(root)],
};

await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  target: 'node20',
  banner: { js: banner },
});

// The GitHub Action: runs.using node24 runs this file as is; it is committed (action.yml's main).
await build({
  ...common,
  entryPoints: { action: 'src/action.ts' },
  outdir,
  target: 'node24',
  banner: { js: banner },
});
