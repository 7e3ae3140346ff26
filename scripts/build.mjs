// Bundle the entries into dist/ with esbuild. Deterministic output: dist/ is committed.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { thirdPartyLicenses } from './licenses.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedRuleDocs } from './embed-rule-docs.mjs';
import { precompilePolicy } from './precompile-policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = process.argv[2] ?? join(root, 'dist');
/** The CLI's code-split chunks (see below). */
const CHUNK = /^cli-chunk-[A-Z0-9]+\.js$/;

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

// The CLI (Node >= 20), and the GitHub Action, which `runs.using: node24` runs as is from the
// committed dist/action.js (action.yml's main).
// The CLI is split: dist/cli.js is the executable alone (src/bin.ts), and everything it imports
// on demand (`import()`: the command line, check and pre-push with the git source, then the
// rules and the engine while git diff runs, the other commands, the YAML parser and policy
// validator when a policy file exists, the rule docs) is in dist/cli-chunk-<hash>.js files beside
// it, so that `prguard pre-push` parses only what it runs. The Action stays one file: it always
// reads a policy and talks to GitHub, so a split would save it nothing.
const entries = [
  { name: 'cli', entry: 'src/bin.ts', target: 'node20', split: true },
  { name: 'action', entry: 'src/action.ts', target: 'node24', split: false },
];
// Chunks of an earlier build would otherwise stay beside the new ones.
for (const file of existsSync(outdir) ? readdirSync(outdir) : []) {
  if (CHUNK.test(file)) rmSync(join(outdir, file));
}
const bundled = new Set();
for (const { name, entry, target, split } of entries) {
  const result = await build({
    ...common,
    entryPoints: { [name]: entry },
    outdir,
    target,
    banner: { js: banner },
    metafile: true,
    ...(split ? { splitting: true, chunkNames: `${name}-chunk-[hash]` } : {}),
  });
  for (const input of Object.keys(result.metafile.inputs)) bundled.add(input);
}

// The ReDoS checker for custom secret patterns is loaded on demand (see
// src/rule-kit/regex-safety.ts), so it ships beside the bundle instead of inside it.
copyFileSync(join(root, 'node_modules', 'recheck', 'lib', 'browser.js'), join(outdir, 'recheck.cjs'));
bundled.add('node_modules/recheck/lib/browser.js');

// The licence notices of every third-party package the bundles contain.
writeFileSync(join(outdir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(root, bundled));
