// Where a command's formatted report goes: standard output, or `--output FILE`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeFsError, UsageError } from '../errors.ts';
import type { IO } from './types.ts';

export function writeOutput(text: string, file: string | undefined, io: IO): void {
  if (file === undefined || file === '-') {
    io.stdout(text);
    return;
  }
  if (file === '') throw new UsageError('--output needs a file name; leave it out to print the report.');
  const path = resolve(io.cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError(`cannot write the report to ${file} (${describeFsError(err)}). Check that the path is writable, or leave out --output to print it.`);
  }
}
