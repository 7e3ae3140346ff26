// Running git where simple-git cannot help: streaming a large stdout without buffering it, and
// feeding stdin. Everything else goes through simple-git.
import { spawn } from 'node:child_process';
import { UsageError } from '../errors.ts';

/** Config that makes git's output independent of the user's settings. */
export const STABLE_CONFIG = [
  '-c', 'core.quotepath=true',
  '-c', 'color.ui=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'i18n.logOutputEncoding=UTF-8',
];

const MAX_STDERR = 8192;

/**
 * Runs `git args` in `cwd`, handing each stdout chunk to `onChunk` as it arrives (so the output
 * is never held whole), with optional stdin. Rejects with a UsageError naming the command when
 * git fails.
 */
export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
}

export function streamGit(cwd: string, args: string[], onChunk: (chunk: Buffer) => void, options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...STABLE_CONFIG, ...args], {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let failed: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
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
    child.stdin.on('error', () => {
      // git may exit before reading all input; the exit code tells what happened.
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git with stdin and returns its whole stdout (for small outputs such as check-attr). */
export async function gitWithInput(cwd: string, args: string[], input: string, env?: NodeJS.ProcessEnv): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamGit(cwd, args, (c) => chunks.push(c), { input, env });
  return Buffer.concat(chunks);
}
