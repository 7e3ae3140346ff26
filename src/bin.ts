#!/usr/bin/env node
// The `prguard` executable (dist/cli.js): the real process's IO, handed to main.
import { main } from './cli.ts';

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
