// tests-touched: the one pattern a line is looked at with first (anyMarker) says "no marker" only
// where no marker matches. Compared with every marker, one by one, on lines built from the
// markers' own words and punctuation, and on the rule's example lines.
import { describe, expect, it } from 'vitest';
import { anyMarker, findMarker, LANGUAGES, markersFor, unnamedGroups } from '../../rules/tests-touched/markers.ts';
import { rng } from '../helpers/rng.ts';

describe('unnamedGroups', () => {
  it('makes named groups plain and leaves lookarounds, escapes and classes alone', () => {
    expect(unnamedGroups('a(?<m>b|c)d')).toBe('a(?:b|c)d');
    expect(unnamedGroups('(?<![\\w$.])x(?<=y)(?=z)(?!w)')).toBe('(?<![\\w$.])x(?<=y)(?=z)(?!w)');
    expect(unnamedGroups('\\(?<m>x')).toBe('\\(?<m>x'); // an escaped bracket opens no group
    expect(unnamedGroups('[(?<m>]x')).toBe('[(?<m>]x'); // nor one inside a class
    expect(unnamedGroups('[\\]](?<s>y)')).toBe('[\\]](?:y)');
    expect(unnamedGroups('a(?<b')).toBe('a(?<b'); // no name's end: left as it was
  });
});

/** Every set of markers the rule looks for: per language, test or source file, with or without conditional ones. */
const SETS = LANGUAGES.flatMap((language) => {
  const path = `x.test.${language.extensions[0]}`;
  return [true, false].flatMap((test) => [true, false].map((conditional) => ({ name: `${language.name} ${test ? 'test' : 'source'}${conditional ? '' : ' (no conditional)'}`, markers: markersFor(path, test, conditional) })));
}).filter((s) => s.markers.length > 0);

type Gen = (random: () => number) => string;

/**
 * A generator of strings after a regular expression's source (the constructs the markers use):
 * alternatives, groups, classes, escapes and quantifiers; lookarounds and anchors make nothing, so
 * a string may or may not match, which is what a comparison wants.
 */
function generator(source: string): Gen {
  let i = 0;
  const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ESCAPES: Record<string, string[]> = { s: [' ', '\t'], w: ['a', 'Z', '_', '7'], d: ['0', '1'], S: ['x'], W: ['.', ' '], D: ['x'] };
  const escape = (c: string): string[] => ESCAPES[c] ?? [c === 'n' ? '\n' : c === 't' ? '\t' : c];
  const klass = (): Gen => {
    const negated = source[i] === '^';
    if (negated) i++;
    const members: string[] = [];
    for (let first = true; i < source.length && (source[i] !== ']' || first); first = false) {
      const c = source[i++]!;
      if (c === '\\') {
        members.push(...escape(source[i++]!));
        continue;
      }
      if (source[i] === '-' && source[i + 1] !== ']') {
        const end = source[i + 1]!;
        i += 2;
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) members.push(String.fromCharCode(code));
        continue;
      }
      members.push(c);
    }
    i++; // ]
    const outside = ['a', ' ', '.', '(', ')', '{', '}', '_', '1', '"', ':'].filter((c) => !members.includes(c));
    return (random) => pick(random, negated ? outside : members);
  };
  const atom = (): Gen => {
    const c = source[i++]!;
    if (c === '(') {
      let silent = false;
      if (source[i] === '?') {
        const look = /^\?(?:=|!|<=|<!)/.test(source.slice(i));
        if (source[i + 1] === '<' && !look) i = source.indexOf('>', i) + 1;
        else {
          i += source[i + 1] === '<' ? 3 : 2;
          silent = look;
        }
      }
      const inner = alternatives();
      i++; // )
      return silent ? () => '' : inner;
    }
    if (c === '[') return klass();
    if (c === '\\') {
      const e = source[i++]!;
      if (e === 'b' || e === 'B') return () => '';
      const options = escape(e);
      return (random) => pick(random, options);
    }
    if (c === '^' || c === '$') return () => '';
    if (c === '.') return (random) => pick(random, ['a', '.', ' ']);
    return () => c;
  };
  const item = (): Gen => {
    const base = atom();
    let min = 1;
    let max = 1;
    const q = source[i];
    if (q === '*' || q === '+' || q === '?') {
      i++;
      [min, max] = q === '*' ? [0, 3] : q === '+' ? [1, 3] : [0, 1];
    } else if (q === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      const m = /^\{(\d+)(,?)(\d*)\}/.exec(source.slice(i))!;
      i += m[0].length;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : min + 3) : min;
    } else return base;
    if (source[i] === '?') i++; // lazy
    return (random) => {
      let out = '';
      for (let n = min + Math.floor(random() * (max - min + 1)); n > 0; n--) out += base(random);
      return out;
    };
  };
  const sequence = (): Gen => {
    const items: Gen[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') items.push(item());
    return (random) => items.map((g) => g(random)).join('');
  };
  function alternatives(): Gen {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return (random) => pick(random, options)(random);
  }
  const whole = alternatives();
  if (i !== source.length) throw new Error(`cannot read ${source} at ${i}`);
  return whole;
}

const NOISE = ['.', ' ', '(', ')', '[', ']', '{', '}', ':', ',', '=', '@', '#', '"', "'", '!', ';', 'x', '_', 'only', 'skip', 'test'];

/** Lines after random markers of the set, a third of them with a character or word inserted or removed. */
function lines(sources: string[], seed: number, count: number): string[] {
  const random = rng(seed);
  const gens = sources.map(generator);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: count }, () => {
    let line = pick(gens)(random);
    if (random() < 0.35) {
      const at = Math.floor(random() * (line.length + 1));
      line = random() < 0.5 ? line.slice(0, at) + pick(NOISE) + line.slice(at) : line.slice(0, at) + line.slice(at + 1);
    }
    return line;
  });
}

describe('anyMarker', () => {
  it.each(SETS)('$name: matches exactly where some marker does', ({ markers }) => {
    const { any, apart } = anyMarker(markers);
    let hits = 0;
    for (const line of lines(markers.map((m) => m.pattern.source), markers.length * 7919, 20_000)) {
      const some = markers.some((m) => m.pattern.test(line));
      expect(any.test(line) || apart.some((p) => p.test(line)), line).toBe(some);
      if (some) hits++;
    }
    // The lines reach the markers: the comparison says something about lines that hold one.
    expect(hits).toBeGreaterThan(5_000);
  });

  it('is built once for a set of markers', () => {
    const markers = markersFor('a.test.ts', true, true);
    expect(markersFor('b.spec.js', true, true)).toBe(markers);
    expect(anyMarker(markers)).toBe(anyMarker(markers));
    expect(markersFor('b.spec.js', true, false)).not.toBe(markers);
  });

  it('leaves which marker is found, and what is quoted, as before', () => {
    const markers = markersFor('a.test.ts', true, true);
    expect(findMarker("test('x', { only: true }, () => {", markers)).toEqual({ kind: 'focus', text: 'only: true' });
    expect(findMarker('const later = xit;', markers)).toEqual({ kind: 'skip', text: 'xit' });
    expect(findMarker("it('works', () => {", markers)).toBeNull();
  });
});
