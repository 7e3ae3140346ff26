// The repository reader over git follows a symlink anywhere on a path's way at the commit, not
// only at its end: a policy under a symlinked directory is the policy, never "absent" (which
// made the embedded default judge the change, silently more lenient than the lead's policy).
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRepoReader } from '../../src/git/reader.ts';
import { readAt } from '../../src/repo/reader.ts';
import { Repo, runCli } from '../helpers/repo.ts';

const STRICT = 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 1\n';

function repoWithLinks(): { repo: Repo; base: string } {
  const repo = Repo.init('main');
  repo.write('tools/github/prguard.yml', STRICT).write('src/a.ts', 'a\n');
  symlinkSync('tools/github', join(repo.dir, '.github')); // the whole .github is a link
  repo.write('real/p.yml', STRICT);
  symlinkSync('../real', join(repo.dir, 'tools', 'conf')); // a link deeper down
  symlinkSync('/etc', join(repo.dir, 'outside'));
  symlinkSync('tools/github/prguard.yml', join(repo.dir, 'file-link'));
  return { repo, base: repo.commit('base') };
}

describe('symlinks on the way to a path, at the commit', () => {
  it('are followed by readAt, and one that leaves the repository is an error', async () => {
    const { repo, base } = repoWithLinks();
    const reader = new GitRepoReader(repo.dir);
    expect(await readAt(reader, base, '.github/prguard.yml')).toEqual({ text: STRICT, resolvedPath: 'tools/github/prguard.yml' });
    expect(await readAt(reader, base, 'tools/conf/p.yml')).toEqual({ text: STRICT, resolvedPath: 'real/p.yml' });
    expect(await readAt(reader, base, '.github/missing.yml')).toBeUndefined();
    expect(await readAt(reader, base, 'file-link/x')).toBeUndefined(); // a file is in the way
    await expect(readAt(reader, base, 'outside/passwd')).rejects.toThrow('outside is a symlink that points outside the repository (/etc)');
    repo.remove();
  });

  it('a policy under a symlinked .github judges the change (it was taken for absent: the default passed it)', () => {
    const { repo } = repoWithLinks();
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit('grow', { 'src/a.ts': 'a\nb\nc\n' });
    const r = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    const report = JSON.parse(r.stdout) as { policy: unknown; conclusion: string };
    expect(report.policy).toEqual({ path: '.github/prguard.yml', source: 'base' });
    expect(report.conclusion).toBe('failure');
    expect(r.code).toBe(1);
    repo.remove();
  });
});

describe('a file too large to read', () => {
  it('a policy at the base larger than 64 MiB is exit 2 with its name, not read whole', () => {
    const repo = Repo.init('main');
    // A comment of 65 MiB: valid YAML, compressed by git to almost nothing.
    repo.commit('base', { '.github/prguard.yml': `version: 1\n#${'x'.repeat(65 * 1024 * 1024)}\n`, 'a.txt': '1\n' });
    repo.commit('change', { 'a.txt': '2\n' });
    const r = runCli(['check', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.github/prguard.yml at ');
    expect(r.stderr).toContain('is larger than 64 MiB, more than prguard reads from such a file');
    repo.remove();
  });
});
