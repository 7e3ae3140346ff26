// Which commits a local check covers: --head (default HEAD) against the merge-base with --base,
// or with the remote's default branch when --base is not given.
import { resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { compareText } from '../rule-kit/text-order.ts';
import { isObjectId } from './object-id.ts';
import type { Git } from './run.ts';

/** A ref git cannot mistake for an option. */
export const isPlainRef = (ref: string): boolean => !ref.startsWith('-') && ref.trim() !== '';

/** The commit a ref names, or a UsageError naming the flag and the ref. */
export async function verifyCommit(git: Git, ref: string, flag: string): Promise<string> {
  if (!isPlainRef(ref)) {
    throw new UsageError(`${flag} "${ref}" is not a valid git revision. Pass a branch, tag or commit, e.g. ${flag} origin/main.`);
  }
  const sha = await git.tryRaw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!sha && ref === 'HEAD') throw await unbornHead(git, flag);
  if (!sha && /@\{(?:u|upstream|push)\}$/i.test(ref)) {
    const branch = ref.replace(/@\{[^}]*\}$/, '') || 'the current branch';
    throw new UsageError(
      `${flag} "${ref}" names the upstream of ${branch}, and it has none (or it is not fetched). Set one ` +
        `(\`git branch --set-upstream-to origin/main\`), or pass the base itself, e.g. ${flag} origin/main.`,
    );
  }
  if (!sha) {
    const other = await otherObject(git, ref);
    if (other?.type === 'commit') {
      throw new UsageError(`${flag} "${ref}" names commit ${other.id.slice(0, 12)} in a form prguard cannot read as a range's end: pass the commit itself, ${flag} ${other.id}.`);
    }
    if (other) {
      throw new UsageError(`${flag} "${ref}" names a ${other.type} (${other.id.slice(0, 12)}), not a commit. Pass a branch, tag or commit, e.g. ${flag} origin/main.`);
    }
    throw new UsageError(
      `${flag} "${ref}" does not name a commit in this repository. Check the spelling, or fetch it first ` +
        `(e.g. \`git fetch origin ${ref.replace(/^origin\//, '')}\`).`,
    );
  }
  return sha;
}

