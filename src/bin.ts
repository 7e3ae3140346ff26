#!/usr/bin/env node
// The `prguard` executable (dist/cli.js): starts the CLI, which is bundled beside it as one
// CommonJS script (dist/cli-bundle.cjs, from src/main-process.ts), through V8's code cache
// (code-cache.ts), with V8 tuned for a short process. Node built-ins only: this file is all that
// runs before the bundle.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runWithCodeCache } from './code-cache.ts';
import { userCacheDir } from './user-cache.ts';

declare const __PRGUARD_BUNDLE_HASH__: string;

// A check lives for well under a second, mostly beside git on a machine with few cores: on Node
// 20, V8's optimising compiler spent more CPU on its background threads, for functions that were
// only warm, than it saved, and took it from git (npm run bench). A larger interrupt budget
// (default 67,584) makes a function run more of its bytecode before it is optimised, so only
// what is really hot is. Set before the bundle is compiled, so that its functions get it. Only on
// V8 11 (Node 20), where it was measured: later V8s tier up differently (Maglev) and reject the
// flag with a message on stderr.
if (process.versions.v8.startsWith('11.')) v8.setFlagsFromString('--interrupt-budget=300000');
// Most of what a check allocates lives until its file is done: it survives the young generation's
// collections, so V8 doubles that generation's size up to 2 x 16 MB, which a short process then
// touches in full. Kept at its initial size (growth factor 1), collections are smaller and more
// frequent, the memory they touch stays in the CPU's caches, and a big check's peak RSS fell by
// about 20 MB while it ran faster (Node 20 and 24, npm run bench). V8 reads it on every resize.
v8.setFlagsFromString('--semi-space-growth-factor=1');
// A code cache is checked against a checksum of its content (V8 checks only its header and length
// otherwise): a cache file damaged on disk is then compiled afresh, instead of run.
v8.setFlagsFromString('--verify-snapshot-checksum');

const dist = dirname(fileURLToPath(import.meta.url));
const command = process.argv[2];
// Each command compiles other parts of the bundle (check and pre-push most of it, --version little):
// a cache of its own each, named by the command word (anything else, such as --help, shares one).
const key = command !== undefined && /^[a-z][a-z-]{0,30}$/.test(command) ? command : 'cli';
runWithCodeCache({
  bundle: join(dist, 'cli-bundle.cjs'),
  bundleHash: __PRGUARD_BUNDLE_HASH__,
  key,
  cacheDir: userCacheDir(process.env),
  // Not after a usage error (exit 2), nor after a check or push that checked nothing (a push of
  // tags only, say): such a run compiled too little of the command to be worth keeping.
  keep: (code, exports) => {
    if (code !== 0 && code !== 1) return false;
    if (key !== 'check' && key !== 'pre-push') return true;
    const loadedApp = exports.loadedApp;
    return typeof loadedApp === 'function' && loadedApp() === true;
  },
});
