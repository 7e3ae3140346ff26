// src/glob.ts compiles and combines globs for speed; it must agree with minimatch itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Minimatch, minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { globProblem, matchesAny, matchesGlob, MAX_GLOB_ALTERNATIVES, prefilterOf } from '../src/glob.ts';
import { DEFAULT_IGNORE, DEFAULT_SOURCE, DEFAULT_TESTS } from '../rules/tests-touched/conventions.ts';
import { LOCKFILE_GLOBS } from '../rules/pr-size/exclusions.ts';

const OPTIONS = { dot: true, nocomment: true, nonegate: true };

const GLOBS = [
  ...DEFAULT_TESTS, ...DEFAULT_SOURCE, ...DEFAULT_IGNORE, ...LOCKFILE_GLOBS,
  '*.md', 'src/**', 'src/*/x.ts', '**', '.github/**', '!negated', '#comment', 'a/[bc]/d', 'x?y', '**/*.{png,jpg}',
  '[', 'docs/[z-a]/x', '**/*file', 'src/*.test.?s', '**/.git*',
];

const PATHS = [
  'README.md', 'docs/README.md', 'src/index.ts', 'src/a/x.ts', 'src/a/b/x.ts', '.github/workflows/ci.yml',
  'src/a.test.ts', 'pkg/__tests__/a.js', 'tests/test_a.py', 'cmd/main_test.go', 'src/test/java/FooTest.java',
  'Api.Tests/ApiTests.cs', 'spec/a_spec.rb', 'web/yarn.lock', 'package-lock.json', '.eslintrc.cjs', 'vite.config.ts',
  'a/b/d', 'a/e/d', 'xzy', 'img/logo.png', '!negated', '#comment', '.hidden/x.ts', 'ünïcode/fïle.ts', 'dir with space/a.ts',
  'types/global.d.ts', '[',
];

// Every path of up to three segments over a vocabulary that hits each kind of glob part.
const WORDS = [
  '', '.', '..', '.github', 'src', 'test', 'tests', 'Api.Tests', 'a.test.ts', 'a.spec.jsx', 'test_a.py', 'conftest.py',
  'x_test.go', 'FooIT.java', 'a_spec.rb', 'yarn.lock', 'package-lock.json', 'vite.config.ts', '.eslintrc.cjs',
  'g.d.ts', 'main.rs', 'ünï.ts', 'x.md', 'testdata', 'workflows', 'docs', 'Dockerfile', 'x.dockerfile', '.gitignore',
];
const ODD_PATHS: string[] = [];
for (const a of WORDS) {
  ODD_PATHS.push(a, `/${a}`, `${a}/`);
  for (const b of WORDS) {
    ODD_PATHS.push(`${a}/${b}`);
    for (const c of ['src', 'test', 'a.test.ts', 'ci.yml', '..', '']) ODD_PATHS.push(`${a}/${b}/${c}`);
  }
}

describe('glob helpers agree with minimatch', () => {
  it.each(GLOBS)('%s', (glob) => {
    for (const path of PATHS) expect(matchesGlob(path, glob), path).toBe(minimatch(path, glob, OPTIONS));
  });

  it('matchesAny is the disjunction of matchesGlob, for the default lists and mixed ones', () => {
    const lists = [DEFAULT_TESTS, DEFAULT_SOURCE, DEFAULT_IGNORE, LOCKFILE_GLOBS, GLOBS, [], ['[', '*.md']];
    for (const list of lists) {
      for (const path of PATHS) {
        expect(matchesAny(path, list), `${path} in ${list.join(' ')}`).toBe(list.some((g) => minimatch(path, g, OPTIONS)));
      }
    }
  });

  it('agrees with Minimatch#match on generated paths, including odd ones (dot segments, empty segments, slashes at the ends)', () => {
    for (const glob of GLOBS) {
      const mm = new Minimatch(glob, OPTIONS);
      for (const path of ODD_PATHS) expect(matchesGlob(path, glob), `${path} ~ ${glob}`).toBe(mm.match(path));
    }
  });

  it('prefilterOf never rules out a path Minimatch#match accepts (also with the CODEOWNERS options)', () => {
    const codeowners = { ...OPTIONS, noext: true, nobrace: true };
    const globs = [...GLOBS, '.github/workflows/**', 'src/\\[x\\]/**', '**/docs', 'docs/*', 'a\\b/**'];
    let ruledOut = 0;
    for (const options of [OPTIONS, codeowners]) {
      for (const glob of globs) {
        const mm = new Minimatch(glob, options);
        const mayMatch = prefilterOf(mm);
        for (const path of [...ODD_PATHS, 'a\\b/x', 'src/[x]/y', '.github//workflows/ci.yml']) {
          if (mayMatch(path)) continue;
          ruledOut++;
          expect(mm.match(path), `${path} ~ ${glob}`).toBe(false);
        }
      }
    }
    expect(ruledOut).toBeGreaterThan(1000); // it does filter
  });

  it('sees a changed array, not a stale cached one', () => {
    const list = ['*.md'];
    expect(matchesAny('a.ts', list)).toBe(false);
    list.push('*.ts');
    expect(matchesAny('a.ts', list)).toBe(true);
  });
});

describe('the default globs parsed at build time (src/glob-table.ts)', () => {
  it('is fresh (run `npm run generate` after changing a rule\'s default globs) and is minimatch\'s parse', async () => {
    const { globTableSource } = await import('../scripts/glob-table.ts');
    const { GLOB_SHAPES } = await import('../src/glob-table.ts');
    expect(readFileSync(join(import.meta.dirname, '..', 'src', 'glob-table.ts'), 'utf8')).toBe(globTableSource());
    for (const glob of [...DEFAULT_TESTS, ...DEFAULT_SOURCE, ...DEFAULT_IGNORE, ...LOCKFILE_GLOBS]) expect(GLOB_SHAPES.has(glob), glob).toBe(true);
    for (const [glob, shape] of GLOB_SHAPES) {
      const mm = new Minimatch(glob, OPTIONS);
      expect(shape, glob).toEqual({ parts: mm.globParts, sets: mm.set.length });
    }
  });
});

describe('brace expansion within the bound is read in full', () => {
  it('a glob of exactly MAX_GLOB_ALTERNATIVES alternatives is accepted and matches its last one; one more is refused', () => {
    const last = `src/${MAX_GLOB_ALTERNATIVES - 1}/x.ts`;
    expect(globProblem(`src/{0..${MAX_GLOB_ALTERNATIVES - 1}}/x.ts`)).toBeNull();
    expect(matchesGlob(last, `src/{0..${MAX_GLOB_ALTERNATIVES - 1}}/x.ts`)).toBe(true);
    expect(globProblem(`src/{0..${MAX_GLOB_ALTERNATIVES}}/x.ts`)).toMatch(/expand to more than 1000 alternatives/);
    // Past minimatch's own cap (100,000) it keeps the first alternatives and drops the rest
    // unsaid: what the bound keeps out of a policy.
    expect(new Minimatch('{a,b}'.repeat(17), OPTIONS).match('b'.repeat(17))).toBe(false);
    expect(globProblem('{a,b}'.repeat(17))).toMatch(/expand to more than 1000 alternatives/);
  });
});
