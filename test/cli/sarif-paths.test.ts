// SARIF from a real git repository whose file names need encoding: each result's URI is a
// relative reference that decodes back to exactly the file the finding is about.
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';
import { validateSarif } from '../helpers/sarif-schema.ts';

// Each a test file focusing its suite (`test.only(`): a tests-touched warning at line 2.
const NAMES = ['test/a\\b.test.ts', 'test/sp ace#1 100%.test.ts', 'test/x?y.test.ts', 'test/ünï.test.ts', 'test/a/b.test.ts'];

describe('check --format sarif: file names in URIs', () => {
  it('encodes a backslash, space, #, %, ? and unicode so that the URI names the same file', () => {
    const repo = Repo.init();
    repo.commit('init');
    repo.git('branch', 'base');
    repo.commit('focus', Object.fromEntries(NAMES.map((n) => [n, '// a test\ntest.only("x", () => {});\n'])));
    const r = runCli(['check', '--base', 'base', '--format', 'sarif'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const located = log.runs[0]!.results!.filter((x) => x.properties?.['prguard/whole-change'] !== true);
    const uris = located.map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    for (const uri of uris) {
      expect(uri).not.toMatch(/^\/|[ #?\\]/);
      expect(uri.split('/').every((s) => encodeURIComponent(decodeURIComponent(s)) === s)).toBe(true);
    }
    // `a\b.test.ts` and `a/b.test.ts` are two files, and stay two.
    expect(uris.map((u) => u.split('/').map(decodeURIComponent).join('/')).sort()).toEqual([...NAMES].sort());
    expect(uris).toContain('test/a%5Cb.test.ts');
    for (const x of located) expect(x.locations![0]!.physicalLocation!.region!.startLine).toBe(2);
  });
});
