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
 * A value that is wholly base64 (standard or URL-safe, as its encoder wrote it: it re-encodes to
 * itself) of printable text, decoded; undefined otherwise. Random keys decode to binary.
 */
export function decodedValue(value: string): string | undefined {
  if (value.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  const again = /[-_]/.test(value) ? bytes.toString('base64url') : bytes.toString('base64');
  if (again.replace(/=+$/, '') !== value.replace(/=+$/, '')) return undefined;
  const text = bytes.toString('utf8');
  return text.length > 0 && printable(text) ? text : undefined;
}

/**
 * Is a generic value a provider's to judge (it starts with one of `prefixes`), as written or
 * base64-encoded (a Kubernetes Secret's `token: Z2hwX…`)? A provider pattern that rejected it (a
 * bad checksum) was right, and the generic check must not report it instead.
 */
export function providers(value: string, prefixes: readonly string[]): boolean {
  if (prefixes.some((p) => value.startsWith(p))) return true;
  const text = decodedValue(value);
  return text !== undefined && prefixes.some((p) => text.startsWith(p));
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
