// The CLI bundle's entry (dist/cli-bundle.cjs, started by src/bin.ts): the real process's IO,
// handed to main.
import { main } from './cli.ts';

let appLoaded = false;
/** Whether this run loaded the rules and the engine: src/bin.ts caches a check's compiled code only then. */
export const loadedApp = (): boolean => appLoaded;

// A reader that stops early (`prguard rules | head`) is not an error: stop writing quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});
void main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
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
