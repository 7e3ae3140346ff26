// GitHub's `patch` field of a pull request file: hunks only, without the `diff --git` header.
// It is parsed by the shared diff parser behind a minimal header.
import { parseUnifiedDiff } from '../diff/index.ts';
import type { Hunk } from '../model.ts';

const HEADER = 'diff --git a/f b/f\n--- a/f\n+++ b/f\n';

/** The hunks of one file's patch; added lines carry new-side numbers, deleted old-side. */
export function parsePatchHunks(patch: string): Hunk[] {
  if (patch === '') return [];
  return parseUnifiedDiff(`${HEADER}${patch.endsWith('\n') ? patch : `${patch}\n`}`)[0]?.hunks ?? [];
}
