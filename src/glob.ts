// Glob matching shared by rules and sources: minimatch with the options every caller wants.
//
// Rules match the same few globs against thousands of paths, and a minimatch regular expression
// for `**/...` is slow to run (a lazy scan with a look-ahead at every character). So each glob
// is compiled once, brace-expanded into its alternatives, and every alternative gets a cheap
// prefilter: the literal text its regular expression cannot match without (see `needs`). Only
// alternatives whose prefilter passes run their regular expression, which decides.
import { Minimatch } from 'minimatch';

const OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

/** One alternative of a glob: texts `/${path}/` must contain, and the test that decides. */
interface Alternative {
  needs: readonly string[];
  re: RegExp;
}

/** A compiled glob: its alternatives (none when it can match nothing). */
type Compiled = readonly Alternative[];

// Characters that make a glob segment more than a literal (conservative: `!+@()` only matter in
// extglobs, and `\` escapes; a segment with any of them gets no requirement from its magic part).
const MAGIC = /[*?[\]{}()!+@\\]/;

/**
 * Texts that `/${path}/` contains whenever the path matches a glob of these segments: each
 * literal segment, framed by slashes, and the literal end of each wildcard segment followed by
 * a slash (`*.test.ts` -> `.test.ts/`). Sound because minimatch matches segment by segment:
 * a literal part equals one path segment, and a wildcard part matches a whole segment.
 */
function needs(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || part === '**') continue;
    if (!MAGIC.test(part)) {
      out.push(`/${part}/`);
      continue;
    }
    if (part.includes('\\')) continue;
    let end = part.length;
    while (end > 0 && !MAGIC.test(part[end - 1]!)) end--;
    if (end < part.length) out.push(`${part.slice(end)}/`);
  }
  return out;
}

/** The alternatives of one brace-expanded glob, each with the regular expression minimatch makes. */
function compileGlob(glob: string): Compiled {
  const mm = new Minimatch(glob, OPTIONS);
  const whole = mm.makeRe();
  if (whole === false) return [];
  // Alternatives compiled alone, when each stays one alternative (a brace-expanded text that
  // expands again, or a part minimatch dropped, falls back to the whole expression, unfiltered).
  if (mm.globParts.length > 1 && mm.globParts.length === mm.set.length) {
    const alternatives: Alternative[] = [];
    for (const [i, alt] of mm.globSet.entries()) {
      const one = new Minimatch(alt, OPTIONS);
      const re = one.set.length === 1 ? one.makeRe() : false;
      if (re === false || re.flags !== whole.flags || one.globParts[0]?.join('/') !== mm.globParts[i]?.join('/')) {
        return [{ needs: [], re: whole }];
      }
      alternatives.push({ needs: needs(one.globParts[0]!), re });
    }
    return alternatives;
  }
  return [{ needs: mm.set.length === 1 && mm.globParts.length === 1 ? needs(mm.globParts[0]!) : [], re: whole }];
}

// Bounded, in case globs come from data.
const MAX_CACHED = 1000;
const compiled = new Map<string, Compiled>();

function compiledOf(glob: string): Compiled {
  let c = compiled.get(glob);
  if (c === undefined) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    c = compileGlob(glob);
    compiled.set(glob, c);
  }
  return c;
}

/** Does `/${path}/` (`framed`) contain every needed text? */
function hasAll(framed: string, needed: readonly string[]): boolean {
  for (const n of needed) if (!framed.includes(n)) return false;
  return true;
}

function test(path: string, alternatives: Compiled): boolean {
  let framed: string | undefined;
  for (const { needs, re } of alternatives) {
    if (needs.length > 0 && !hasAll((framed ??= `/${path}/`), needs)) continue;
    if (re.test(path)) return true;
  }
  return false;
}

/**
 * A cheap test that is false only for paths `mm.match(path)` cannot accept (whatever options
 * `mm` was made with): callers skip the full match when it says no. Paths with a backslash
 * always pass, since minimatch may read it as a separator on Windows.
 */
export function prefilterOf(mm: Minimatch): (path: string) => boolean {
  if (mm.globParts.length !== mm.set.length || mm.globParts.length === 0) return () => true;
  const alternatives = mm.globParts.map(needs);
  if (alternatives.some((n) => n.length === 0)) return () => true;
  return (path) => path.includes('\\') || alternatives.some((n) => hasAll(`/${path}/`, n));
}

/** Does `path` (repository-relative, forward slashes) match the glob? */
export function matchesGlob(path: string, glob: string): boolean {
  return test(path, compiledOf(glob));
}

// The alternatives of a whole list, remembered for the last arrays seen. Callers pass the same
// option arrays for every path; a copy of the contents guards against an array changed since.
const lists = new WeakMap<readonly string[], { snapshot: string[]; alternatives: Compiled }>();

function listOf(globs: readonly string[]): Compiled {
  const hit = lists.get(globs);
  if (hit && hit.snapshot.length === globs.length && hit.snapshot.every((g, i) => g === globs[i])) return hit.alternatives;
  const alternatives = globs.flatMap(compiledOf);
  lists.set(globs, { snapshot: [...globs], alternatives });
  return alternatives;
}

/** Does `path` match any of the globs? */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  return test(path, listOf(globs));
}
