// Glob matching shared by rules and sources: minimatch's syntax and answers, in linear time.
//
// minimatch parses each glob (braces, classes, extglobs); matching does not use its regular
// expressions, which backtrack (`**/*a*a*a*a*a*a*a*a*b` takes seconds on one path), but a
// linear-time automaton over the same parsed pattern (src/globmatch/): O(path length × glob
// size) for every glob. A glob it cannot run in linear time (a negated extglob `!(…)`) is refused
// with UnsupportedGlobError; `globProblem` says so up front, for validation at policy load.
//
// Rules match the same few globs against thousands of paths, so each glob is compiled once,
// brace-expanded into its alternatives, and every alternative gets a cheap prefilter: the
// literal text it cannot match without (see `needs`). Only alternatives whose prefilter passes
// run their matcher, which decides.
import { Minimatch } from 'minimatch';
import { GLOB_SHAPES } from './glob-table.ts';
import { linearMatcher, UnsupportedGlobError, type PathMatcher } from './globmatch/path.ts';
import { escapeRegExp } from './rule-kit/regex-text.ts';
import { matchesNoPath } from './glob-no-path.ts';

export { fromRoot } from './glob-no-path.ts';

export { UnsupportedGlobError } from './globmatch/path.ts';

/** minimatch's options for every glob of a policy (scripts/glob-table.ts parses with them too). */
export const GLOB_OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

/**
 * One alternative of a glob: texts `/${path}/` must contain, the extension the path's last
 * segment must have when the glob's last segment fixes it (see `extensionOf`), and the test
 * that decides.
 */
interface Alternative {
  needs: readonly string[];
  ext: string | undefined;
  /** For a glob that a plain path's ending decides (see endingOf): that ending. */
  ending: Ending | undefined;
  /** The matcher that decides, made on first use. */
  match: () => PathMatcher;
}

/** A compiled glob: its alternatives (none when it can match nothing). */
type Compiled = readonly Alternative[];

// Characters that make a glob segment more than a literal (conservative: `!+@()` only matter in
// extglobs, and `\` escapes; a segment with any of them gets no requirement from its magic part).
const MAGIC = /[*?[\]{}()!+@\\]/;

/** The literal text a wildcard segment ends with ('' for none), or undefined when it escapes. */
function literalEnd(part: string): string | undefined {
  if (part.includes('\\')) return undefined;
  let end = part.length;
  while (end > 0 && !MAGIC.test(part[end - 1]!)) end--;
  return part.slice(end);
}

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
    const end = literalEnd(part);
    if (end) out.push(`${end}/`);
  }
  return out;
}

/** Text after the last '.' of the last segment ('' without one), ignoring trailing slashes. */
function extensionOf(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  const dot = path.lastIndexOf('.', end - 1);
  return dot > path.lastIndexOf('/', end - 1) ? path.slice(dot + 1, end) : '';
}

/**
 * The extension every path matching these segments has, or undefined when it can vary: the
 * last segment is literal (then it is that segment's own), or ends in a literal with a dot
 * (`*.test.ts` -> `ts`).
 */
function extensionFixedBy(parts: readonly string[]): string | undefined {
  const last = parts[parts.length - 1];
  if (last === undefined || last === '' || last === '.' || last === '..' || last === '**') return undefined;
  if (!MAGIC.test(last)) return extensionOf(last);
  const end = literalEnd(last);
  return end?.includes('.') ? extensionOf(end) : undefined;
}

/**
 * The alternatives of one brace-expanded glob, each with its own matcher (made on first use:
 * most alternatives of a list never pass their prefilter). When minimatch dropped alternatives
 * that can match nothing, the sets no longer line up with the parts: one alternative then runs
 * the whole glob. A glob minimatch cannot compile matches nothing.
 */
function compileGlob(glob: string): Compiled {
  // `**` then a literal name or `*<literal>` (lockfiles, `*.d.ts`): no braces to expand, so the
  // alternative is made without parsing the glob; the matcher only for paths that are not plain.
  const parts = glob.split('/');
  const ending = endingOf(parts);
  if (ending) {
    const match = once(() => linearMatcher(new Minimatch(glob, GLOB_OPTIONS)));
    return [{ needs: needs(parts), ext: extensionFixedBy(parts), ending, match }];
  }
  // The default globs' shapes are parsed at build time (src/glob-table.ts): their minimatch is
  // made only for a path that gets past the prefilters.
  const mm = once(() => new Minimatch(glob, GLOB_OPTIONS));
  const shape = GLOB_SHAPES.get(glob) ?? { parts: mm().globParts, sets: mm().set.length };
  if (shape.sets === 0) return [];
  const whole = once(() => linearMatcher(mm()));
  if (shape.parts.length !== shape.sets) return [{ needs: [], ext: undefined, ending: undefined, match: whole }];
  return shape.parts.map((parts, i) => {
    const one = once(() => {
      const single = Object.create(mm()) as Minimatch;
      single.set = [mm().set[i]!];
      return linearMatcher(single);
    });
    return { needs: needs(parts), ext: extensionFixedBy(parts), ending: endingOf(parts), match: one };
  });
}

/** What a plain path must end with: `text`, and with `name`, as a whole last segment. */
interface Ending {
  text: string;
  name: boolean;
  /** `/${text}`, for a name. */
  slashed: string;
}

/**
 * The ending that decides a glob of `**` then one segment, on plain paths: for a literal name
 * (`yarn.lock`), a last segment equal to it; for `*<literal>` (`*.d.ts`), a last segment ending
 * with the literal. `**` takes any leading segments (none `.` or `..`), and with `dot` the `*`
 * takes a leading dot too (tested against the matcher in glob-linear.test.ts).
 */
