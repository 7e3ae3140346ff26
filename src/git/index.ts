// The local git source: a ChangeSet for head against a base, read from the repository.
// `git diff base...head` (git finds the merge-base) is the first git process, as soon as the git
// directory is known; while it streams through the parser, one `rev-parse` answers the top of
// the work tree, head's commit and the merge-base, the branch and the log are read, and each
// finished file's path goes to `git check-attr` at the base (and a binary file's content to the
// content scan).
import { releaseLines } from '../diff/hunk-text.ts';
import { DiffStream } from '../diff/index.ts';
import { noFileChangedNote } from '../empty-change.ts';
import { UsageError } from '../errors.ts';
import type { ChangeSet, Commit, FileChange } from '../model.ts';
import { attributesChangeNotes, BaseAttributes } from './attributes.ts';
import { branchOfName } from './branch.ts';
import { readCommits } from './commits.ts';
import { ContentScanner, wantsContentScan } from './content-scan.ts';
import { RefusedRepositoryError } from './failure.ts';
import { isObjectId } from './object-id.ts';
import { defaultBaseRef, isPlainRef, type RangeAnswer, resolveRange, verifyCommit } from './range.ts';
import { assertRangeNotCut } from './shallow.ts';
import { RENAME_LIMIT, renameNote } from './renames.ts';
import { type Git, openGit } from './run.ts';
import { atLeast, gitVersion } from './version.ts';
import { type RepoPaths, repoPathsAt, Sandbox } from './sandbox.ts';
import { spoolGit } from './spool.ts';

export { CONTENT_SCAN_LIMIT } from './content-scan.ts';
export { RENAME_LIMIT } from './renames.ts';

export interface GitSourceOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** Base ref; default: the remote's default branch (or the upstream). */
  base?: string;
  /** Head ref; default HEAD. */
  head?: string;
  /** The top of the work tree, when the caller already found it (see repoRoot). */
  root?: string;
  /**
   * Receives each file once it is final, all but its attributes (see ChangeSource.load). The line
   * objects it reads are released when it returns (they are made again from the hunk's text if
   * read later: hunk-text.ts), so a big change holds its text, not two objects per line.
   */
  onFile?: (file: FileChange) => void;
  /** Receives the merge-base (the change's `base`) as soon as git has answered it. */
  onBase?: (base: string) => void;
  /** Read the branch `head` names into `ChangeSet.branch` (see branch.ts), while the diff runs. */
  readBranch?: boolean;
  /** git's rename limit for the diff (default RENAME_LIMIT). */
  renameLimit?: number;
  /**
   * `base` and `head` are commit ids and `base` is already their merge-base (an ancestor of
   * `head`), as a push's plan found it: git is not asked for the range again, so the log, the
   * attributes and the policy at the base are read at once, beside the diff. Needs `root`.
   */
  baseIsMergeBase?: boolean;
  /**
   * The range as the caller already had git answer it (tryResolveRange, with the head's full name
   * when `readBranch`): `base` and `head` are then its commits, and git is not asked again.
   */
  range?: RangeAnswer;
}

const DIFF_ARGS = [
  // --full-index: each file's new blob id, by which content-scan.ts reads a binary file.
  'diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--full-index', '--submodule=short',
  '--ignore-submodules=none', '--src-prefix=a/', '--dst-prefix=b/', '--no-relative',
];

/** The top of the git work tree containing `cwd`, or null outside one. */
export async function repoRoot(cwd: string): Promise<string | null> {
  try {
    return (await openGit(cwd).tryRaw(['rev-parse', '--show-toplevel'])) ?? null;
  } catch {
    return null;
  }
}

/**
 * Why `cwd` has no work tree, in words: a bare repository or a git directory is a repository all
 * the same, and "not inside a git repository" would send the user looking for the wrong thing.
 */
export async function whyNoWorkTree(cwd: string, toDo = 'to read a change from'): Promise<string> {
  const where = await gitDirOnly(cwd);
  if (where === 'bare') return `${cwd} is a bare repository: it has no work tree ${toDo}`;
  if (where === 'git-dir') return `${cwd} is inside a .git directory, not in the work tree`;
  return `${cwd} is not inside a git repository`;
}

/**
 * A repository with no work tree at `cwd`: a bare one, or a git directory; null for a work tree or
 * no repository. Throws when git refuses the repository because another user owns it: that is
 * neither, and git's own remedy (safe.directory) is what the user needs to hear.
 */
