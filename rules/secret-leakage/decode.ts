// Secrets stored base64-encoded (a Kubernetes Secret's `data:`, a CI variable, an `.env` value):
// gitleaks decodes such values before matching, and so does this rule, without a second pass over
// every line. Base64 maps each 3 bytes to 4 characters, so a keyword that begins a 3-byte group
// (the token begins the value, or sits 3, 6… bytes in) always encodes to the same characters: those
// characters are searched as more keywords of the one keyword pass, and only a line holding one
// has its base64 runs decoded and scanned.
import type { ProviderPattern } from './catalogue-types.ts';
import type { Hit, ScanLine } from './scan-types.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Shorter anchors would stop the keyword pass too often on ordinary text. */
const MIN_ANCHOR = 4;
/** The shortest base64 run worth decoding (a 12-byte token). */
const MIN_RUN = 16;

/**
 * The characters that `keyword` always encodes to when it is preceded by `shift` bytes (0, 1 or 2)
 * of its 3-byte group: those of the group it completes, of the groups it fills alone and of its
 * last, partial group whose 6 bits all come from the keyword.
 */
export function stableEncoding(keyword: string, shift: number): string {
  // Keywords are ASCII: one byte per character (another keyword has no anchor).
  if (!/^[\x20-\x7e]*$/.test(keyword)) return '';
  const b = (i: number) => keyword.charCodeAt(i);
  const skip = (3 - shift) % 3;
  if (keyword.length < skip) return '';
  // The group the keyword completes: its last characters take all their bits from the keyword.
  let out = skip === 2 ? `${B64[((b(0) & 15) << 2) | (b(1) >> 6)]}${B64[b(1) & 63]}` : skip === 1 ? (B64[b(0) & 63] as string) : '';
  let i = skip;
  for (; i + 3 <= keyword.length; i += 3) {
    out += `${B64[b(i) >> 2]}${B64[((b(i) & 3) << 4) | (b(i + 1) >> 4)]}${B64[((b(i + 1) & 15) << 2) | (b(i + 2) >> 6)]}${B64[b(i + 2) & 63]}`;
  }
  const rest = keyword.length - i;
  if (rest >= 1) out += B64[b(i) >> 2];
  if (rest === 2) out += B64[((b(i) & 3) << 4) | (b(i + 1) >> 4)];
  return out;
}

const anchored = (d: ProviderPattern) => !d.ciKeywords && !d.block;

/**
 * Keys of documents that hold base64 themselves, so that base64 of the document is decoded too:
 * a Docker config (`.dockerconfigjson` in a Kubernetes Secret) whose `auth` is base64 of `user:token`.
 */
const CONTAINERS = ['"auths"'];

/** What the anchors are made from: the keywords of the patterns that have anchors, as one string. */
export function anchorSource(defs: readonly ProviderPattern[]): string {
  return defs.filter(anchored).map((d) => d.keywords.join('\n')).join('\n');
}

/**
 * The base64 anchors of the case-sensitive keywords (multi-line key blocks have their own base64
 * pattern); `built`: those of the built-in catalogue, made at build time (keyword-tables.ts), used
 * when the keywords are the same.
 */
export function base64Anchors(defs: readonly ProviderPattern[], built?: { source: string; anchors: string[] }): string[] {
  if (built && built.source === anchorSource(defs)) return built.anchors;
  const out = new Set<string>();
  for (const keywords of [CONTAINERS, ...defs.filter(anchored).map((d) => d.keywords)]) {
    for (const k of keywords) {
      for (const shift of [0, 1, 2]) {
        const a = stableEncoding(k, shift);
        if (a.length >= MIN_ANCHOR) out.add(a);
      }
    }
  }
  return [...out];
}

const isB64 = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 45 || c === 95;

/** A run of base64 text (standard or URL-safe) in a line, decoded to printable text. */
export interface DecodedRun {
  /** Column of the run in the line. */
  index: number;
  /** The run as written (what must be masked besides the secret inside it). */
  encoded: string;
  /** The decoded text, one line per decoded line. */
  lines: string[];
}

/** Printable text (tabs and line breaks allowed): a decoded run that is not, is binary data. */
function printable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || c === 0xfffd) return false;
  }
  return true;
}

