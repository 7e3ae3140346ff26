// The Action with checkouts as workflows make them: a shallow one (fetch-depth other than 0),
// one of the merge commit GitHub makes for the PR (refs/pull/N/merge, actions/checkout's default).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GIT_ENV, Repo, tempDir } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';
import type { FakeFile } from './fake-types.ts';
import { addedPatch, fakeServers, reportOf, runAction } from './scenario.ts';

const start = fakeServers();

/**
 * Upstream: main merged a short branch forked from an old commit X; the PR forks from main's tip D
 * with eight commits adding source files (no tests), then merges X (nothing changes). GitHub's
 * merge commit of the PR is refs/pull/1/merge.
 */
function upstream(): { repo: Repo; base: string; head: string; merge: string; files: FakeFile[] } {
  const repo = Repo.init('main');
  const x = repo.commit('X', { 'README.md': '# app\n' });
  repo.git('checkout', '-q', '-b', 'old');
  repo.commit('P', { 'old.txt': 'o\n' });
  repo.git('checkout', '-q', 'main');
  for (let i = 1; i <= 8; i++) repo.commit(`main ${i}`, { [`test/t${i}.test.ts`]: `it('t${i}', () => {});\n` });
  repo.git('merge', '-q', '--no-ff', 'old', '-m', 'Merge old');
  const base = repo.git('rev-parse', 'HEAD').trim();
  repo.git('checkout', '-q', '-b', 'feature');
  const files: FakeFile[] = [];
  for (let i = 1; i <= 8; i++) {
    repo.commit(`feat ${i}`, { [`src/f${i}.ts`]: `export const f${i} = ${i};\n` });
    files.push({ filename: `src/f${i}.ts`, status: 'added', additions: 1, deletions: 0, patch: addedPatch([`export const f${i} = ${i};`]) });
  }
  const head = repo.git('commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-p', x, '-m', 'Merge X').trim();
  repo.git('update-ref', 'refs/heads/feature', head);
  const merge = repo.git('commit-tree', `${head}^{tree}`, '-p', base, '-p', head, '-m', 'Merge PR').trim();
  repo.git('update-ref', 'refs/pull/1/merge', merge);
  return { repo, base, head, merge, files };
}

