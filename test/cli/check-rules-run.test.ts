// `check` says which rules ran, and notes a guard rule the policy leaves off by omission.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.ts';
import { Repo } from '../helpers/repo.ts';
import { runMain } from './in-process.ts';

function repoWith(policy: string): { repo: Repo; base: string; head: string } {
  const repo = Repo.init('main');
  const base = repo.commit('base', { '.github/prguard.yml': policy, 'src/a.ts': 'export const a = 1;\n' });
  const head = repo.commit('head', { 'src/a.ts': 'export const a = 2;\n' });
  return { repo, base, head };
}

describe('check: the rules that ran', () => {
  it('lists them on one line and notes the guard rules left off', async () => {
    const { repo, base, head } = repoWith('version: 1\nrules:\n  pr-size: warning\n');
    const r = await runMain(['check', '--base', base, '--head', head], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nrules run: pr-size\n');
    expect(r.stdout).toContain('note: secret-leakage and protected-paths do not run');
    const json = await runMain(['check', '--base', base, '--head', head, '-f', 'json'], { cwd: repo.dir });
    const report = JSON.parse(json.stdout) as Report;
    expect(report.rules).toEqual(['pr-size']);
    expect(report.notes.join('\n')).toContain('"extends: recommended"');
    repo.remove();
  });

  it('has no such note when the policy says off', async () => {
    const { repo, base, head } = repoWith('version: 1\nrules:\n  secret-leakage: off\n  protected-paths: off\n  pr-size: warning\n');
    const r = await runMain(['check', '--base', base, '--head', head], { cwd: repo.dir });
    expect(r.stdout).not.toContain('do not run');
    expect(r.stdout).toContain('rules run: pr-size\n');
    repo.remove();
  });
});
