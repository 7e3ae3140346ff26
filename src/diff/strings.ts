// Printable runs of binary content, as `strings` finds them: at least MIN_RUN printable ASCII
// characters (space to `~`, and tab) in a row; and, as `strings -e l` and `-e b` do, at least as
// many such characters each paired with a zero byte: UTF-16 text (a file saved as "Unicode" on
// Windows, a .NET resource, a string inside a binary), which git calls binary for its zero bytes;
// and, as `strings -e L` and `-e B` do, such characters each with three zero bytes (UTF-32).
// Each run carries the 1-based number of the line it starts on (newlines counted as in a text
// file), so a text file with one NUL byte in it reports its secrets on their real lines. Fed
// chunk by chunk; a run may span chunks.
import type { DiffLine } from '../model.ts';

export const MIN_RUN = 8;

/** The largest binary content read for the scanners, per file (git blobs and binary patches alike). */
export const CONTENT_SCAN_LIMIT = 8 << 20;

/** A byte count in MiB, for messages. */
export const mib = (bytes: number): string => `${(bytes / (1 << 20)).toFixed(1)} MiB`;

/** Why content of `size` bytes is not read. */
export const overContentLimit = (size: number): string => `larger (${mib(size)}) than the ${mib(CONTENT_SCAN_LIMIT)} content-scan limit`;

/** The most binary content read for the scanners per change (git blobs and the API's files alike). */
export const CONTENT_SCAN_BUDGET = 64 << 20;

/** Why content is not read once a change's budget is spent. */
export const OVER_CONTENT_BUDGET = `over the ${mib(CONTENT_SCAN_BUDGET)} content-scan budget of one change`;

/** The fewest bytes that hold MIN_RUN characters of UTF-16 (the last one's zero byte may be missing). */
const WIDE_MIN_BYTES = 2 * MIN_RUN - 1;
const OTHER = 0;
const PRINTABLE = 1;
const ZERO = 2;
/** Each byte's kind: PRINTABLE (space to `~`, and tab), ZERO, or OTHER. */
const KIND = new Uint8Array(256);
for (let b = 0x20; b <= 0x7e; b++) KIND[b] = PRINTABLE;
KIND[0x09] = PRINTABLE;
KIND[0] = ZERO;

/**
 * The printable bytes of an alternating run's part `chunk[from, to)`, as text: each (byte, zero)
 * pair read as one UTF-16LE code unit (a part that starts on its zero is big-endian text).
 */
function wideChars(chunk: Buffer, from: number, to: number): string {
  const first = chunk[from] === 0 ? from + 1 : from;
  if (first >= to) return '';
  const end = first + ((to - first) & ~1);
  const text = end > first ? chunk.toString('utf16le', first, end) : '';
  return end < to ? text + String.fromCharCode(chunk[end]!) : text;
}

export class PrintableRuns {
  readonly lines: DiffLine[] = [];
  private line = 1;
  /** The run in progress: its start line and the text collected so far. */
  private runLine = 1;
  private run = '';
  /**
   * The bytes that alternate between printable and zero, up to the last one read: the kind of
   * that byte (PRINTABLE, ZERO, or OTHER when there is no such run), and the characters of the
   * run's part in earlier chunks. A newline ends it, so it lies on one line.
   */
  private wideKind = OTHER;
  private wideCarry = '';
  /**
   * UTF-32: printable bytes three zero bytes apart. The characters of the run in progress (0:
   * none), the zero bytes since its last one, its first character (its text is made only once a
   * second one follows, so plain text costs no string per byte), its text and line.
   */
  private quadLength = 0;
  private quadZeros = 0;
  private quadFirst = 0;
  private quadText = '';
  private quadLine = 1;

  push(chunk: Buffer): void {
    let start = -1;
    let wideKind = this.wideKind;
    let wideStart = 0;
    let carried = this.wideCarry !== '';
    let quadLength = this.quadLength;
    let quadZeros = this.quadZeros;
    let quadFirst = this.quadFirst;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      const kind = KIND[b]!;
      if (kind === PRINTABLE) {
        if (quadZeros === 3 && quadLength > 0) {
          // A second character confirms the run: its text is made from here on.
          if (quadLength === 1) {
            this.quadText = String.fromCharCode(quadFirst);
            this.quadLine = this.line;
          }
          this.quadText += String.fromCharCode(b);
          quadLength++;
        } else {
          if (quadLength >= MIN_RUN) this.closeQuad(quadLength);
          quadLength = 1;
          quadFirst = b;
        }
        quadZeros = 0;
      } else if (quadLength > 0 && (kind === OTHER || ++quadZeros > 3)) {
        if (quadLength >= MIN_RUN) this.closeQuad(quadLength);
        quadLength = 0;
      }
      if (kind === OTHER || kind === wideKind || wideKind === OTHER) {
        // The alternation ends (unless it had not begun): too short a part is not decoded.
        if (wideKind !== OTHER && (carried || i - wideStart >= WIDE_MIN_BYTES)) {
          this.closeWide(chunk, wideStart, i);
          carried = false;
        }
        wideStart = i;
      }
      wideKind = kind;
      if (kind === PRINTABLE) {
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
    if (wideKind !== OTHER) this.wideCarry += wideChars(chunk, wideStart, chunk.length);
    this.wideKind = wideKind;
    this.quadLength = quadLength;
    this.quadZeros = quadZeros;
    this.quadFirst = quadFirst;
  }

  end(): DiffLine[] {
    this.close();
    this.closeQuad(this.quadLength);
    this.quadLength = 0;
    if (this.wideCarry.length >= MIN_RUN) this.lines.push({ line: this.line, content: this.wideCarry });
    this.wideCarry = '';
    this.wideKind = OTHER;
    return this.lines;
  }

  /** Ends an alternating run at `to`: kept when it (with its part in earlier chunks) has enough characters. */
  private closeWide(chunk: Buffer, from: number, to: number): void {
    const text = this.wideCarry + wideChars(chunk, from, to);
    this.wideCarry = '';
    if (text.length >= MIN_RUN) this.lines.push({ line: this.line, content: text });
  }

  /** Ends a UTF-32 run of `length` characters: kept when it has enough. */
  private closeQuad(length: number): void {
    if (length >= MIN_RUN) this.lines.push({ line: this.quadLine, content: this.quadText });
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
