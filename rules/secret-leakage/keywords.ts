// One pass over the text finds every keyword of every pattern: the keywords are compiled into a
// single regex whose alternation is factored as a trie (like Aho-Corasick, V8 then dispatches on
// each next character instead of trying every keyword), so a line is only tried against the
// patterns whose keywords occur in it.

export interface Keyword {
  text: string;
  caseInsensitive: boolean;
  /** Indexes of the patterns this keyword selects. */
  patterns: number[];
}

interface TrieNode {
  edges: Map<string, TrieNode>;
  terminal: boolean;
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

function edgeLabel(ch: string, ci: boolean): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (!ci || lower === upper) return escapeChar(ch);
  return `[${lower}${upper}]`;
}

function emit(node: TrieNode): string {
  const branches: string[] = [];
  for (const [label, child] of node.edges) branches.push(label + emit(child));
  if (branches.length === 0) return '';
  // Longer continuations first: the match at a position is the longest keyword there.
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  if (!node.terminal) return body;
  return branches.length === 1 && body.length === 1 ? `${body}?` : `(?:${body})?`;
}

/** Compile keywords into one trie-factored, global regex. */
export function compileKeywordRegex(keywords: readonly Keyword[]): RegExp {
  const root: TrieNode = { edges: new Map(), terminal: false };
  for (const k of keywords) {
    let node = root;
    for (const ch of k.text) {
      const label = edgeLabel(ch, k.caseInsensitive);
      let next = node.edges.get(label);
      if (!next) {
        next = { edges: new Map(), terminal: false };
        node.edges.set(label, next);
      }
      node = next;
    }
    node.terminal = true;
  }
  return new RegExp(emit(root) || '(?!)', 'g');
}

/**
 * For the text matched at one position (the longest keyword there), the patterns of every
 * keyword that also matches at that position (the shorter ones are its prefixes). Memoised.
 */
export class KeywordIndex {
  readonly regex: RegExp;
  private readonly memo = new Map<string, { exact: Set<number>; longer: Keyword[] }>();

  constructor(private readonly keywords: readonly Keyword[]) {
    this.regex = compileKeywordRegex(keywords);
  }

  /**
   * Patterns selected at `index` of `text`, where the keyword regex matched `matched`. Keywords
   * that are prefixes of the match are memoised; a longer keyword from another case-sensitivity
   * branch of the trie (rare) is checked directly.
   */
  patternsAt(text: string, index: number, matched: string): Set<number> {
    let entry = this.memo.get(matched);
    if (!entry) {
      const lower = matched.toLowerCase();
      const exact = new Set<number>();
      const longer: Keyword[] = [];
      for (const k of this.keywords) {
        const kl = k.caseInsensitive ? k.text.toLowerCase() : k.text;
        const subject = k.caseInsensitive ? lower : matched;
        if (k.text.length <= matched.length) {
          if (subject.startsWith(kl)) for (const p of k.patterns) exact.add(p);
        } else if (kl.startsWith(subject) || kl.toLowerCase().startsWith(lower)) {
          longer.push(k);
        }
      }
      entry = { exact, longer };
      this.memo.set(matched, entry);
    }
    if (entry.longer.length === 0) return entry.exact;
    const set = new Set(entry.exact);
    for (const k of entry.longer) {
      const slice = text.slice(index, index + k.text.length);
      if (k.caseInsensitive ? slice.toLowerCase() === k.text.toLowerCase() : slice === k.text) {
        for (const p of k.patterns) set.add(p);
      }
    }
    return set;
  }
}
