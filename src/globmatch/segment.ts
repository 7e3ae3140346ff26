// Linear-time matching of one path segment against the regular expression minimatch made for a
// glob segment (its `_src`). JavaScript's backtracking engine takes polynomial or exponential
// time on `*a*a*a*a*b` or `+(a|aa)b`; here the same expression is compiled to a Thompson NFA and
// simulated over a set of states, so a segment of n characters costs O(n × pattern size).
//
// The subset read is what minimatch emits: literal and escaped characters, `[^/]`, character
// classes, `(?:…|…)` groups, the quantifiers `*`, `+`, `?` (greedy or lazy: the same for a yes/no
// answer), and its leading guard `(?!(?:^|/)\.\.?(?:$|/))` (the segment is not `.` or `..`).
// Anything else (the look-aheads of a negated extglob `!(…)`) is unsupported: compile returns
// undefined and the caller refuses the glob.

import { matchBlocks, wildcardBlocks } from './wildcard.ts';

const DOT_GUARD = '(?!(?:^|/)\\.\\.?(?:$|/))';

type CharTest = (c: string) => boolean;

/** NFA state: a character test, a split (two epsilon edges), or the accepting state. */
interface State {
  test?: CharTest;
  out?: State;
  out2?: State;
  split?: boolean;
  accept?: boolean;
}

interface Fragment {
  start: State;
  /** Dangling edges to patch: states whose `out` (or `out2`) is unset. */
  ends: { state: State; which: 'out' | 'out2' }[];
}

function patch(f: Fragment, to: State): void {
  for (const e of f.ends) e.state[e.which] = to;
}

function atom(test: CharTest): Fragment {
  const s: State = { test };
  return { start: s, ends: [{ state: s, which: 'out' }] };
}

function empty(): Fragment {
  const s: State = { split: true };
  // A split whose both edges go to the same place: an epsilon step.
  return { start: s, ends: [{ state: s, which: 'out' }, { state: s, which: 'out2' }] };
}

function concat(a: Fragment, b: Fragment): Fragment {
  patch(a, b.start);
  return { start: a.start, ends: b.ends };
}

function alternate(a: Fragment, b: Fragment): Fragment {
  const s: State = { split: true, out: a.start, out2: b.start };
  return { start: s, ends: [...a.ends, ...b.ends] };
}

function quantify(f: Fragment, q: string): Fragment {
  const s: State = { split: true, out: f.start };
  if (q === '?') return { start: s, ends: [...f.ends, { state: s, which: 'out2' }] };
  if (q === '*') {
    patch(f, s);
    return { start: s, ends: [{ state: s, which: 'out2' }] };
  }
  patch(f, s); // '+'
  return { start: f.start, ends: [{ state: s, which: 'out2' }] };
}

class Parser {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly flags: string,
  ) {}

  /** alternation := sequence ('|' sequence)* */
  alternation(): Fragment {
    let f = this.sequence();
    while (this.src[this.pos] === '|') {
      this.pos++;
      f = alternate(f, this.sequence());
    }
    return f;
  }

  private sequence(): Fragment {
    let f: Fragment | undefined;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      let a = this.atom();
      const q = this.src[this.pos];
      if (q === '*' || q === '+' || q === '?') {
        this.pos++;
        if (this.src[this.pos] === '?') this.pos++; // lazy: same language
        a = quantify(a, q);
      }
      f = f ? concat(f, a) : a;
    }
    return f ?? empty();
  }

  private atom(): Fragment {
    const src = this.src;
    const c = src[this.pos]!;
    if (src.startsWith('[^/]', this.pos)) {
      this.pos += 4;
      return atom((ch) => ch !== '/');
    }
    if (c === '[') return this.charClass();
    if (c === '(') {
      if (!src.startsWith('(?:', this.pos)) throw new Unsupported();
      this.pos += 3;
      const inner = this.alternation();
      if (src[this.pos] !== ')') throw new Unsupported();
      this.pos++;
      return inner;
    }
    if (c === '\\') {
      const next = src[this.pos + 1];
      if (next === undefined || /[0-9A-Za-z]/.test(next)) throw new Unsupported();
      this.pos += 2;
      return atom((ch) => ch === next);
    }
    if ('.^$*+?{}|)'.includes(c)) throw new Unsupported();
    this.pos += 1;
    const cp = src.codePointAt(this.pos - 1)!;
    if (cp > 0xffff && this.flags.includes('u')) {
      this.pos += 1;
      const lit = String.fromCodePoint(cp);
      return atom((ch) => ch === lit);
    }
    return atom((ch) => ch === c);
  }

  /** A `[...]` class, handed to a one-character RegExp (no repetition: no backtracking). */
  private charClass(): Fragment {
    const src = this.src;
    let i = this.pos + 1;
    if (src[i] === '^') i++;
    if (src[i] === ']') i++;
    while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    if (i >= src.length) throw new Unsupported();
    const cls = src.slice(this.pos, i + 1);
    this.pos = i + 1;
    let re: RegExp;
    try {
      re = new RegExp(`^${cls}$`, this.flags.replace(/[gy]/g, ''));
    } catch {
      throw new Unsupported();
    }
    return atom((ch) => re.test(ch));
  }
}

