// Path patterns with GitHub CODEOWNERS semantics, compiled to minimatch globs.
//
// - A leading `/` anchors the pattern at the repository root; so does a slash in the middle.
//   A pattern without a slash (other than a trailing one) matches at any depth: `*.js`, `apps/`.
// - A trailing `/` matches a directory and everything below it, at any level: `/docs/`.
// - A pattern naming a directory without the trailing slash matches it recursively too: `/apps/github`.
// - A wildcard in the last segment matches names at that level only: `docs/*` matches
//   `docs/a.md` but not `docs/build/a.md` (as GitHub documents; plain gitignore differs here).
// - `**` matches any number of directories; `*` and `?` never match `/`.
// - `[ ]` character ranges, `!` negation and `\#` (escaping a leading `#`) do not work in CODEOWNERS:
//   GitHub reports such a line as an error and skips it, and so does `patternProblem`; so is `/`
//   alone, which matches nothing on GitHub. `{`, `}` are literal.
// - Matching is case-sensitive, like GitHub's.
import { Minimatch } from 'minimatch';
import { matcherOf, prefilterOf } from '../glob.ts';
import { directoryReach, type DirectoryReach } from '../glob-below.ts';

const OPTIONS = { dot: true, nocomment: true, nonegate: true, noext: true, nobrace: true } as const;

export interface CompiledPattern {
  pattern: string;
  matches(path: string): boolean;
  /** For a path that is a whole directory (a submodule): how the pattern meets what is under it. */
  reach?(path: string): DirectoryReach;
}

/** Why the pattern cannot work, or null when it is fine. */
export function patternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'the pattern is empty';
  if (pattern.startsWith('!')) {
    return '`!` negation does not work in CODEOWNERS patterns; add a later entry for the exception with `protected: false`';
  }
  if (pattern.startsWith('#')) return 'a pattern starting with `#` is a comment in CODEOWNERS and matches nothing';
  if (pattern.startsWith('\\#')) return 'escaping a leading `#` with `\\` does not work in CODEOWNERS: GitHub skips the line';
  if (/[[\]]/.test(pattern)) {
    return '`[ ]` character ranges do not work in CODEOWNERS: GitHub skips the line; name the paths, or use `*` or `?`';
  }
  if (/^\/+$/.test(pattern)) return 'the pattern `/` matches nothing in CODEOWNERS; write `*` for every file';
  if (pattern !== pattern.trim()) return 'the pattern has leading or trailing spaces';
  if (pattern.split('/').some((segment) => segment === '.' || segment === '..')) {
    // A changed path never has a `.` or `..` segment, so the pattern would protect nothing.
    const root = pattern.replace(/^(?:\.\/)+/, '/');
    return `a \`.\` or \`..\` segment matches no path (paths are repository-relative); ${root === pattern ? 'name the path from the repository root' : `write \`${root}\` for a path from the repository root`}`;
  }
  return null;
}

/** The minimatch globs equivalent to one CODEOWNERS pattern. */
export function patternGlobs(pattern: string): string[] {
  let body = pattern.replace(/[[\]]/g, (c) => `\\${c}`); // literal, for callers that skip patternProblem
  const directoryOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  if (body === '') return ['**']; // `/`: the whole repository
  const base = anchored ? body : `**/${body}`;
  if (directoryOnly) return [`${base}/**`];
  const last = body.slice(body.lastIndexOf('/') + 1);
  if (last === '**' || /[*?]/.test(last)) return [base];
  return [base, `${base}/**`];
}

export function compilePattern(pattern: string): CompiledPattern {
  // The prefilter rejects most paths without minimatch's segment-by-segment match.
  // matcherOf answers as mm.match does, in linear time (minimatch's own matcher backtracks).
  const matchers = patternGlobs(pattern).map((glob) => {
    const mm = new Minimatch(glob, OPTIONS);
    return { mm, match: matcherOf(mm), mayMatch: prefilterOf(mm) };
  });
  const reach = (path: string): DirectoryReach => {
    const all = matchers.map((m) => directoryReach(m.mm, path));
    return all.includes('covers') ? 'covers' : all.includes('below') ? 'below' : null;
  };
  return { pattern, matches: (path) => matchers.some((m) => m.mayMatch(path) && m.match(path)), reach };
}

/** Index of the last pattern matching `path` (CODEOWNERS precedence), or -1 when none does. */
export function lastMatch(path: string, patterns: readonly CompiledPattern[]): number {
  for (let i = patterns.length - 1; i >= 0; i--) if (patterns[i]!.matches(path)) return i;
  return -1;
}

/** Where GitHub looks for CODEOWNERS, in its order: the first that exists is used. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersEntry {
  pattern: CompiledPattern;
  /** `@user`, `@org/team` or an email, as written. */
  owners: string[];
  line: number;
}

export interface Codeowners {
  entries: CodeownersEntry[];
  /** Lines GitHub would skip (e.g. a `!` pattern), with why. */
  problems: { line: number; message: string }[];
}

/** GitHub's owner forms: `@user`, `@org/team`, an e-mail address. */
const OWNER = /^(?:@[\w.-]+(?:\/[\w.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/** Parse CODEOWNERS text: `pattern owner...` per line, `#` comments, `\ ` escapes a space. */
export function parseCodeowners(text: string): Codeowners {
  const entries: CodeownersEntry[] = [];
  const problems: Codeowners['problems'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const tokens = line.match(/(?:\\ |\S)+/g) ?? [];
    const pattern = tokens[0]!.replace(/\\ /g, ' ');
    const problem = patternProblem(pattern);
    if (problem !== null) {
      problems.push({ line: i + 1, message: problem });
      return;
    }
    // GitHub skips a line with an invalid owner (e.g. a name without `@`): its earlier matches stand.
    const invalid = tokens.slice(1).find((owner) => !OWNER.test(owner));
    if (invalid !== undefined) {
      problems.push({ line: i + 1, message: `\`${invalid}\` is not an owner (@user, @org/team or an e-mail address)` });
      return;
    }
    entries.push({ pattern: compilePattern(pattern), owners: tokens.slice(1), line: i + 1 });
  });
  return { entries, problems };
}

/**
 * The owners of `path`: the last matching line wins, as on GitHub (an entry without owners un-owns).
 * For a submodule's path (`directory`), a line covering the whole directory matches it too
 * (`/vendor/secure/` owns the submodule `vendor/secure`).
 */
export function ownersOf(codeowners: Codeowners, path: string, directory = false): string[] {
  for (let i = codeowners.entries.length - 1; i >= 0; i--) {
    const entry = codeowners.entries[i]!;
    if (entry.pattern.matches(path) || (directory && entry.pattern.reach?.(path) === 'covers')) return entry.owners;
  }
  return [];
}
