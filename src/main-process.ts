// The CLI bundle's entry (dist/cli-bundle.cjs, started by src/bin.ts): the real process's IO,
// handed to main.
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { main } from './cli.ts';

let appLoaded = false;
/** Whether this run loaded the rules and the engine: src/bin.ts caches a check's compiled code only then. */
export const loadedApp = (): boolean => appLoaded;

/**
 * Standard output, written straight to file descriptor 1: node's process.stdout is a stream that
 * takes about 2 ms to make (for a pipe, a socket with its modules), and what prguard prints is a
 * report written once. Synchronous, as node's own stdout is for files and pipes on POSIX. A reader
 * that stops early (`prguard rules | head`) is not an error: stop writing quietly.
 */
function writeStdout(text: string): void {
  const data = Buffer.from(text, 'utf8');
  for (let at = 0; at < data.length; ) {
    try {
      at += writeSync(1, data, at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking descriptor that is full (stdout shared with a process that set it so):
        // wait a millisecond for the reader, without spinning, and try again.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    }
  }
}

void main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: writeStdout,
  stderr: (t) => void process.stderr.write(t),
  isTTY: isatty(1),
  // Getters: node makes process.stdin and process.stderr on first use (about 2 ms of start-up),
  // and most commands never read standard input nor write to stderr.
  get stdin() {
    return process.stdin;
  },
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  onInterrupt: (handler) => {
    process.once('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
  onAppLoaded: () => {
    appLoaded = true;
  },
}).then((code) => {
  process.exitCode = code;
});
