// One pass over the text finds every keyword of every pattern, so a line is only tried against
// the patterns whose keywords occur in it. The pass skips: it is a Wu-Manber search with blocks
// of two characters over a window of the first `m` characters of every keyword. At each window
// end a table indexed by the last two characters says how far the window may move before any
// keyword could end there; only where it may not move (shift 0) does a second table check the
// first two characters of the window, and only then are the few keywords ending in that pair
// compared in full. On source text the window moves about 2.5 characters per step.
//
// A keyword shorter than the window is padded in front with one "any character" position, so a
// short keyword does not shrink every shift (and a keyword at the very start of the text is
// found by letting the first window begin one position before it); the catalogue lists longer anchors where a 2-character
// provider prefix is always followed or preceded by a known alphabet (see `anchors`). A keyword
// longer than the window is matched on its rarest window, not its first: the one whose character
// pairs (the last above all, which decides shift 0) are least frequent in source text. `password`
// is found on `sswo`-like pairs rather than `pass`, so ordinary English stops the window less.
// (A single regex alternation of all keywords, plain or as a lookahead, measured 3-4x slower than
// this loop in V8. Against the earlier one-position-at-a-time pair table this pass alone measured
// 15-20% faster; in the whole rule the gain is smaller, see the README.)
import { runLengthDecode, runLengthEncode } from './runs.ts';

export interface Keyword {
  text: string;
  caseInsensitive: boolean;
  /** Indexes of the patterns this keyword selects. */
  patterns: number[];
}

interface Compiled {
  keyword: Keyword;
  /** Char codes to compare, lower-cased for case-insensitive keywords. */
  codes: number[];
  /** Per position: compare case-insensitively (an ASCII letter of a case-insensitive keyword). */
  fold: boolean[];
  /** Positions of "any character" in front of the keyword in its window (short keywords). */
  pad: number;
  /** Where the window starts in the keyword (long keywords: its rarest window). */
  offset: number;
}

/** An upper bound on the window (it is normally set by the keyword lengths, 4 for the catalogue). */
const MAX_WINDOW = 8;

/**
 * How often each ASCII character occurs in source text, per 10,000 characters: counted once over
 * the added lines of public ranges of TypeScript, Python, Go and Rust code (aider, biome, eslint,
 * policy-bot, …). A pair's frequency is estimated as the product of its characters'; only the
 * order matters, to pick the rarest window of a long keyword.
 */
const CHAR_FREQUENCY: readonly number[] = [0,0,0,0,0,0,0,0,0,218,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1873,7,146,8,5,3,8,13,103,102,18,4,134,71,139,96,48,40,33,18,24,18,19,15,15,13,117,41,16,58,25,5,20,43,18,40,27,49,19,17,17,42,6,7,33,26,31,26,30,4,41,50,52,18,11,10,5,8,3,28,5,28,5,78,24,366,74,224,195,739,110,116,110,387,15,42,261,159,400,396,172,16,423,399,547,198,59,50,54,73,11,62,11,60,1,0];

const charFrequency = (codes: readonly number[]) => codes.reduce((n, c) => n + (CHAR_FREQUENCY[c] ?? 1), 0);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Every table code: what a padded window position (before a short keyword) accepts. */
const ALL_CODES = Array.from({ length: 128 }, (_, i) => i);

/** The table codes one keyword character may take (text characters are read as `code & 127`). */
function variants(c: number, fold: boolean): number[] {
  if (!fold || !isLetter(c)) return [c & 127];
  return [c | 0x20, c & ~0x20];
}

/**
 * The index's tables as data: built once at build time for the built-in catalogue
 * (`npm run generate` writes keyword-tables.ts) and restored at start-up instead of rebuilt.
 * `signature` is the keyword list they were built for (keywordSignature); any other list is built
 * as usual.
 */
export interface KeywordTables {
  signature: string;
  m: number;
  maxPad: number;
  /** shift, table and start as runs (see runLengthEncode), base64-encoded. */
  data: string;
  buckets: number[][];
  /** Each keyword's window start (its rarest window), in keyword order. */
  offsets: number[];
}

/** Bumped whenever the index's table layout or algorithm changes: old tables are then ignored. */
const TABLES_FORMAT = 'wu-manber-3/rarest-window/offsets/rle';

/**
 * A keyword list as text (texts, case flags, selected patterns, in order): the tables carry it
 * whole, so telling whether they were built for a list is one string comparison (a digest of it,
 * computed at every start, took longer than the comparison and node:crypto's load together).
 */
export function keywordSignature(keywords: readonly Keyword[]): string {
  return `${TABLES_FORMAT}\n${keywords.map((k) => `${k.caseInsensitive ? 'i' : 's'}${k.patterns.join(',')}:${k.text}`).join('\n')}`;
}

/**
 * The start of the keyword's rarest window of `m` characters: the one whose character pairs are
 * least frequent in source text, the last pair (which decides shift 0) weighted most. Ties go to
 * the earliest window.
 */