export async function gitDirOnly(cwd: string): Promise<'bare' | 'git-dir' | null> {
  let out = '';
  try {
    out = await openGit(cwd).raw(['rev-parse', '--is-bare-repository', '--is-inside-git-dir']);
  } catch (err) {
    if (err instanceof RefusedRepositoryError) throw err;
  }
  const [bare, inGitDir] = out.trim().split('\n');
  if (bare === 'true') return 'bare';
  if (inGitDir === 'true') return 'git-dir';
  return null;
}

/** A failure to resolve the range, explained: outside a work tree first, else the refs' own error. */
async function explain(cwd: string, err: unknown): Promise<never> {
  if ((await repoRoot(cwd)) === null) {
    throw new UsageError(
      `${cwd} is not inside a git work tree, so there is no change to check. Run prguard inside a repository, ` +
        'or give it a diff with --diff FILE (or --diff - for stdin).',
    );
  }
  throw err;
}

async function refsOf(git: Git, options: GitSourceOptions): Promise<{ baseRef: string; headRef: string }> {
  const headRef = options.head ?? 'HEAD';
  if (!isPlainRef(headRef)) await verifyCommit(git, headRef, '--head');
  if (options.base !== undefined && !isPlainRef(options.base)) await verifyCommit(git, options.base, '--base');
  // No default base for a head that names nothing: then that is what the user needs to hear.
  const fallback = async (err: unknown): Promise<never> => {
    await verifyCommit(git, headRef, '--head');
    throw err;
  };
  return { headRef, baseRef: options.base ?? (await defaultBaseRef(git, headRef).catch(fallback)) };
}

/** What a started change reports while it is read (see ChangeSource.load). */
export interface GitChangeEvents {
  onFile?: (file: FileChange) => void;
  onBase?: (base: string) => void;
  /** The commits and the head's branch, as soon as git has given them (the change set's own). */
  onCommits?: (commits: readonly Commit[], branch: string | undefined) => void;
}

/** A change whose `git diff` is already running; `load` reads it, once. */
export interface StartedGitChange {
  load(events?: GitChangeEvents): Promise<ChangeSet>;
  /** The merge-base (the change's `base`), as soon as git has answered, loaded or not. */
  base: Promise<string>;
  /** For a change that will not be loaded: stops git and removes its temporary directory. */
  dispose(): void;
}

/**
 * Starts reading the change from `base` (merge-base) to `head` at once: `git diff` runs (into its
 * spool file) while the caller still loads what it needs, and `load` then reads it.
 */
export function startGitChangeSet(options: Omit<GitSourceOptions, 'onFile' | 'onBase'>): StartedGitChange {
  let begin!: (events: GitChangeEvents) => void;
  let cancel!: (err: Error) => void;
  const loaded = new Promise<GitChangeEvents>((resolve, reject) => {
    begin = resolve;
    cancel = reject;
  });
  loaded.catch(() => undefined); // a disposed change is never read
  let answered!: (base: string) => void;
  const base = new Promise<string>((resolve) => (answered = resolve));
  const result = readGitChange(options, loaded, answered);
  result.catch(() => undefined); // surfaces through load()
  return {
    load(events = {}) {
      begin(events);
      return result;
    },
    base,
    dispose: () => cancel(new Error('the change was not read')),
  };
}

/** Reads the change from `base` (merge-base) to `head`: files with hunks and attributes, and commits. */
export function loadGitChangeSet(options: GitSourceOptions): Promise<ChangeSet> {
  return startGitChangeSet(options).load({ onFile: options.onFile, onBase: options.onBase });
}

async function readGitChange(
  options: Omit<GitSourceOptions, 'onFile' | 'onBase'>,
  loaded: Promise<GitChangeEvents>,
  onBase: (base: string) => void,
): Promise<ChangeSet> {
  const git = openGit(options.cwd);
  const { baseRef, headRef } = options.range
    ? { baseRef: options.range.base, headRef: options.range.head }
    : await refsOf(git, options).catch((err: unknown) => explain(options.cwd, err));
  const known = options.range ?? (options.root === undefined ? undefined : repoPathsAt(options.root));
  const given =
    options.range ??
    (options.baseIsMergeBase && known && !options.readBranch && isObjectId(baseRef) && isObjectId(headRef)
      ? { ...known, base: baseRef, head: headRef }
      : undefined);
  // With the git directory known, the diff starts before anything else is asked (readChange).
  let range: Promise<RangeAnswer> | undefined;
  const rangeOf = (): Promise<RangeAnswer> => {
    if (!range) {
      range = given ? Promise.resolve(given) : resolveRange(git, baseRef, headRef, options.readBranch === true);
      range.then((r) => onBase(r.base), () => undefined); // a failure is awaited by readChange
    }
    return range;
  };
  const repo: RepoPaths = known ?? (await rangeOf().catch((err: unknown) => explain(options.cwd, err)));
  const sandbox = new Sandbox(repo);
  try {
    return await readChange(git, sandbox, rangeOf, `${baseRef}...${headRef}`, options, loaded);
  } catch (err) {
    return explain(options.cwd, err);
  } finally {
    sandbox.dispose();
  }
}

