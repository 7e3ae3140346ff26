// A shallow clone's history is cut: the commits at its edge (listed in <common dir>/shallow) show
// no parents. When the cut runs between the base and the head, git finds the merge-base among
// the commits it still has: an older one than the real (a merge of an older base commit into the
// branch is enough), and the base's own changes are then read as the branch's, or too few
// commits are. The range is checked only when the history is cut inside it, which a full clone
// never is (one stat of a file that does not exist).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import type { Git } from './run.ts';

/** The commits at the edge of a shallow clone, or none for a full one. */
function shallowEdge(commonDir: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(join(commonDir, 'shallow'), 'utf8');
  } catch {
    return new Set();
  }
  return new Set(text.split('\n').filter((l) => l !== ''));
}

/**
 * Throws when the clone is shallow and its edge lies between `base` and `head` (a commit of the
 * edge is reachable from one and not the other): the merge-base and the commits of the range
 * cannot be trusted. A range the edge does not cut is read as in a full clone.
 */
export async function assertRangeNotCut(git: Git, commonDir: string, base: string, head: string): Promise<void> {
  const edge = shallowEdge(commonDir);
  if (edge.size === 0) return;
  // An edge commit both sides reach is a common ancestor: what is cut off behind it is behind the
  // merge-base too. One that only one side reaches may hide a newer common ancestor.
  let symmetric: string | undefined;
  try {
    symmetric = await git.raw(['rev-list', `${base}...${head}`]);
  } catch {
    symmetric = undefined; // unreadable: not known to be whole
  }
  const cut = symmetric === undefined || symmetric.split('\n').some((c) => edge.has(c.trim()));
  if (!cut) return;
  throw new UsageError(
    `this clone is shallow and its history is cut between ${base.slice(0, 12)} and ${head.slice(0, 12)}, so git cannot ` +
      'tell where the change starts (the merge-base it finds may be older than the real one, and the base\'s own changes ' +
      'would be read as the change). Fetch the history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout) and check again.',
  );
}

