// Cuts a stream of byte chunks at line boundaries. Each chunk is decoded once, up to its last
// '\n' (a newline never falls inside a UTF-8 sequence, so no character is split), and handed on
// as a string of whole lines. Only bytes after a chunk's last newline are kept for the next
// chunk. (Lines the parser keeps are slices of that string, so a decoded chunk lives as long as
// one of its added or deleted lines does; context-only chunks are freed.)

/** Receives whole lines: each ends with '\n', except a last line of the input without one. */
export type LinesSink = (text: string) => void;

export class LineSplitter {
  private pending: Buffer[] = [];

  constructor(private readonly onLines: LinesSink) {}

  push(chunk: Buffer): void {
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl < 0) {
      this.pending.push(Buffer.from(chunk));
      return;
    }
    let from = 0;
    if (this.pending.length > 0) {
      // Only the line that straddles the chunks is copied.
      const firstNl = chunk.indexOf(10);
      this.pending.push(chunk.subarray(0, firstNl + 1));
      const line = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      this.onLines(line);
      from = firstNl + 1;
    }
    if (lastNl + 1 < chunk.length) this.pending.push(Buffer.from(chunk.subarray(lastNl + 1)));
    if (from <= lastNl) this.onLines(chunk.toString('utf8', from, lastNl + 1));
  }

  /** Flushes a last line that has no trailing newline. */
  end(): void {
    if (this.pending.length === 0) return;
    const text = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    this.onLines(text);
  }
}

/** The text of a line window, without one trailing '\r' (CRLF content or a CRLF file). */
export function lineText(text: string, start: number, end: number): string {
  if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
  return text.slice(start, end);
}
