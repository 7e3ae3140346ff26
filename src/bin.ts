#!/usr/bin/env node
// The `prguard` executable (dist/cli.js): the real process's IO, handed to main.
import nodeModule from 'node:module';
import v8 from 'node:v8';

// Where the runtime has it (Node >= 22.1), compiled code is cached on disk (node's default: a
// directory in the OS temp dir, keyed by each file's content), so a pre-push hook does not
// compile the bundle again on every push. Node 20 has no such cache: nothing happens there.
// It must run before the bundle is imported, hence the dynamic import below.
try {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
  // an unusable cache directory only costs the time it would have saved
}
// A check lives for well under a second, mostly beside git on a machine with few cores: on Node
// 20, V8's optimising compiler spent more CPU on its background threads, for functions that were
// only warm, than it saved, and took it from git (npm run bench). A larger interrupt budget
// (default 67,584) makes a function run more of its bytecode before it is optimised, so only
// what is really hot is. Set before the bundle is imported, so that its functions get it. Only on
// V8 11 (Node 20), where it was measured: later V8s tier up differently (Maglev) and reject the
// flag with a message on stderr.
if (process.versions.v8.startsWith('11.')) v8.setFlagsFromString('--interrupt-budget=300000');
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
