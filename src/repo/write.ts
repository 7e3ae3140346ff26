// Writes a file prguard makes in the repository (`prguard init`'s, the secrets baseline where the
// policy names it), inside the repository only: a clone may hold a symlink
// where a file goes (`.github/prguard.yml -> ~/.bashrc`) or a directory on the way
// (`.github -> /elsewhere`), and writing through it would create or overwrite a file outside the
// work tree. A symlink in the file's place counts as an existing file (kept, or replaced as a
// link by --force, never written through); a directory on the way that leads out is refused.
import { lstatSync, mkdirSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { describeFsError, UsageError } from '../errors.ts';

/** Something is at `path` (a file, a directory, or a symlink, even one that points nowhere). */
export function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Writes `text` to `rel` under `root`, replacing a file or a symlink there, never through one. */
export function writeInRepo(root: string, rel: string, text: string): void {
  const path = join(root, rel);
  try {
    const dir = dirname(path);
    if (!inside(root, path)) throw new UsageError(`cannot write ${rel}: it is outside the repository`);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTDIR') throw err;
      throw new UsageError(`cannot write ${rel}: a file is in the way of the directory ${relative(root, dir)}; move it, or write the file by hand`);
    }
    if (!inside(realpathSync(root), realpathSync(dir))) {
      throw new UsageError(`cannot write ${rel}: ${relative(root, dir)} leads outside the repository (a symlink); write the file by hand`);
    }
    const there = lstatSync(path, { throwIfNoEntry: false });
    if (there?.isSymbolicLink()) unlinkSync(path);
    writeFileSync(path, text, { flag: there !== undefined && !there.isSymbolicLink() ? 'w' : 'wx' });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot write ${rel}: ${describeFsError(err)}`);
  }
}
