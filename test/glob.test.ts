// src/glob.ts compiles and combines globs for speed; it must agree with minimatch itself.
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { matchesAny, matchesGlob } from '../src/glob.ts';
import { DEFAULT_IGNORE, DEFAULT_SOURCE, DEFAULT_TESTS } from '../rules/tests-touched/conventions.ts';
import { LOCKFILE_GLOBS } from '../rules/pr-size/exclusions.ts';

const OPTIONS = { dot: true, nocomment: true, nonegate: true };

const GLOBS = [
  ...DEFAULT_TESTS, ...DEFAULT_SOURCE, ...DEFAULT_IGNORE, ...LOCKFILE_GLOBS,
  '*.md', 'src/**', 'src/*/x.ts', '**', '.github/**', '!negated', '#comment', 'a/[bc]/d', 'x?y', '**/*.{png,jpg}',
  '[', 'docs/[z-a]/x',
];

const PATHS = [
  'README.md', 'docs/README.md', 'src/index.ts', 'src/a/x.ts', 'src/a/b/x.ts', '.github/workflows/ci.yml',
  'src/a.test.ts', 'pkg/__tests__/a.js', 'tests/test_a.py', 'cmd/main_test.go', 'src/test/java/FooTest.java',
  'Api.Tests/ApiTests.cs', 'spec/a_spec.rb', 'web/yarn.lock', 'package-lock.json', '.eslintrc.cjs', 'vite.config.ts',
  'a/b/d', 'a/e/d', 'xzy', 'img/logo.png', '!negated', '#comment', '.hidden/x.ts', 'ünïcode/fïle.ts', 'dir with space/a.ts',
  'types/global.d.ts', '[',
];

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

  it('sees a changed array, not a stale cached one', () => {
    const list = ['*.md'];
    expect(matchesAny('a.ts', list)).toBe(false);
    list.push('*.ts');
    expect(matchesAny('a.ts', list)).toBe(true);
  });
});
