// Glob matching shared by rules and sources: minimatch with the options every caller wants.
import { minimatch } from 'minimatch';

const OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

/** Does `path` (repository-relative, forward slashes) match the glob? */
export function matchesGlob(path: string, glob: string): boolean {
  return minimatch(path, glob, OPTIONS);
}

/** Does `path` match any of the globs? */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  for (const glob of globs) if (minimatch(path, glob, OPTIONS)) return true;
  return false;
}
