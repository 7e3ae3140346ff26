// git's version, which decides how the attributes at the base are read (attributes.ts). Asking
// it is one more git process for every check and push, so the answer is kept in the user's cache
// directory (user-cache.ts) for the git executable it came from, as long as that file is the same
// one (device, inode, size, times) and for a day at most: an executable that stays in place while
// what it runs changes (a shim, such as macOS's /usr/bin/git) is asked again the next day.
//
// What a wrong answer could do: make prguard read the attributes the older way (slower, the same
// result), or ask an older git for `check-attr --source`, which it refuses: the attributes are then
// not read, and every file is checked in full with a note (fail closed).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readTrusted, userCacheDir, writeTrusted } from '../user-cache.ts';
import { type Git, gitExecutable } from './run.ts';

export type GitVersion = [number, number];

/** The file in the user's cache directory. */
export const VERSION_FILE = 'git-version.json';
const MAX_AGE_MS = 24 * 3600 * 1000;
/** Executables remembered at once (one per PATH a user runs prguard under, in practice). */
const MAX_ENTRIES = 8;

interface Entry {
  /** Which file the answer came from: device, inode, size and times of change. */
  file: string;
  version: GitVersion;
  /** When git was asked (ms since the epoch). */
  at: number;
}

const isEntry = (e: unknown): e is Entry => {
  const x = e as Entry;
  return (
    typeof x === 'object' && x !== null && typeof x.file === 'string' && typeof x.at === 'number' &&
    Array.isArray(x.version) && x.version.length === 2 && x.version.every((n) => Number.isInteger(n) && n >= 0)
  );
};

/** What the file remembers, by executable path; nothing when it is missing, foreign or malformed. */
function remembered(file: string): Map<string, Entry> {
  const data = readTrusted(file);
  const out = new Map<string, Entry>();
  if (data === undefined) return out;
  try {
    const parsed = JSON.parse(data.toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
    for (const [path, entry] of Object.entries(parsed)) if (isEntry(entry)) out.set(path, entry);
  } catch {
    // malformed: asked again
  }
  return out;
}

/** The identity of the executable at `path`, or undefined when it cannot be told. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return undefined;
  }
}

function parse(out: string | undefined): GitVersion {
  const m = /(\d+)\.(\d+)/.exec(out ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Asks git, and remembers the answer for `exe` when it has one. */
async function ask(git: Git, memo: { file: string; entries: Map<string, Entry>; exe: string; id: string } | undefined): Promise<GitVersion> {
  const version = parse(await git.tryRaw(['version']));
  if (memo !== undefined && version[0] > 0) {
    const entries = [...memo.entries].filter(([path]) => path !== memo.exe).slice(-(MAX_ENTRIES - 1));
    entries.push([memo.exe, { file: memo.id, version, at: Date.now() }]);
    try {
      writeTrusted(memo.file, `${JSON.stringify(Object.fromEntries(entries))}\n`);
    } catch {
      // not remembered: asked again next time
    }
  }
  return version;
}

let version: Promise<GitVersion> | undefined;

/**
 * Version of the git prguard runs as [major, minor] ([0, 0] when unknown), found once per process.
 * The process's environment decides both which git that is (as for every spawn: run.ts) and where
 * the answer is kept.
 */
export function gitVersion(git: Git): Promise<GitVersion> {
  if (version !== undefined) return version;
  const dir = userCacheDir(process.env);
  const exe = gitExecutable(process.env.PATH);
  const id = exe.startsWith('/') ? identity(exe) : undefined; // by name: which file runs is not known
  if (dir === undefined || id === undefined) return (version = ask(git, undefined));
  const file = join(dir, VERSION_FILE);
  const entries = remembered(file);
  const entry = entries.get(exe);
  const age = entry === undefined ? -1 : Date.now() - entry.at;
  if (entry !== undefined && entry.file === id && age >= 0 && age < MAX_AGE_MS) return (version = Promise.resolve(entry.version));
  return (version = ask(git, { file, entries, exe, id }));
}

export const atLeast = (v: GitVersion, major: number, minor: number): boolean =>
  v[0] > major || (v[0] === major && v[1] >= minor);
