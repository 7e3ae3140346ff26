// The pull request as it is now (`pulls.get`), read first on every run: its body, labels and
// head commit, and the counts that bound and check the file and commit lists.
import type { PullRequest } from '../model.ts';
import { call, type GitHub } from './client.ts';
import { pullContextFrom, pullFromApi, requireCommitId, type PullContext } from './context.ts';
import { checkPull } from './shape.ts';

export interface FreshPull {
  pr: PullRequest;
  baseSha: string;
  headSha: string;
  changedFiles: number;
  commits: number;
  additions: number;
  deletions: number;
}

export async function readPull(octokit: GitHub, pull: PullContext): Promise<FreshPull> {
  return (await getPull(octokit, pull.owner, pull.repo, pull.number)).fresh;
}

/**
 * `pulls.get`, checked: the PR as it is now, and as a PullContext (for an event that names the PR
 * only by number: `issue_comment`, a `workflow_run` relay).
 */
export async function getPull(octokit: GitHub, owner: string, repo: string, number: number): Promise<{ pull: PullContext; fresh: FreshPull }> {
  const { data } = await call('pulls.get', 'pull-requests: read', () => octokit.rest.pulls.get({ owner, repo, pull_number: number }));
  checkPull(data);
  const fresh: FreshPull = {
    pr: pullFromApi(data),
    baseSha: requireCommitId(data.base.sha, 'pulls.get base.sha'),
    headSha: requireCommitId(data.head.sha, 'pulls.get head.sha'),
    changedFiles: data.changed_files,
    commits: data.commits,
    additions: data.additions,
    deletions: data.deletions,
  };
  return { pull: pullContextFrom(data, owner, repo), fresh };
}
