// What the scanner reads and reports, apart from the scanner so its helpers (PEM blocks, AWS
// pairs) can name them without importing it.
import type { DiffLine } from '../../src/model.ts';

/** One line to scan: the change model's DiffLine (added lines are scanned as they are). */
export type ScanLine = DiffLine;

export interface Hit {
  patternId: string;
  name: string;
  secret: string;
  /** Index into the scanned lines. */
  at: number;
  /** Index into the scanned lines of the last line (multi-line blocks). */
  endAt: number;
  /** Column of the secret on its first line. */
  index: number;
  /** Overrides the pattern's confidence class (an AWS secret key paired with its key id). */
  confidence?: 'verified-format';
  /** Generic hits: the value is human-written or only moderately random. */
  weak?: boolean;
  /** Found inside base64 runs (decode.ts): the runs as written, to be masked with the secret. */
  encoded?: string[];
}

/** Where a pass gets the scanned lines as objects, read only once a keyword makes them needed. */
export interface LineSource {
  readonly lines: readonly ScanLine[];
}

/** A keyword pass of the scanner under way (see Scanner.startPass). */
export interface Pass {
  marked: Uint8Array;
  selected: number[];
  words: number[];
  /** Where the current line's content starts in its text. */
  lineStart: number;
  /** The current line's index in the scanned lines. */
  at: number;
  linesOf: LineSource;
  /** The scanned lines, once a keyword made them needed. */
  lines: readonly ScanLine[] | undefined;
  hits: Hit[];
}
