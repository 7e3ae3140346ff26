// Runs a git command whose output is large (the diff) without letting our pauses slow git down.
// Through a pipe, git stops whenever the 64 KB pipe buffer is full, i.e. during every garbage
// collection or parse step of ours. Here git writes to an unlinked temporary file at full speed
// while we read and parse it behind it, 1 MB at a time; memory stays bounded either way.
import { spawn } from 'node:child_process';
import { closeSync, openSync, unlinkSync } from 'node:fs';
import { mkdtemp, open, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { GIT_ENV, STABLE_CONFIG } from './run.ts';

const READ_SIZE = 1 << 20;
const MAX_STDERR = 8192;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `git args` in `cwd` and hands its stdout to `onChunk` while it runs (chunks are reused). */
export async function spoolGit(cwd: string, args: string[], onChunk: (chunk: Buffer) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'prguard-diff-'));
  const file = join(dir, 'out');
  const writeFd = openSync(file, 'w');
  const reader = await open(file, 'r');
  let removed = false;
  try {
    // The open descriptors keep the file alive, so nothing is left behind if we crash
    // (Windows refuses to remove an open file: then it goes at the end).
    unlinkSync(file);
    await rmdir(dir);
    removed = true;
  } catch {
    // removed below
  }
  let exit: { code: number | null; error?: Error } | undefined;
  let stderr = '';
  let child: ReturnType<typeof spawn> | undefined;
  try {
    child = spawn('git', [...STABLE_CONFIG, ...args], { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', writeFd, 'pipe'] });
    child.stderr?.on('data', (c: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += c.toString('utf8');
    });
    child.on('error', (error) => (exit = { code: null, error }));
    child.on('close', (code) => (exit ??= { code }));
    closeSync(writeFd);
    const buf = Buffer.allocUnsafe(READ_SIZE);
    let position = 0;
    for (;;) {
      const done = exit !== undefined; // read once more after exit: git's last bytes
      const { bytesRead } = await reader.read(buf, 0, READ_SIZE, position);
      if (bytesRead > 0) {
        position += bytesRead;
        onChunk(buf.subarray(0, bytesRead));
      } else if (done) break;
      else await pause(2);
    }
  } catch (err) {
    if (!exit) child?.kill(); // the consumer failed: stop git
    throw err;
  } finally {
    await reader.close();
    if (!removed) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  if (exit?.error) throw new UsageError(`Could not run git: ${exit.error.message}. Is git installed and on PATH?`);
  if (exit?.code !== 0) {
    const detail = stderr.trim().split('\n').slice(0, 5).join('\n');
    throw new UsageError(`\`git ${args[0]}\` failed (exit ${exit?.code}): ${detail || 'no message'}`);
  }
}
