// Rename detection that does not give up silently: a large move is paired as renames past git's
// default rename limit, and when git still skips, the change set says so.
import { afterAll, describe, expect, it } from 'vitest';
import { loadGitChangeSet } from '../../src/git/index.ts';
import { Repo, runCli } from '../helpers/repo.ts';

const repos: Repo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

const MOVED = 1100; // over git's default diff.renameLimit of 1000

/** MOVED test files moved and renamed (old/tN -> new/movedN: no basename match), each edited a little, so only git's exhaustive detection pairs them. */
function bigMove(): { repo: Repo; base: string; head: string } {
  const repo = Repo.init('main');
  repos.push(repo);
  const body = (i: number, tag: string) =>
    `import { it, expect } from 'vitest';\n${Array.from({ length: 12 }, (_, k) => `it('case ${i}-${k}', () => expect(${i * 100 + k}).toBe(${i * 100 + k}));`).join('\n')}\n// ${tag}\n`;
  for (let i = 0; i < MOVED; i++) repo.write(`old/t${i}.test.ts`, body(i, 'before'));
  const base = repo.commit('base', { 'README.md': '# x\n' });
  repo.git('rm', '-q', '-r', 'old');
  for (let i = 0; i < MOVED; i++) repo.write(`new/moved${i}.test.ts`, body(i, 'after'));
  const head = repo.commit('move the tests');
  return { repo, base, head };
}

describe('rename detection', () => {
  const { repo, base, head } = bigMove();

  it('a move of more files than git\'s default rename limit is not reported as deleted tests', () => {
    const res = runCli(['check', '--base', base, '--head', head, '--format', 'json'], { cwd: repo.dir });
    const report = JSON.parse(res.stdout) as { findings: { ruleId: string; message: string }[]; notes: string[]; stats: { files: number } };
    expect(report.stats.files).toBe(MOVED);
    expect(report.findings.filter((f) => /deleted/i.test(f.message))).toEqual([]);
    expect(report.notes.filter((n) => n.includes('rename'))).toEqual([]);
  });

  it('when git still skips rename detection, a note says so and counts the result honestly', async () => {
    const change = await loadGitChangeSet({ cwd: repo.dir, base, head, renameLimit: 100 });
    expect(change.files.filter((f) => f.status === 'deleted')).toHaveLength(MOVED);
    expect(change.notes).toEqual([expect.stringMatching(new RegExp(`git skipped rename detection.*\\(${MOVED}\\).*limit of 100.*${MOVED} deleted, ${MOVED} added`))]);
  });
});
