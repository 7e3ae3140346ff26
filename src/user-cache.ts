// The user's cache directory for prguard, and the only way files in it are read and written:
// what a run keeps for the next ones (V8's code cache, see code-cache.ts; git's version, see
// git/version.ts). Only the user can have written what is read from it.
//
// Where: $XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows, in
// `prguard/`. Not beside the package nor in the repository, where a change could bring its own
// files, nor in the shared temporary directory, where another user could. A directory or file that
// is not the user's own, or that others can write, is not used, and nothing is created inside
// someone else's home (`sudo prguard`, where HOME stays the user's). NODE_DISABLE_COMPILE_CACHE=1,
// Node's own switch for its compile cache, turns the directory off. Node built-ins only: the
// launcher (src/bin.ts) uses this before the bundle runs.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, type Stats, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The user's cache directory for prguard, or undefined when there is none. */
export function userCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined; // as Node reads it for its own cache
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'prguard', 'cache') : undefined;
  if (env.XDG_CACHE_HOME?.startsWith('/')) return join(env.XDG_CACHE_HOME, 'prguard');
  let h: string;
  try {
    h = home();
  } catch {
    return undefined;
  }
  if (!h.startsWith('/')) return undefined;
  return platform === 'darwin' ? join(h, 'Library', 'Caches', 'prguard') : join(h, '.cache', 'prguard');
}

/** Ours, and writable by nobody else (POSIX; Windows has no such mode bits). */
function trusted(s: Stats): boolean {
  return process.getuid === undefined || (s.uid === process.getuid() && (s.mode & 0o022) === 0);
}

/** The file's content, when it is there, a regular file, and it and its directory can be trusted. */
export function readTrusted(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (!trusted(statSync(dirname(file)))) return undefined;
    // Non-blocking: something other than a file (a FIFO, say) must not make the CLI wait.
    fd = openSync(file, constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
    const s = fstatSync(fd);
    if (!s.isFile() || !trusted(s)) return undefined;
    const data = Buffer.allocUnsafe(s.size);
    return readSync(fd, data, 0, s.size, 0) === s.size ? data : undefined;
  } catch {
    return undefined; // not there yet, or unreadable
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether the nearest existing directory at or above `dir` is the user's (POSIX; else true). */
function ownsNearest(dir: string): boolean {
  if (process.getuid === undefined) return true;
  for (let d = dir; ; d = dirname(d)) {
    try {
      return statSync(d).uid === process.getuid();
    } catch {
      if (dirname(d) === d) return false;
    }
  }
}

/**
 * Writes `data` to `file` atomically (a temporary file renamed, so that concurrent runs never read
 * half a file), creating its directory for the user alone. Throws when it cannot; a failed write
 * leaves nothing behind.
 */
export function writeTrusted(file: string, data: string | Buffer): void {
  const dir = dirname(file);
  if (!ownsNearest(dir)) throw new Error(`${dir} is inside a directory that is not the user's`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!trusted(statSync(dir))) throw new Error(`${dir} is not the user's, or others can write it`);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true }); // a full disk, say: leave no half-written file behind
    throw err;
  }
}
