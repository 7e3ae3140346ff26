// Which paths one file of a diff names, from every line that names it: the `diff --git` (or
// `diff --cc`) line, `---`/`+++`, and `rename`/`copy` lines. Names that disagree, and paths that
// leave the repository, are refused: a diff is parsed or refused, never half-read.
import { normalisePath, prefixesOf, strip, stripSingle, type Prefixes } from './paths.ts';
import { gitHeaderPairs } from './quote.ts';

export interface FileNames {
  /** The text after `diff --git `. */
  gitHeader?: string;
  /** The name of a combined diff's `diff --cc NAME` / `diff --combined NAME` (no prefix). */
  combined?: string;
  /** Raw name on the `---` line; null for `/dev/null`; undefined when there was none. */
  minus?: string | null;
  plus?: string | null;
  /** `rename from`/`copy from` and `rename to`/`copy to`: exact, no prefix. */
  from?: string;
  to?: string;
}

export type Resolved =
  | { oldPath?: string; newPath?: string; prefixes?: Prefixes }
  | { problem: string };

function dropFirst(name: string): string {
  const slash = name.indexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

function normalised(name: string | undefined): { path?: string } | { problem: string } {
  if (name === undefined) return {};
  return normalisePath(name);
}

/**
 * Resolves the file's old and new paths. `known` is the prefix pair an earlier file of the same
 * diff used (it decides a plain diff's lone name next to `/dev/null`).
 */
export function resolveNames(n: FileNames, known: Prefixes | undefined): Resolved {
  if (n.combined !== undefined) {
    const r = normalisePath(n.combined);
    if ('problem' in r) return r;
    return { oldPath: n.minus === null ? undefined : r.path, newPath: n.plus === null ? undefined : r.path };
  }
  const pairs = n.gitHeader === undefined ? [] : gitHeaderPairs(n.gitHeader);
  if (n.gitHeader !== undefined && pairs.length === 0) return { problem: 'cannot read the two names on the `diff --git` line' };
  const { minus, plus, from, to } = n;
  let prefixes: Prefixes | undefined;
  if (typeof minus === 'string' && typeof plus === 'string') prefixes = prefixesOf(minus, plus, from, to);
  let pair: [string, string] | undefined;
  for (const p of pairs) {
    const found = prefixesOf(p[0], p[1], from, to);
    if (!found) continue;
    if (!consistent(p, found, prefixes ?? found, n)) continue;
    pair = p;
    prefixes ??= found;
    break;
  }
  if (n.gitHeader !== undefined && pair === undefined && pairs.length > 0 && (minus != null || plus != null || from !== undefined)) {
    return { problem: 'the names on the `diff --git` line disagree with the `---`/`+++` or `rename`/`copy` lines' };
  }
  let oldName = from;
  let newName = to;
  if (oldName === undefined && typeof minus === 'string') oldName = side(minus, 'src', prefixes, known, n.gitHeader);
  if (newName === undefined && typeof plus === 'string') newName = side(plus, 'dst', prefixes, known, n.gitHeader);
  if (pair && prefixes) {
    if (oldName === undefined && minus !== null) oldName = strip(pair[0], prefixes.src);
    if (newName === undefined && plus !== null) newName = strip(pair[1], prefixes.dst);
  } else if (pairs.length > 0 && minus === undefined && plus === undefined && from === undefined) {
    // A `diff --git` line alone (a mode change, a binary file) whose names do not pair up: like
    // `git apply`, take one leading component off each.
    oldName = dropFirst(pairs[0]![0]);
    newName = dropFirst(pairs[0]![1]);
  }
  const o = normalised(oldName);
  if ('problem' in o) return o;
  const w = normalised(newName);
  if ('problem' in w) return w;
  return { oldPath: o.path, newPath: w.path, prefixes };
}

/** A `---`/`+++` name without its prefix. */
function side(raw: string, which: 'src' | 'dst', prefixes: Prefixes | undefined, known: Prefixes | undefined, header: string | undefined): string {
  if (prefixes) return strip(raw, prefixes[which]) ?? raw;
  // A plain diff: a lone name next to /dev/null, or a rename without rename lines (`-p1`).
  if (header === undefined) return stripSingle(raw, which, known);
  return dropFirst(raw);
}

/** Does the header pair name the same files as the `---`/`+++` lines? */
function consistent(pair: [string, string], fromHeader: Prefixes, fromLines: Prefixes, n: FileNames): boolean {
  if (typeof n.minus === 'string' && strip(pair[0], fromHeader.src) !== strip(n.minus, fromLines.src)) return false;
  if (typeof n.plus === 'string' && strip(pair[1], fromHeader.dst) !== strip(n.plus, fromLines.dst)) return false;
  return true;
}
