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

  test('a merge that brings nothing, read with git, says no file was checked, in the words the API path uses', async () => {
    const { repo, base, head: side } = prRepo();
    repo.git('checkout', '-q', '-b', 'merge-only', base);
    repo.git('merge', '-q', '--no-ff', '-s', 'ours', '-m', 'Merge feature, keeping main', side);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const { server, event } = await start({ shas: { base, head }, files: [], commits: [] });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`prguard: read the change with git in ${repo.dir}.`);
    const report = reportOf(run);
    expect(report.stats.files).toBe(0);
    const note = 'nothing to check: the range changes no file (its 2 commits add up to no change';
    expect(report.notes.filter((n) => n.startsWith(note))).toHaveLength(1);
    expect(run.summary).toContain(note);
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

  test('what changed since an approval is read with git from the checkout: no compare requests, dropped commits count', async () => {
    // approvals: 0: the docs commit after the approval needs no approval of its own here (by
    // default a push outside core after every approval needs a fresh one, see the README).
    const policy = 'version: 1\ncore:\n  auth:\n    paths: ["src/auth/**"]\n    owners: ["@alice"]\nrules:\n  review-quorum: { severity: error, approvals: 0, core-approvals: 1 }\n';
    const repo = Repo.init('main');
    const base = repo.commit('Initial commit', { '.github/prguard.yml': policy, 'src/auth/session.ts': 'export const TTL = 900;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const change = repo.commit('Longer sessions', { 'src/auth/session.ts': 'export const TTL = 90000;\n' });
    const fixed = repo.commit('Check the session', { 'src/auth/check.ts': 'export const check = true;\n' });
    repo.git('reset', '-q', '--hard', change); // force-pushed back: the fix is dropped
    const head = repo.commit('Docs', { 'docs/sessions.md': '# Sessions\n' });
    const approvals = (commit: string) => [{ login: 'alice', state: 'APPROVED' as const, commit_id: commit }];

    const onAncestor = await start({ shas: { base, head }, files: [], commits: [], humans: { reviews: approvals(change) } });
    const ok = await runAction(onAncestor.server, onAncestor.event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(onAncestor.server.violations).toEqual([]);
    expect(onAncestor.server.calls('repos/compare-commits-with-basehead')).toEqual([]);
    const review = (server: typeof onAncestor.server) => server.checkRuns.find((r) => r.request.name === 'prguard/review')!.request;
    expect(review(onAncestor.server)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(ok.code).toBe(0);

    const onDropped = await start({ shas: { base, head }, files: [], commits: [], humans: { reviews: approvals(fixed) } });
    await runAction(onDropped.server, onDropped.event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(onDropped.server.calls('repos/compare-commits-with-basehead')).toEqual([]);
    expect(review(onDropped.server).status).toBe('in_progress');
    expect(review(onDropped.server).output.summary).toContain(`@alice (approved ${fixed.slice(0, 7)}; src/auth/check.ts changed since)`);
  });
});
