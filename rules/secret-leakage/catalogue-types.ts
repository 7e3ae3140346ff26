// The shape of one provider pattern in the catalogue (data, no logic).
import { escapeRegExp } from '../../src/rule-kit/regex-text.ts';
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
  /**
   * Longer literals, each containing a keyword, at least one of which occurs in any match: what
   * the keyword pass searches instead of a keyword shorter than 3 characters, which would bound
   * how far that search can skip (see keywords.ts), or of a 3-character one whose expansions are
   * rare in text (a 3-character keyword is otherwise padded, which measured faster where its
   * expansions end in common pairs: `pat` + a letter). Derived from the regex (the characters it
   * requires next to the keyword), so the patterns run on exactly the lines they could match.
   */
  anchors?: string[];
  /**
   * The token's shape where it is one prefix and one alphabet (catalogue-more.ts builds the regex
   * from it; tests draw samples from it).
   */
  shape?: { prefix: string; alphabet: string; min: number; max: number };
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
  /**
   * The placeholder and entropy checks read the secret from this offset: a fixed run the format
   * itself has (the 21 `A`s a Twitter bearer token starts with) is no sign of a made-up token.
   */
  judgeFrom?: number;
  /**
   * A multi-line key: the regex matches its first line and the scanner collects the rest (PEM:
   * up to the END line; 'putty': the `Private-Lines` of a PuTTY key file).
   */
  block?: boolean | 'putty';
  /** Only when the file's added text contains this (e.g. `gserviceaccount.com`). */
  requiresInFile?: string;
  /**
   * 'verified-format' for a fixed structure that validates without a checksum (e.g. exact
   * lengths and id fields); 'generic' for structural heuristics that are no provider's format
   * (a password in a URL). Default: 'verified-format' with a `check` or a `block`, else 'format'.
   */
  confidence?: 'verified-format' | 'format' | 'generic';
}

/** Start/end boundaries: the token is not part of a longer identifier. */
export const B = String.raw`(?<![A-Za-z0-9_])`;
export const E = String.raw`(?![A-Za-z0-9_])`;
/** End boundary for tokens whose alphabet includes `-`. */
export const ED = String.raw`(?![A-Za-z0-9_-])`;

/** Every `keyword` with one character of `alphabet` after it (or before it, `before`). */
export function anchored(keyword: string, alphabet: string, before = false): string[] {
  return [...alphabet].map((c) => (before ? c + keyword : keyword + c));
}
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const ALNUM = LETTERS + DIGITS;
export const URL_SAFE = ALNUM + '_-';

/** A UUID (any case with flag `i`): the body of vendor keys that have no prefix of their own. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A credential with no prefix of its own, recognised by the name it is assigned to. */
export function named(id: string, name: string, keywords: string[], names: string, value: string, doc: string): ProviderPattern {
  return {
    id,
    name,
    doc,
    keywords,
    ciKeywords: true,
    flags: 'i',
    regex: String.raw`(?:${names})["']?\s*(?:=>|:=|[:=])\s*["']?(${value})(?![A-Za-z0-9_-])`,
    minEntropy: 3.2,
  };
}

/** A pattern that is just a literal prefix and a fixed alphabet, documented in one line; `end` is
 * the boundary after it (by default: not followed by a character of the body's alphabet). */
export function prefixed(id: string, name: string, prefix: string, body: string, doc: string, end = body.includes('-') ? ED : E): ProviderPattern {
  return { id, name, doc: `\`${prefix}\` + ${doc}`, keywords: [prefix], regex: `${B}(${escapeRegExp(prefix)}${body})${end}` };
}
