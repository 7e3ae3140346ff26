// The people of a change read with git: a commit names its author by name and email only, while
// waivers, unlocking labels and the review quorum judge GitHub accounts. The logins come from
// GitHub's commit list, so a commit author is one in git mode as through the API.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { GIT_ENV, Repo } from '../helpers/repo.ts';
import type { FakeCommit, FakeFile } from './fake-types.ts';
import { mergeGroupEvent } from './humans.ts';
import { addedPatch, fakeServers, reportOf, runAction } from './scenario.ts';

const start = fakeServers();
const POLICY = 'version: 1\nrules:\n  tests-touched: error\nwaivers:\n  by: ["@lead"]\n  rules: [tests-touched]\n';

/** A PR by ada with a commit of hers and one the lead pushed to it (as Lena Lead <lena@corp.example>). */
function prRepo(policy = POLICY): { repo: Repo; base: string; head: string; commits: FakeCommit[] } {
  const repo = Repo.init('main');
  const base = repo.commit('Initial commit', { '.github/prguard.yml': policy, 'README.md': '# app\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  const first = repo.commit('Add sessions', { 'src/session.ts': 'export const TTL = 900;\n' });
  repo.write('src/check.ts', 'export const check = true;\n').git('add', '-A');
  const env = { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: 'Lena Lead', GIT_AUTHOR_EMAIL: 'lena@corp.example', GIT_COMMITTER_NAME: 'Lena Lead', GIT_COMMITTER_EMAIL: 'lena@corp.example' };
  execFileSync('git', ['commit', '-q', '-m', 'Add a check'], { cwd: repo.dir, env });
  const head = repo.git('rev-parse', 'HEAD').trim();
  const commits: FakeCommit[] = [
    { sha: first, message: 'Add sessions\n', author: { name: 'Ada Lovelace', email: 'ada@example.com', login: 'ada' } },
    { sha: head, message: 'Add a check\n', author: { name: 'Lena Lead', email: 'lena@corp.example', login: 'lead' } },
  ];
  return { repo, base, head, commits };
}

const files: FakeFile[] = [
  { filename: 'src/check.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const check = true;']) },
  { filename: 'src/session.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const TTL = 900;']) },
];

describe.concurrent('people of a change read with git', () => {
  test('a waiver by a commit author does not count in git mode either', async () => {
    const { repo, base, head, commits } = prRepo();
    const humans = { comments: [{ login: 'lead', body: '/prguard waive tests-touched covered elsewhere' }] };
    for (const workspace of [undefined, repo.dir]) {
      const { server, event } = await start({ pr: { author: { login: 'ada', type: 'User' } }, shas: { base, head }, files, commits, base: { '.github/prguard.yml': POLICY }, humans });
      const run = await runAction(server, event, { env: workspace ? { GITHUB_WORKSPACE: workspace } : {} });
      expect(server.violations).toEqual([]);
      expect(run.stdout.includes('with git in')).toBe(workspace !== undefined);
      const report = reportOf(run);
      expect(report.waivers ?? [], workspace ?? 'api').toEqual([]);
      expect(report.notes.join('\n')).toContain('@lead is a commit author of this change');
      expect(run.code).toBe(1);
    }
  });

  test("an approval by a commit author is not counted in git mode: the review check stays pending", async () => {
    const policy = 'version: 1\nrules:\n  tests-touched: off\n  review-quorum: { severity: error, approvals: 1 }\n';
    const { repo, base, head, commits } = prRepo(policy);
    const humans = { reviews: [{ login: 'lead', state: 'APPROVED' as const, commit_id: head }] };
    const { server, event } = await start({ pr: { author: { login: 'ada', type: 'User' } }, shas: { base, head }, files, commits, base: { '.github/prguard.yml': policy }, humans });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain('with git in');
    const review = server.checkRuns.find((r) => r.request.name === 'prguard/review')!.request;
    expect(review.status).toBe('in_progress');
    expect(review.output.summary).toContain('@lead (a commit author)');
  });

  test('a label a commit author added unlocks nothing in git mode either', async () => {
    const policy = 'version: 1\nrules:\n  tests-touched: off\n  protected-paths:\n    severity: error\n    paths:\n      - { pattern: /src/, reason: core code, allow-labels: [reviewed] }\n';
    const { repo, base, head, commits } = prRepo(policy);
    const humans = { labelEvents: [{ label: 'reviewed', actor: 'lead' }] };
    const pr = { author: { login: 'ada', type: 'User' }, labels: ['reviewed'] };
    const { server, event } = await start({ pr, shas: { base, head }, files, commits, base: { '.github/prguard.yml': policy }, humans });
    const run = await runAction(server, event, { env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain('with git in');
    expect(reportOf(run).notes.join('\n')).toContain('the label reviewed unlocks nothing: @lead, a commit author of this change, added it');
    expect(run.code).toBe(1);
  });

  test("in a merge queue read with git, the queued PR's waiver by a commit author does not count either", async () => {
    const { repo, base, head, commits } = prRepo();
    const humans = { comments: [{ login: 'lead', body: '/prguard waive tests-touched covered elsewhere' }], compare: { [`${base}...${head}`]: { files, commits } } };
    const { server, event } = await start({ pr: { author: { login: 'ada', type: 'User' } }, files, commits, base: { '.github/prguard.yml': POLICY }, humans });
    const group = mergeGroupEvent(event, event.pull_request.number, base, head);
    const run = await runAction(server, group, { eventName: 'merge_group', env: { GITHUB_WORKSPACE: repo.dir } });
    expect(server.violations).toEqual([]);
    expect(run.stdout).toContain('read the merge group with git in');
    expect(reportOf(run).waivers ?? []).toEqual([]);
    expect(reportOf(run).notes.join('\n')).toContain('@lead is a commit author of this change');
    expect(run.code).toBe(1);
  });
});

