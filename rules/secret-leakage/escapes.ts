// Secrets written with escapes, on a line a keyword selected: percent-encoding (a webhook URL in a
// query string, `aws_secret_access_key=…%2F…`, as gitleaks reads them) and JSON string escapes
// (`\/`, which PHP's json_encode writes for every `/`, and `\u0026`-style escapes of ASCII, as
// Go's encoder writes `&`, `<` and `>`). The line is scanned again decoded; a hit is placed where
// the secret is written, and the text as written is masked with it.
import type { Hit, ScanLine } from './scan-types.ts';

/**
 * An escaped `://` (a URL with a password inside another URL's query,
 * `redirect=https%3A%2F%2Fuser%3Apw%40host`, or in a JSON string, `https:\/\/user:pw@host`): its
 * line is decoded even though no keyword of the URL patterns is on it as written.
 */
export const ESCAPE_ANCHORS = ['%3A%2F%2F', '%3a%2f%2f', ':\\/\\/'];

/** A line with its escapes decoded: each escape's decoded position and how much longer it was as written. */
interface Decoded {
  text: string;
  escapes: number[];
  extra: number[];
}

interface Escaping {
  /** Only a line where this matches is decoded (an escape that could be part of a secret). */
  relevant: RegExp;
  /** The escapes (global); `decode` undefined for a match that is no escape (`\\`). */
  escape: RegExp;
  decode: (m: RegExpMatchArray) => string | undefined;
  label: string;
}

const ESCAPINGS: Escaping[] = [
  {
    // Escapes of the characters that tokens and URLs hold and encoders escape (`+ / = : @`), not
    // `%20` in prose or `%s` in a format string.
    relevant: /%(?:2[BbFf]|3[AaDd]|40)/,
    escape: /%([0-9A-Fa-f]{2})/g,
    decode: (m) => String.fromCharCode(parseInt(m[1] as string, 16)),
    label: 'percent-encoded',
  },
  {
    // `\/` and `\u00XX` of printable ASCII (tokens are ASCII); `\\` is an escaped backslash, kept.
    relevant: /\\(?:\/|u00[2-7][0-9A-Fa-f])/,
    escape: /\\(?:\/|u(00[2-7][0-9A-Fa-f])|\\)/g,
    decode: (m) => (m[0] === '\\\\' ? undefined : m[1] === undefined ? '/' : String.fromCharCode(parseInt(m[1], 16))),
    label: 'JSON-escaped',
  },
];

function decodedWith(line: string, e: Escaping): Decoded | undefined {
  if (!e.relevant.test(line)) return undefined;
  const parts: string[] = [];
  const escapes: number[] = [];
  const extra: number[] = [];
  let last = 0;
  let length = 0;
  for (const m of line.matchAll(e.escape)) {
    const ch = e.decode(m);
    if (ch === undefined) continue;
    parts.push(line.slice(last, m.index));
    length += m.index - last;
    escapes.push(length++);
    extra.push(m[0].length - 1);
    parts.push(ch);
    last = m.index + m[0].length;
  }
  // Nothing decoded (only `\\`): the same line again would be scanned without end.
  if (escapes.length === 0) return undefined;
  parts.push(line.slice(last));
  return { text: parts.join(''), escapes, extra };
}

/** Where decoded position `at` was written: each escape before it took `extra` more characters. */
function written(d: Decoded, at: number): number {
  let pos = at;
  for (let n = 0; n < d.escapes.length && (d.escapes[n] as number) < at; n++) pos += d.extra[n] as number;
  return pos;
}

/** The hits of line `at` (one a keyword selected) read with its escapes decoded, each kind of escape on its own. */
export function escapedHits(line: string, at: number, scan: (lines: ScanLine[]) => Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const e of ESCAPINGS) {
    const decoded = decodedWith(line, e);
    if (decoded === undefined) continue;
    for (const h of scan([{ content: decoded.text, line: 1 }])) {
      if (h.at !== 0 || h.endAt !== 0) continue; // a block: its lines are not this line's
      const start = written(decoded, h.index);
      const text = line.slice(start, written(decoded, h.index + h.secret.length));
      const name = text === h.secret ? h.name : `${h.name}, ${e.label}`;
      out.push({ ...h, name, at, endAt: at, index: start, encoded: [text, ...(h.encoded ?? [])] });
    }
  }
  return out;
}
