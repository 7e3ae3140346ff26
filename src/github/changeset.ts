// The change set of a pull request, read through the REST API. `pulls.get` says how many files
// and commits there are, so every page of `pulls.listFiles` and `pulls.listCommits` is fetched
// at once (no `Link` is followed: pagination is bounded by those counts). GitHub lists at most
// 3,000 files and 250 commits; what the API does not give (a capped or short list, totals that
// do not add up, a diff GitHub left out and prguard could not rebuild) is `unread`, never dropped.
import { parseTrailers } from '../diff/trailers.ts';
import { noFileChangedNote } from '../empty-change.ts';
import type { ChangeSet, Commit, FileChange, FileStatus, Hunk, Unread } from '../model.ts';
import { call, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { fillMissingPatches } from './fill-patches.ts';
import { parsePatchHunks } from './patch.ts';
import type { FreshPull } from './pull.ts';
import { LIST_PER_PAGE as PER_PAGE } from './list.ts';
import { checkCommitPage, checkFilePage, Shape } from './shape.ts';

export const FILE_CAP = 3000;
export const COMMIT_CAP = 250;
const GIT_ADVICE =
  'Check out the base and head commits (actions/checkout with fetch-depth: 0) so prguard reads the whole change with git.';

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
  patch?: string | null;
  previous_filename?: string | null;
}

interface ApiPerson {
  name?: string;
  email?: string;
}
interface ApiUser {
  login?: string;
  type?: string;
}
interface ApiCommit {
  sha: string;
  commit: { message: string; author: ApiPerson | null; committer: ApiPerson | null };
  author: ApiUser | null;
  committer: ApiUser | null;
}

/** The hunks of a patch when they account for exactly the file's counted lines, else undefined. */
function trustedHunks(patch: string, additions: number, deletions: number): Hunk[] | undefined {
  let hunks: Hunk[];
  try {
    hunks = parsePatchHunks(patch);
  } catch {
    return undefined;
  }
  let added = 0;
  let deleted = 0;
  for (const h of hunks) {
    added += h.added.length;
    deleted += h.deleted.length;
  }
  return added === additions && deleted === deletions ? hunks : undefined;
}

const SUBPROJECT = /^Subproject commit [0-9a-f]{40}(?:[0-9a-f]{24})?(?:-dirty)?$/;

/**
 * The API gives no file mode: a submodule's pointer change is a patch of one `Subproject commit
 * <id>` line each side, as git writes it (read as a submodule, it is a directory for path rules).
 */
function isSubmodulePatch(hunks: readonly Hunk[]): boolean {
  if (hunks.length !== 1) return false;
  const { added, deleted } = hunks[0]!;
  if (added.length > 1 || deleted.length > 1 || added.length + deleted.length === 0) return false;
  return [...added, ...deleted].every((l) => SUBPROJECT.test(l.content));
}

/**
 * A file of `pulls.listFiles`. Without `patch` but with changed lines, or with a patch that does
 * not add up to its counts (cut short), it is `patchMissing`: its lines are read from contents.
 */
export function fileFromApi(f: ApiFile): FileChange {
  const status = STATUS[f.status] ?? 'modified';
  const patch = f.patch ?? undefined;
  const file: FileChange = {
    path: f.filename,
    status,
    binary: false,
    submodule: false,
    additions: f.additions,
    deletions: f.deletions,
    hunks: [],
  };
  if (f.previous_filename) file.oldPath = f.previous_filename;
  if (patch !== undefined) {
    const hunks = trustedHunks(patch, f.additions, f.deletions);
    if (hunks) {
      file.hunks = hunks;
      file.submodule = isSubmodulePatch(hunks);
    } else file.patchMissing = true;
    return file;
  }
  // GitHub leaves out the patch of large diffs: the lines exist but are not in the answer.
  if (f.changes > 0) file.patchMissing = true;
  // No patch and no line changes: a binary file, or a pure rename / mode change.
  else if (status !== 'renamed' && status !== 'copied') file.binary = true;
  return file;
}

