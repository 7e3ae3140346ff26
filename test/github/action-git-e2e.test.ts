// The Action with a checkout in GITHUB_WORKSPACE: with both the base and the head commits it
// reads the change with git (no API caps, every patch); without them it falls back to the API.
import { describe, expect, test } from 'vitest';
import { Repo } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';
import { addedPatch, fakeServers, reportOf, runAction } from './scenario.ts';

const start = fakeServers();

/** A repository with a base commit and a PR branch adding two files. */
function prRepo(): { repo: Repo; base: string; head: string } {
  const repo = Repo.init('main');
  const base = repo.commit('Initial commit', { 'README.md': '# app\n', 'src/app.ts': 'export const app = 1;\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.commit('Add helpers', {
    'src/a.ts': 'export const a = 1;\n',
    'src/b.ts': ['export const b = 1;', 'export const c = 2;', 'export const d = 3;', ''].join('\n'),
  });
  return { repo, base, head };
}

describe.concurrent('the Action with a checkout', () => {
  test('base and head in the checkout: the change comes from git, not the file list API', async () => {
    const { repo, base, head } = prRepo();
    // The API's file list disagrees on purpose: git must be the source.
    const { server, event } = await start({
      shas: { base, head },
      files: [{ filename: 'other.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) }],
    });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/list-files')).toHaveLength(0);
    expect(server.calls('pulls/list-commits')).toHaveLength(0);
    const report = reportOf(run);
    expect(report.stats).toEqual({ files: 2, additions: 4, deletions: 0 });
    expect(run.stdout).toContain(`prguard: read the change with git in ${repo.dir}.`);
    expect(server.checkRuns[0].request.head_sha).toBe(head);
  });

  test('a shallow checkout without the head commit falls back to the API', async () => {
    const { repo, base } = prRepo();
    const missing = 'c'.repeat(40);
    const { server, event } = await start({
      shas: { base, head: missing },
      files: [{ filename: 'other.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) }],
    });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/list-files')).toHaveLength(1);
    expect(run.stdout).toContain('prguard: reading the change through the GitHub API (the checkout does not have both');
    const report = reportOf(run);
    expect(report.stats.files).toBe(1);
  });

  test('a token one commit adds and the next removes is an error, from the history in the checkout', async () => {
    const token = sample('github-classic-pat', rng(23)).secret;
    const repo = Repo.init('main');
    const base = repo.commit('Initial commit', { 'README.md': '# app\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('Add config', { 'src/config.ts': `export const token = '${token}';\n` });
    const head = repo.commit('Read the token from the environment', { 'src/config.ts': 'export const token = process.env.TOKEN;\n' });
    const { server, event } = await start({ shas: { base, head }, files: [], commits: [] });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    const report = reportOf(run);
    const found = report.findings.filter((f) => f.ruleId === 'secret-leakage' && f.severity === 'error');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/commit [0-9a-f]{7}/);
    expect(run.code).toBe(1);
    const everything = run.stdout + run.stderr + run.summary + JSON.stringify(report) + JSON.stringify(server.requests);
    expect(everything).not.toContain(token);
  });
});
