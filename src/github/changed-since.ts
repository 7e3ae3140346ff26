// What changed since each standing approval's commit (Review.changedSince), which decides whether
// the approval is stale. With both commits in the workspace checkout, git answers exactly (the
// files whose content differs between the two trees) and no request is made; else the compare API
// does (both ways when the approved commit has commits the head lacks).
import type { Review } from '../model.ts';
import { openGit } from '../git/run.ts';
import { isObjectId } from '../git/object-id.ts';
import { standingApprovals } from '../rule-kit/people.ts';
import { callError, statusOf, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { malformed, Shape } from './shape.ts';

/** The compare API lists at most this many files: a full page may be cut short. */
export const COMPARE_FILE_CAP = 300;

/** What one compare `from...to` says: the files `to` changed since the merge base, and whether `from` has commits `to` lacks. */
async function compareFiles(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, from: string, to: string, log: (m: string) => void): Promise<{ files: string[]; behind: boolean } | undefined> {
  const name = 'repos.compareCommitsWithBasehead';
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: pull.owner, repo: pull.repo, basehead: `${from}...${to}`, per_page: 100 }));
  } catch (err) {
    // The reviewed commit can be gone (a force push): what changed since is unknown, so the approval is stale.
    if (statusOf(err) === 404 || statusOf(err) === 422) {
      log(`prguard: cannot compare ${from.slice(0, 7)} with ${to.slice(0, 7)} (${statusOf(err)}); approvals on it are treated as stale.`);
      return undefined;
    }
    throw callError(name, 'contents: read', err);
  }
  const s = new Shape(name);
  const status = s.string(data, 'status');
  if (!COMPARE_STATUS.includes(status)) throw malformed(name, `status should be one of ${COMPARE_STATUS.join(', ')}, got "${status.slice(0, 40)}"`);
  const files = s.need(data, 'files', 'array', true) as unknown[] | undefined;
  if (files === undefined) {
    log(`prguard: GitHub listed no files for ${from.slice(0, 7)}...${to.slice(0, 7)}; an approval on ${from.slice(0, 7)} is treated as stale.`);
    return undefined;
  }
  if (files.length >= COMPARE_FILE_CAP) {
    log(`prguard: ${from.slice(0, 7)}...${to.slice(0, 7)} changes ${COMPARE_FILE_CAP} or more files; an approval on ${from.slice(0, 7)} is treated as stale.`);
    return undefined;
  }
  const paths = files.flatMap((f) => {
    const previous = s.optionalString(f, 'previous_filename');
    return previous ? [s.string(f, 'filename'), previous] : [s.string(f, 'filename')];
  });
  return { files: paths, behind: status === 'behind' || status === 'diverged' };
}

const COMPARE_STATUS = ['ahead', 'behind', 'diverged', 'identical'];

/**
 * Files that differ between `from` and `to`, or undefined when GitHub cannot say in full. The
 * compare API lists what `to` changed since the merge base only; when `from` has commits `to`
 * lacks (a force push back to an earlier commit, a rebase), what those changed differs as well:
 * the reverse compare lists them (a file that differs between the two differs from their merge
 * base in at least one of them).
 */
export async function changedBetween(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, from: string, to: string, log: (m: string) => void): Promise<string[] | undefined> {
  const forward = await compareFiles(octokit, pull, from, to, log);
  if (!forward?.behind) return forward?.files;
  const back = await compareFiles(octokit, pull, to, from, log);
  return back && [...new Set([...forward.files, ...back.files])];
}

/**
 * Files that differ between `from` and `to` in the workspace checkout, or undefined when it does
 * not have both commits (then the API is asked).
 */
export async function changedWithGit(workspace: string, from: string, to: string): Promise<string[] | undefined> {
  if (!isObjectId(from) || !isObjectId(to)) return undefined;
  const git = openGit(workspace);
  try {
    // No renames: a moved file counts at both its paths, as the compare API's previous_filename does.
    // `^{commit}`: git fails when either is missing here or is not a commit, and the API is asked.
    // `--ignore-submodules=none`: the checkout's .gitmodules (the PR's) can say `ignore = all`,
    // and a submodule bumped since the approval would not be listed.
    const out = await git.raw([
      'diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--ignore-submodules=none',
      `${from}^{commit}`, `${to}^{commit}`, '--',
    ]);
    return out.split('\0').filter((p) => p !== '');
  } catch {
    return undefined;
  }
}

export interface ChangedSinceInput {
  octokit: GitHub;
  pull: PullContext;
  reviews: Review[];
  head: string;
  /** The workspace checkout, when the change was read from it with git. */
  workspace?: string | undefined;
  log: (m: string) => void;
}

/** Fill `changedSince` of every standing approval that is not on the head (one answer per commit, all at once). */
export async function markChangedSince(input: ChangedSinceInput): Promise<void> {
  const { octokit, pull, head, workspace, log } = input;
  const byCommit = new Map<string, Promise<string[] | undefined>>();
  const since = async (commit: string) => {
    const local = workspace === undefined ? undefined : await changedWithGit(workspace, commit, head);
    return local ?? changedBetween(octokit, pull, commit, head, log);
  };
  const approvals = standingApprovals(input.reviews).filter((r) => r.commitId !== undefined);
  for (const r of approvals) {
    if (r.commitId === head) r.changedSince = [];
    else if (!byCommit.has(r.commitId!)) byCommit.set(r.commitId!, since(r.commitId!));
  }
  await Promise.all(
    approvals.map(async (r) => {
      if (r.commitId === head) return;
      const files = await byCommit.get(r.commitId!)!;
      if (files !== undefined) r.changedSince = files;
    }),
  );
}
