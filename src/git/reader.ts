// The repository reader over local git: what a commit holds at a path, symlinks as links.
import { MAX_TEXT_FILE } from '../read-text.ts';
import { parentsOf, RepoReadError, throughLinkedDirectory, tooLarge, type RepoEntry, type RepoReader } from '../repo/reader.ts';
import { type Git, openGit } from './run.ts';

/** `git ls-tree` modes: 120000 a symlink, 160000 a submodule, 040000 a tree, else a blob. */
function kindOfMode(mode: string): 'symlink' | 'file' | 'submodule' | 'directory' {
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'submodule';
  if (mode === '040000') return 'directory';
  return 'file';
}

interface Waiting {
  resolve: (entry: RepoEntry) => void;
  reject: (err: unknown) => void;
}

/**
 * Entries asked for in the same tick at the same commit (the policy's candidate paths, say) are
 * listed by one `git ls-tree` with all their paths: one git process instead of one per path.
 */
export class GitRepoReader implements RepoReader {
  readonly label = 'git';
  private readonly git: Git;
  /** ref -> path -> who waits for it, until the next microtask lists them. */
  private readonly asked = new Map<string, Map<string, Waiting[]>>();

  constructor(root: string) {
    this.git = openGit(root);
  }

  entryAt(ref: string, path: string): Promise<RepoEntry> {
    return new Promise<RepoEntry>((resolve, reject) => {
      let paths = this.asked.get(ref);
      if (!paths) {
        this.asked.set(ref, (paths = new Map()));
        queueMicrotask(() => this.list(ref));
      }
      let waiting = paths.get(path);
      if (!waiting) paths.set(path, (waiting = []));
      waiting.push({ resolve, reject });
    });
  }

  private list(ref: string): void {
    const asked = this.asked.get(ref)!;
    this.asked.delete(ref);
    // ls-tree shows a directory's entry only when no other path asks to look inside it: such a
    // directory is listed on its own.
    const paths = [...asked.keys()];
    const inside = (dir: string): boolean => paths.some((p) => p.startsWith(`${dir}/`));
    const alone = paths.filter(inside);
    const together = paths.filter((p) => !inside(p));
    for (const group of [together, ...alone.map((p) => [p])]) {
      if (group.length > 0) void this.listGroup(ref, group, asked);
    }
  }

  private async listGroup(ref: string, paths: string[], asked: Map<string, Waiting[]>): Promise<void> {
    let listing: string | undefined;
    let failure: string | undefined;
    // The directories on each path's way are listed too, in the same git: one that is a symlink
    // at the commit is listed as such (a directory is looked into), so a path under it is read
    // through it (entryIn) instead of being taken for absent.
    const parents = [...new Set(paths.flatMap(parentsOf))].filter((p) => !paths.includes(p));
    try {
      // Literal: a path (a symlink's target, say) is a name, never pathspec magic such as `:(top)`.
      listing = await this.git.raw(['--literal-pathspecs', 'ls-tree', '-l', '-z', '--full-tree', ref, '--', ...paths, ...parents]);
    } catch (err) {
      failure = (err as Error).message.trim().split('\n')[0];
    }
    for (const path of paths) {
      const waiting = asked.get(path)!;
      const entry =
        listing === undefined
          ? Promise.reject(new RepoReadError(`could not read ${path} at ${ref.slice(0, 12)} with git: ${failure}`))
          : this.entryIn(listing, ref, path);
      entry.then(
        (e) => waiting.forEach((w) => w.resolve(e)),
        (err: unknown) => waiting.forEach((w) => w.reject(err)),
      );
    }
  }

  /** The entry for `path` in an `ls-tree -l -z` listing, its content read when it is a file or link. */
  private async entryIn(listing: string, ref: string, path: string): Promise<RepoEntry> {
    // The path is everything after the first tab (the mode, type and id have none): compared whole,
    // so that `x.md` is not taken for a file named `a<TAB>x.md` listed beside it.
    const records = listing.split('\0');
    const recordOf = (p: string) => records.find((r) => r.indexOf('\t') >= 0 && r.slice(r.indexOf('\t') + 1) === p);
    const record = recordOf(path);
    if (!record) return this.underLink(ref, path, recordOf);
    // `<mode> <type> <id> <size, padded>`: the size tells a file too large to read before it is.
    const [mode = '', , oid = '', size = ''] = record.slice(0, record.indexOf('\t')).split(/ +/);
    const kind = kindOfMode(mode);
    if (kind === 'submodule' || kind === 'directory') return { kind: 'other', type: kind };
    if (Number(size) > MAX_TEXT_FILE) throw tooLarge(path, `at ${ref.slice(0, 12)}`);
    let text: string;
    try {
      text = await this.git.raw(['cat-file', 'blob', oid]);
    } catch (err) {
      throw new RepoReadError(`could not read ${path} at ${ref.slice(0, 12)} with git: ${(err as Error).message.trim()}`);
    }
    return kind === 'symlink' ? { kind: 'symlink', target: text } : { kind: 'file', text };
  }

  /** A path the listing lacks: absent, unless a directory on its way is a symlink at the commit. */
  private underLink(ref: string, path: string, recordOf: (p: string) => string | undefined): Promise<RepoEntry> {
    return throughLinkedDirectory(path, async (dir) => {
      const record = recordOf(dir);
      // Not listed: a directory ls-tree looked into (a path under it was asked too).
      return record ? this.entryIn(record, ref, dir) : { kind: 'other', type: 'directory' };
    });
  }
}
