// V8's code cache for the CLI bundle, on every Node the CLI supports (Node 20 has no compile
// cache of its own, and Node's covers modules, not a script compiled here). A pre-push hook runs
// the same bundle on every push: compiling it again each time was about a fifth of the hook's
// time (npm run bench:prepush). The first run of a command compiles as usual and, once it has
// done its work, writes what V8 compiled for it (the functions that run ran, not just the top
// level) to a file; later runs of that command start from it.
//
// Where: the user's cache directory (user-cache.ts, which also decides what is trusted there).
// With no usable directory, runs compile as before. NODE_DISABLE_COMPILE_CACHE=1, Node's own
// switch, turns it off.
//
// A cache file is named by the command, the bundle's content hash and its file's size and time of
// change, Node's version, the architecture and Node's options when there are any (NODE_OPTIONS, flags before the script), so it
// only meets the bundle and runtime it was made for: V8 rejects a cache made under other V8 flags,
// and runs with and without a flag would otherwise replace each other's. V8 checks it again (its
// version, flags, the source, and with --verify-snapshot-checksum, which the launcher sets, a
// checksum of its content) and compiles as usual when it does not fit. Writes are atomic (a
// temporary file renamed), so concurrent runs never read half a file. When a new one is written,
// code cache files unchanged for 30 days (other versions' caches) are removed, and all but the newest 32.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { readTrusted, writeTrusted } from './user-cache.ts';

const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** At most this many files: the newest (a command's cache per Node version and prguard version). */
const MAX_FILES = 32;

/** Writes `data` to `file`, and removes stale cache files beside it. */
function writeCache(file: string, data: Buffer): void {
  try {
    writeTrusted(file, data);
    const dir = dirname(file);
    const now = Date.now();
    // Code caches (and temporary files a killed run left) only: the directory holds other files.
    const others = readdirSync(dir)
      .filter((name) => /\.(?:v8|tmp)$/.test(name))
      .map((name) => join(dir, name))
      .filter((path) => path !== file)
      .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    others.forEach(({ path, mtime }, i) => {
      if (i >= MAX_FILES - 1 || now - mtime > MAX_AGE_MS) rmSync(path, { force: true });
    });
  } catch {
    // a cache that cannot be written only costs the time it would have saved
  }
}

export interface CodeCacheOptions {
  /** The CommonJS bundle to run. */
  bundle: string;
  /** Its content hash (from the build). */
  bundleHash: string;
  /** Which run this is: runs of one key share a cache (the commands compile different code). */
  key: string;
  /** The cache directory, or undefined for none. */
  cacheDir: string | undefined;
  /** Whether the finished run compiled what is worth keeping, given its exit code and the bundle's exports. */
  keep: (exitCode: number, exports: Record<string, unknown>) => boolean;
}

/** 8 hex digits naming `text` (FNV-1a). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** '' for a plain `node`, else `-` and 8 hex digits naming its options. */
export function optionsTag(execArgv: readonly string[], nodeOptions: string | undefined): string {
  const text = `${execArgv.join('\0')}\0${nodeOptions ?? ''}`;
  return text === '\0' ? '' : `-${fnv(text)}`;
}

/**
 * 8 hex digits naming the bundle file as it is on disk (its size and time of change). V8 tells a
 * cache from another source only by the source's length: a bundle edited in place (patch-package,
 * say) with its length kept must not meet the cache of the build it came from.
 */
export function bundleTag(file: Pick<Stats, 'size' | 'mtimeMs'>): string {
  return fnv(`${file.size}:${file.mtimeMs}`);
}

/** Compiles and runs the bundle as a CommonJS module, from V8's code cache when it has one. */
export function runWithCodeCache(options: CodeCacheOptions): void {
  // The name and the content from one open file, so that they describe the same bundle.
  const fd = openSync(options.bundle, 'r');
  let stats: Stats;
  let source: string;
  try {
    stats = fstatSync(fd);
    source = readFileSync(fd, 'latin1'); // the build checks that it is ASCII
  } finally {
    closeSync(fd);
  }
  const tag = optionsTag(process.execArgv, process.env.NODE_OPTIONS);
  const name = `${options.key}-${options.bundleHash}-${bundleTag(stats)}-${process.version}-${process.arch}${tag}.v8`;
  const file = options.cacheDir === undefined ? undefined : join(options.cacheDir, name);
  const cachedData = file === undefined ? undefined : readTrusted(file);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: options.bundle,
    cachedData,
  });
  const module = { exports: {} as Record<string, unknown> };
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    // After the run, so that the cache holds the functions it compiled.
    process.once('exit', (code) => {
      if (options.keep(code, module.exports)) writeCache(file, script.createCachedData());
    });
  }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(options.bundle), module, options.bundle, dirname(options.bundle));
}
