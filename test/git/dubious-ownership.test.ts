// A repository another user owns: git refuses every command in it (its safe.directory check), and
// prguard says so, with git's remedy, instead of "not inside a git repository". Owning files as
// another user needs root, so this runs as root only (CI containers, this machine).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

const root = process.getuid?.() === 0;

describe('a repository another user owns', () => {
  it.skipIf(!root)('is exit 2 naming git\'s refusal and safe.directory, for check and pre-push alike', () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commit('work', { 'b.txt': 'b\n' });
    execFileSync('chown', ['-R', '65534', repo.dir]);
    const expectRefused = (r: { code: number; stderr: string }) => {
      expect(r.stderr).toContain(`git refuses the repository at ${repo.dir}: another user owns it`);
      expect(r.stderr).toContain(`git config --global --add safe.directory ${repo.dir}`);
      expect(r.stderr).not.toContain('not inside a git');
      expect(r.code).toBe(2);
    };
    expectRefused(runCli(['check', '--base', 'main'], { cwd: repo.dir }));
    expectRefused(runCli(['check'], { cwd: repo.dir }));
    expectRefused(runCli(['pre-push', 'origin', 'x'], { cwd: repo.dir, input: `refs/heads/feature ${head} refs/heads/feature ${'0'.repeat(40)}\n` }));
    execFileSync('chown', ['-R', String(process.getuid!()), repo.dir]);
  });
});
