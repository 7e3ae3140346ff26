// The change set of a pull request, read through the REST API (pulls.get, pulls.listFiles,
// pulls.listCommits). GitHub caps the file list at 3,000 and the commit list at 250; what the
// API cannot give (a capped list, a missing patch) is written into `notes`, never dropped.
import { parseTrailers } from '../diff/trailers.ts';
import type { ChangeSet, Commit, FileChange, FileStatus } from '../model.ts';
import { call, type GitHub } from './client.ts';
import { pullFromApi, type PullContext } from './context.ts';
import { parsePatchHunks } from './patch.ts';

export const FILE_CAP = 3000;
export const COMMIT_CAP = 250;
const PER_PAGE = 100;

const STATUS: Record<string, FileStatus> = {
  added: 'added',
  removed: 'deleted',
  modified: 'modified',
  renamed: 'renamed',
  copied: 'copied',
  changed: 'modified',
  unchanged: 'modified',
};

interface ApiFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

interface ApiCommit {
  sha: string;
  commit: {
    message: string;
    author: { name?: string; email?: string } | null;
    committer: { name?: string; email?: string } | null;
  };
  author: { login?: string; type?: string } | Record<string, never> | null;
  committer: { login?: string; type?: string } | Record<string, never> | null;
}

export function fileFromApi(f: ApiFile): { file: FileChange; note?: string } {
  const status = STATUS[f.status] ?? 'modified';
  const file: FileChange = {
    path: f.filename,
    status,
    binary: false,
    submodule: false,
    additions: f.additions,
    deletions: f.deletions,
    hunks: f.patch === undefined ? [] : parsePatchHunks(f.patch),
  };
  if (f.previous_filename !== undefined) file.oldPath = f.previous_filename;
  if (f.patch !== undefined) return { file };
  if (f.changes > 0) {
    // GitHub leaves out the patch of large diffs: the lines exist but we cannot see them.
    file.patchMissing = true;
    return {
      file,
      note:
        `${f.filename}: GitHub did not return the diff (+${f.additions} −${f.deletions}; too large), so its ` +
        'lines were not checked. Check out the base and head commits (actions/checkout with fetch-depth: 0) ' +
        'so prguard reads the diff with git.',
    };
  }
  // No patch and no line changes: a binary file, or a pure rename / mode change.
  if (status !== 'renamed' && status !== 'copied') file.binary = true;
  return { file };
}

function person(
  git: { name?: string; email?: string } | null,
  user: { login?: string; type?: string } | Record<string, never> | null,
): Commit['author'] {
  const p: Commit['author'] = { name: git?.name ?? '', email: git?.email ?? '' };
  if (user && 'login' in user && user.login) p.login = user.login;
  if (user && 'type' in user && user.type) p.type = user.type;
  return p;
}

export function commitFromApi(c: ApiCommit): Commit {
  return {
    sha: c.sha,
    author: person(c.commit.author, c.author),
    committer: person(c.commit.committer, c.committer),
    message: c.commit.message,
    trailers: parseTrailers(c.commit.message),
  };
}

/** Read the whole change of a PR through the API (up to GitHub's caps, noted when hit). */
export async function loadApiChangeSet(octokit: GitHub, pull: PullContext): Promise<ChangeSet> {
  const { owner, repo, number: pull_number } = pull;
  const notes: string[] = [];
  const { data: pr } = await call('pulls.get', 'pull-requests: read', () =>
    octokit.rest.pulls.get({ owner, repo, pull_number }),
  );
  const apiFiles = await call('pulls.listFiles', 'pull-requests: read', () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number, per_page: PER_PAGE }),
  );
  const apiCommits = await call('pulls.listCommits', 'pull-requests: read', () =>
    octokit.paginate(octokit.rest.pulls.listCommits, { owner, repo, pull_number, per_page: PER_PAGE }),
  );
  const files: FileChange[] = [];
  for (const f of apiFiles.slice(0, FILE_CAP)) {
    const { file, note } = fileFromApi(f);
    files.push(file);
    if (note) notes.push(note);
  }
  if (pr.changed_files > files.length) {
    notes.push(
      `GitHub's API lists at most ${FILE_CAP} files; ${pr.changed_files - files.length} of the ` +
        `${pr.changed_files} changed files were not checked. Check out the base and head commits ` +
        '(actions/checkout with fetch-depth: 0) so prguard reads the whole change with git.',
    );
  }
  const commits = apiCommits.slice(0, COMMIT_CAP).map((c) => commitFromApi(c as ApiCommit));
  if (pr.commits > commits.length) {
    notes.push(
      `GitHub's API lists at most ${COMMIT_CAP} commits; ${pr.commits - commits.length} of the ` +
        `${pr.commits} commits were not checked (check out with fetch-depth: 0 to read them all with git).`,
    );
  }
  return {
    base: pr.base.sha,
    head: pr.head.sha,
    files,
    commits,
    pr: pullFromApi(pr),
    notes,
  };
}
