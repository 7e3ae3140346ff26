// The fast path for the most common glob segments, made only of literal characters, `?` and `*`
// (`*.test.ts`, `test_*`, `*`): blocks of fixed-length text between stars, matched greedily
// (the first block at the start, the last at the end, each middle block at its leftmost place),
// which is exact for such patterns and O(segment length × pattern length) at worst.

/** A block character: a literal, or -1 for `?` (any one character). */
type Block = (string | -1)[];

const ANY = '[^/]';

/**
 * The blocks of minimatch's segment source `src` when it uses only literals, `[^/]`, `[^/]*?`
 * and `[^/]+?`; undefined otherwise (the NFA takes it).
 */
export function wildcardBlocks(src: string): Block[] | undefined {
  const blocks: Block[] = [[]];
  let i = 0;
  while (i < src.length) {
    if (src.startsWith(`${ANY}*?`, i) || src.startsWith(`${ANY}+?`, i)) {
      if (src[i + ANY.length] === '+') blocks[blocks.length - 1]!.push(-1);
      blocks.push([]);
      i += ANY.length + 2;
    } else if (src.startsWith(ANY, i)) {
      const q = src[i + ANY.length];
      if (q === '*' || q === '+' || q === '?') return undefined;
      blocks[blocks.length - 1]!.push(-1);
      i += ANY.length;
    } else if (src[i] === '\\') {
      const next = src[i + 1];
      if (next === undefined || /[0-9A-Za-z]/.test(next)) return undefined;
      blocks[blocks.length - 1]!.push(next);
      i += 2;
    } else if ('[](){}|.^$*+?'.includes(src[i]!)) {
      return undefined;
    } else {
      const next = src[i + 1];
      if (next === '*' || next === '+' || next === '?' || next === '{') return undefined;
      blocks[blocks.length - 1]!.push(src[i]!);
      i += 1;
    }
  }
  return blocks;
}

function matchAt(block: Block, s: string, at: number): boolean {
  for (let k = 0; k < block.length; k++) {
    const c = block[k]!;
    if (c !== -1 && s[at + k] !== c) return false;
  }
  return true;
}

/** Does `s` match the blocks (stars between them)? */
export function matchBlocks(blocks: readonly Block[], s: string): boolean {
  const first = blocks[0]!;
  if (blocks.length === 1) return s.length === first.length && matchAt(first, s, 0);
  const last = blocks[blocks.length - 1]!;
  const end = s.length - last.length;
  if (end < first.length || !matchAt(first, s, 0) || !matchAt(last, s, end)) return false;
  let pos = first.length;
  for (let b = 1; b < blocks.length - 1; b++) {
    const block = blocks[b]!;
    let found = -1;
    for (let at = pos; at + block.length <= end; at++) {
      if (matchAt(block, s, at)) {
        found = at;
        break;
      }
    }
    if (found < 0) return false;
    pos = found + block.length;
  }
  return true;
}
