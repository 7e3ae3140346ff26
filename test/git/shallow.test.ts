// A shallow clone whose history is cut between the base and the head: git finds the merge-base
// among the commits it has, an older one than the real, and the base's own changes would be read
// as the branch's. prguard refuses such a range (exit 2) and checks a range the cut does not touch.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/**
 * main: root - r1..r12 - X - F - m1..m7 - m8 (a merge of m7 and X, made by commit-tree) - m9 - m10;
 * feature: F - p1. Cloned at depth 4, main reaches X through m8 but not F (m7 is the edge).
 */
function origin(): { repo: Repo; F: string } {
  const repo = Repo.init('main');
  repo.commit('root', { 'README.md': 'x\n' });
  for (let i = 1; i <= 12; i++) repo.commit(`r${i}`, { [`old/r${i}.md`]: `${i}\n` });
  const X = repo.commit('X', { 'src/old.ts': 'export const old = 1;\n' });
  const F = repo.commit('F: main work', { 'src/main-only.ts': 'export const fromMain = 1;\n' });
  for (let i = 1; i <= 7; i++) repo.commit(`m${i}`, { [`docs/m${i}.md`]: `${i}\n` });
  const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
  const m8 = repo.git('commit-tree', tree, '-p', 'HEAD', '-p', X, '-m', 'm8: merge X').trim();
  repo.git('reset', '-q', '--hard', m8);
  repo.commit('m9', { 'docs/m9.md': '9\n' });
  repo.commit('m10', { 'docs/m10.md': '10\n' });
  repo.git('checkout', '-q', '-b', 'feature', F);
  repo.commit('p1', { 'src/p1.ts': 'export const p1 = 1;\n', 'src/p1.test.ts': 'expect(1).toBe(1);\n' });
  repo.git('checkout', '-q', 'main'); // the clones' origin/HEAD
  return { repo, F };
}

function clone(from: Repo, depth?: number): string {
  const dir = tempDir('prguard-shallow-');
  const args = ['clone', '-q', '--no-single-branch', ...(depth ? [`--depth=${depth}`] : []), `file://${from.dir}`, dir];
  execFileSync('git', args, { env: ENV });
  execFileSync('git', ['checkout', '-q', 'feature'], { cwd: dir, env: ENV });
  return dir;
}

describe('a shallow clone', () => {
  it('whose cut runs between base and head is exit 2, with what to fetch; a full clone reads the real range', () => {
    const { repo, F } = origin();
    const shallow = clone(repo, 4);
    // git itself finds the wrong merge-base there: X, not F.
    expect(execFileSync('git', ['merge-base', 'origin/main', 'HEAD'], { cwd: shallow, env: ENV, encoding: 'utf8' }).trim()).not.toBe(F);
    const cut = runCli(['check', '--base', 'origin/main', '--format', 'json'], { cwd: shallow });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('this clone is shallow and its history is cut between');
    expect(cut.stderr).toContain('git fetch --unshallow');
    // Without --base (the remote's default branch) the same.
    expect(runCli(['check'], { cwd: shallow }).code).toBe(2);

    const full = runCli(['check', '--base', 'origin/main', '--format', 'json'], { cwd: clone(repo) });
    expect(full.stderr).toBe('');
    // The branch's two files, not main's own F as well.
    expect((JSON.parse(full.stdout) as { stats: { files: number } }).stats).toEqual({ files: 2, additions: 2, deletions: 0 });
  });

  it('whose cut is behind the merge-base checks the range as a full clone does', () => {
    const { repo } = origin();
    // At depth 11 main reaches F; what is cut off is behind X, which both sides reach.
    const deep = clone(repo, 11);
    const r = runCli(['check', '--base', 'origin/main', '--format', 'json'], { cwd: deep });
    expect(r.stderr).toBe('');
    expect(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: deep, env: ENV, encoding: 'utf8' }).trim()).toBe('true');
    expect((JSON.parse(r.stdout) as { stats: { files: number } }).stats).toEqual({ files: 2, additions: 2, deletions: 0 });
  });
});