class Unsupported extends Error {}

export interface SegmentMatcher {
  (segment: string): boolean;
}

/**
 * A linear-time matcher for minimatch's segment expression `source` (with `flags`), or
 * undefined when it uses syntax outside the subset above.
 */
export function compileSegment(source: string, flags: string): SegmentMatcher | undefined {
  let src = source;
  let guard = false;
  if (src.startsWith(DOT_GUARD)) {
    guard = true;
    src = src.slice(DOT_GUARD.length);
  }
  if (src.startsWith('^')) src = src.slice(1);
  if (src.endsWith('$') && !src.endsWith('\\$')) src = src.slice(0, -1);
  const blocks = flags.includes('u') ? undefined : wildcardBlocks(src);
  if (blocks) return (segment) => !(guard && (segment === '.' || segment === '..')) && matchBlocks(blocks, segment);
  const parser = new Parser(src, flags);
  let f: Fragment;
  try {
    f = parser.alternation();
    if (parser.pos !== src.length) return undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  const accept: State = { accept: true };
  patch(f, accept);
  const machine = compileMachine(f.start);
  const unicode = flags.includes('u');
  return (segment) => {
    if (guard && (segment === '.' || segment === '..')) return false;
    return machine.run(segment, unicode);
  };
}

/**
 * The NFA as arrays: states numbered, each character state's test and next state, and every
 * state's epsilon closure precomputed, so a step is a loop over small integer lists.
 */
function compileMachine(start: State): { run(text: string, unicode: boolean): boolean } {
  const ids = new Map<State, number>();
  const all: State[] = [];
  const number = (s: State | undefined): void => {
    const stack = s ? [s] : [];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (ids.has(x)) continue;
      ids.set(x, all.length);
      all.push(x);
      if (x.out) stack.push(x.out);
      if (x.out2) stack.push(x.out2);
    }
  };
  number(start);
  // closure[i]: the character and accepting states reachable from state i by epsilon edges.
  const closure: number[][] = all.map((s) => {
    const seen = new Set<State>();
    add(seen, s);
    return [...seen].filter((x) => x.test || x.accept).map((x) => ids.get(x)!);
  });
  const tests = all.map((s) => s.test);
  const next = all.map((s) => (s.test && s.out ? ids.get(s.out)! : -1));
  const accepting = all.map((s) => s.accept === true);
  const n = all.length;
  const mark = new Uint32Array(n);
  let generation = 0;
  const startSet = closure[ids.get(start)!]!;
  return {
    run(text, unicode) {
      let current = startSet;
      for (let i = 0; i < text.length && current.length > 0; ) {
        let ch = text[i]!;
        if (unicode) ch = String.fromCodePoint(text.codePointAt(i)!);
        i += ch.length;
        generation++;
        if (generation === 0xffffffff) {
          mark.fill(0);
          generation = 1;
        }
        const out: number[] = [];
        for (const id of current) {
          const test = tests[id];
          if (!test || !test(ch)) continue;
          for (const to of closure[next[id]!]!) {
            if (mark[to] === generation) continue;
            mark[to] = generation;
            out.push(to);
          }
        }
        current = out;
      }
      for (const id of current) if (accepting[id]) return true;
      return false;
    },
  };
}

/** Adds `s` and everything reachable from it by epsilon edges to `set`. */
function add(set: Set<State>, s: State | undefined): void {
  const stack = s ? [s] : [];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (set.has(x)) continue;
    set.add(x);
    if (x.split) {
      if (x.out) stack.push(x.out);
      if (x.out2) stack.push(x.out2);
    }
  }
}
