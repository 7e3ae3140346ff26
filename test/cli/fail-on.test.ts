// `check --fail-on error|warning|never`: which severity makes the exit code 1, as in the Action.
import { describe, expect, it } from 'vitest';
import { Repo } from '../helpers/repo.ts';
import { runMain } from './in-process.ts';

function repoWith(severity: string): { repo: Repo; base: string } {
  const repo = Repo.init('main');
  const policy = `version: 1\nextends: recommended\nrules:\n  pr-size:\n    severity: ${severity}\n    max-lines: 1\n  tests-touched: off\n  ai-disclosure: off\n`;
  const base = repo.commit('base', { '.github/prguard.yml': policy, 'src/a.ts': 'export const a = 1;\n' });
  repo.commit('head', { 'src/a.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n' });
  return { repo, base };
}

describe('check --fail-on', () => {
  it.each([
    ['warning', undefined, 0],
    ['warning', 'warning', 1],
    ['warning', 'error', 0],
    ['error', 'never', 0],
    ['error', undefined, 1],
    ['notice', 'warning', 0],
  ] as const)('a %s finding with --fail-on %s exits %i', async (severity, failOn, code) => {
    const { repo, base } = repoWith(severity);
    const r = await runMain(['check', '--base', base, ...(failOn ? ['--fail-on', failOn] : [])], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('pr-size');
    expect(r.code).toBe(code);
    repo.remove();
  });

  it('rejects an unknown level with a suggestion', async () => {
    const { repo, base } = repoWith('error');
    const r = await runMain(['check', '--base', base, '--fail-on', 'warnig'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on takes error, warning or never, not "warnig" — did you mean "warning"?');
    repo.remove();
  });
});
