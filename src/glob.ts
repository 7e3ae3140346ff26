// Glob matching shared by rules and sources: minimatch with the options every caller wants.
import { Minimatch } from 'minimatch';

const OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

// Compiling a glob costs far more than matching it, and rules match the same few globs against
// thousands of paths: keep each glob compiled to a regular expression (bounded, in case globs
// come from data). `false` is a glob that can match nothing.
const MAX_CACHED = 1000;
const compiled = new Map<string, RegExp | false>();

function regexOf(glob: string): RegExp | false {
  let re = compiled.get(glob);
  if (re === undefined) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    re = new Minimatch(glob, OPTIONS).makeRe();
    compiled.set(glob, re);
  }
  return re;
}

/** Does `path` (repository-relative, forward slashes) match the glob? */
export function matchesGlob(path: string, glob: string): boolean {
  const re = regexOf(glob);
  return re !== false && re.test(path);
}

// A list of globs is matched as one regular expression when their flags agree (one test per path
// instead of one per glob). Keyed by content, so a caller may reuse or change its arrays freely.
const combined = new Map<string, RegExp | false | null>();

function combinedRegexOf(globs: readonly string[]): RegExp | false | null {
  const key = globs.join('\0');
  let re = combined.get(key);
  if (re === undefined) {
    const parts = globs.map(regexOf).filter((r): r is RegExp => r !== false);
    const flags = parts[0]?.flags ?? '';
    if (combined.size >= MAX_CACHED) combined.clear();
    if (parts.some((r) => r.flags !== flags)) re = null;
    else re = parts.length === 0 ? false : new RegExp(parts.map((r) => `(?:${r.source})`).join('|'), flags);
    combined.set(key, re);
  }
  return re;
}

/** Does `path` match any of the globs? */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const re = combinedRegexOf(globs);
  if (re !== null) return re !== false && re.test(path);
  for (const glob of globs) if (matchesGlob(path, glob)) return true;
  return false;
}
