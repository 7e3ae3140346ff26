// The shape of one provider pattern in the catalogue (data, no logic).
import type { StructureCheck } from './checksums.ts';

export interface ProviderPattern {
  /** kebab-case id, shown in findings and used in tests and the benchmark. */
  id: string;
  /** Human name of what was found, e.g. "GitHub classic personal access token". */
  name: string;
  /** The format and where it is documented. */
  doc: string;
  /**
   * Literal substrings, at least one of which occurs in any match. The scanner only runs the
   * regex on lines that contain one of them. Case-sensitive unless `ciKeywords`.
   */
  keywords: string[];
  ciKeywords?: boolean;
  /** JavaScript regex source (flags `g` plus `flags`). */
  regex: string;
  flags?: string;
  /** Capture group holding the secret itself (default: 1 if the regex has a group, else 0). */
  group?: number;
  /** Every one of these must also occur on the line (cheap context check). */
  requires?: string[];
  /** Public checksum or structure the token must pass. */
  check?: StructureCheck;
  /**
   * Minimum Shannon entropy (bits per character) of the secret. Catches placeholders like
   * `sk_live_xxxxxxxxxxxxxxxxxxxxxxxx` in formats that have no checksum. Default 3.0.
   */
  minEntropy?: number;
  /** A PEM-style block: the regex matches the BEGIN line, the scanner collects lines to END. */
  block?: boolean;
  /** Only when the file's added text contains this (e.g. `gserviceaccount.com`). */
  requiresInFile?: string;
}

/** Start/end boundaries: the token is not part of a longer identifier. */
export const B = String.raw`(?<![A-Za-z0-9_])`;
export const E = String.raw`(?![A-Za-z0-9_])`;
/** End boundary for tokens whose alphabet includes `-`. */
export const ED = String.raw`(?![A-Za-z0-9_-])`;
