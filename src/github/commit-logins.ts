// Commits read with git name their people by name and e-mail only, while waivers, unlocking labels
// and the review quorum judge GitHub accounts ("nobody waives checks on their own change"): a lead
// who pushed a commit to the PR under their work address was no commit author in git mode, and
// could waive it. GitHub's commit list of the PR gives each commit's accounts, copied onto the git
// commits by id, as the API mode reads them.
import type { ChangeSet, Commit } from '../model.ts';
import type { GitHub } from './client.ts';
import { allPages, checkComparePage, COMMIT_CAP, commitFromApi } from './changeset.ts';
import { LIST_PER_PAGE } from './list.ts';
import { checkCommitPage } from './shape.ts';

const count = (n: number) => n.toLocaleString('en-US');
/** Pages of the compare API read at most (3,000 commits): past them, a note names the rest. */
const MAX_COMPARE_PAGES = 30;
type ApiCommit = Parameters<typeof commitFromApi>[0];

function copyAccount(to: Commit['author'], from: Commit['author']): void {
  if (from.login) to.login = from.login;
  if (from.type) to.type = from.type;
}

/**
 * GitHub's commits of the change: the PR's commit list (at most 250) when it holds them all, else
 * the compare API's pages of `base...head` (a merge group's, or a PR of more commits).
 */
function listCommits(octokit: GitHub, repoRef: { owner: string; repo: string }, pullNumber: number | undefined, change: ChangeSet): Promise<ApiCommit[]> {
  const { owner, repo } = repoRef;
  const total = change.commits.length;
  if (pullNumber !== undefined && total <= COMMIT_CAP) {
    return allPages<ApiCommit>('pulls.listCommits', total, (page) =>
      octokit.rest.pulls.listCommits({ owner, repo, pull_number: pullNumber, per_page: LIST_PER_PAGE, page }), checkCommitPage);
  }
  const basehead = `${change.base}...${change.head}`;
  return allPages<ApiCommit>(
    'repos.compareCommitsWithBasehead',
    Math.min(total, MAX_COMPARE_PAGES * LIST_PER_PAGE),
    (page) => octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead, per_page: LIST_PER_PAGE, page }),
    checkComparePage,
    { permission: 'contents: read' },
  );
}

/**
 * Give the commits of a change read with git their GitHub accounts, all pages at once. `pullNumber`:
 * the PR's (undefined for a merge group).
 */
export async function addCommitLogins(octokit: GitHub, repoRef: { owner: string; repo: string }, pullNumber: number | undefined, change: ChangeSet): Promise<void> {
  if (change.commits.length === 0) return;
  const listed = await listCommits(octokit, repoRef, pullNumber, change);
  const bySha = new Map(listed.map((c) => [c.sha, commitFromApi(c)]));
  let unknown = 0;
  for (const commit of change.commits) {
    const api = bySha.get(commit.sha);
    if (!api) {
      unknown++;
      continue;
    }
    copyAccount(commit.author, api.author);
    copyAccount(commit.committer, api.committer);
  }
  if (unknown > 0) {
    change.notes = [
      ...(change.notes ?? []),
      `GitHub's commit lists did not name the accounts of ${unknown} of the change's ${change.commits.length} commits ` +
        `(prguard reads at most ${count(MAX_COMPARE_PAGES * LIST_PER_PAGE)}): their authors are known by name and e-mail only, for waivers, labels and approvals.`,
    ];
  }
}