/** A workspace like actions/checkout's: the PR's merge commit fetched `depth` deep (0: all of it). */
function checkout(up: Repo, depth: number): string {
  const dir = tempDir('prguard-ws-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  git('init', '-q');
  git('fetch', '-q', ...(depth > 0 ? [`--depth=${depth}`] : []), `file://${up.dir}`, 'refs/pull/1/merge', '+refs/heads/*:refs/remotes/origin/*');
  git('checkout', '-q', '--detach', 'FETCH_HEAD');
  return dir;
}

describe.concurrent('the Action with the checkouts workflows make', () => {
  test('a shallow checkout that has both commits is not read with git: its cut history gives a wrong merge base and misses commits', async () => {
    const { repo, base, head, files } = upstream();
    const workspace = checkout(repo, 4);
    const commits = repo.git('rev-list', '--reverse', `${base}..${head}`).trim().split('\n').map((sha) => ({ sha, message: 'feat\n' }));
    const { server, event } = await start({ shas: { base, head }, files, commits });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: workspace } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain('the checkout is shallow');
    expect(server.calls('pulls/list-files')).toHaveLength(1);
    const report = reportOf(run);
    expect(report.stats.files).toBe(8);
    // Eight source files and no test: main's tests, which a wrong merge base would add, do not count.
    expect(report.findings.some((f) => f.ruleId === 'tests-touched')).toBe(true);
  });

  test("a full checkout of the PR's merge commit (HEAD is not the PR's head) reads exactly the PR's change with git", async () => {
    const { repo, base, head } = upstream();
    const workspace = checkout(repo, 0);
    const { server, event } = await start({ shas: { base, head }, files: [], commits: [] });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: workspace } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain(`prguard: read the change with git in ${workspace}.`);
    const report = reportOf(run);
    expect(report.stats).toEqual({ files: 8, additions: 8, deletions: 0 });
    expect(report.findings.some((f) => f.ruleId === 'tests-touched')).toBe(true);
  });

  test('a checkout another user owns (a container job) is read through the API, and the log says how to let git read it', async () => {
    const { repo, base, head, files } = upstream();
    const workspace = checkout(repo, 0);
    // Only root can give a directory away; git refuses a repository owned by someone else.
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'nobody', workspace]);
    else return;
    const { server, event } = await start({ shas: { base, head }, files });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: workspace } });
    expect(server.violations).toEqual([]);
    expect(server.calls('pulls/list-files')).toHaveLength(1);
    expect(run.stdout).toContain(`prguard: reading the change through the GitHub API: git refuses the checkout in ${workspace}: another user owns it`);
    expect(run.stdout).toContain('git config --global --add safe.directory "$GITHUB_WORKSPACE"');
  });

  test('a workspace without a checkout (pull_request_target) is read through the API, saying so without CLI advice', async () => {
    const workspace = tempDir('prguard-ws-');
    const files: FakeFile[] = [{ filename: 'src/a.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const a = 1;']) }];
    const { server, event } = await start({ files });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: workspace } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain(`prguard: reading the change through the GitHub API: ${workspace} is not a git checkout.`);
    expect(run.stdout).not.toContain('--diff');
  });

  test("a submodule bumped since an approval is a change since, though the checkout's .gitmodules says ignore = all", async () => {
    const policy = 'version: 1\ncore:\n  crypto:\n    paths: ["vendor/crypto"]\n    owners: ["@alice"]\nrules:\n  review-quorum: { severity: error, core-approvals: 1 }\n';
    const gitmodules = '[submodule "crypto"]\n\tpath = vendor/crypto\n\turl = https://example.com/crypto.git\n\tignore = all\n';
    const repo = Repo.init('main');
    const pin = (digit: string, message: string) => {
      repo.git('update-index', '--add', '--cacheinfo', `160000,${digit.repeat(40)},vendor/crypto`);
      repo.git('commit', '-q', '-m', message);
      return repo.git('rev-parse', 'HEAD').trim();
    };
    repo.write('.github/prguard.yml', policy).write('.gitmodules', gitmodules).git('add', '-A');
    const base = pin('1', 'Initial commit');
    repo.git('checkout', '-q', '-b', 'feature');
    const approved = pin('2', 'Bump crypto');
    const head = pin('3', 'Bump crypto again');
    const { server, event } = await start({ shas: { base, head }, files: [], commits: [], humans: { reviews: [{ login: 'alice', state: 'APPROVED', commit_id: approved }] } });
    await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(server.calls('repos/compare-commits-with-basehead')).toEqual([]);
    const review = server.checkRuns.find((r) => r.request.name === 'prguard/review')!.request;
    expect(review.status).toBe('in_progress');
    expect(review.output.summary).toContain(`@alice (approved ${approved.slice(0, 7)}; vendor/crypto changed since)`);
  });

  test("a workflow_run relay never reads its workspace with git: an artifact's .git there can map the PR's commit ids to other trees", async () => {
    const key = sample('github-classic-pat', rng(31)).text;
    const repo = Repo.init('main');
    const base = repo.commit('Initial commit', { 'README.md': '# app\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commit('Add config', { 'src/config.ts': `export const token = "${key}";\n` });
    // The relay's artifact unpacks into the workspace: a .git whose loose object for the head's
    // tree holds another tree (git does not re-hash the objects it reads).
    const tree = repo.git('rev-parse', `${head}^{tree}`).trim();
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: '# Docs\n', encoding: 'utf8' }).trim();
    const other = execFileSync('git', ['mktree'], { cwd: repo.dir, input: `100644 blob ${blob}\tdocs.md\n`, encoding: 'utf8' }).trim();
    const object = (id: string) => join(repo.dir, '.git', 'objects', id.slice(0, 2), id.slice(2));
    chmodSync(object(tree), 0o644);
    copyFileSync(object(other), object(tree));
    const file: FakeFile = { filename: 'src/config.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch([`export const token = "${key}";`]) };
    const { server, event } = await start({ shas: { base, head }, files: [file] });
    const relay = { action: 'completed', repository: event.repository, workflow_run: { event: 'pull_request_review' } };
    const run = await runAction(server, relay, { eventName: 'workflow_run', inputs: { 'pull-number': String(event.pull_request.number) }, env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).not.toContain('with git in');
    expect(server.calls('pulls/list-files')).toHaveLength(1);
    expect(reportOf(run).findings.some((f) => f.ruleId === 'secret-leakage' && f.severity === 'error')).toBe(true);
    expect(run.code).toBe(1);
  });
});