/** Why HEAD names no commit: an empty repository, or a branch with no commits yet (an orphan branch). */
async function unbornHead(git: Git, flag: string): Promise<UsageError> {
  const any = await git.tryRaw(['rev-list', '-n', '1', '--all']);
  if (!any) return new UsageError(`${flag} HEAD does not name a commit: the repository has no commits yet. Commit something first.`);
  const branch = await git.tryRaw(['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return new UsageError(
    `${flag} HEAD does not name a commit: ${branch ? `the branch "${branch}"` : 'the current branch'} has no commits yet ` +
      `(an orphan branch). Commit on it first, or pass the commit to check, e.g. ${flag} main.`,
  );
}

/** The object a ref names when it is no commit (a tree or blob id, `HEAD:path`), or a commit named in a way `^{commit}` cannot follow (`:/text`). */
async function otherObject(git: Git, ref: string): Promise<{ id: string; type: string } | undefined> {
  const id = await git.tryRaw(['rev-parse', '--verify', '--quiet', ref]);
  if (!id || !isObjectId(id)) return undefined;
  const type = await git.tryRaw(['cat-file', '-t', id]);
  return type ? { id, type } : undefined;
}

/**
 * The ref a change is based on when --base is not given: the default branch of a remote
 * (`refs/remotes/<remote>/HEAD`, origin first, then the others by name), else the upstream of
 * the head branch.
 */
export async function defaultBaseRef(git: Git, head: string): Promise<string> {
  const heads = ((await git.tryRaw(['for-each-ref', '--format=%(refname)%00%(symref)', 'refs/remotes/*/HEAD'])) ?? '')
    .split('\n')
    .map((line) => line.split('\0') as [string, string?])
    .filter(([, target]) => target)
    .map(([ref, target]) => ({ remote: ref.split('/')[2]!, target: target! }))
    .sort((a, b) => Number(b.remote === 'origin') - Number(a.remote === 'origin') || compareText(a.remote, b.remote));
  if (heads[0]) return heads[0].target;
  const upstream = await git.tryRaw(['rev-parse', '--verify', '--quiet', '--symbolic-full-name', `${head}@{upstream}`]);
  if (upstream) return upstream;
  const remotes = ((await git.tryRaw(['remote'])) ?? '').split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  const hint = remote
    ? `No remote has a default branch recorded (refs/remotes/${remote}/HEAD is missing) and ${head} has no upstream branch. ` +
      `Run \`git remote set-head ${remote} --auto\` to record it, or pass --base.`
    : `The repository has no remote and ${head} has no upstream branch, so there is no default branch to compare with.`;
  throw new UsageError(`Cannot tell which branch this change is based on. ${hint} For example: prguard check --base <branch>.`);
}

/** What one `git rev-parse` tells about the repository and the range. */
export interface RangeAnswer {
  root: string;
  gitDir: string;
  commonDir: string;
  head: string;
  /** The merge-base of base and head (the first, when there are several). */
  base: string;
  /** The commit the base ref names, when the range was asked as base...head (a shallow clone's check). */
  baseTip?: string;
  /** With `fullName`: what `--symbolic-full-name` gives the head ref (`refs/heads/x`), if anything. */
  headName?: string;
}

/** The `rev-parse` that answers a range (see resolveRange). */
const rangeArgs = (baseRef: string, headRef: string, fullName: boolean): string[] => [
  'rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir', `${baseRef}^{commit}...${headRef}^{commit}`,
  ...(fullName ? ['--symbolic-full-name', headRef] : []),
];

/** rev-parse's answer read; `unrelated` when base and head share no commit, undefined when it is not a whole answer. */
function readRange(out: string | undefined, cwd: string, fullName: boolean): RangeAnswer | 'unrelated' | undefined {
  const lines = out?.split('\n') ?? [];
  const [root, gitDir, commonDir, head, baseTip] = lines;
  if (!root || !gitDir || !commonDir || !head || !isObjectId(head)) return undefined;
  const base = lines.slice(5).find((l) => l.startsWith('^'))?.slice(1);
  if (!base) return 'unrelated';
  const headName = fullName ? lines.slice(5).find((l) => !l.startsWith('^')) : undefined;
  return { root, gitDir, commonDir: resolve(cwd, commonDir), head, base, ...(baseTip && isObjectId(baseTip) ? { baseTip } : {}), ...(headName ? { headName } : {}) };
}

/**
 * Asks git once for the work tree's top, its git directories, head's commit and the merge-base
 * (`rev-parse A...B` prints B, A and `^<merge-base>`), and with `fullName` the head ref's full name
 * (printed last, when it has one). On failure the refs are explained one by one.
 */
export async function resolveRange(git: Git, baseRef: string, headRef: string, fullName = false): Promise<RangeAnswer> {
  const out = await git.tryRaw(rangeArgs(baseRef, headRef, fullName));
  const answer = readRange(out, git.cwd, fullName);
  if (answer === undefined) {
    await verifyCommit(git, headRef, '--head');
    await verifyCommit(git, baseRef, '--base');
    throw new UsageError(`git could not resolve ${baseRef}...${headRef}: ${out ?? 'no answer'}`);
  }
  if (answer === 'unrelated') {
    throw new UsageError(
      `${baseRef} and ${headRef} have no common ancestor, so there is no change to compare. In a shallow clone, ` +
        'fetch more history (e.g. `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout).',
    );
  }
  return answer;
}

/**
 * The same question as resolveRange, asked before anything else, such as where the work tree is:
 * the answer when git gives a whole one, else undefined, and the caller goes the usual way, where
 * whatever failed is explained in its turn.
 */
export async function tryResolveRange(git: Git, baseRef: string, headRef: string, fullName = false): Promise<RangeAnswer | undefined> {
  if (!isPlainRef(baseRef) || !isPlainRef(headRef)) return undefined;
  const answer = readRange(await git.tryRaw(rangeArgs(baseRef, headRef, fullName)), git.cwd, fullName);
  return typeof answer === 'object' ? answer : undefined;
}
