// Commits read with git name their people by name and e-mail only, while waivers, unlocking labels
// and the review quorum judge GitHub accounts ("nobody waives checks on their own change"): a lead
// who pushed a commit to the PR under their work address was no commit author in git mode, and
// could waive it. GitHub's commit list of the PR gives each commit's accounts, copied onto the git
// commits by id, as the API mode reads them.
import type { ChangeSet, Commit } from '../model.ts';
import { call, type GitHub } from './client.ts';
import { COMMIT_CAP, commitFromApi } from './changeset.ts';
import type { PullContext } from './context.ts';
import { checkCommitPage } from './shape.ts';

const PER_PAGE = 100;

function copyAccount(to: Commit['author'], from: Commit['author']): void {
  if (from.login) to.login = from.login;
  if (from.type) to.type = from.type;
}

/** Give the commits of a change read with git their GitHub accounts (pulls.listCommits, all pages at once). */
export async function addCommitLogins(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo' | 'number'>, change: ChangeSet): Promise<void> {
  const wanted = Math.min(change.commits.length, COMMIT_CAP);
  if (wanted === 0) return;
  const { owner, repo, number: pull_number } = pull;
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(wanted / PER_PAGE) }, (_, i) =>
      call('pulls.listCommits', 'pull-requests: read', () => octokit.rest.pulls.listCommits({ owner, repo, pull_number, per_page: PER_PAGE, page: i + 1 })).then(
        ({ data }) => checkCommitPage(data, `pulls.listCommits (page ${i + 1})`) as Parameters<typeof commitFromApi>[0][],
      ),
    ),
  );
  const bySha = new Map(pages.flat().map((c) => [c.sha, commitFromApi(c)]));
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
      `GitHub's commit list of the pull request does not name the accounts of ${unknown} of its ${change.commits.length} commits ` +
        `(it lists at most ${COMMIT_CAP}): their authors are known by name and e-mail only, for waivers, labels and approvals.`,
    ];
  }
}
