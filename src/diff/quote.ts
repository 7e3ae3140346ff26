// Git's path quoting: names with special bytes are written "like\tthis" with C escapes and
// octal bytes (\303\251 is "é" in UTF-8). See quote.c:quote_c_style in git.

const ESCAPES: Record<string, number> = {
  a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92,
};

const MAX_SPLITS = 64;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Decodes a C-quoted name that starts at `text[start] === '"'`. Returns the name and the index
 * just after the closing quote, or undefined when the quoting is malformed.
 */
export function unquoteAt(text: string, start: number): { name: string; end: number } | undefined {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return { name: utf8.decode(Uint8Array.from(bytes)), end: i + 1 };
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) return undefined;
      if (next >= '0' && next <= '7') {
        const oct = text.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(oct)) return undefined;
        bytes.push(parseInt(oct, 8) & 0xff);
        i += 4;
        continue;
      }
      const code = ESCAPES[next];
      if (code === undefined) return undefined;
      bytes.push(code);
      i += 2;
      continue;
    }
    // An unescaped character (with core.quotepath=false, raw UTF-8 was already decoded).
    for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    i += 1;
  }
  return undefined;
}

/** A name as written after `rename from`, `---` and the like: quoted, or raw to the end. */
export function unquoteName(text: string): string {
  if (text.startsWith('"')) {
    const q = unquoteAt(text, 0);
    if (q) return q.name;
  }
  return text;
}

/**
 * The candidate (old, new) name pairs of a `diff --git A B` line (after the `diff --git `
 * prefix), prefixes still on. Quoted names split in one way; unquoted names containing spaces
 * are ambiguous, so every split at a space is a candidate (see names.ts for the choice).
 */
export function gitHeaderPairs(rest: string): [string, string][] {
  if (rest.startsWith('"')) {
    const a = unquoteAt(rest, 0);
    if (!a || rest[a.end] !== ' ') return [];
    return [[a.name, unquoteName(rest.slice(a.end + 1))]];
  }
  const quotedB = rest.indexOf(' "');
  if (quotedB > 0 && rest.endsWith('"')) {
    const b = unquoteAt(rest, quotedB + 1);
    if (b && b.end === rest.length) return [[rest.slice(0, quotedB), b.name]];
  }
  // Splits nearest the middle first (equal halves are the common case), and a bounded number
  // of them: a header line of a million spaces must not cost a million slices.
  const spaces: number[] = [];
  for (let i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) spaces.push(i);
  const mid = rest.length / 2;
  spaces.sort((x, y) => Math.abs(x - mid) - Math.abs(y - mid) || x - y);
  return spaces.slice(0, MAX_SPLITS).map((i) => [rest.slice(0, i), rest.slice(i + 1)]);
}
