// The diff-file source: `--diff FILE` or `--diff -` (stdin). No repository needed.
import { createReadStream } from 'node:fs';
import { noFileChangedNote } from '../empty-change.ts';
import { describeFsError as describe, UsageError } from '../errors.ts';
import type { ChangeSet, FileChange } from '../model.ts';
import { DiffFormatError, DiffLimitError } from './errors.ts';
import { releaseLines } from './hunk-text.ts';
import { DiffStream } from './index.ts';
import { MAX_LINE_BYTES } from './lines.ts';

/** The largest diff read by default: 512 MiB (`--max-diff-bytes` / PRGUARD_MAX_DIFF_BYTES raise it). */
export const MAX_DIFF_BYTES = 512 * 1024 * 1024;

/** The most added and deleted lines read by default (about 1 GiB of memory with their text). */
export const MAX_DIFF_LINES = 10_000_000;

export const EMPTY_DIFF_NOTE = 'the diff is empty: nothing was checked';

export interface DiffSourceOptions {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Refuse input larger than this many bytes (exit 2). */
  maxBytes?: number;
  /** Refuse input with more added and deleted lines than this (exit 2). */
  maxLines?: number;
  /** How messages name the input (default: the path given); the CLI passes the path as the user wrote it. */
  label?: string;
  /** Cut lines longer than this many bytes (with a note). */
  maxLineBytes?: number;
  /**
   * Receives each file as soon as its patch is parsed (see ChangeSource.load). A mailbox's files
   * are merged across its patches afterwards into new objects: those are not handed over.
   */
  onFile?: (file: FileChange) => void;
}

function mib(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Reads a unified diff or a `git format-patch --stdout` mailbox from a file, or from stdin when
 * `pathOrDash` is `-`, streaming. `base`/`head` are the first commit's parent (`<sha>^`) and the
 * last commit of a mailbox, and empty strings for a plain diff (it names no commits).
 * A diff that cannot be read in full is a UsageError `FILE:LINE: message` (exit 2). Empty input
 * is a note from a file, and an error from stdin (most likely the command piping it in failed).
 */
export async function loadDiffChangeSet(pathOrDash: string, options: DiffSourceOptions = {}): Promise<ChangeSet> {
  const stdin = options.stdin ?? process.stdin;
  const maxBytes = options.maxBytes ?? MAX_DIFF_BYTES;
  const fromStdin = pathOrDash === '-';
  const label = fromStdin ? 'standard input' : (options.label ?? pathOrDash);
  if (fromStdin && stdin.isTTY) {
    throw new UsageError('--diff - reads the diff from standard input, but nothing is piped in. Try: git diff main... | prguard check --diff -');
  }
  const maxLines = options.maxLines ?? MAX_DIFF_LINES;
  // As the git source: the line objects the per-file phases read go once they return (hunk-text.ts).
  const onFile = options.onFile && ((f: FileChange) => {
    options.onFile!(f);
    releaseLines(f);
  });
  const stream = new DiffStream({ maxLineBytes: options.maxLineBytes ?? MAX_LINE_BYTES, maxLines, onFile });
  let sawText = false;
  let bytes = 0;
  let parsed;
  try {
    const source = fromStdin ? stdin : createReadStream(pathOrDash);
    try {
      for await (const chunk of source as AsyncIterable<Buffer | string>) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytes += buf.length;
        if (bytes > maxBytes) {
          throw new UsageError(
            `${label} is larger than ${mib(maxBytes)}, the most prguard reads: nothing was checked. ` +
              'Check a smaller range, or raise the limit with --max-diff-bytes BYTES (or PRGUARD_MAX_DIFF_BYTES).',
          );
        }
        if (!sawText && /\S/.test(buf.toString('latin1'))) sawText = true;
        stream.write(buf);
      }
    } finally {
      if ('destroy' in source && typeof source.destroy === 'function') (source as { destroy(): void }).destroy();
    }
    parsed = stream.end();
  } catch (err) {
    if (err instanceof DiffFormatError) throw new UsageError(`${label}:${err.line}: ${err.reason}`);
    if (err instanceof DiffLimitError) {
      throw new UsageError(
        `${label} has more than ${err.limit} added and deleted lines, the most prguard reads: nothing was checked. ` +
          'Check a smaller range, or raise the limit with --max-diff-lines N (or PRGUARD_MAX_DIFF_LINES).',
      );
    }
    if (err instanceof UsageError) throw err;
    throw new UsageError(`Cannot read the diff from ${label}: ${describe(err as NodeJS.ErrnoException)}.`);
  }
  const { files, commits, notes, history } = parsed;
  if (!sawText) {
    if (fromStdin) {
      throw new UsageError(
        'standard input is empty: nothing to check. An empty diff on a pipe usually means the command ' +
          'before prguard failed (a bad ref in `git diff`), so prguard does not pass it. To check an empty ' +
          'change on purpose, write it to a file and pass --diff FILE.',
      );
    }
    notes.push(EMPTY_DIFF_NOTE);
  } else if (files.length === 0 && commits.length === 0) {
    throw new UsageError(
      `${label} does not look like a unified diff or a git format-patch mailbox: no \`diff --git\`, \`---\`/\`+++\` ` +
        'or `From <sha>` lines were found. Create one with `git diff BASE...HEAD > change.diff`.',
    );
  }
  // A patch series whose commits change no file (format-patch --always of empty commits).
  if (files.length === 0 && commits.length > 0) notes.push(noFileChangedNote(commits.length));
  const first = commits[0];
  const last = commits[commits.length - 1];
  const change: ChangeSet = { base: first ? `${first.sha}^` : '', head: last ? last.sha : '', files, commits, ...(history ? { history } : {}) };
  if (notes.length > 0) change.notes = notes;
  return change;
}