function rarestWindow(codes: readonly number[], fold: readonly boolean[], m: number): number {
  let best = 0;
  let bestCost = Infinity;
  for (let o = 0; o + m <= codes.length; o++) {
    let cost = 0;
    for (let j = 1; j < m; j++) {
      const pair = (k: number) => charFrequency(variants(codes[o + k] as number, fold[o + k] as boolean));
      cost += pair(j - 1) * pair(j) * (j === m - 1 ? 4 : 1);
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = o;
    }
  }
  return best;
}

export class KeywordIndex {
  /** Window length; every keyword of at least this length is matched on its first `m` characters. */
  private readonly m: number;
  /** (char << 7 | next char) at the window end -> how far the window may move. */
  private readonly shift = new Uint8Array(128 * 128);
  /** (char << 7 | next char) at the window end -> bucket index + 1 (shift-0 pairs only). */
  private readonly table = new Uint16Array(128 * 128);
  private readonly buckets: Compiled[][] = [];
  /** (char << 7 | next char) at the window start -> 1 if some keyword's window starts so. */
  private readonly start = new Uint8Array(128 * 128);
  /** How many "any character" positions pad the shortest keywords (0 or 1). */
  private readonly maxPad: number;
  private readonly compiled: Compiled[];

  constructor(keywords: readonly Keyword[], tables?: KeywordTables) {
    // The window is one longer than the shortest keyword: those are padded by one position.
    const shortest = Math.min(...keywords.map((k) => k.text.length));
    this.m = Math.max(3, Math.min(MAX_WINDOW, shortest + 1));
    const m = this.m;
    const built = tables && tables.m === m && tables.signature === keywordSignature(keywords) ? tables : undefined;
    // Tables built for this very list were built from it, which checked it then: a start-up of the
    // built-in catalogue need not check its 1,800 keywords again.
    if (!built) {
      for (const keyword of keywords) {
        if (keyword.text.length < 2 || /[^\x20-\x7e]/.test(keyword.text)) {
          throw new Error(`keyword "${keyword.text}" must be at least 2 printable ASCII characters`);
        }
      }
    }
    const compiled = keywords.map((keyword, i): Compiled => {
      const src = keyword.caseInsensitive ? keyword.text.toLowerCase() : keyword.text;
      // Plain loops (the keywords are ASCII): this runs once per keyword at every start, cold.
      const codes: number[] = [];
      const fold: boolean[] = [];
      for (let j = 0; j < src.length; j++) {
        const c = src.charCodeAt(j);
        codes.push(c);
        fold.push(keyword.caseInsensitive && isLetter(c));
      }
      // The rarest window start makes the index fast; the built tables say which it is (they are
      // generated with their data, so restoring them needs the same starts).
      const given = built?.offsets?.[i];
      const offset = Number.isInteger(given) && given! >= 0 && given! <= Math.max(0, codes.length - m) ? given! : rarestWindow(codes, fold, m);
      return { keyword, codes, fold, pad: Math.max(0, m - codes.length), offset };
    });
    this.compiled = compiled;
    this.maxPad = Math.max(0, ...compiled.map((c) => c.pad));
    const restored = built !== undefined && built.offsets?.length === keywords.length && compiled.every((c, i) => c.offset === built.offsets[i]) && this.restore(built);
    if (!restored) this.build(compiled, m);
    this.prime();
  }

  /** The tables from the keywords (when no built-time tables fit them). */
  private build(compiled: readonly Compiled[], m: number): void {
    this.shift.fill(m - 1);
    for (const c of compiled) {
      const { codes, fold, pad } = c;
      // The characters each window position accepts, computed once per keyword.
      const accepted = Array.from({ length: m }, (_, j) =>
        j < pad ? ALL_CODES : variants(codes[c.offset + j - pad] as number, fold[c.offset + j - pad] as boolean),
      );
      for (let j = 1; j < m; j++) {
        for (const a of accepted[j - 1] as number[]) {
          for (const b of accepted[j] as number[]) {
            const pair = (a << 7) | b;
            this.shift[pair] = Math.min(this.shift[pair] as number, m - 1 - j);
            if (j === 1) this.start[pair] = 1;
            if (j === m - 1) this.addToBucket(pair, c);
          }
        }
      }
    }
  }

