// Runs the CLI in process (src/cli.ts main) with captured output: the same code path as the
// executable, without a subprocess per case.
import { Readable } from 'node:stream';
import { main } from '../../src/cli.ts';
import type { IO } from '../../src/commands/types.ts';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(
  argv: string[],
  opts: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean },
): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(opts.input === undefined ? [] : [opts.input]) as Readable & { isTTY?: boolean };
  if (opts.input === undefined) stdin.isTTY = true;
  const io: IO = {
    cwd: opts.cwd,
    env: opts.env ?? {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: opts.isTTY ?? false,
    stdin,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