function person(git: ApiPerson | null, user: ApiUser | null): Commit['author'] {
  const p: Commit['author'] = { name: git?.name ?? '', email: git?.email ?? '' };
  if (user?.login) p.login = user.login;
  if (user?.type) p.type = user.type;
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

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The pages of a list that `expected` items fill, all requested at once, each checked: from page
 * `from` (1, or 2 when the caller has read the first), with `permission` named when one is refused.
 */
export async function allPages<T>(
  name: string,
  expected: number,
  fetchPage: (page: number) => Promise<{ data: unknown }>,
  check: (data: unknown, call: string) => unknown[],
  { from = 1, permission = 'pull-requests: read' }: { from?: number; permission?: string } = {},
): Promise<T[]> {
  const pages = Math.max(1, Math.ceil(expected / PER_PAGE));
  const results = await Promise.all(
    Array.from({ length: Math.max(0, pages - from + 1) }, (_, i) =>
      call(name, permission, () => fetchPage(from + i)).then(({ data }) => check(data, `${name} (page ${from + i})`)),
    ),
  );
  return results.flat() as T[];
}

/** A page of the compare API's commits, checked as the PR's commit list is. */
export function checkComparePage(data: unknown, call: string): unknown[] {
  return checkCommitPage(new Shape(call).need(data, 'commits', 'array'), call);
}

/** Read the change of a PR through the API; `fresh` is its `pulls.get` of this run. */
export async function loadApiChangeSet(octokit: GitHub, pull: PullContext, fresh: FreshPull): Promise<ChangeSet> {
  const { owner, repo, number: pull_number } = pull;
  const wantFiles = Math.min(fresh.changedFiles, FILE_CAP);
  const wantCommits = Math.min(fresh.commits, COMMIT_CAP);
  const [apiFiles, apiCommits] = await Promise.all([
    allPages<ApiFile>('pulls.listFiles', wantFiles, (page) =>
      octokit.rest.pulls.listFiles({ owner, repo, pull_number, per_page: PER_PAGE, page }), checkFilePage),
    allPages<ApiCommit>('pulls.listCommits', wantCommits, (page) =>
      octokit.rest.pulls.listCommits({ owner, repo, pull_number, per_page: PER_PAGE, page }), checkCommitPage),
  ]);
  const unread: Unread[] = [];
  const seen = new Set<string>();
  const files: FileChange[] = [];
  for (const f of apiFiles) {
    if (seen.has(f.filename)) continue; // a page repeated (the list moved while it was read)
    seen.add(f.filename);
    files.push(fileFromApi(f));
  }
  if (fresh.changedFiles > FILE_CAP) {
    unread.push({
      kind: 'files',
      what: `files ${count(FILE_CAP + 1)} to ${count(fresh.changedFiles)} of the ${count(fresh.changedFiles)} changed files`,
      reason: `GitHub's API lists at most ${count(FILE_CAP)} files of a pull request. ${GIT_ADVICE}`,
    });
  }
  if (files.length !== wantFiles) {
    unread.push({
      kind: 'files',
      what: `the whole file list (GitHub listed ${count(files.length)} distinct files, it should list ${count(wantFiles)})`,
      reason: `The list changed while it was read, or was cut short. Re-run the job, or: ${GIT_ADVICE}`,
    });
  } else if (fresh.changedFiles <= FILE_CAP) {
    let additions = 0;
    let deletions = 0;
    for (const f of files) {
      additions += f.additions;
      deletions += f.deletions;
    }
    if (additions !== fresh.additions || deletions !== fresh.deletions) {
      unread.push({
        kind: 'files',
        what: `the whole change (the files add up to +${count(additions)} −${count(deletions)}, the pull request says +${count(fresh.additions)} −${count(fresh.deletions)})`,
        reason: `GitHub's answers do not agree with each other. Re-run the job, or: ${GIT_ADVICE}`,
      });
    }
  }
  const commits = apiCommits.slice(0, wantCommits).map(commitFromApi);
  if (fresh.commits > COMMIT_CAP) {
    unread.push({
      kind: 'commits',
      what: `commits ${count(COMMIT_CAP + 1)} to ${count(fresh.commits)} of ${count(fresh.commits)}`,
      reason: `GitHub's API lists at most ${count(COMMIT_CAP)} commits of a pull request. ${GIT_ADVICE}`,
    });
  }
  if (apiCommits.length !== wantCommits) {
    unread.push({
      kind: 'commits',
      what: `the whole commit list (GitHub listed ${count(apiCommits.length)} commits, it should list ${count(wantCommits)})`,
      reason: `The list changed while it was read, or was cut short. Re-run the job, or: ${GIT_ADVICE}`,
    });
  }
  const filled = await fillMissingPatches(octokit, pull, files, { base: pull.baseSha, head: fresh.headSha });
  unread.push(...filled.unread);
  // A pull request whose commits change no file passes, and says so, as a git range of it does.
  const notes = files.length === 0 && commits.length > 0 && !unread.some((u) => u.kind === 'files') ? [...filled.notes, noFileChangedNote(commits.length)] : filled.notes;
  return {
    base: pull.baseSha,
    head: fresh.headSha,
    files,
    commits,
    pr: fresh.pr,
    notes,
    unread,
  };
}
