// `prguard secrets baseline` writes where the policy names the baseline only inside the
// repository, never through a symlink a clone brings; `--output` writes where it is told.
import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

function repoWith(policy: string): Repo {
  const repo = Repo.init();
  repo.commit('base', { '.github/prguard.yml': policy, 'a.txt': 'a\n' });
  return repo;
}

describe('secrets baseline: what it scans', () => {
  it('refuses a --head that names no commit or that git would read as an option, writing nothing', () => {
    const repo = repoWith('version: 1\nextends: recommended\n');
    const written = join(tempDir(), 'diff.txt');
    const option = runCli(['secrets', 'baseline', `--head=--output=${written}`], { cwd: repo.dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain(`--head "--output=${written}" is not a valid git revision`);
    // git wrote its diff there, and an empty scan was written as a clean baseline.
    expect(existsSync(written)).toBe(false);
    expect(existsSync(join(repo.dir, '.github/prguard-secrets-baseline.json'))).toBe(false);
    const missing = runCli(['secrets', 'baseline', '--head', 'no-such-ref'], { cwd: repo.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--head "no-such-ref" does not name a commit in this repository');
    const empty = Repo.init();
    const unborn = runCli(['secrets', 'baseline'], { cwd: empty.dir });
    expect(unborn.code).toBe(2);
    expect(unborn.stderr).toContain('the repository has no commits yet');
    empty.remove();
    repo.remove();
  });
});

describe('secrets baseline: what it prints', () => {
  it('masks a token in the path it names, as every output', () => {
    const token = sample('github-classic-pat', rng(11)).secret;
    const repo = repoWith('version: 1\nextends: recommended\n');
    const r = runCli(['secrets', 'baseline', '--output', join('keys', token, 'baseline.json')], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('to keys/ghp_…[redacted]/baseline.json');
    expect(r.stdout + r.stderr).not.toContain(token.slice(8));
    repo.remove();
  });
});

describe('secrets baseline: where it writes', () => {
  it('refuses a policy baseline outside the repository', () => {
    const outside = join(tempDir(), 'outside.json');
    for (const baseline of [(repo: Repo) => relative(repo.dir, outside), () => outside]) {
      const repo = Repo.init();
      repo.commit('base', { '.github/prguard.yml': `version: 1\nextends: recommended\nrules:\n  secret-leakage:\n    baseline: ${baseline(repo)}\n`, 'a.txt': 'a\n' });
      const r = runCli(['secrets', 'baseline'], { cwd: repo.dir });
      expect(r.code).toBe(2);
      // The policy names no repository path: an error at its line, before anything is written.
      expect(r.stderr).toMatch(/^prguard: \.github\/prguard\.yml:5:15: rules\.secret-leakage\.baseline: "\S*outside\.json" is not a repository path/);
      expect(existsSync(outside)).toBe(false);
      repo.remove();
    }
  });

  it('replaces a symlink at the default path instead of writing the file it points at', () => {
    const repo = repoWith('version: 1\nextends: recommended\n');
    const target = join(tempDir(), 'elsewhere.json');
    const link = join(repo.dir, '.github', 'prguard-secrets-baseline.json');
    symlinkSync(target, link);
    const r = runCli(['secrets', 'baseline'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(link).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(link, 'utf8'))).toMatchObject({ version: 1 });
    // --output is the user's own choice of path, honoured as given.
    const chosen = join(tempDir(), 'mine.json');
    const r2 = runCli(['secrets', 'baseline', '--output', chosen], { cwd: repo.dir });
    expect(r2.code).toBe(0);
    expect(existsSync(chosen)).toBe(true);
    // No policy can name a file outside the repository: prguard offers no snippet that validate refuses.
    expect(r2.stdout).not.toContain('baseline: ');
    expect(r2.stdout).toContain('outside the repository');
    repo.remove();
  });
});
