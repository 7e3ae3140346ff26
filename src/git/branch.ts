// The local head branch, read as the Action reads the PR's head ref: the branch HEAD points to
// (or the one --head names), or the ref a pre-push hook is pushing. A commit sha or a detached
// HEAD has no branch.
import { openGit } from './run.ts';

/** A pushed or named ref as a branch name: `refs/heads/codex/x` -> `codex/x`; tags and shas -> undefined. */
export function branchOfRef(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const m = /^refs\/heads\/(.+)$/.exec(ref);
  return m ? m[1] : undefined;
}

/**
 * The branch `head` names in the repository at `cwd` (`HEAD`, default: the checked-out branch;
 * `codex/x` or `refs/heads/codex/x`: that branch; `origin/codex/x`: the remote's branch name).
 * Undefined for a sha, a tag, a detached HEAD, or when git cannot tell.
 */
export async function headBranch(cwd: string, head = 'HEAD'): Promise<string | undefined> {
  if (head.startsWith('-') || head.trim() === '') return undefined;
  const full = await openGit(cwd).tryRaw(['rev-parse', '--symbolic-full-name', '--verify', '--quiet', head]);
  if (!full) return undefined;
  const local = branchOfRef(full);
  if (local) return local;
  const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(full)?.[1];
  return remote && remote !== 'HEAD' ? remote : undefined;
}