function endingOf(parts: readonly string[]): Ending | undefined {
  if (parts.length !== 2 || parts[0] !== '**') return undefined;
  const last = parts[1]!;
  if (last !== '' && last !== '.' && last !== '..' && !MAGIC.test(last)) return { text: last, name: true, slashed: `/${last}` };
  const rest = last.slice(1);
  return last.startsWith('*') && rest !== '' && !MAGIC.test(rest) ? { text: rest, name: false, slashed: '' } : undefined;
}

const endsAs = (path: string, e: Ending): boolean => (e.name ? path === e.text || path.endsWith(e.slashed) : path.endsWith(e.text));

/**
 * An empty, `.` or `..` segment (or a slash at either end), or a backslash (minimatch may read it
 * as a separator on Windows): such a path goes to the matcher.
 */
const NOT_PLAIN = /(?:^|\/)\.{0,2}(?:\/|$)|\\/;

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/**
 * Why a glob cannot be used (it needs a matcher that is not linear-time, or it can match no path),
 * or null. Call it where globs are read (policy validation) to report the problem with its position.
 */
export function globProblem(glob: string, options: { codeowners?: boolean; rooted?: boolean } = {}): string | null {
  if (!options.codeowners && GLOB_SHAPES.has(glob)) return null; // checked when the table was made
  if (!options.codeowners) {
    const none = matchesNoPath(glob, options.rooted === true);
    if (none !== null) return none;
    const many = tooManyAlternatives(glob);
    if (many !== null) return many;
  }
  try {
    linearMatcher(new Minimatch(glob, options.codeowners ? CODEOWNERS_OPTIONS : GLOB_OPTIONS));
    return null;
  } catch (err) {
    if (err instanceof UnsupportedGlobError) return err.message;
    throw err;
  }
}

const CODEOWNERS_OPTIONS = { ...GLOB_OPTIONS, noext: true, nobrace: true } as const;

/** The most alternatives one glob's braces may expand to. */
export const MAX_GLOB_ALTERNATIVES = 1000;

/** minimatch keeps 100,000 alternatives and drops the rest unsaid (`{a,b}` 17 times missed `bbb…`). */
function tooManyAlternatives(glob: string): string | null {
  if (!glob.includes('{')) return null;
  const n = new Minimatch(glob, { ...GLOB_OPTIONS, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 }).braceExpand().length;
  if (n <= MAX_GLOB_ALTERNATIVES) return null;
  return `the braces of this glob expand to more than ${MAX_GLOB_ALTERNATIVES} alternatives: split it into several globs, or use * and ** for the parts that vary`;
}

/** A linear-time `mm.match(path)` for a Minimatch made by a caller (e.g. CODEOWNERS patterns). */
export function matcherOf(mm: Minimatch): PathMatcher {
  return linearMatcher(mm);
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
  let pathExt: string | undefined;
  let plain: boolean | undefined;
  for (const { needs, ext, ending, match } of alternatives) {
    if (ending !== undefined && (plain ??= !NOT_PLAIN.test(path))) {
      if (endsAs(path, ending)) return true;
      continue;
    }
    if (ext !== undefined && (pathExt ??= extensionOf(path)) !== ext) continue;
    if (needs.length > 0 && !hasAll((framed ??= `/${path}/`), needs)) continue;
    if (match()(path)) return true;
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

/**
 * Alternatives tried together, and one regular expression that `/${path}/` must match for any of
 * them to (each alternative's longest needed text, as alternatives): a path most of them cannot
 * match is turned away by one native test instead of a needs check per alternative.
 */
interface Group {
  alternatives: Compiled;
  prefilter: RegExp | undefined;
}

/** A list's alternatives by the extension they need; `any` holds those that fix none. */
interface Indexed {
  any: Group;
  byExtension: Map<string, Group>;
}

function groupOf(alternatives: Compiled): Group {
  const longest = alternatives.map((a) => a.needs.reduce((l, n) => (n.length > l.length ? n : l), ''));
  const prefilter = longest.length > 1 && longest.every((n) => n !== '') ? new RegExp(longest.map(escapeRegExp).join('|')) : undefined;
  return { alternatives, prefilter };
}

function indexed(alternatives: Compiled): Indexed {
  const any: Alternative[] = [];
  const byExtension = new Map<string, Alternative[]>();
  for (const alt of alternatives) {
    if (alt.ext === undefined) any.push(alt);
    else byExtension.set(alt.ext, [...(byExtension.get(alt.ext) ?? []), alt]);
  }
  return { any: groupOf(any), byExtension: new Map([...byExtension].map(([ext, alts]) => [ext, groupOf(alts)])) };
}

function testGroup(path: string, group: Group): boolean {
  if (group.alternatives.length === 0) return false;
  if (group.prefilter !== undefined && !group.prefilter.test(`/${path}/`)) return false;
  return test(path, group.alternatives);
}

// The alternatives of a whole list, remembered for the last arrays seen. Callers pass the same
// option arrays for every path; a copy of the contents guards against an array changed since.
const lists = new WeakMap<readonly string[], { snapshot: string[]; list: Indexed }>();

/** A plain loop: this runs for every path a rule matches (`every` with a closure measured 7 ms of 20 on 2,250 files). */
function sameGlobs(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function listOf(globs: readonly string[]): Indexed {
  const hit = lists.get(globs);
  if (hit && sameGlobs(hit.snapshot, globs)) return hit.list;
  const list = indexed(globs.flatMap(compiledOf));
  lists.set(globs, { snapshot: [...globs], list });
  return list;
}

/** Does `path` match any of the globs? Only alternatives that allow its extension are tried. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const { any, byExtension } = listOf(globs);
  if (testGroup(path, any)) return true;
  const same = byExtension.get(extensionOf(path));
  return same !== undefined && testGroup(path, same);
}
