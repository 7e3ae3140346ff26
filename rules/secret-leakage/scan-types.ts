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
