// Where git runs when attributes matter: against the repository's object store, but with an empty
// directory as its work tree and cwd and a missing file as its index. A tree-to-tree `git diff`
// reads .gitattributes from the work tree (and the index), which a pull request's checkout
// controls: a change adding `* -diff` would turn its own files binary. With nothing there, the
// diff decides text or binary by content only; the attributes that classify files are read at
// the base commit instead (attributes.ts). Costs one empty temp directory, whatever the repository.
import { mkdtempSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { untilDone } from '../interrupt.ts';

export interface RepoPaths {
  /** Top of the work tree. */
  root: string;
  /** The repository's git directory (a worktree's own one for a linked worktree). */
  gitDir: string;
  /** Where shared files such as info/attributes live (the main git directory). */
  commonDir: string;
}

/** `<gitDir>/commondir` names the shared directory of a linked worktree. */
function commonDirOf(gitDir: string): string {
  try {
    return resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    return gitDir;
  }
}

/**
 * The git directory of the work tree at `root`, read from the file system as git does (a `.git`
 * directory, or a `.git` file saying `gitdir: <path>`), so that the diff can start before any git
 * process has answered. Undefined when the environment overrides discovery or the layout is odd:
 * then `git rev-parse` answers.
 */
export function repoPathsAt(root: string): RepoPaths | undefined {
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || process.env.GIT_COMMON_DIR) return undefined;
  const dotGit = join(root, '.git');
  try {
    const st = statSync(dotGit);
    if (st.isDirectory()) return { root, gitDir: dotGit, commonDir: dotGit };
    if (!st.isFile()) return undefined;
    const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    if (!m) return undefined;
    const gitDir = resolve(root, m[1]!.trim());
    if (!statSync(gitDir).isDirectory()) return undefined;
    return { root, gitDir, commonDir: commonDirOf(gitDir) };
  } catch {
    return undefined;
  }
}

export class Sandbox {
  /** The empty directory: cwd and work tree of the commands run in it. */
  readonly dir: string;
  /** GIT_DIR, GIT_WORK_TREE and a GIT_INDEX_FILE that does not exist. */
  readonly env: Record<string, string>;

  constructor(readonly repo: RepoPaths) {
    const dir = mkdtempSync(join(tmpdir(), 'prguard-git-'));
    this.dir = dir;
    this.env = { GIT_DIR: repo.gitDir, GIT_WORK_TREE: dir, GIT_INDEX_FILE: join(dir, 'no-index') };
    // Removed also when a signal stops the run before dispose (src/interrupt.ts).
    this.forget = untilDone(() => rmSync(dir, { recursive: true, force: true }));
  }

  private readonly forget: () => void;

  /** A path inside the sandbox for a file of our own (never the diff's index). */
  file(name: string): string {
    return join(this.dir, name);
  }

  dispose(): void {
    this.forget();
    try {
      // Mostly still empty: rmdir spares the recursive removal, whose code node loads on first use
      // (about 1 ms, after git has exited).
      rmdirSync(this.dir);
    } catch {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
