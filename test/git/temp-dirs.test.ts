// A check leaves nothing in the temporary directory: the git sandbox (an empty work tree, and the
// attribute index when the base has .gitattributes files) and the diff's spool are removed, after
// a check and after a push, whether the sandbox stayed empty or not.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

function repoWith(attributes: boolean): Repo {
  const repo = Repo.init();
  repo.commit('base', {
    'src/a.ts': 'export const a = 1;\n',
    ...(attributes ? { '.gitattributes': '*.gen.ts linguist-generated\n', 'src/.gitattributes': '*.snap -diff\n' } : {}),
  });
  repo.addOrigin('main');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('change', { 'src/a.ts': 'export const a = 2;\n', 'src/b.gen.ts': 'export const b = 1;\n', 'test/a.test.ts': 'expect(a).toBe(2);\n' });
  return repo;
}

describe.each([false, true])('with .gitattributes at the base: %s', (attributes) => {
  it('check removes its temporary directories', () => {
    const repo = repoWith(attributes);
    const tmp = tempDir('prguard-tmp-');
    const r = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir, env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.files).toBe(3);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('pre-push removes its temporary directories', () => {
    const repo = repoWith(attributes);
    const tmp = tempDir('prguard-tmp-');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const input = `refs/heads/feature ${head} refs/heads/feature ${'0'.repeat(40)}\n`;
    const r = runCli(['pre-push', 'origin'], { cwd: repo.dir, input, env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('feature -> origin/feature');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
