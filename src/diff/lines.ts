// Cuts a stream of byte chunks at line boundaries. Each chunk is decoded once, up to its last
// '\n' (a newline never falls inside a UTF-8 sequence, so no character is split), and handed on
// as a string of whole lines. Only bytes after a chunk's last newline are kept for the next
// chunk. (Lines the parser keeps are slices of that string, so a decoded chunk lives as long as
// one of its added or deleted lines does; context-only chunks are freed.)
//
// A line longer than `maxLine` bytes is cut: its first `maxLine` bytes are kept and handed on
// (after `onCut`), the rest up to its newline is dropped, so a newline-free stream holds at most
// `maxLine` bytes. Chunks are read in slices of at most `maxLine` bytes (and 1 MiB), so a line
// inside one big in-memory chunk is bounded the same way.

/** The default longest line read in full: 8 MiB. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface LinesSink {
  /** Whole lines: each ends with '\n', except a last line of the input without one. */
  lines(text: string): void;
  /** The next line handed on was cut at `limit` bytes. */
  lineCut(limit: number): void;
}

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Dropping the rest of a cut line, up to its newline. */
  private skipping = false;

  constructor(
    private readonly sink: LinesSink,
    private readonly maxLine: number = MAX_LINE_BYTES,
  ) {}

  push(chunk: Buffer): void {
    const step = Math.min(CHUNK, this.maxLine);
    for (let at = 0; at < chunk.length; at += step) this.pushSlice(chunk.subarray(at, Math.min(at + step, chunk.length)));
  }

  private pushSlice(chunk: Buffer): void {
    let from = 0;
    if (this.skipping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) return;
      this.skipping = false;
      from = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl < from) {
      this.keep(chunk.subarray(from));
      return;
    }
    if (this.pending.length > 0) {
      // Only the line that straddles the chunks is copied.
      const firstNl = chunk.indexOf(10, from);
      this.keep(chunk.subarray(from, firstNl));
      if (this.skipping) this.skipping = false; // the cut line ends here
      else this.flushPending(true);
      from = firstNl + 1;
    }
    // Lines inside this slice are at most CHUNK bytes; only the tail can grow.
    if (from <= lastNl) this.sink.lines(chunk.toString('utf8', from, lastNl + 1));
    if (lastNl + 1 < chunk.length) this.keep(chunk.subarray(lastNl + 1));
  }

  /** Keeps bytes of an unfinished line, up to the limit; past it, the line is cut. */
  private keep(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const room = this.maxLine - this.pendingBytes;
    if (bytes.length <= room) {
      this.pending.push(Buffer.from(bytes));
      this.pendingBytes += bytes.length;
      return;
    }
    if (room > 0) this.pending.push(Buffer.from(bytes.subarray(0, room)));
    this.pendingBytes = this.maxLine;
    this.sink.lineCut(this.maxLine);
    this.flushPending(false);
    this.skipping = true;
  }

  private flushPending(newline: boolean): void {
    if (newline) this.pending.push(NEWLINE);
    const text = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.sink.lines(newline || this.skipping ? text : `${text}\n`);
  }

  /** Flushes a last line that has no trailing newline. */
  end(): void {
    this.skipping = false;
    if (this.pending.length === 0) return;
    const text = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.sink.lines(text);
  }
}

const NEWLINE = Buffer.from('\n');

/** Where a line window's text ends: before one trailing '\r' (CRLF content or a CRLF file). */
export function textEnd(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The text of a line window, without one trailing '\r'. */
export function lineText(text: string, start: number, end: number): string {
  return text.slice(start, textEnd(text, start, end));
}
