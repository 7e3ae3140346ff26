// SARIF from a real git repository whose file names need encoding: each result's URI is a
// relative reference that decodes back to exactly the file the finding is about.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';
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

  it('anchors whole-change findings at the --policy file by its path in the repository, never outside it', () => {
    const policy = 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 1\n';
    const repo = Repo.init();
    repo.commit('init', { 'cfg/p.yml': policy, 'sub/.keep': '' });
    repo.git('branch', 'base');
    repo.commit('grow', { 'src/a.ts': 'a\nb\n' });
    const outside = join(tempDir(), 'p.yml');
    writeFileSync(outside, policy);
    const anchor = (policyArg: string, cwd: string) => {
      const r = runCli(['check', '--base', 'base', '--policy', policyArg, '--format', 'sarif'], { cwd });
      expect(r.code).toBe(1);
      const log = JSON.parse(r.stdout) as Sarif.Log;
      expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
      const size = log.runs[0]!.results!.find((x) => x.ruleId === 'pr-size')!;
      return size.locations![0]!.physicalLocation!.artifactLocation!.uri;
    };
    // Given relative to a subdirectory: the URI is relative to the repository root.
    expect(anchor('../cfg/p.yml', join(repo.dir, 'sub'))).toBe('cfg/p.yml');
    expect(anchor(join(repo.dir, 'cfg', 'p.yml'), repo.dir)).toBe('cfg/p.yml');
    // Outside the repository (absolute or `../`): where a policy would live, not `/tmp/…` or `../…`.
    expect(anchor(outside, repo.dir)).toBe('.github/prguard.yml');
    expect(anchor(`../${outside.split('/').slice(-2).join('/')}`, repo.dir)).toBe('.github/prguard.yml');
  });
});
