// Public entry points of the diff parser.
import type { FileChange } from '../model.ts';
import { LineSplitter, MAX_LINE_BYTES } from './lines.ts';
import { DiffParser, type ParsedPatch, type ParserOptions } from './parser.ts';

export type { ParsedPatch, ParserOptions } from './parser.ts';
export { DiffFormatError } from './errors.ts';
export { MAX_LINE_BYTES } from './lines.ts';

export interface StreamOptions extends ParserOptions {
  /** Longest line read in full, in bytes (default MAX_LINE_BYTES); longer lines are cut, with a note. */
  maxLineBytes?: number;
}
export { parseTrailers, type TrailerOptions } from './trailers.ts';

/** A push-style parser: `write` chunks as they arrive, then `end()` for the result. */
export class DiffStream {
  private readonly parser: DiffParser;
  private readonly splitter: LineSplitter;

  constructor(options: StreamOptions = {}) {
    this.parser = new DiffParser(options);
    this.splitter = new LineSplitter(this.parser, options.maxLineBytes ?? MAX_LINE_BYTES);
  }

  /** Feeds the next bytes. The chunk is not kept: the caller may reuse it afterwards. */
  write(chunk: Buffer | string): void {
    this.splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }

  end(): ParsedPatch {
    this.splitter.end();
    return this.parser.end();
  }
}

/**
 * Parses a diff or format-patch mailbox from a Readable or any async iterable of chunks.
 * Throws DiffFormatError (a UsageError) when the text cannot be read in full.
 */
export async function parsePatchStream(source: AsyncIterable<Buffer | string>): Promise<ParsedPatch> {
  const stream = new DiffStream();
  for await (const chunk of source) stream.write(chunk);
  return stream.end();
}

/** Parses a whole diff or format-patch mailbox held in memory. */
export function parsePatch(text: string | Buffer): ParsedPatch {
  const stream = new DiffStream();
  stream.write(text);
  return stream.end();
}

/** Parses a unified diff held in memory into its files. */
export function parseUnifiedDiff(text: string | Buffer): FileChange[] {
  return parsePatch(text).files;
}
