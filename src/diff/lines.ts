// Splits a stream of byte chunks into lines. Each chunk is decoded once, up to its last '\n'
// (a newline never falls inside a UTF-8 sequence, so no character is split), and lines are
// reported as (text, start, end) windows on that string, `end` excluding the '\n'. Only bytes
// after a chunk's last newline are kept for the next chunk, so memory is bounded by the chunk
// size plus the longest line; nothing holds the whole input.

export type LineSink = (text: string, start: number, end: number) => void;

export class LineSplitter {
  private pending: Buffer[] = [];

  constructor(private readonly onLine: LineSink) {}

  push(chunk: Buffer): void {
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl < 0) {
      this.pending.push(Buffer.from(chunk));
      return;
    }
    let head = chunk.subarray(0, lastNl + 1);
    if (this.pending.length > 0) {
      head = Buffer.concat([...this.pending, head]);
      this.pending = [];
    }
    if (lastNl + 1 < chunk.length) this.pending.push(Buffer.from(chunk.subarray(lastNl + 1)));
    this.split(head.toString('utf8'));
  }

  /** Flushes a last line that has no trailing newline. */
  end(): void {
    if (this.pending.length === 0) return;
    const text = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    this.onLine(text, 0, text.length);
  }

  private split(text: string): void {
    let pos = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
      this.onLine(text, pos, nl);
      pos = nl + 1;
    }
  }
}

/** The text of a line window, without one trailing '\r' (CRLF content or a CRLF file). */
export function lineText(text: string, start: number, end: number): string {
  if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
  return text.slice(start, end);
}