/** The base64 runs of a line that decode to printable text. */
export function decodedRuns(line: string): DecodedRun[] {
  const out: DecodedRun[] = [];
  let i = 0;
  while (i < line.length) {
    if (!isB64(line.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && isB64(line.charCodeAt(i))) i++;
    let end = i;
    while (i < line.length && line.charCodeAt(i) === 61 && i - end < 2) i++; // `=` padding
    if (end - start < MIN_RUN) continue;
    const encoded = line.slice(start, i);
    // Node decodes the URL-safe alphabet too; a trailing partial character decodes to nothing.
    end -= (end - start) % 4 === 1 ? 1 : 0;
    const text = Buffer.from(line.slice(start, end), 'base64').toString('utf8');
    if (text.length > 0 && printable(text)) out.push({ index: start, encoded, lines: text.split(/\r?\n/) });
  }
  return out;
}

/**
 * The hits inside the base64 runs of line `at`, each run's text scanned by `scan`: placed on the
 * line, at the column where the secret's first byte is encoded (4 characters per 3 bytes), with
 * the run as written to be masked too.
 */
export function decodedHits(line: string, at: number, scan: (lines: ScanLine[]) => Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const run of decodedRuns(line)) {
    const starts: number[] = [];
    run.lines.reduce((from, l) => (starts.push(from), from + l.length + 1), 0);
    for (const h of scan(run.lines.map((content, i) => ({ content, line: i + 1 })))) {
      const index = run.index + Math.floor((((starts[h.at] as number) + h.index) * 4) / 3);
      const name = h.name.endsWith(', base64-encoded') ? h.name : `${h.name}, base64-encoded`; // once, however deep
      out.push({ ...h, name, at, endAt: at, index, encoded: [run.encoded, ...(h.encoded ?? [])] });
    }
  }
  return out;
}

/**
 * A percent-encoded `://` (a URL inside a URL's query, `redirect=https%3A%2F%2Fuser%3Apw%40host`):
 * its line is scanned decoded even though no keyword of the URL patterns is on it as written.
 */
export const PERCENT_ANCHORS = ['%3A%2F%2F', '%3a%2f%2f'];

/** Escapes of the characters that tokens and URLs hold and encoders escape (`+ / = : @`). */
const RELEVANT = /%(?:2[BbFf]|3[AaDd]|40)/;
const ESCAPE = /%([0-9A-Fa-f]{2})/g;

/**
 * A line with its `%XX` escapes decoded, and the decoded positions of the escaped characters;
 * undefined when no escape could be part of a secret (`%20` in prose, `%s` in a format string).
 */
export function percentDecoded(line: string): { text: string; escapes: number[] } | undefined {
  if (!RELEVANT.test(line)) return undefined;
  const parts: string[] = [];
  const escapes: number[] = [];
  let last = 0;
  let length = 0;
  for (const m of line.matchAll(ESCAPE)) {
    parts.push(line.slice(last, m.index));
    length += m.index - last;
    escapes.push(length++);
    parts.push(String.fromCharCode(parseInt(m[1] as string, 16)));
    last = m.index + 3;
  }
  parts.push(line.slice(last));
  return { text: parts.join(''), escapes };
}

/** Where decoded position `at` was written: each escape before it took 2 more characters. */
function written(escapes: readonly number[], at: number): number {
  let n = 0;
  while (n < escapes.length && (escapes[n] as number) < at) n++;
  return at + 2 * n;
}

/**
 * The hits of a line (one a keyword selected) read with its percent-escapes decoded, as gitleaks
 * reads them (`aws_secret_access_key=…%2F…`, a webhook URL in a query string): placed where the
 * secret is written, which is masked with it.
 */
export function percentHits(line: string, at: number, scan: (lines: ScanLine[]) => Hit[]): Hit[] {
  const decoded = percentDecoded(line);
  if (decoded === undefined) return [];
  return scan([{ content: decoded.text, line: 1 }]).flatMap((h) => {
    if (h.at !== 0 || h.endAt !== 0) return []; // a block: its lines are not this line's
    const start = written(decoded.escapes, h.index);
    const text = line.slice(start, written(decoded.escapes, h.index + h.secret.length));
    const name = text === h.secret ? h.name : `${h.name}, percent-encoded`;
    return [{ ...h, name, at, endAt: at, index: start, encoded: [text, ...(h.encoded ?? [])] }];
  });
}
