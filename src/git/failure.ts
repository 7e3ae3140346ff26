// What git's failures mean, in words, where git's own message would not tell the user what
// happened or what to do:
//   - a partial clone (`git clone --filter=blob:none`, say) lacks objects until a command reads
//     them, and git then fetches them from the promisor remote on its own: a check would reach the
//     network (nothing prguard runs may, but the GitHub API), or, with the remote gone, fail.
//     prguard's gits run with lazy fetching off (gitEnv: GIT_NO_LAZY_FETCH, git 2.45 and 2.39.4
//     and later) and every transport refused (GIT_ALLOW_PROTOCOL empty: an older git tries the
//     fetch and fails), so a missing object is a failure of the command that wanted it, said here:
//     never a fetch, never a pass;
//   - a repository another user owns (git's safe.directory check): every git command fails, which
//     is not "no repository here".
import { UsageError } from '../errors.ts';

/** git's words when an object of a partial clone could not be fetched. */
const PROMISOR = /could not fetch ([0-9a-f]{40,64}) from promisor remote/;
/** What git 2.45 (and 2.39.4) and later say first with GIT_NO_LAZY_FETCH. */
const NO_LAZY = /lazy fetching disabled/;

/** What to tell the user when `stderr` says a partial clone lacks an object; undefined otherwise. */
export function partialCloneFailure(stderr: string): string | undefined {
  const id = PROMISOR.exec(stderr)?.[1];
  if (id === undefined && !NO_LAZY.test(stderr)) return undefined;
  const object = id ? `object ${id.slice(0, 12)}` : 'an object';
  return (
    `this repository is a partial clone (git clone --filter) and lacks ${object}, which the check reads. prguard does ` +
    'not fetch it (nothing it runs reaches the network), and what it cannot read does not pass. Fetch the objects first: ' +
    '`git config --unset remote.origin.partialclonefilter && git fetch --refetch origin` fetches them all (for another ' +
    'promisor remote, its name for origin), then check again; or check in a full clone'
  );
}

/** git refuses the repository another user owns: every command fails, which is not "no repository here". */
export class RefusedRepositoryError extends UsageError {}

/** git's words for a repository another user owns (git 2.35.2 and later). */
const DUBIOUS = /detected dubious ownership in repository at '([^'\n]*)'/;

/** The error to throw when `stderr` says git refuses a repository another user owns (whichever command it was); undefined otherwise. */
export function refusedRepository(stderr: string): RefusedRepositoryError | undefined {
  const repo = DUBIOUS.exec(stderr)?.[1];
  if (repo === undefined) return undefined;
  return new RefusedRepositoryError(
    `git refuses the repository at ${repo}: another user owns it (git's "dubious ownership" check), so prguard cannot ` +
      `read it. If you trust it, mark it safe with \`git config --global --add safe.directory ${repo}\` and run prguard again.`,
  );
}
