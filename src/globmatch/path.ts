// Linear-time `Minimatch#match`: the same answer as minimatch's segment-by-segment matcher
// (minimatch.ts:matchOne), without its backtracking over `**`. The pattern's segments become
// states of an automaton over the path's segments: a literal segment compares equal, a wildcard
// segment runs the segment NFA (segment.ts), and `**` loops over any segment but `.` and `..`.
// A path of s segments costs O(s × pattern segments) segment tests. (minimatch 10's own globstar
// search backtracks, with a recursion cap, and anchors the tail first; on paths with `.` or `..`
// segments plus a trailing slash its answers can differ from this exact search. No source gives
// such paths: the diff parser resolves them.)
import { Minimatch } from 'minimatch';
import { compileSegment, type SegmentMatcher } from './segment.ts';

type Step = { kind: 'globstar' } | { kind: 'segment'; test: SegmentMatcher };

export type PathMatcher = (path: string) => boolean;

export class UnsupportedGlobError extends Error {
  override name = 'UnsupportedGlobError';
}

const isDot = (s: string): boolean => s === '.' || s === '..';

function stepOf(part: string | symbol | RegExp | false): Step | undefined {
  if (typeof part === 'string') return { kind: 'segment', test: (s) => s === part };
  if (typeof part === 'symbol') return { kind: 'globstar' };
  if (part === false) return undefined;
  const src = (part as RegExp & { _src?: string })._src ?? part.source;
  const test = compileSegment(src, part.flags);
  if (!test) {
    const glob = (part as RegExp & { _glob?: string })._glob ?? src;
    throw new UnsupportedGlobError(
      `the glob segment "${glob}" cannot be matched in linear time (negated extglob \`!(…)\` is not supported): ` +
        'list the names to match instead, with braces {a,b}',
    );
  }
  // On `.` and `..` minimatch's own answer (its `*.ext` fast path and its regex disagree there);
  // a regular expression on two characters cannot take long.
  const own = part;
  return { kind: 'segment', test: (s) => (isDot(s) ? own.test(s) : test(s)) };
}

/** Does one pattern (a list of steps) match the path's segments, as matchOne decides? */
function matchSteps(steps: readonly Step[], file: readonly string[]): boolean {
  const pl = steps.length;
  const fl = file.length;
  // reach[p]: after the segments read so far, the pattern may be at step p.
  let reach = new Uint8Array(pl + 1);
  reach[0] = 1;
  // A `**` that is not last may match no segment: step over it.
  const close = (r: Uint8Array): void => {
    for (let p = 0; p < pl; p++) if (r[p] && steps[p]!.kind === 'globstar' && p + 1 < pl) r[p + 1] = 1;
  };
  close(reach);
  for (let fi = 0; fi < fl; fi++) {
    const seg = file[fi]!;
    const next = new Uint8Array(pl + 1);
    let any = false;
    for (let p = 0; p < pl; p++) {
      if (!reach[p]) continue;
      const step = steps[p]!;
      if (step.kind === 'globstar') {
        if (isDot(seg)) continue;
        next[p] = 1; // swallow the segment, stay
        if (p + 1 === pl) next[pl] = 1; // a last `**` has matched at least one segment
        any = true;
      } else if (step.test(seg)) {
        next[p + 1] = 1;
        any = true;
      }
    }
    // Pattern done with one empty segment left (a trailing slash): matchOne accepts it.
    if (reach[pl] && fi === fl - 1 && seg === '') return true;
    if (!any) return false;
    close(next);
    reach = next;
  }
  return reach[pl] === 1;
}

/** Compiles a Minimatch's pattern sets to a linear-time matcher. Throws UnsupportedGlobError. */
export function linearMatcher(mm: Minimatch): PathMatcher {
  if (mm.comment) return () => false;
  if (mm.empty) return (path) => path === '';
  const patterns: Step[][] = [];
  for (const parts of mm.set) {
    const steps: Step[] = [];
    let valid = true;
    for (const part of parts) {
      const step = stepOf(part as string | symbol | RegExp | false);
      if (!step) valid = false;
      else steps.push(step);
    }
    if (valid) patterns.push(steps);
  }
  const negate = mm.negate;
  return (path) => {
    const file = path.split(/\/+/);
    const hit = patterns.some((steps) => matchSteps(steps, file));
    return negate ? !hit : hit;
  };
}
