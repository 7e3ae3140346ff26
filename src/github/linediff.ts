// A line diff of two texts, for files whose patch GitHub left out: the hunks the rules read
// (added lines with new-side numbers, deleted lines with old-side numbers).
//
// Patience diff (as `git diff --patience`): the common prefix and suffix are matched, then the
// lines that occur exactly once on each side anchor the longest increasing run, and the gaps
// between anchors are diffed recursively. A gap without such anchors is matched by an exact LCS
// when it is small, else all of it counts as changed. Counting too much as changed can only
// add findings, never hide one, so the fallback fails closed; time stays O(n log n) plus the
// bounded LCS cells, and the anchor search has a total budget linear in the input.
import type { DiffLine, Hunk } from '../model.ts';

/** Cells of one exact LCS table at most (a gap of 1,000 x 1,000 lines). */
const LCS_CELLS = 1_000_000;
/** Lines scanned for anchors in all, as a multiple of the two texts' length: keeps time linear. */
const ANCHOR_PASSES = 32;

/** The lines of a text as git counts them: a final newline ends the last line, it starts none. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Pairs [oldIndex, newIndex] of matched lines, increasing in both. */
type Match = [number, number];

function lcs(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number, out: Match[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0 || n * m > LCS_CELLS) return;
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] =
        a[a0 + i] === b[b0 + j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      out.push([a0 + i, b0 + j]);
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) i++;
    else j++;
  }
}

/** Lines occurring exactly once in both ranges, paired, in old order. */
function uniquePairs(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number): Match[] {
  const counts = new Map<string, { a: number; b: number; ai: number; bi: number }>();
  for (let i = a0; i < a1; i++) {
    const c = counts.get(a[i]!) ?? { a: 0, b: 0, ai: -1, bi: -1 };
    c.a++;
    c.ai = i;
    counts.set(a[i]!, c);
  }
  for (let j = b0; j < b1; j++) {
    const c = counts.get(b[j]!);
    if (!c) continue;
    c.b++;
    c.bi = j;
  }
  const pairs: Match[] = [];
  for (const c of counts.values()) if (c.a === 1 && c.b === 1) pairs.push([c.ai, c.bi]);
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** The longest run of pairs increasing in the new index (patience sorting, O(k log k)). */
function longestIncreasing(pairs: Match[]): Match[] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const v = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const run: Match[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) run.push(pairs[k]!);
  return run.reverse();
}

function match(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number, out: Match[]): void {
  // Work list instead of recursion: deep nesting cannot overflow the stack.
  const stack: [number, number, number, number][] = [[a0, a1, b0, b1]];
  const found: Match[] = [];
  let budget = ANCHOR_PASSES * (a1 - a0 + b1 - b0 + 1);
  while (stack.length > 0) {
    let [s0, s1, t0, t1] = stack.pop()!;
    while (s0 < s1 && t0 < t1 && a[s0] === b[t0]) found.push([s0++, t0++]);
    while (s0 < s1 && t0 < t1 && a[s1 - 1] === b[t1 - 1]) found.push([--s1, --t1]);
    if (s0 === s1 || t0 === t1) continue;
    budget -= s1 - s0 + (t1 - t0);
    // Out of budget (an adversarial text): the rest of this gap counts as changed.
    if (budget < 0) continue;
    const anchors = longestIncreasing(uniquePairs(a, b, s0, s1, t0, t1));
    if (anchors.length === 0) {
      lcs(a, b, s0, s1, t0, t1, found);
      continue;
    }
    let ps = s0;
    let pt = t0;
    for (const [i, j] of anchors) {
      stack.push([ps, i, pt, j]);
      found.push([i, j]);
      ps = i + 1;
      pt = j + 1;
    }
    stack.push([ps, s1, pt, t1]);
  }
  out.push(...found.sort((x, y) => x[0] - y[0]));
}

/** The hunks (no context lines) that turn `oldText` into `newText`. */
export function diffTexts(oldText: string, newText: string): Hunk[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const matches: Match[] = [];
  match(a, b, 0, a.length, 0, b.length, matches);
  matches.push([a.length, b.length]);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of matches) {
    if (mi > i || mj > j) {
      const deleted: DiffLine[] = [];
      const added: DiffLine[] = [];
      for (let k = i; k < mi; k++) deleted.push({ line: k + 1, content: a[k]! });
      for (let k = j; k < mj; k++) added.push({ line: k + 1, content: b[k]! });
      hunks.push({
        // As in a unified diff: an empty side starts at the line before the change.
        oldStart: mi > i ? i + 1 : i,
        oldLines: mi - i,
        newStart: mj > j ? j + 1 : j,
        newLines: mj - j,
        section: '',
        added,
        deleted,
      });
    }
    i = mi + 1;
    j = mj + 1;
  }
  return hunks;
}