async function readChange(
  git: Git,
  sandbox: Sandbox,
  rangeOf: () => Promise<RangeAnswer>,
  symmetric: string,
  options: Omit<GitSourceOptions, 'onFile' | 'onBase'>,
  loaded: Promise<GitChangeEvents>,
): Promise<ChangeSet> {
  const limit = options.renameLimit ?? RENAME_LIMIT;
  let events: GitChangeEvents = {};
  const ready = loaded.then((e) => {
    events = e;
  });
  // Set up right after the diff has started (below), before its first chunk is read.
  const late: { attributes?: BaseAttributes; content?: ContentScanner } = {};
  const stream = new DiffStream({
    onFile: (f) => {
      late.attributes!.add(f.path);
      if (wantsContentScan(f)) late.content!.add(f);
      else {
        events.onFile?.(f);
        releaseLines(f);
      }
    },
  });
  // First: git diff, in the sandbox (no work tree and no index, so no .gitattributes but the
  // base's: sandbox.ts). It starts here, synchronously; the questions below go while it runs,
  // and its output is read once they are set up and the change is loaded.
  const diff = spoolGit(sandbox.dir, [...DIFF_ARGS, `-l${limit}`, '--end-of-options', symmetric, '--'], (chunk) => stream.write(chunk), {
    env: sandbox.env,
    ready,
  });
  const range = rangeOf();
  const branch = options.readBranch ? range.then((r) => branchOfName(r.headName)) : undefined;
  const attributes = (late.attributes = new BaseAttributes(sandbox, range.then((r) => r.base), gitVersion(git).then((v) => atLeast(v, 2, 40))));
  const content = (late.content = new ContentScanner(sandbox, git, range.then((r) => r.head)));
  const log = range.then((r) => readCommits(git, r.base, r.head));
  Promise.all([range, ready]).then(([r]) => events.onBase?.(r.base), () => undefined); // a bad range fails below
  // Only a head start: a failure here (the log's is awaited below) must not surface twice.
  Promise.all([log, branch, ready]).then(([commits, name]) => events.onCommits?.(commits, name)).catch(() => undefined);
  let stderr: string;
  let files: FileChange[];
  /** What the diff's parser read only in part (a line past its length limit). */
  let readInPart: string[];
  let r: RangeAnswer;
  try {
    [stderr, r] = await Promise.all([diff, range]);
    ({ files, notes: readInPart } = stream.end());
    await assertRangeNotCut(git, sandbox.repo.commonDir, r.baseTip ?? r.base, r.head);
  } catch (err) {
    await Promise.allSettled([diff, log, branch, attributes.finish([]), content.finish()]);
    // A bad ref fails both: the range explains it ref by ref.
    await range;
    throw err;
  }
  const [attributeNote] = await Promise.all([attributes.finish(files), content.finish()]);
  if (events.onFile) for (const f of files) if (wantsContentScan(f)) events.onFile(f);
  const [commits, branchName] = await Promise.all([log, branch]);
  // An empty range passes, as it should, but says why: a base that is the branch itself (a
  // single-branch clone's upstream, say) would otherwise pass every change silently.
  // Commits that change no file (a merge that brings nothing) pass too, and say that no file was checked.
  const empty =
    files.length > 0
      ? undefined
      : commits.length === 0
        ? `nothing to check: the head ${r.head.slice(0, 12)} is already in the base, so the range has no commit and no change (pass --base with the branch this change will merge into)`
        : noFileChangedNote(commits.length);
  const notes = [...readInPart, ...attributesChangeNotes(files, r.base), renameNote(stderr, files, limit), attributeNote, empty].filter(
    (n): n is string => n !== undefined,
  );
  return {
    base: r.base,
    head: r.head,
    files,
    commits,
    ...(branchName ? { branch: branchName } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
