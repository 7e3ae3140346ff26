// File names in a diff: which prefix (`a/`, `b/`, none, `--src-prefix`/`--dst-prefix`) each side
// carries, and the repository-relative path it names once normalised.
//
// git writes `diff --git <src-prefix>OLD <dst-prefix>NEW` and the same names on `---`/`+++`;
// `rename from`/`copy from` lines carry no prefix. `git apply` assumes one leading component
// (`-p1`), which drops the first directory of a `--no-prefix` diff. Here the prefixes are read
// from the names themselves: equal names mean no prefix (a modification names one path twice),
// names equal after their first component mean `a/`-style prefixes, and rename lines give the
// prefixes exactly.

/** The longest path accepted (PATH_MAX on Linux). */
export const MAX_PATH = 4096;

/** Collapses repeated slashes, as git does when it reads a patch (`a//x` is `a/x`). */
function squash(name: string): string {
  return name.replace(/\/{2,}/g, '/');
}

/** The name without its first component (`a/src/x` -> `src/x`), or undefined without a slash. */
function dropFirst(name: string): string | undefined {
  const slash = name.indexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : undefined;
}

export interface Prefixes {
  src: string;
  dst: string;
}

/**
 * The prefixes of a pair of raw names that name the same path (or the paths `from`/`to` of a
 * rename or copy, when known), or undefined when the pair cannot be such names.
 */
export function prefixesOf(oldRaw: string, newRaw: string, from?: string, to?: string): Prefixes | undefined {
  const o = squash(oldRaw);
  const n = squash(newRaw);
  if (from !== undefined && to !== undefined) {
    const f = squash(from);
    const t = squash(to);
    if (!o.endsWith(f) || !n.endsWith(t)) return undefined;
    const src = o.slice(0, o.length - f.length);
    const dst = n.slice(0, n.length - t.length);
    return (src === '' || src.endsWith('/')) && (dst === '' || dst.endsWith('/')) ? { src, dst } : undefined;
  }
  if (o === n) return { src: '', dst: '' };
  const o1 = dropFirst(o);
  if (o1 !== undefined && o1 === dropFirst(n)) return { src: o.slice(0, o.length - o1.length), dst: n.slice(0, n.length - o1.length) };
  // Prefixes of several components, or only on one side: the longest common tail after a slash.
  let k = 0;
  while (k < o.length && k < n.length && o[o.length - 1 - k] === n[n.length - 1 - k]) k++;
  let tail = o.slice(o.length - k);
  if (k < o.length || k < n.length) {
    const slash = tail.indexOf('/');
    tail = slash >= 0 ? tail.slice(slash + 1) : '';
  }
  const src = o.slice(0, o.length - tail.length);
  const dst = n.slice(0, n.length - tail.length);
  if (tail === '' || !(src === '' || src.endsWith('/')) || !(dst === '' || dst.endsWith('/'))) return undefined;
  return { src, dst };
}

/** `raw` without `prefix`, or undefined when it does not start with it. */
export function strip(raw: string, prefix: string): string | undefined {
  const s = squash(raw);
  return s.startsWith(prefix) ? s.slice(prefix.length) : undefined;
}

/**
 * A name of a plain diff whose other side is `/dev/null`: the prefix an earlier file of the
 * same diff used, else git's conventional `a/` (old side) or `b/` (new side), else none.
 */
export function stripSingle(raw: string, side: 'src' | 'dst', known: Prefixes | undefined): string {
  const s = squash(raw);
  if (known && s.startsWith(known[side]) && known[side] !== '') return s.slice(known[side].length);
  const conventional = side === 'src' ? 'a/' : 'b/';
  return s.startsWith(conventional) ? s.slice(2) : s;
}

/**
 * The repository-relative form of a path: `.` segments dropped and `..` resolved. Returns the
 * reason instead when it is absolute, leaves the repository root or names no file.
 */
export function normalisePath(name: string): { path: string } | { problem: string } {
  if (name.startsWith('/')) return { problem: `the path "${name}" is absolute: a diff names files relative to the repository root` };
  if (/^[A-Za-z]:[\\/]/.test(name)) return { problem: `the path "${name}" is absolute: a diff names files relative to the repository root` };
  // Most names are normal already (no empty, `.` or `..` segment): kept as they are.
  if (name !== '' && !NOT_NORMAL.test(name)) {
    return name.length > MAX_PATH ? tooLong(name.length) : { path: name };
  }
  const out: string[] = [];
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return { problem: `the path "${name}" leaves the repository root` };
      out.pop();
    } else out.push(seg);
  }
  if (out.length === 0) return { problem: `the path "${name}" names no file` };
  const path = out.join('/');
  if (path.length > MAX_PATH) return tooLong(path.length);
  return { path };
}

/** An empty, `.` or `..` segment: `//`, a leading or trailing `/`, `./`, `../`, `/.`, `/..`. */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;

const tooLong = (length: number) => ({ problem: `a path is longer than ${MAX_PATH} characters (${length}): no file system checks it out` });
