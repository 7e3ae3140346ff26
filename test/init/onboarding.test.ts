// Onboarding that works: the pull request that adds `prguard init`'s files and the README's
// workflow passes with the default policy (the base has none), and afterwards an edit of the
// policy is unlocked by the label init wrote, which the finding names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.ts';
import { runMain } from '../cli/in-process.ts';
import { fencedBlocks, section } from '../helpers/readme-examples.ts';
import { Repo, ROOT } from '../helpers/repo.ts';

/** The workflow the README tells a team to save as .github/workflows/prguard.yml. */
function readmeWorkflow(): string {
  const text = section(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'A ready workflow', 3);
  const workflow = text === null ? undefined : fencedBlocks(text).get('yaml');
  if (workflow === undefined) throw new Error('README.md has no "### A ready workflow" yaml block');
  return workflow;
}

async function check(repo: Repo, base: string, extra: string[] = []): Promise<{ code: number; report: Report }> {
  const r = await runMain(['check', '--base', base, '-f', 'json', ...extra], { cwd: repo.dir });
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

describe('onboarding', () => {
  it('the PR adding init and the README workflow passes; a later policy edit names and honours the label', async () => {
    const repo = Repo.init('main');
    const base = repo.commit('app', { 'src/app.ts': 'export const app = 1;\n' });
    repo.git('checkout', '-q', '-b', 'add-prguard');
    expect((await runMain(['init'], { cwd: repo.dir })).code).toBe(0);
    repo.write('.github/workflows/prguard.yml', readmeWorkflow());
    const onboarded = repo.commit('Set up prguard');

    const first = await check(repo, base);
    expect(first.report.policy.source).toBe('default');
    expect(first.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(first.report.findings.filter((f) => f.ruleId === 'protected-paths')).toEqual([]);
    expect(first.code).toBe(0);

    // Merged: the policy is at the base now, and a policy edit is protected, unlocked by the label.
    repo.write('.github/prguard.yml', `${readFileSync(join(repo.dir, '.github/prguard.yml'), 'utf8')}# tuned\n`);
    repo.commit('Tune the policy');
    const edit = await check(repo, onboarded);
    const protectedEdit = edit.report.findings.filter((f) => f.ruleId === 'protected-paths');
    expect(protectedEdit.map((f) => [f.path, f.severity])).toEqual([['.github/prguard.yml', 'notice']]);
    expect(protectedEdit[0]!.message).toContain('add the label `prguard-policy`');
    const labelled = await check(repo, onboarded, ['--label', 'prguard-policy', '--pr-body', '/dev/null']);
    expect(labelled.report.findings.filter((f) => f.ruleId === 'protected-paths')).toEqual([]);
    const unlabelled = await check(repo, onboarded, ['--pr-body', '/dev/null']);
    expect(unlabelled.report.findings.filter((f) => f.ruleId === 'protected-paths').map((f) => f.severity)).toEqual(['error']);
    repo.remove();
  });
});
