// The pull request that sets prguard up: the base has no policy (the embedded default judges it),
// and it adds the policy file and prguard's own workflow. Those additions are what onboarding is,
// so they are not protected changes there (else the first PR would be told to split itself in
// two, circularly). Only additions count, and only a workflow that runs nothing but a checkout and
// the prguard Action: any other step or `run:` keeps it protected.
import type { FileChange } from '../../src/model.ts';

/** The Action steps a prguard workflow may use. */
const ONBOARDING_ACTIONS = [/^actions\/checkout@/, /^prguard\/prguard@/];

function isPrguardWorkflow(file: FileChange): boolean {
  if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file.path) || file.patchMissing || file.binary) return false;
  let prguard = false;
  for (const hunk of file.hunks) {
    for (const { content } of hunk.added) {
      if (/^\s*(-\s*)?run\s*:/.test(content)) return false;
      const uses = /^\s*(?:-\s*)?uses\s*:\s*['"]?([^'"\s#]+)/.exec(content)?.[1];
      if (uses === undefined) continue;
      if (!ONBOARDING_ACTIONS.some((re) => re.test(uses))) return false;
      if (/^prguard\/prguard@/.test(uses)) prguard = true;
    }
  }
  return prguard;
}

/**
 * Paths an onboarding change adds without needing sign-off: with no policy at the base
 * (`policyPath` null), the policy files it adds and a prguard-only workflow it adds.
 */
export function onboardingAdditions(files: readonly FileChange[], policyPath: string | null, policyFiles: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (policyPath !== null) return out;
  for (const file of files) {
    if (file.status !== 'added') continue;
    if (policyFiles.includes(file.path) || isPrguardWorkflow(file)) out.add(file.path);
  }
  return out;
}
