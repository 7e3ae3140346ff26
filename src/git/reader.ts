// The repository reader over local git: what a commit holds at a path, symlinks as links.
import { RepoReadError, type RepoEntry, type RepoReader } from '../repo/reader.ts';
import { type Git, openGit } from './run.ts';

/** `git ls-tree` modes: 120000 a symlink, 160000 a submodule, 040000 a tree, else a blob. */
function kindOfMode(mode: string): 'symlink' | 'file' | 'submodule' | 'directory' {
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'submodule';
  if (mode === '040000') return 'directory';
  return 'file';
}

export class GitRepoReader implements RepoReader {
  readonly label = 'git';
  private readonly git: Git;

  constructor(root: string) {
    this.git = openGit(root);
  }

  async entryAt(ref: string, path: string): Promise<RepoEntry> {
    let listing: string;
    try {
      listing = await this.git.raw(['ls-tree', '-z', '--full-tree', ref, '--', path]);
    } catch (err) {
      const first = (err as Error).message.trim().split('\n')[0];
      throw new RepoReadError(`could not read ${path} at ${ref.slice(0, 12)} with git: ${first}`);
    }
    const record = listing.split('\0').find((r) => r.endsWith(`\t${path}`));
    if (!record) return { kind: 'absent' };
    const [mode = '', , oid = ''] = record.slice(0, record.indexOf('\t')).split(' ');
    const kind = kindOfMode(mode);
    if (kind === 'submodule' || kind === 'directory') return { kind: 'other', type: kind };
    let text: string;
    try {
      text = await this.git.raw(['cat-file', 'blob', oid]);
    } catch (err) {
      throw new RepoReadError(`could not read ${path} at ${ref.slice(0, 12)} with git: ${(err as Error).message.trim()}`);
    }
    return kind === 'symlink' ? { kind: 'symlink', target: text } : { kind: 'file', text };
  }
}
