// normalisePath keeps a name that is normal already as it is; every other name takes the long way.
// Both must give what resolving the segments one by one gives.
import { describe, expect, it } from 'vitest';
import { normalisePath } from '../../src/diff/paths.ts';
import { pick, rng } from '../helpers/secret-samples.ts';

/** The segment-by-segment reading, written out plainly. */
function reference(name: string): string | undefined {
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return undefined;
  const out: string[] = [];
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.length === 0 ? undefined : out.join('/');
}

describe('normalisePath', () => {
  it('agrees with the segment-by-segment reading on random names', () => {
    const r = rng(404);
    for (let i = 0; i < 5000; i++) {
      const name = pick(r, 'a./.b/', 1 + Math.floor(r() * 9));
      const got = normalisePath(name);
      const want = reference(name);
      expect('path' in got ? got.path : undefined, JSON.stringify(name)).toBe(want);
    }
  });

  it('keeps normal names, drops empty and dot segments, refuses what leaves the root', () => {
    expect(normalisePath('src/a.ts')).toEqual({ path: 'src/a.ts' });
    expect(normalisePath('src/.env')).toEqual({ path: 'src/.env' });
    expect(normalisePath('src/...')).toEqual({ path: 'src/...' });
    expect(normalisePath('src//a/./b/../c/')).toEqual({ path: 'src/a/c' });
    expect(normalisePath('./a')).toEqual({ path: 'a' });
    expect(normalisePath('a/..')).toHaveProperty('problem');
    expect(normalisePath('../a')).toHaveProperty('problem');
    expect(normalisePath('.')).toHaveProperty('problem');
    expect(normalisePath('x'.repeat(5000))).toHaveProperty('problem');
  });
});
