// Runs a git command whose output is large (the diff) without letting our pauses slow git down.
// Through a pipe, git stops whenever the 64 KB pipe buffer is full, i.e. during every garbage
// collection or parse step of ours. Here git writes to an unlinked temporary file at full speed
// while we read and parse it behind it, 1 MB at a time; memory stays bounded either way.
// We wait for more output on events, never on a timer: a file-system watch on the spool file
// fires as git writes, and git's exit ends the wait for good. The watch only adds overlap: when
// the platform cannot watch (or stops reporting after the unlink), the reader still gets every
// byte once git exits.
import { close, closeSync, type FSWatcher, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StartOptions, startGit } from './run.ts';

const READ_SIZE = 1 << 20;

function rmQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // a temp directory left behind is not worth failing the check for
  }
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A one-slot wake-up signal: `wait()` resolves at the next `wake()`, or at once if one came since. */
class Signal {
  private pending = false;
  private waiter: (() => void) | undefined;

  wake = (): void => {
    this.pending = true;
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  };

  wait(): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiter = () => {
        this.pending = false;
        resolve();
      };
    });
  }
}

function watchFile(file: string, onEvent: () => void): FSWatcher | undefined {
  try {
    const w = watch(file, { persistent: false }, onEvent);
    w.on('error', onEvent);
    return w;
  } catch {
    return undefined; // no watch (e.g. out of inotify watches): the exit still wakes us
  }
}

/**
 * Runs `git args` in `cwd` and hands its stdout to `onChunk` while it runs (chunks are reused).
 * Resolves with git's stderr (its warnings); rejects with a UsageError when git fails. git starts
 * before the call returns (the set-up is synchronous), so callers start it ahead of other work;
 * `onChunk` is first called after the call has returned.
 */
export async function spoolGit(
  cwd: string,
  args: string[],
  onChunk: (chunk: Buffer) => void,
  options: Pick<StartOptions, 'env'> & {
    /** Output is read (and handed to onChunk) only once this settles; a rejection stops git. */
    ready?: Promise<unknown>;
  } = {},
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'prguard-diff-'));
  const file = join(dir, 'out');
  const writeFd = openSync(file, 'w');
  const readFd = openSync(file, 'r');
  const signal = new Signal();
  const watcher = watchFile(file, signal.wake);
  let removed = false;
  try {
    // The open descriptors keep the file alive, so nothing is left behind if we crash
    // (Windows refuses to remove an open file: then it goes at the end).
    unlinkSync(file);
    rmdirSync(dir);
    removed = true;
  } catch {
    // removed below
  }
  let exited = false;
  let git: ReturnType<typeof startGit> | undefined;
  try {
    git = startGit(cwd, args, { env: options.env, stdout: writeFd });
    void git.exited.then(() => {
      exited = true;
      signal.wake();
    });
    closeSync(writeFd);
    const buf = Buffer.allocUnsafe(READ_SIZE);
    // Never a chunk before the call has returned: the caller finishes its set-up first. git
    // writes to the spool meanwhile, whoever reads it and when.
    await yieldToEvents();
    await options.ready;
    let position = 0;
    for (;;) {
      const last = exited; // read once more after exit: git's last bytes
      // Synchronous: the bytes are in the page cache, and a read per wake-up through the thread
      // pool would cost more than the copy.
      const bytesRead = readSync(readFd, buf, 0, READ_SIZE, position);
      if (bytesRead > 0) {
        position += bytesRead;
        onChunk(buf.subarray(0, bytesRead));
        await yieldToEvents(); // let the other gits' output in between megabytes
      } else if (last) break;
      else await signal.wait();
    }
  } catch (err) {
    if (!exited) git?.kill(); // the consumer failed: stop git
    if (git) await git.exited;
    throw err;
  } finally {
    watcher?.close();
    // In the thread pool: closing the last descriptor of an unlinked file frees its pages, which
    // takes milliseconds after a big diff. On Windows, where the file could not be unlinked, the
    // directory is removed once it is closed.
    close(readFd, () => {
      if (!removed) rmQuietly(dir);
    });
  }
  return git.done;
}
