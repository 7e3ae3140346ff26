#!/usr/bin/env node
// The `prguard` executable (dist/cli.js): the real process's IO, handed to main.
import nodeModule from 'node:module';

// Where the runtime has it (Node >= 22.1), compiled code is cached on disk (node's default: a
// directory in the OS temp dir, keyed by each file's content), so a pre-push hook does not
// compile the bundle again on every push. Node 20 has no such cache: nothing happens there.
// It must run before the bundle is imported, hence the dynamic import below.
try {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
  // an unusable cache directory only costs the time it would have saved
}
const { main } = await import('./cli.ts');

// A reader that stops early (`prguard rules | head`) is not an error: stop writing quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  stdin: process.stdin,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  onInterrupt: (handler) => {
    process.once('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
});
