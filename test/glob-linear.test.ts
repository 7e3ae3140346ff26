// Globs run in linear time: the patterns that make minimatch's regular expressions backtrack
// finish at once here, and a seeded random corpus agrees with Minimatch#match.
import { Minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { globProblem, matchesAny, matchesGlob, matcherOf, UnsupportedGlobError } from '../src/glob.ts';
import { rng } from './helpers/rng.ts';

const OPTIONS = { dot: true, nocomment: true, nonegate: true };


describe('globs that backtrack in a regular expression', () => {
  const long = 'a'.repeat(100_000);

  it('does not hang on **/*a*a*a*a*a*a*a*a*b against a 100,000-character segment', () => {
    expect(matchesGlob(`src/${long}`, '**/*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(matchesGlob(`src/${long}b`, '**/*a*a*a*a*a*a*a*a*b')).toBe(true);
  });

  it('does not hang on many globstars against a deep path', () => {
    const deep = Array.from({ length: 20_000 }, () => 'a').join('/');
    expect(matchesGlob(deep, '**/a/**/a/**/a/**/a/**/b')).toBe(false);
    expect(matchesGlob(`${deep}/b`, '**/a/**/a/**/a/**/a/**/b')).toBe(true);
  });

  it('does not hang on nested extglobs (+(a|aa))', () => {
    expect(matchesGlob(`${'a'.repeat(5_000)}c`, '+(a|aa)+(a|aa)b')).toBe(false);
    expect(matchesGlob('aaab', '+(a|aa)+(a|aa)b')).toBe(true);
  });

  it('does not hang in a list (matchesAny) or in a CODEOWNERS-style Minimatch (matcherOf)', () => {
    expect(matchesAny(long, ['*a*a*a*a*a*a*a*a*b', '**/x'])).toBe(false);
    const mm = new Minimatch('**/*a*a*a*a*a*a*a*a*b', { ...OPTIONS, noext: true, nobrace: true });
    expect(matcherOf(mm)(long)).toBe(false);
  });

  it('refuses a negated extglob, which it cannot run in linear time, with a message to act on', () => {
    expect(globProblem('src/!(*.test).ts')).toMatch(/cannot be matched in linear time/);
    expect(() => matchesGlob('src/a.ts', 'src/!(*.test).ts')).toThrow(UnsupportedGlobError);
    expect(globProblem('src/**/*.{ts,js}')).toBeNull();
    expect(globProblem('src/!(x)', { codeowners: true })).toBeNull(); // no extglobs in CODEOWNERS
  });
});

describe('agreement with Minimatch#match on a seeded random corpus', () => {
  const pieces = ['a', 'b', '.', '*', '?', '**', '[ab]', '[!a]', '{a,b}', '@(a|b)', '+(a)', '?(b)', '*(ab)', 'x', '.x', '\\*'];
  const chars = ['a', 'b', 'x', '.', '/', '*'];
  const random = rng(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  // Paths with `.` or `..` segments are left out: no source gives them (the diff parser resolves
  // them), and there minimatch's globstar search has quirks of its own (`**/*(ab)**` rejects `./`
  // but accepts `.`). Empty segments and trailing slashes stay in.
  const dotSegment = (path: string) => path.split('/').some((s) => s === '.' || s === '..');

  it('gives the same answer for 400 globs × 60 paths', () => {
    let matched = 0;
    for (let g = 0; g < 400; g++) {
      const segs = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pieces)).join(''),
      );
      const glob = segs.join('/');
      const mm = new Minimatch(glob, OPTIONS);
      for (let p = 0; p < 60; p++) {
        const path = Array.from({ length: Math.floor(random() * 9) }, () => pick(chars)).join('');
        if (dotSegment(path)) continue;
        const expected = mm.match(path);
        if (expected) matched++;
        expect(matchesGlob(path, glob), `${JSON.stringify(path)} ~ ${glob}`).toBe(expected);
      }
    }
    expect(matched).toBeGreaterThan(150); // the corpus does exercise matches
  });
});

describe('globs of ** then a name or *<literal> (decided by the path ending)', () => {
  const globs = ['**/*.ts', '**/*.d.ts', '**/*.test.ts', '**/*_test.go', '**/*rc', '**/*.{js,ts}', '**/*.', '**/*a.b', '**/rc', '**/a.ts', '**/.ts', '**/d.ts', '**/{a,b}.ts'];
  const chars = ['a', 't', 's', '.', '/', '_', 'd', 'r', 'c', 'b', '\\'];
  const random = rng(77);

  it('answers as the matcher does on every path, odd ones (empty, `.` and `..` segments, end slashes) too', () => {
    let matched = 0;
    for (const glob of globs) {
      const mm = new Minimatch(glob, OPTIONS);
      const matcher = matcherOf(mm);
      for (let p = 0; p < 3000; p++) {
        const path = Array.from({ length: Math.floor(random() * 10) }, () => chars[Math.floor(random() * chars.length)]!).join('');
        const expected = matcher(path);
        if (expected) matched++;
        expect(matchesGlob(path, glob), `${JSON.stringify(path)} ~ ${glob}`).toBe(expected);
        expect(matchesAny(path, [glob, 'zzz/**']), `${JSON.stringify(path)} ~ [${glob}]`).toBe(expected);
      }
    }
    expect(matched).toBeGreaterThan(250); // the corpus does exercise matches
  });
});