  /** The tables, to be committed as generated data and restored at start-up (see tables()). */
  tables(): KeywordTables {
    const index = new Map(this.compiled.map((c, i) => [c, i]));
    const ids = (lists: Compiled[][]) => lists.map((l) => l.map((c) => index.get(c) as number));
    const bytes = (a: Uint8Array | Uint16Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const data = runLengthEncode(Buffer.concat([bytes(this.shift), bytes(this.table), bytes(this.start)]));
    return {
      signature: keywordSignature(this.compiled.map((c) => c.keyword)),
      m: this.m,
      maxPad: this.maxPad,
      data: data.toString('base64'),
      buckets: ids(this.buckets),
      offsets: this.compiled.map((c) => c.offset),
    };
  }

  /** Restores committed tables; false (nothing changed) when they are not what this build writes. */
  private restore(t: KeywordTables): boolean {
    if (t.maxPad !== this.maxPad) return false;
    const arrays = [this.shift, this.table, this.start];
    const raw = runLengthDecode(Buffer.from(t.data, 'base64'), arrays.reduce((n, a) => n + a.byteLength, 0));
    if (raw === undefined) return false;
    const n = this.compiled.length;
    const valid = (lists: unknown) => Array.isArray(lists) && lists.every((l) => Array.isArray(l) && l.every((i) => Number.isInteger(i) && i >= 0 && i < n));
    if (!valid(t.buckets)) return false;
    let at = 0;
    for (const into of arrays) {
      new Uint8Array(into.buffer, into.byteOffset, into.byteLength).set(raw.subarray(at, at + into.byteLength));
      at += into.byteLength;
    }
    for (const l of t.buckets) this.buckets.push(l.map((i) => this.compiled[i] as Compiled));
    return true;
  }

  private addToBucket(pair: number, compiled: Compiled): void {
    if (this.table[pair] === 0) {
      this.buckets.push([]);
      this.table[pair] = this.buckets.length;
    }
    const bucket = this.buckets[(this.table[pair] as number) - 1] as Compiled[];
    if (!bucket.includes(compiled)) bucket.push(compiled);
  }

  /**
   * Runs every path of scan and verify a few times on a line made of one keyword, so that V8
   * has seen each of them when it optimises scan. Else it optimises scan early (on file names,
   * where windows rarely match), and then throws the code away at the first keyword or call of
   * another shape, up to three times in a big check: 20 to 25 ms of compiling on a background
   * thread, which the diff's git needs on a machine with few cores (npm run bench, --trace-opt).
   * The results are dropped: this changes no answer.
   */
  private prime(): void {
    // A padded keyword when there is one: at the very start of a text, its window begins before it.
    const first = this.compiled.find((c) => c.pad > 0) ?? this.compiled[0];
    if (first === undefined) return;
    const text = first.keyword.text;
    // A keyword at the very start (a short one's padding then reads before the text), a window
    // that matches all but the last character, plain text, and a hit.
    const line = `${text} ${text.slice(0, -1)}\u0000 = (${text})`;
    // Two callbacks: the callers pass several (one per scanner and pass kind), so the call is a
    // generic one from the start instead of one V8 bets on and then drops.
    const callbacks = [(): void => undefined, (): number => 0];
    // V8 records what a function does only once it has run a few times (8 on Node 20).
    for (let i = 0; i < 10; i++) this.scan(line, callbacks[i % 2]!, i % 3 === 2 ? 1 : 0, line.length - (i % 2));
  }

  /**
   * Calls `onHit(index, keyword)` once for every occurrence of every keyword that lies wholly in
   * text[from, to): a line, or one line of a hunk's text. Both ends are given by every caller, so
   * that the calls keep one shape (a default for `to` read `text.length` only for some of them).
   */
  scan(text: string, onHit: (index: number, keyword: Keyword) => void, from: number, to: number): void {
    const n = to;
    const shift = this.shift;
    const table = this.table;
    const start = this.start;
    const m1 = this.m - 1;
    // Non-ASCII characters fold into the ASCII tables. That only ever makes a shift smaller or a
    // check happen needlessly (no keyword has them), and the full compare rejects them.
    // The first window begins `maxPad` positions before `from`, so a padded keyword at `from` is
    // found: its padding reads the character before (or, before the text, code 0), and every padding position accepts every code; the window's last pair always lies inside
    // the range, as m1 > maxPad. A character before `from` only ever makes a shift smaller (a
    // shift is a minimum over what each keyword position accepts), so nothing in range is skipped.
    for (let i = from + m1 - this.maxPad; i < n; ) {
      const pair = ((text.charCodeAt(i - 1) & 127) << 7) | (text.charCodeAt(i) & 127);
      const s = shift[pair] as number;
      if (s !== 0) {
        i += s;
        continue;
      }
      const window = i - m1;
      // Before the text (a padded keyword at its very start), as charCodeAt(-1) & 127 would give;
      // read so, V8's optimised code would stop at the first such window (it bets on in-bounds reads).
      const before = window < 0 ? 0 : text.charCodeAt(window) & 127;
      if (start[(before << 7) | (text.charCodeAt(window + 1) & 127)] === 1) {
        this.verify(text, window, this.buckets[(table[pair] as number) - 1] as Compiled[], onHit, from, to);
      }
      i++;
    }
  }

  private verify(text: string, window: number, bucket: Compiled[], onHit: (index: number, keyword: Keyword) => void, from: number, to: number): void {
    for (const k of bucket) {
      const at = window + k.pad - k.offset;
      const codes = k.codes;
      const len = codes.length;
      if (at < from || at + len > to) continue;
      let j = 0;
      for (; j < len; j++) {
        const c = text.charCodeAt(at + j);
        if ((k.fold[j] ? c | 0x20 : c) !== codes[j]) break;
      }
      if (j === len) onHit(at, k.keyword);
    }
  }
}
