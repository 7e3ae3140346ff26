// Bundle the entries into dist/ with esbuild. Deterministic output: dist/ is committed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { thirdPartyLicenses } from './licenses.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedRuleDocs } from './embed-rule-docs.mjs';
import { precompilePolicy } from './precompile-policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = process.argv[2] ?? join(root, 'dist');

// Every bundle is a CommonJS script (dist/package.json says so): Node's ES module loader costs a
// CLI run milliseconds that a script does not, and V8's code cache (src/code-cache.ts) takes
// scripts. `import.meta.url` (the sources are ES modules) is the bundle's own file URL.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  absWorkingDir: root,
  define: { __PRGUARD_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__prguardBundleUrl' },
  banner: { js: '"use strict";var __prguardBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  legalComments: 'none',
  logLevel: 'warning',
  minifySyntax: true,
  minifyWhitespace: true,
  plugins: [embedRuleDocs(root), precompilePolicy(root)],
  metafile: true,
};
const bundled = new Set();
const bundle = async (options) => {
  const result = await build({ ...common, ...options, define: { ...common.define, ...options.define } });
  for (const input of Object.keys(result.metafile.inputs)) bundled.add(input);
};
mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);

// The GitHub Action, which `runs.using: node24` runs as is from the committed dist/action.js
// (action.yml's main).
await bundle({ entryPoints: ['src/action.ts'], outfile: join(outdir, 'action.js'), target: 'node24' });

// The CLI (Node >= 20): the whole command line is one script, dist/cli-bundle.cjs, which the
// executable dist/cli.js (src/bin.ts) compiles through V8's code cache (src/code-cache.ts). (A
// split into ES module chunks loaded as a command needs them parsed less, but cost more: Node's
// ES module loader, and no code cache for ES modules on Node 20.)
const cliBundle = join(outdir, 'cli-bundle.cjs');
await bundle({ entryPoints: ['src/main-process.ts'], outfile: cliBundle, target: 'node20' });
// V8 keeps a script's source for as long as it runs: one byte a character when it is all ASCII,
// two otherwise (2.4 MB instead of 1.2). esbuild escapes strings, not regular expressions: write
// a non-ASCII character in a regex of the sources as \uXXXX.
const cliText = readFileSync(cliBundle, 'latin1');
const nonAscii = /[^\0-\x7f]/.exec(cliText);
if (nonAscii) {
  throw new Error(`dist/cli-bundle.cjs has a non-ASCII character near: ${JSON.stringify(cliText.slice(nonAscii.index - 60, nonAscii.index + 20))}`);
}
// The cache of compiled code is named by the bundle's content, so it only ever meets its own.
const bundleHash = createHash('sha256').update(cliText, 'latin1').digest('hex').slice(0, 16);
await bundle({
  entryPoints: ['src/bin.ts'],
  outfile: join(outdir, 'cli.js'),
  target: 'node20',
  define: { __PRGUARD_BUNDLE_HASH__: JSON.stringify(bundleHash) },
});
// The split CLI of earlier builds would otherwise leave its chunks beside the bundle.
for (const file of readdirSync(outdir)) if (/^cli-chunk-[A-Z0-9]+\.js$/.test(file)) rmSync(join(outdir, file));

// The ReDoS checker for custom secret patterns is loaded on demand (see
// src/rule-kit/regex-safety.ts), so it ships beside the bundle instead of inside it.
copyFileSync(join(root, 'node_modules', 'recheck', 'lib', 'browser.js'), join(outdir, 'recheck.cjs'));
bundled.add('node_modules/recheck/lib/browser.js');

// The licence notices of every third-party package the bundles contain.
writeFileSync(join(outdir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(root, bundled));
