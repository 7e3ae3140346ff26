// The diff-file source: `--diff FILE` or `--diff -` (stdin). No repository needed.
import { createReadStream } from 'node:fs';
import { describeFsError as describe, UsageError } from '../errors.ts';
import type { ChangeSet } from '../model.ts';
import { DiffStream } from './index.ts';

/**
 * Reads a unified diff or a `git format-patch --stdout` mailbox from a file, or from stdin when
 * `pathOrDash` is `-`, streaming. `base`/`head` are the first commit's parent (`<sha>^`) and the
 * last commit of a mailbox, and empty strings for a plain diff (it names no commits).
 */
export async function loadDiffChangeSet(
  pathOrDash: string,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<ChangeSet> {
  const fromStdin = pathOrDash === '-';
  const label = fromStdin ? 'standard input' : pathOrDash;
  if (fromStdin && stdin.isTTY) {
    throw new UsageError('--diff - reads the diff from standard input, but nothing is piped in. Try: git diff main... | prguard check --diff -');
  }
  const stream = new DiffStream();
  let sawText = false;
  try {
    const source = fromStdin ? stdin : createReadStream(pathOrDash);
    for await (const chunk of source as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (!sawText && /\S/.test(buf.toString('latin1'))) sawText = true;
      stream.write(buf);
    }
  } catch (err) {
    throw new UsageError(`Cannot read the diff from ${label}: ${describe(err as NodeJS.ErrnoException)}.`);
  }
  const { files, commits, history } = stream.end();
  if (sawText && files.length === 0 && commits.length === 0) {
    throw new UsageError(
      `${label} does not look like a unified diff or a git format-patch mailbox: no \`diff --git\`, \`---\`/\`+++\` ` +
        'or `From <sha>` lines were found. Create one with `git diff BASE...HEAD > change.diff`.',
    );
  }
  const first = commits[0];
  const last = commits[commits.length - 1];
  return { base: first ? `${first.sha}^` : '', head: last ? last.sha : '', files, commits, ...(history ? { history } : {}) };
}
