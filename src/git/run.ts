// The one way prguard runs git. Every git command goes through this module, with the same safe
// configuration (SAFE_FLAGS) and the same environment (gitEnv):
//   - no external diff drivers and no textconv: the commands that diff pass --no-ext-diff and
//     --no-textconv, and GIT_EXTERNAL_DIFF is dropped from the environment;
//   - no per-user or system attributes (core.attributesFile, GIT_ATTR_NOSYSTEM), so no
//     attributes-driven diff drivers or `-diff` from outside the repository; the diff also runs
//     without a work tree (see worktree.ts), so a change's own .gitattributes cannot reach it;
//   - stable output: quoted paths (core.quotepath, unquoted by the diff parser), no colour, a/ b/
//     prefixes, UTF-8 logs, C locale messages, text diffed as text up to git's default
//     core.bigFileThreshold;
//   - the objects as they are: no replace refs, no info/grafts (a push sends neither);
//   - no network: every transport refused, so a partial clone never fetches (failure.ts);
//   - no pager (stdout is always a pipe or a file, and PAGER / GIT_PAGER are dropped), no
//     prompts, no gpg (log.showSignature), no optional locks on the user's index;
//   - no program from the repository's configuration when an index is read or written (the
//     attribute index of git before 2.40, attributes-index.ts): no core.fsmonitor, and the one
//     command that writes an index runs with hooks off (NO_HOOKS: no post-index-change hook).
// Short answers go through `openGit` (one spawn each, output buffered). Commands whose output is
// large or that read stdin while they run (the diff, check-attr, cat-file --batch) go through
// `startGit` below: the same flags and environment, stdout streamed.
import { spawn, type StdioNull, type StdioPipe } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { devNull } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.ts';
import { untilDone } from '../interrupt.ts';
import { partialCloneFailure, refusedRepository } from './failure.ts';

/** `-c` settings for every git command. */
export const SAFE_FLAGS: readonly string[] = [
  ['core.quotepath', 'true'],
  ['color.ui', 'false'],
  ['diff.noprefix', 'false'],
  ['diff.mnemonicPrefix', 'false'],
  ['diff.relative', 'false'],
  ['core.attributesFile', devNull],
  // git's default: a lower threshold in the repository's config makes every file "binary" to
  // the diff, with no added lines for the rules to read.
  ['core.bigFileThreshold', '512m'],
  ['log.showSignature', 'false'],
  ['i18n.logOutputEncoding', 'UTF-8'],
  // A command that reads an index (check-attr --cached) would run the repository's fsmonitor.
  ['core.fsmonitor', ''], // empty: off for git before 2.36 (a command) and after (a boolean)
  // GIT_GRAFT_FILE (gitEnv) names a file that exists, so git hints on every command that the
  // grafts file is deprecated: five lines that would be all a failure's message shows.
  ['advice.graftFileDeprecated', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

/**
 * Hooks off, for a command that writes an index (update-index runs post-index-change). Not in
 * SAFE_FLAGS: install-hook asks git where hooks live, and a check never runs any other hook.
 */
export const NO_HOOKS: readonly string[] = ['-c', `core.hooksPath=${devNull}`];

/** Variables that could make git run a program, page, prompt or diff through a driver. */
const DROPPED_ENV = [
  'GIT_EXTERNAL_DIFF', 'GIT_PAGER', 'PAGER', 'EDITOR', 'VISUAL', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR',
  'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_PROXY_COMMAND', 'GIT_TEMPLATE_DIR',
  'GIT_DIFF_OPTS', 'GIT_TRACE', 'GIT_TRACE2', 'GIT_TRACE2_EVENT', 'GIT_TRACE2_PERF',
];

/** The environment of every git prguard starts: the caller's, less DROPPED_ENV, plus `extra`. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of DROPPED_ENV) delete env[key];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ATTR_NOSYSTEM: '1',
    // The objects themselves, as a push sends them: `git replace` refs (which pack-objects
    // ignores) and info/grafts would show prguard another tree or another history than the one
    // pushed.
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_GRAFT_FILE: devNull,
    // No transport at all: a partial clone's missing object is a failure, never a lazy fetch from
    // its promisor remote (failure.ts). git 2.45 and later do not even try (GIT_NO_LAZY_FETCH).
    GIT_ALLOW_PROTOCOL: '',
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
    ...extra,
  };
}

/** The subcommand of `args`, past leading options (`-c key=value`, `--literal-pathspecs`), for messages. */
function commandOf(args: readonly string[]): string {
  return args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c') ?? args[0] ?? '';
}

/** git's message from a failure, cut to a few lines (or, for a partial clone's missing object, what it means). */
function firstLines(text: string): string {
  return partialCloneFailure(text) ?? (text.trim().split('\n').slice(0, 5).join('\n') || 'no message');
}

const MAX_STDERR = 8192;

/** A git bound to a directory: buffered commands through openGit, streaming ones through startGit. */
export interface Git {
  readonly cwd: string;
  /** stdout of `git args`; a UsageError naming the command when git fails. */
  raw(args: string[]): Promise<string>;
  /** stdout of `git args`, trimmed; undefined when git fails or prints nothing. */
  tryRaw(args: string[]): Promise<string | undefined>;
}

/** At most this many buffered git commands run at once (parallel readers queue behind them). */
const MAX_CONCURRENT = 8;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Why git could not start: a missing directory, else git itself. */
function spawnFailure(cwd: string, err: Error): string {
  if (!existsSync(cwd)) return `Cannot run git in ${cwd}: no such directory`;
  return `Could not run git: ${err.message}. Is git installed and on PATH?`;
}

let found: { path: string | undefined; git: string } | undefined;

/**
 * The git to run: the first executable `git` in PATH's absolute directories, looked up once per
 * PATH. Spawned by name, every start of git made the child try each PATH entry before it (an exec
 * each, which the parent waits for). A relative entry (`.`, or an empty one) is skipped: it would
 * be looked up in git's working directory, the repository being checked, which a change could
 * bring its own `git` to (Go's exec.LookPath refuses it too). When no absolute entry has git, the
 * name is spawned and the platform's lookup decides (and says git is missing). Windows keeps the
 * name: its lookup has rules of its own (PATHEXT).
 */
export function gitExecutable(path: string | undefined = process.env.PATH): string {
  if (process.platform === 'win32') return 'git';
  if (found !== undefined && found.path === path) return found.git;
  let git = 'git';
  for (const dir of (path ?? '').split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const candidate = join(dir, 'git');
    try {
      accessSync(candidate, constants.X_OK);
      if (!statSync(candidate).isFile()) continue;
    } catch {
      continue;
    }
    git = candidate;
    break;
  }
  found = { path, git };
  return git;
}

/**
 * `git args` with the safe flags and environment, its stderr kept (up to MAX_STDERR) for the
 * message a failure gives: what buffered and streaming commands share.
 */
function spawnGit(cwd: string, args: string[], stdio: [StdioNull | StdioPipe, StdioPipe | number], env?: Record<string, string>) {
  const childEnv = gitEnv(env);
  const child = spawn(gitExecutable(childEnv.PATH), [...SAFE_FLAGS, ...args], { cwd, env: childEnv, stdio: [...stdio, 'pipe'] });
  // A signal that stops prguard stops its gits too (src/interrupt.ts): else a big diff runs on.
  const forget = untilDone(() => child.kill());
  child.once('exit', forget).once('error', forget);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
  });
  return { child, stderr: () => stderr };
}

