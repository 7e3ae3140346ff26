// Running git where simple-git cannot help: feeding stdin while the process runs and reading
// stdout as it comes (simple-git buffers both). Everything else goes through simple-git.
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.ts';

/** Config that makes git's output independent of the user's settings. */
export const STABLE_CONFIG = [
  '-c', 'core.quotepath=true',
  '-c', 'color.ui=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'i18n.logOutputEncoding=UTF-8',
];

/** Environment for every git we start: no prompts, no pager, stable messages. */
export const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

const MAX_STDERR = 8192;

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Receives stdout chunk by chunk; a throw stops git and rejects `done`. */
  onChunk?: (chunk: Buffer) => void;
}

export interface RunningGit {
  stdin: Writable;
  /** Settles when git exits: rejects with a UsageError naming the command when it fails. */
  done: Promise<void>;
}

export function startGit(cwd: string, args: string[], options: RunOptions = {}): RunningGit {
  const child = spawn('git', [...STABLE_CONFIG, ...args], {
    cwd,
    env: { ...process.env, ...GIT_ENV, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => {
    // git may exit before reading all input; its exit status tells what happened.
  });
  const done = new Promise<void>((resolve, reject) => {
    let stderr = '';
    let failed: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed || !options.onChunk) return;
      try {
        options.onChunk(chunk);
      } catch (err) {
        failed = err as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => reject(new UsageError(`Could not run git: ${err.message}. Is git installed and on PATH?`)));
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code === 0) return resolve();
      const detail = stderr.trim().split('\n').slice(0, 5).join('\n');
      reject(new UsageError(`\`git ${args[0]}\` failed (exit ${code}): ${detail || 'no message'}`));
    });
  });
  return { stdin: child.stdin, done };
}
