// The CLI bundle's entry (dist/cli-bundle.cjs, started by src/bin.ts): the real process's IO,
// handed to main.
import { readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { main } from './cli.ts';
import { describeFsError, UsageError } from './errors.ts';
import { claimInterrupt } from './interrupt.ts';

let appLoaded = false;
/** Whether this run loaded the rules and the engine: src/bin.ts caches a check's compiled code only then. */
export const loadedApp = (): boolean => appLoaded;

/** Waits a millisecond without spinning: for a non-blocking descriptor that is not ready. */
const pause = (): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);

/** Standard input from descriptor 0, to its end or just past `max` bytes (a closed one reads as empty). */
function readStdin(max: number): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.allocUnsafe(1 << 16);
  for (let size = 0; size <= max; ) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause();
        continue;
      }
      if (code === 'EOF' || code === 'EBADF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    size += n;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Standard output, written straight to file descriptor 1: node's process.stdout is a stream that
 * takes about 2 ms to make (for a pipe, a socket with its modules), and what prguard prints is a
 * report written once. Synchronous, as node's own stdout is for files and pipes on POSIX. A reader
 * that stops early (`prguard rules | head`) is not an error: stop writing quietly, and exit with the
command's own code.
 */
let readerGone = false;

function writeStdout(text: string): void {
  if (readerGone) return;
  const data = Buffer.from(text, 'utf8');
  for (let at = 0; at < data.length; ) {
    try {
      at += writeSync(1, data, at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking descriptor that is full (stdout shared with a process that set it so):
        // wait for the reader, and try again.
        pause();
        continue;
      }
      if (code === 'EPIPE') {
        // The rest is not printed, but the run goes on to its verdict: exiting here exited 0
        // before the verdict was known (`prguard check | head -0` passed a failing check).
        readerGone = true;
        return;
      }
      // A full disk, a closed descriptor: what was printed is incomplete, so the run fails (exit
      // 2) with a line saying why, not as an internal error.
      throw new UsageError(`cannot write to standard output (${describeFsError(err)}): the output is incomplete.`);
    }
  }
}

let stderrReady = false;

/** Standard error, made on first use; a reader that is gone (EPIPE) is no crash: the exit code stands. */
function writeStderr(text: string): void {
  if (!stderrReady) {
    stderrReady = true;
    process.stderr.on('error', () => undefined);
  }
  process.stderr.write(text);
}

void main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: writeStdout,
  stderr: writeStderr,
  isTTY: isatty(1),
  // Getters: node makes process.stdin and process.stderr on first use (about 2 ms of start-up),
  // and most commands never read standard input nor write to stderr.
  get stdin() {
    return process.stdin;
  },
  // A push's refs from descriptor 0, without making process.stdin (its stream and the reads
  // through it took about 2 ms of a pre-push hook).
  readStdin,
  stdinIsTTY: isatty(0),
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  // The first SIGINT goes to the handler; another one stops the run (src/interrupt.ts).
  onInterrupt: claimInterrupt,
  onAppLoaded: () => {
    appLoaded = true;
  },
}).then((code) => {
  process.exitCode = code;
});
