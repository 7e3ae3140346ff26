// A merge queue entry (`merge_group` `checks_requested`): prguard evaluates the queue's own commits,
// base_sha...head_sha, with git when the workspace has both, else through the compare API, and the
// policy at base_sha. The PR metadata comes from the queued PR (head_ref names it), when it can be read.
import type { ChangeSource } from '../app.ts';
import { GitRepoReader } from '../git/reader.ts';
import type { ChangeSet, FileChange, PullRequest, Unread } from '../model.ts';
import { fillMissingPatches } from './fill-patches.ts';
import { LIST_PER_PAGE } from './list.ts';
import { allPages, checkComparePage, commitFromApi, COMMIT_CAP, fileFromApi } from './changeset.ts';
import { call, callError, GitHubCallError, statusOf, type GitHub } from './client.ts';
import { checkCommitPage, checkFilePage, checkPull, Shape } from './shape.ts';
import { pullFromApi } from './context.ts';
import type { MergeGroupContext } from './events.ts';
import { GitHubRepoReader } from './reader.ts';
import { changeFromWorkspace } from './source.ts';
import { COMPARE_FILE_CAP } from './changed-since.ts';

/** The queued PR's metadata (title, body, labels, author), or undefined with a note. */
export async function queuedPull(octokit: GitHub, group: MergeGroupContext, notes: string[]): Promise<PullRequest | undefined> {
  if (group.number === undefined) {
    notes.push(`the merge queue branch ${group.headRef} names no pull request, so the PR description and labels were not checked`);
    return undefined;
  }
  try {
    const { data } = await octokit.rest.pulls.get({ owner: group.owner, repo: group.repo, pull_number: group.number });
    checkPull(data);
    return pullFromApi(data);
  } catch (err) {
    if (err instanceof GitHubCallError) throw err;
    if (statusOf(err) !== 404) throw callError('pulls.get', 'pull-requests: read', err);
    notes.push(`pull request #${group.number} (from ${group.headRef}) was not found, so its description and labels were not checked`);
    return undefined;
  }
}

async function compareChangeSet(octokit: GitHub, group: MergeGroupContext): Promise<ChangeSet> {
  const { owner, repo, baseSha, headSha } = group;
  const name = 'repos.compareCommitsWithBasehead';
  const page = (n: number) => octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${baseSha}...${headSha}`, per_page: LIST_PER_PAGE, page: n });
  const { data } = await call(name, 'contents: read', () => page(1));
  // Checked like the PR's own lists: an answer without its file list is no merge group without files.
  const shape = new Shape(name);
  shape.object(data);
  const apiFiles = checkFilePage(shape.need(data, 'files', 'array'), name) as Parameters<typeof fileFromApi>[0][];
  const apiCommits = checkCommitPage(shape.need(data, 'commits', 'array'), name) as Parameters<typeof commitFromApi>[0][];
  const totalCommits = shape.count(data, 'total_commits');
  // The file list comes on the first page only; the commits past it, up to COMMIT_CAP, on the next ones, at once.
  if (apiCommits.length === LIST_PER_PAGE) {
    apiCommits.push(...(await allPages<(typeof apiCommits)[number]>(name, Math.min(totalCommits, COMMIT_CAP), page, checkComparePage, { from: 2, permission: 'contents: read' })));
  }
  const files: FileChange[] = apiFiles.map(fileFromApi);
  const unread: Unread[] = [];
  if (files.length >= COMPARE_FILE_CAP) {
    unread.push({
      kind: 'files',
      what: `the files of this merge group past the first ${COMPARE_FILE_CAP}`,
      reason:
        `GitHub's compare API lists at most ${COMPARE_FILE_CAP} files. Check out the merge group (actions/checkout ` +
        'with fetch-depth: 0) so prguard reads it with git.',
    });
  }
  const commits = apiCommits.slice(0, COMMIT_CAP).map(commitFromApi);
  if (totalCommits > commits.length) {
    unread.push({
      kind: 'commits',
      what: `${totalCommits - commits.length} of the merge group's ${totalCommits} commits`,
      reason: `prguard reads at most ${COMMIT_CAP} commits through GitHub's compare API, which listed ${commits.length}. Check out the merge group (actions/checkout with fetch-depth: 0) so prguard reads it with git.`,
    });
  }
  const filled = await fillMissingPatches(octokit, group, files, { base: baseSha, head: headSha });
  unread.push(...filled.unread);
  const notes = filled.notes;
  return { base: baseSha, head: headSha, files, commits, notes, unread };
}

export function mergeGroupSource(
  octokit: GitHub,
  group: MergeGroupContext,
  workspace: string | undefined,
  log: (message: string) => void,
): ChangeSource {
  const source: ChangeSource = {
    reader: new GitHubRepoReader(octokit, group),
    policyRef: () => group.baseSha,
    async load(): Promise<ChangeSet> {
      const notes: string[] = [];
      const pr = await queuedPull(octokit, group, notes);
      let change = await changeFromWorkspace(workspace, group.baseSha, group.headSha, { what: 'the merge group', api: 'the compare API' }, log);
      if (change && workspace) source.reader = new GitRepoReader(workspace);
      change ??= await compareChangeSet(octokit, group);
      if (pr) change.pr = pr;
      change.notes = [...notes, ...(change.notes ?? [])];
      return change;
    },
  };
  return source;
}
