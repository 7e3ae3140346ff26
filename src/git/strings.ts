// Printable runs of binary content, as `strings` finds them: at least MIN_RUN printable ASCII
// characters (space to `~`, and tab) in a row. Each run carries the 1-based number of the line it
// starts on (newlines counted as in a text file), so a text file with one NUL byte in it reports
// its secrets on their real lines. Fed chunk by chunk; a run may span chunks.
import type { DiffLine } from '../model.ts';

export const MIN_RUN = 8;

const printable = (b: number): boolean => (b >= 0x20 && b <= 0x7e) || b === 0x09;

export class PrintableRuns {
  readonly lines: DiffLine[] = [];
  private line = 1;
  /** The run in progress: its start line and the text collected so far. */
  private runLine = 1;
  private run = '';

  push(chunk: Buffer): void {
    let start = -1;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (printable(b)) {
        if (start < 0) {
          start = i;
          if (this.run === '') this.runLine = this.line;
        }
        continue;
      }
      // A run too short to keep, and not the end of one begun in an earlier chunk, is not decoded.
      if (start >= 0 && (this.run !== '' || i - start >= MIN_RUN)) this.run += chunk.toString('latin1', start, i);
      start = -1;
      this.close();
      if (b === 0x0a) this.line++;
    }
    if (start >= 0) this.run += chunk.toString('latin1', start);
  }

  end(): DiffLine[] {
    this.close();
    return this.lines;
  }

  private close(): void {
    if (this.run.length >= MIN_RUN) this.lines.push({ line: this.runLine, content: this.run });
    this.run = '';
  }
}

/** The printable runs of a whole buffer. */
export function printableRuns(content: Buffer): DiffLine[] {
  const runs = new PrintableRuns();
  runs.push(content);
  return runs.end();
}
