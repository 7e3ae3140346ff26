// A merge queue entry (`merge_group` `checks_requested`): prguard evaluates the queue's own commits,
// base_sha...head_sha, with git when the workspace has both, else through the compare API, and the
// policy at base_sha. The PR metadata comes from the queued PR (head_ref names it), when it can be read.
import type { ChangeSource } from '../app.ts';
import { GitRepoReader } from '../git/reader.ts';
import type { ChangeSet, FileChange, PullRequest, Unread } from '../model.ts';
import { fillMissingPatches } from './fill-patches.ts';
import { commitFromApi, COMMIT_CAP, fileFromApi } from './changeset.ts';
import { call, statusOf, type GitHub } from './client.ts';
import { pullFromApi } from './context.ts';
import type { MergeGroupContext } from './events.ts';
import { GitHubRepoReader } from './reader.ts';
import { changeFromWorkspace } from './source.ts';
import { COMPARE_FILE_CAP } from './reviews.ts';

/** The queued PR's metadata (title, body, labels, author), or undefined with a note. */
export async function queuedPull(octokit: GitHub, group: MergeGroupContext, notes: string[]): Promise<PullRequest | undefined> {
  if (group.number === undefined) {
    notes.push(`the merge queue branch ${group.headRef} names no pull request, so the PR description and labels were not checked`);
    return undefined;
  }
  try {
    const { data } = await octokit.rest.pulls.get({ owner: group.owner, repo: group.repo, pull_number: group.number });
    return pullFromApi(data);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
    notes.push(`pull request #${group.number} (from ${group.headRef}) was not found, so its description and labels were not checked`);
    return undefined;
  }
}

async function compareChangeSet(octokit: GitHub, group: MergeGroupContext): Promise<ChangeSet> {
  const { owner, repo, baseSha, headSha } = group;
  const { data } = await call('repos.compareCommitsWithBasehead', 'contents: read', () =>
    octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${baseSha}...${headSha}`, per_page: 100 }),
  );
  const files: FileChange[] = (data.files ?? []).map((f) => fileFromApi({ ...f, changes: f.changes ?? f.additions + f.deletions }));
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
  const commits = data.commits.map((c) => commitFromApi(c as Parameters<typeof commitFromApi>[0]));
  if (data.total_commits > commits.length || commits.length >= COMMIT_CAP) {
    unread.push({
      kind: 'commits',
      what: `${Math.max(0, data.total_commits - commits.length)} of the merge group's ${data.total_commits} commits`,
      reason: `GitHub's compare API lists at most ${COMMIT_CAP} commits. Check out the merge group so prguard reads it with git.`,
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
