// Which commits a local check covers: --head (default HEAD) against the merge-base with --base,
// or with the remote's default branch when --base is not given.
import type { SimpleGit } from 'simple-git';
import { UsageError } from '../errors.ts';

export interface ResolvedRange {
  /** The merge-base of the base ref and head (what a pull request diff starts from). */
  base: string;
  head: string;
  /** The ref the base came from, for messages (e.g. `refs/remotes/origin/trunk`). */
  baseRef: string;
}

/** Output of `git args`, trimmed; undefined when git fails or prints nothing. */
export async function tryRaw(git: SimpleGit, args: string[]): Promise<string | undefined> {
  try {
    const out = (await git.raw(args)).trim();
    return out === '' ? undefined : out;
  } catch {
    return undefined;
  }
}

/** A ref git cannot mistake for an option. */
const isPlainRef = (ref: string): boolean => !ref.startsWith('-') && ref.trim() !== '';

/** The commit a ref names, or a UsageError naming the flag and the ref. */
export async function verifyCommit(git: SimpleGit, ref: string, flag: string): Promise<string> {
  if (!isPlainRef(ref)) {
    throw new UsageError(`${flag} "${ref}" is not a valid git revision. Pass a branch, tag or commit, e.g. ${flag} origin/main.`);
  }
  const sha = await tryRaw(git, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!sha && ref === 'HEAD') {
    throw new UsageError(`${flag} HEAD does not name a commit: the repository has no commits yet. Commit something first.`);
  }
  if (!sha) {
    throw new UsageError(
      `${flag} "${ref}" does not name a commit in this repository. Check the spelling, or fetch it first ` +
        `(e.g. \`git fetch origin ${ref.replace(/^origin\//, '')}\`).`,
    );
  }
  return sha;
}

/**
 * The ref a change is based on when --base is not given: the default branch of a remote
 * (`refs/remotes/<remote>/HEAD`, origin first, then the others by name), else the upstream of
 * the head branch.
 */
export async function defaultBaseRef(git: SimpleGit, head: string): Promise<string> {
  const heads = ((await tryRaw(git, ['for-each-ref', '--format=%(refname)%00%(symref)', 'refs/remotes/*/HEAD'])) ?? '')
    .split('\n')
    .map((line) => line.split('\0') as [string, string?])
    .filter(([, target]) => target)
    .map(([ref, target]) => ({ remote: ref.split('/')[2]!, target: target! }))
    .sort((a, b) => Number(b.remote === 'origin') - Number(a.remote === 'origin') || a.remote.localeCompare(b.remote));
  if (heads[0]) return heads[0].target;
  const upstream = await tryRaw(git, ['rev-parse', '--verify', '--quiet', '--symbolic-full-name', `${head}@{upstream}`]);
  if (upstream) return upstream;
  const remotes = ((await tryRaw(git, ['remote'])) ?? '').split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  const hint = remote
    ? `No remote has a default branch recorded (refs/remotes/${remote}/HEAD is missing) and ${head} has no upstream branch. ` +
      `Run \`git remote set-head ${remote} --auto\` to record it, or pass --base.`
    : `The repository has no remote and ${head} has no upstream branch, so there is no default branch to compare with.`;
  throw new UsageError(`Cannot tell which branch this change is based on. ${hint} For example: prguard check --base <branch>.`);
}

export async function resolveRange(git: SimpleGit, options: { base?: string; head?: string }): Promise<ResolvedRange> {
  const headRef = options.head ?? 'HEAD';
  if (!isPlainRef(headRef)) await verifyCommit(git, headRef, '--head');
  const baseRef = options.base ?? (await defaultBaseRef(git, headRef));
  if (!isPlainRef(baseRef)) await verifyCommit(git, baseRef, '--base');
  // The happy path takes two concurrent commands; a failure is then explained ref by ref.
  const [shas, base] = await Promise.all([
    tryRaw(git, ['rev-parse', `${headRef}^{commit}`, `${baseRef}^{commit}`]),
    tryRaw(git, ['merge-base', baseRef, headRef]),
  ]);
  const head = shas?.split('\n')[0];
  if (!head || !/^[0-9a-f]{40,64}$/.test(head)) {
    await verifyCommit(git, headRef, '--head');
    await verifyCommit(git, baseRef, '--base');
  }
  if (!base) {
    throw new UsageError(
      `${baseRef} and ${headRef} have no common ancestor, so there is no change to compare. In a shallow clone, ` +
        'fetch more history (e.g. `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout).',
    );
  }
  return { base, head: head!, baseRef };
}
