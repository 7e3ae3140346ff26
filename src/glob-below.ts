// Globs against a path that stands for a whole directory: a submodule. A new submodule commit
// changes every file under its path while the diff shows the path alone, so a glob that names
// files inside it (`vendor/secure/**` for the submodule `vendor/secure`, or for `vendor`) must
// see that path too, or a pointer bump changes protected or core code unseen.
import { GLOBSTAR, Minimatch } from 'minimatch';
import { GLOB_OPTIONS } from './glob.ts';

/**
 * How a glob meets the directory at `path`:
 * - `covers`: the glob without its trailing `**` matches the path (`src/auth/**`, `**\/auth/**`
 *   for `src/auth`): every file under it matches;
 * - `below`: the glob's leading segments, none of them `**`, match the path's and more follow
 *   (`vendor/secure/**` or `vendor/*.pem` for `vendor`): some files under it match;
 * - null: neither. A glob that reaches into the directory only through `**` (`**\/*.pem`) does
 *   not name it, and is not taken to (every submodule would match it).
 */
export type DirectoryReach = 'covers' | 'below' | null;

export function directoryReach(mm: Minimatch, path: string): DirectoryReach {
  const segments = path.split('/');
  let below = false;
  for (const parts of mm.set) {
    const n = parts.length;
    if (parts[n - 1] === GLOBSTAR && (n === 1 || mm.matchOne(segments, parts.slice(0, n - 1), false))) return 'covers';
    const head = parts.slice(0, segments.length);
    if (n > segments.length && !head.includes(GLOBSTAR) && mm.matchOne(segments, head, false)) below = true;
  }
  return below ? 'below' : null;
}

const cache = new Map<string, Minimatch>();

/** Does any of the globs (policy glob semantics, as `matchesAny`) cover or name files under `path`? */
export function reachesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => {
    let mm = cache.get(glob);
    if (mm === undefined) {
      if (cache.size >= 1000) cache.clear();
      mm = new Minimatch(glob, GLOB_OPTIONS);
      cache.set(glob, mm);
    }
    return directoryReach(mm, path) !== null;
  });
}