/** stdout of `git args` in `cwd`, buffered whole; rejects with git's stderr when it fails. */
function runBuffered(cwd: string, args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const { child, stderr } = spawnGit(cwd, args, ['ignore', 'pipe']);
    const out: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', (err) => reject(new Error(spawnFailure(cwd, err))));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      reject(new Error(stderr().trim() || `exit ${code ?? signal}`));
    });
  });
}

/**
 * A git for short answers in `cwd`. Each command is one spawn with the safe flags and environment,
 * its output buffered; it settles as soon as git closes its output (no polling, no grace delays).
 */
export function openGit(cwd: string): Git {
  const raw = async (args: string[]): Promise<string> => {
    try {
      return await slot(() => runBuffered(cwd, args));
    } catch (err) {
      const message = (err as Error).message;
      throw refusedRepository(message) ?? new UsageError(`\`git ${commandOf(args)}\` failed: ${firstLines(message)}`);
    }
  };
  return {
    cwd,
    raw,
    async tryRaw(args) {
      try {
        const out = (await slot(() => runBuffered(cwd, args))).trim();
        return out === '' ? undefined : out;
      } catch {
        return undefined;
      }
    },
  };
}

export interface StartOptions {
  /** Added to gitEnv(). */
  env?: Record<string, string>;
  /** Receives stdout chunk by chunk; a throw stops git and rejects `done`. Ignored with `stdout`. */
  onChunk?: (chunk: Buffer) => void;
  /** A file descriptor git writes its stdout to instead of a pipe. */
  stdout?: number;
  /** Exit codes that are not failures (besides 0). */
  okCodes?: number[];
}

export interface RunningGit {
  stdin: Writable;
  /** Settles when git exits: resolves with its stderr (warnings), rejects with a UsageError. */
  done: Promise<string>;
  /** Resolves on every exit; for waiting without handling the outcome. */
  exited: Promise<void>;
  kill(): void;
}

/** Starts `git args` with the safe flags and environment; stdout streams to `onChunk` (or a file). */
export function startGit(cwd: string, args: string[], options: StartOptions = {}): RunningGit {
  const { child, stderr } = spawnGit(cwd, args, ['pipe', options.stdout ?? 'pipe'], options.env);
  const stdin = child.stdin!;
  stdin.on('error', () => {
    // git may exit before reading all its input; its exit status tells what happened.
  });
  let failed: Error | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (failed || !options.onChunk) return;
    try {
      options.onChunk(chunk);
    } catch (err) {
      failed = err as Error;
      child.kill();
    }
  });
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', (err) => reject(new UsageError(`Could not run git: ${err.message}. Is git installed and on PATH?`)));
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code === 0 || (code !== null && options.okCodes?.includes(code))) return resolve(stderr());
      reject(refusedRepository(stderr()) ?? new UsageError(`\`git ${commandOf(args)}\` failed (exit ${code}): ${firstLines(stderr())}`));
    });
  });
  const exited = done.then(() => undefined, () => undefined);
  return { stdin, done, exited, kill: () => child.kill() };
}

/** All of stdout of `git args` fed `input` on stdin (`cat-file --batch` and its kin), whole. */
export async function gitWithInput(cwd: string, args: string[], input: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const run = startGit(cwd, args, { onChunk: (c) => chunks.push(c) });
  run.stdin.end(input);
  await run.done;
  return Buffer.concat(chunks);
}
