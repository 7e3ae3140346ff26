// One pass over the text finds every keyword of every pattern, so a line is only tried against
// the patterns whose keywords occur in it. Like Aho-Corasick it never re-reads the text per
// keyword: a table indexed by each pair of adjacent ASCII characters holds the few keywords that
// start with that pair, and a bit set of their third characters, so most positions cost one
// table lookup and few reach a full compare. (A single regex alternation of all keywords, or a
// trie-factored one, measured no faster than this loop in V8.)

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
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function variants(c: number, fold: boolean): number[] {
  if (!fold || !isLetter(c)) return [c];
  return [c | 0x20, c & ~0x20];
}

export class KeywordIndex {
  /** (first char << 7 | second char) -> bucket index + 1, or 0. */
  private readonly table = new Uint16Array(128 * 128);
  private readonly buckets: Compiled[][] = [];
  /** Per bucket (by slot): a 128-bit set of the ASCII characters a keyword may have third. */
  private third = new Int32Array(0);
  /** Per bucket (by slot): 1 if a keyword of just two characters is in it (no third to test). */
  private short = new Uint8Array(0);

  constructor(keywords: readonly Keyword[]) {
    for (const keyword of keywords) {
      if (keyword.text.length < 2 || /[^\x20-\x7e]/.test(keyword.text)) {
        throw new Error(`keyword "${keyword.text}" must be at least 2 printable ASCII characters`);
      }
      const src = keyword.caseInsensitive ? keyword.text.toLowerCase() : keyword.text;
      const codes = [...src].map((ch) => ch.charCodeAt(0));
      const fold = codes.map((c) => keyword.caseInsensitive && isLetter(c));
      const compiled: Compiled = { keyword, codes, fold };
      for (const a of variants(codes[0] as number, fold[0] as boolean)) {
        for (const b of variants(codes[1] as number, fold[1] as boolean)) {
          const slot = (a << 7) | b;
          if (this.table[slot] === 0) {
            this.buckets.push([]);
            this.table[slot] = this.buckets.length;
          }
          (this.buckets[(this.table[slot] as number) - 1] as Compiled[]).push(compiled);
        }
      }
    }
    this.third = new Int32Array((this.buckets.length + 1) * 4);
    this.short = new Uint8Array(this.buckets.length + 1);
    this.buckets.forEach((bucket, b) => {
      const slot = b + 1;
      for (const k of bucket) {
        if (k.codes.length === 2) {
          this.short[slot] = 1;
          continue;
        }
        for (const c of variants(k.codes[2] as number, k.fold[2] as boolean)) {
          this.third[slot * 4 + (c >> 5)] = (this.third[slot * 4 + (c >> 5)] as number) | (1 << (c & 31));
        }
      }
    });
  }

  /** Calls `onHit(index, keyword)` for every occurrence of every keyword, in text order. */
  scan(text: string, onHit: (index: number, keyword: Keyword) => void): void {
    const table = this.table;
    const buckets = this.buckets;
    const n = text.length - 1;
    let next = n >= 0 ? text.charCodeAt(0) & 127 : 0;
    const third = this.third;
    const short = this.short;
    for (let i = 0; i < n; i++) {
      // Non-ASCII characters fold into the ASCII table; the full compare below rejects them.
      const slot = table[(next << 7) | (next = text.charCodeAt(i + 1) & 127)] as number;
      if (slot === 0) continue;
      // A third-character filter keeps most pairs (`se`, `to`, `pa`…) from a full compare.
      const c2 = text.charCodeAt(i + 2) & 127;
      if (short[slot] === 1 || (((third[slot * 4 + (c2 >> 5)] as number) >>> (c2 & 31)) & 1) === 1) {
        this.verify(text, i, buckets[slot - 1] as Compiled[], onHit);
      }
    }
  }

  private verify(text: string, i: number, bucket: Compiled[], onHit: (index: number, keyword: Keyword) => void): void {
    for (const k of bucket) {
      const codes = k.codes;
      const len = codes.length;
      if (i + len > text.length) continue;
      let j = 0;
      for (; j < len; j++) {
        const c = text.charCodeAt(i + j);
        if ((k.fold[j] ? c | 0x20 : c) !== codes[j]) break;
      }
      if (j === len) onHit(i, k.keyword);
    }
  }
}
