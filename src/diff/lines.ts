// Splits a stream of byte chunks into lines without copying: each line is reported as a
// (buffer, start, end) window, `end` excluding the '\n'. Only a line that straddles two chunks
// is copied. Memory stays bounded by the largest chunk plus the longest line.

export type LineSink = (buf: Buffer, start: number, end: number) => void;

export class LineSplitter {
  private pending: Buffer[] = [];

  constructor(private readonly onLine: LineSink) {}

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.pending.length > 0) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.pending.push(chunk);
        return;
      }
      this.pending.push(chunk.subarray(0, nl));
      const line = Buffer.concat(this.pending);
      this.pending = [];
      this.onLine(line, 0, line.length);
      pos = nl + 1;
    }
    for (let nl = chunk.indexOf(10, pos); nl >= 0; nl = chunk.indexOf(10, pos)) {
      this.onLine(chunk, pos, nl);
      pos = nl + 1;
    }
    // Copy the tail so the (possibly large) chunk can be released.
    if (pos < chunk.length) this.pending.push(Buffer.from(chunk.subarray(pos)));
  }

  /** Flushes a last line that has no trailing newline. */
  end(): void {
    if (this.pending.length === 0) return;
    const line = Buffer.concat(this.pending);
    this.pending = [];
    this.onLine(line, 0, line.length);
  }
}

/** Decodes a line window as UTF-8, dropping one trailing '\r' (CRLF content or a CRLF file). */
export function lineText(buf: Buffer, start: number, end: number): string {
  if (end > start && buf[end - 1] === 13) end -= 1;
  return buf.toString('utf8', start, end);
}
