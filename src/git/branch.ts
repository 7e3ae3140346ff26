// The local head branch, read as the Action reads the PR's head ref: the branch HEAD points to
// (or the one --head names: its full name comes with the range's rev-parse, range.ts), or the ref
// a pre-push hook is pushing. A commit sha or a detached HEAD has no branch.

/** A pushed or named ref as a branch name: `refs/heads/codex/x` -> `codex/x`; tags and shas -> undefined. */
export function branchOfRef(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const m = /^refs\/heads\/(.+)$/.exec(ref);
  return m ? m[1] : undefined;
}

/**
 * The branch in the full name `rev-parse --symbolic-full-name` gives a ref: `refs/heads/codex/x`
 * and `refs/remotes/origin/codex/x` -> `codex/x`; a tag, `HEAD` or nothing -> undefined.
 */
export function branchOfName(full: string | undefined): string | undefined {
  if (!full) return undefined;
  const local = branchOfRef(full);
  if (local) return local;
  const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(full)?.[1];
  return remote && remote !== 'HEAD' ? remote : undefined;
}
