// The merged pull requests of a repository's history, from git alone: on the first-parent line
// of the default branch, a merge commit M is a PR merged with a merge (its change is M^1..M^2),
// and a commit whose subject ends in "(#123)" is a squash merge (C^..C). Other commits (direct
// pushes, octopus merges: GitHub makes none of those for a pull request) are not pull requests
// and are left out, counted so the report can say so.
import { UsageError } from '../errors.ts';
import { isPlainRef } from '../git/range.ts';
import { openGit } from '../git/run.ts';

export interface MergedPr {
  /** The PR number when the commit names it ("Merge pull request #12", "… (#12)"). */
  number?: number;
  /** The commit on the default branch that merged it. */
  sha: string;
  kind: 'merge' | 'squash';
  base: string;
  head: string;
  subject: string;
  /** Commit time, ISO 8601. */
  date: string;
}

/**
 * Through the one git runner, as every other git prguard runs: its safe flags and environment, and
 * git by its absolute path (spawned by name, a relative PATH entry such as `.` ran a `git` the
 * repository brought).
 */
async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    return await openGit(root).raw(args);
  } catch {
    return undefined;
  }
}

/** The default branch: the remote's HEAD, else main or master, else the current HEAD. */
export async function defaultBranch(root: string): Promise<string> {
  for (const ref of ['refs/remotes/origin/HEAD', 'refs/remotes/origin/main', 'refs/remotes/origin/master', 'refs/heads/main', 'refs/heads/master']) {
    if ((await git(root, ['rev-parse', '--verify', '-q', `${ref}^{commit}`])) !== undefined) return ref.replace(/^refs\/(remotes|heads)\//, '');
  }
  return 'HEAD';
}

const MERGE_NUMBER = /^Merge pull request #(\d+)\b/;
const SQUASH_NUMBER = /\(#(\d+)\)\s*$/;

/** What the first-parent line held besides pull requests, over the stretch the PRs were found in. */
export interface LeftOut {
  /** Commits of one parent without a PR number: pushed to the branch, no pull request. */
  direct: number;
  /** Merges of more than two parents, by sha. */
  octopus: string[];
}

export async function mergedPrs(root: string, options: { branch: string; limit: number; since?: string }): Promise<{ prs: MergedPr[]; leftOut: LeftOut }> {
  // git would read `--branch=--output=FILE` as its own option (and write FILE), not as a ref.
  if (!isPlainRef(options.branch)) throw new UsageError(`--branch "${options.branch}" is not a valid git revision. Pass a branch, e.g. --branch main.`);
  const args = ['log', '--first-parent', '--format=%H%x00%P%x00%cI%x00%s', options.branch];
  if (options.since !== undefined) args.push(`--since=${options.since}`);
  const out = await git(root, args);
  if (out === undefined) {
    throw new UsageError(`cannot read the history of ${options.branch}: is it a branch of this repository? Name one with --branch.`);
  }
  const prs: MergedPr[] = [];
  const leftOut: LeftOut = { direct: 0, octopus: [] };
  for (const line of out.split('\n')) {
    if (prs.length >= options.limit) break;
    const [sha, parents = '', date = '', subject = ''] = line.split('\0');
    if (!sha) continue;
    const ps = parents.split(' ').filter(Boolean);
    if (ps.length === 2) {
      const n = MERGE_NUMBER.exec(subject)?.[1] ?? SQUASH_NUMBER.exec(subject)?.[1];
      prs.push({ sha, kind: 'merge', base: ps[0]!, head: ps[1]!, subject, date, ...(n ? { number: Number(n) } : {}) });
    } else if (ps.length === 1) {
      const n = SQUASH_NUMBER.exec(subject)?.[1];
      if (n) prs.push({ sha, kind: 'squash', base: ps[0]!, head: sha, subject, date, number: Number(n) });
      else leftOut.direct++;
    } else if (ps.length > 2) {
      leftOut.octopus.push(sha);
    }
  }
  return { prs, leftOut };
}
