// The repository reader over the file system, for `--diff` input: there is no commit, so every
// ref reads the work tree as it is. Symlinks are reported as links, as git would.
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describeFsError } from '../errors.ts';
import { readTextFile } from '../read-text.ts';
import { RepoReadError, type RepoEntry, type RepoReader } from './reader.ts';

export class WorkTreeReader implements RepoReader {
  readonly label = 'the work tree';
  constructor(private readonly root: string) {}

  async entryAt(_ref: string, path: string): Promise<RepoEntry> {
    const file = join(this.root, path);
    try {
      const stat = lstatSync(file);
      if (stat.isSymbolicLink()) return { kind: 'symlink', target: readlinkSync(file, 'utf8') };
      if (!stat.isFile()) return { kind: 'other', type: stat.isDirectory() ? 'directory' : 'special file' };
      // Bounded as every named file is (a policy or plan of gigabytes is refused, not read).
      return { kind: 'file', text: readTextFile(file) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
      throw new RepoReadError(`could not read ${path}: ${describeFsError(err)}`);
    }
  }
}
