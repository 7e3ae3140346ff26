// A type change (a file replaced by a symlink, a symlink by a file, a file by a submodule): git
// writes it as the path's deletion then its creation. It is one modified file with its modes,
// checked like any other change, not a diff refused for naming a path twice.
import { symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGitChangeSet } from '../../src/git/index.ts';
import { Repo, runCli } from '../helpers/repo.ts';

describe('type changes', () => {
  it('a policy file replaced by a symlink to a laxer one is checked, judged by the base, and protected', async () => {
    const repo = Repo.init('main');
    const base = repo.commit('base', { '.github/prguard.yml': 'version: 1\nextends: recommended\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('lax.yml', 'version: 1\n');
    unlinkSync(join(repo.dir, '.github', 'prguard.yml'));
    symlinkSync('../lax.yml', join(repo.dir, '.github', 'prguard.yml'));
    const head = repo.commit('point the policy elsewhere');

    const change = await loadGitChangeSet({ cwd: repo.dir, base, head });
    const policy = change.files.filter((f) => f.path === '.github/prguard.yml');
    expect(policy).toHaveLength(1);
    expect(policy[0]).toMatchObject({ status: 'modified', modeChange: { oldMode: '100644', newMode: '120000' }, additions: 1, deletions: 2 });
    expect(policy[0]!.hunks.flatMap((h) => h.added.map((l) => l.content))).toEqual(['../lax.yml']);

    const r = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { policy: { path: string }; findings: { ruleId: string; path?: string }[]; notes: string[] };
    expect(report.policy.path).toBe('.github/prguard.yml');
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'protected-paths', path: '.github/prguard.yml' }));
    expect(report.notes.some((n) => n.startsWith('this change edits .github/prguard.yml'))).toBe(true);
    // The same change as a diff file reads the same way (its policy: the base's, given by hand).
    repo.write('base-policy.yml', 'version: 1\nextends: recommended\n');
    const input = repo.git('diff', base, head);
    const fromDiff = runCli(['check', '--diff', '-', '--policy', 'base-policy.yml', '--format', 'json'], { cwd: repo.dir, input });
    expect(fromDiff.stderr).toBe('');
    const diffReport = JSON.parse(fromDiff.stdout) as typeof report & { stats: { files: number } };
    expect(diffReport.stats.files).toBe(2);
    expect(diffReport.findings.map((f) => f.path)).toContain('.github/prguard.yml');
    repo.remove();
  });

  it('a symlink replaced by a file keeps the file\'s added lines for the rules', async () => {
    const repo = Repo.init('main');
    repo.write('target.ts', 'x\n');
    symlinkSync('target.ts', join(repo.dir, 'link.test.ts'));
    const base = repo.commit('base');
    unlinkSync(join(repo.dir, 'link.test.ts'));
    const head = repo.commit('a file now', { 'link.test.ts': "test.only('x', () => {});\n" });
    const change = await loadGitChangeSet({ cwd: repo.dir, base, head });
    expect(change.files.map((f) => [f.path, f.status, f.modeChange])).toEqual([['link.test.ts', 'modified', { oldMode: '120000', newMode: '100644' }]]);
    const r = runCli(['check', '--base', base, '--format', 'json'], { cwd: repo.dir });
    expect((JSON.parse(r.stdout) as { findings: { ruleId: string; line?: number }[] }).findings).toContainEqual(
      expect.objectContaining({ ruleId: 'tests-touched', line: 1 }),
    );
    repo.remove();
  });
});
