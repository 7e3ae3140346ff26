// The pull request as it is now (`pulls.get`), read first on every run: its body, labels and
// head commit, and the counts that bound and check the file and commit lists.
import type { PullRequest } from '../model.ts';
import { call, type GitHub } from './client.ts';
import { pullFromApi, type PullContext } from './context.ts';
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
  const { data } = await call('pulls.get', 'pull-requests: read', () =>
    octokit.rest.pulls.get({ owner: pull.owner, repo: pull.repo, pull_number: pull.number }),
  );
  checkPull(data);
  return {
    pr: pullFromApi(data),
    baseSha: data.base.sha,
    headSha: data.head.sha,
    changedFiles: data.changed_files,
    commits: data.commits,
    additions: data.additions,
    deletions: data.deletions,
  };
}
