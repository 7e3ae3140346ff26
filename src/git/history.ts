// The per-commit history of a git range for secret scanning: `git log -p base..head`, streamed,
// keeping only the added lines that the net diff does not contain (a line one commit added and a
// later one removed is still on the server in that commit). Memory: the kept lines only. A file
// git calls binary has no lines in the log: its blob in that commit is read for its printable
// runs, as the net diff's binary files are (history-binary.ts).
import { type History, NetLines, historyFile } from '../diff/history.ts';
import { CombinedHunk } from '../diff/combined.ts';
import { hunkHead } from '../diff/hunk-text.ts';
import { unquoteName } from '../diff/quote.ts';
import { LineSplitter, MAX_LINE_BYTES } from '../diff/lines.ts';
import type { ChangeSet, DiffLine, FileChange } from '../model.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import { ruleMayRun } from '../policy/resolved-rule.ts';
import { type BinaryInHistory, readBinaries } from './history-binary.ts';
import { openGit } from './run.ts';
import { type RepoPaths, repoPathsAt, Sandbox } from './sandbox.ts';
import { spoolGit } from './spool.ts';

// Merges too, as combined diffs (`--cc`): a line a merge brings that neither parent has (an "evil
// merge", or a conflict resolved by writing something new) is in no other commit of the range.
const LOG_ARGS = [
  'log', '-p', '--cc', '--reverse', '--no-color', '--no-ext-diff', '--no-textconv', '-M',
  '--submodule=short', '--src-prefix=a/', '--dst-prefix=b/', '--no-relative', '--format=%x00%H',
  // Each commit's changes as raw lines first (full blob ids, exact paths), in the order of its patches.
  '--raw', '--no-abbrev',
];
// A raw line: `:` and the modes and ids of the old and new sides, or for a merge one `:`, one
// mode and one id per parent before the merge's own (`::100644 100644 100644 <a> <b> <c> MM`).
const RAW = /^:+(?:\d+ )+(?:[0-9a-f]+ )*([0-9a-f]+) [A-Z]+\d*\t(?:.*\t)?(.+)$/;

/** A line-at-a-time reader of `git log -p --format=%x00%H` output. */
class LogReader {
  readonly history: History = [];
  private sha = '';
  private files: FileChange[] = [];
  private path = '';
  private kept: DiffLine[] = [];
  /** New-side numbers of the kept lines that were cut. */
  private keptCut: number[] = [];
  private oldLeft = 0;
  private newLeft = 0;
  private newLine = 0;
  /** The next line was cut at the line-length limit (LineSplitter says so before handing it on). */
  private cut = false;
  /** A merge's combined hunk being read. */
  private combined: CombinedHunk | undefined;
  /** The current commit's raw lines (its files, in the order of their patches), and the patch being read. */
  private raw: { blob: string; path: string; binary?: boolean }[] = [];
  /** A merge's raw lines by path, made at its first combined patch (its raw lines all come before). */
  private rawAt: Map<string, number> | undefined;
  private patch = -1;
  /** The binary files each commit added or changed: their blob there (read once the log is done). */
  readonly binaries: BinaryInHistory[] = [];

  constructor(
    private readonly net: NetLines,
    /** Called for each added line read only in part. */
    private readonly onCutAdded: () => void = () => {},
  ) {}

  lineCut(): void {
    this.cut = true;
  }

  text(chunk: string): void {
    let pos = 0;
    while (pos < chunk.length) {
      let nl = chunk.indexOf('\n', pos);
      if (nl < 0) nl = chunk.length;
      const end = nl > pos && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(chunk.slice(pos, end));
      pos = nl + 1;
    }
  }

  private line(l: string): void {
    const cut = this.cut;
    this.cut = false;
    if (this.combined && this.combinedLine(l, cut)) return;
    if (this.oldLeft > 0 || this.newLeft > 0) {
      const c = l[0];
      if (c === '+' && this.newLeft > 0) {
        this.keep(this.newLine, l.slice(1), cut);
        this.newLine++;
        this.newLeft--;
        return;
      }
      if (c === '-' && this.oldLeft > 0) return void this.oldLeft--;
      if ((c === ' ' || c === undefined) && this.oldLeft > 0 && this.newLeft > 0) {
        this.oldLeft--;
        this.newLeft--;
        this.newLine++;
        return;
      }
      if (c === '\\') return;
      this.oldLeft = this.newLeft = 0;
    }
    if (l.startsWith('\0')) {
      this.finishCommit();
      this.sha = l.slice(1).trim();
    } else if (l.startsWith(':')) {
      const m = RAW.exec(l);
      if (m) this.raw.push({ blob: m[1]!, path: unquoteName(m[2]!) });
    } else if (l.startsWith('diff --git ')) {
      this.finishFile();
      this.path = '';
      this.patch++;
    } else if (l.startsWith('diff --cc ') || l.startsWith('diff --combined ')) {
      this.finishFile();
      this.path = '';
      // A merge's raw lines list every file that differs from all its parents, its patches only
      // those with a hunk none of them has: the patch is found by its name, not its place.
      const name = unquoteName(l.slice(l.indexOf(' ', 5) + 1));
      if (this.rawAt === undefined) {
        this.rawAt = new Map();
        for (const [i, r] of this.raw.entries()) if (!this.rawAt.has(r.path)) this.rawAt.set(r.path, i);
      }
      this.patch = this.rawAt.get(name) ?? -1;
    } else if (l.startsWith('@@@')) {
      const c = CombinedHunk.parse(l);
      if (c && this.path) this.combined = c;
    } else if (l.startsWith('Binary files ')) {
      const entry = this.raw[this.patch];
      if (entry) entry.binary = true;
    } else if (l.startsWith('+++ ')) {
      const name = unquoteName(l.slice(4));
      this.path = name.startsWith('b/') ? name.slice(2) : name === '/dev/null' ? '' : name;
    } else if (l.startsWith('@@ ')) {
      const head = hunkHead(l);
      if (!head || !this.path) return;
      this.oldLeft = head.oldLines;
      this.newLine = head.newStart;
      this.newLeft = head.newLines;
    }
  }

  /**
   * A line of a merge's combined hunk, or false when the hunk has ended before it. Kept: a line
   * every parent lacks (a `+` in each column), which only the merge brings.
   */
  private combinedLine(l: string, cut: boolean): boolean {
    const hunk = this.combined!;
    const kind = hunk.line(l);
    if (kind === undefined) {
      this.combined = undefined;
      return false;
    }
    const parents = hunk.parents;
    if (kind === 'added' && l.slice(0, parents) === '+'.repeat(parents)) this.keep(hunk.hunk.added.at(-1)!.line, l.slice(parents), cut);
    if (hunk.done) this.combined = undefined;
    return true;
  }

  /** An added line of the current file, kept unless the net diff has it (which notes it there, if cut: git/index.ts). */
  private keep(line: number, content: string, cut: boolean): void {
    if (this.net.covers(this.path, content)) return;
    if (cut) {
      this.onCutAdded();
      this.keptCut.push(line);
    }
    this.kept.push({ line, content });
  }

  private finishFile(): void {
    if (this.kept.length > 0 && this.path) this.files.push(historyFile(this.path, this.kept, this.keptCut));
    this.kept = [];
    this.keptCut = [];
  }

  finishCommit(): void {
    this.finishFile();
    if (this.sha) {
      this.history.push({ sha: this.sha, files: this.files });
      // A deleted file's new blob is all zeros: nothing of it is in this commit.
      for (const r of this.raw) if (r.binary && !/^0+$/.test(r.blob)) this.binaries.push({ sha: this.sha, path: r.path, blob: r.blob });
    }
    this.files = [];
    this.raw = [];
    this.rawAt = undefined;
    this.patch = -1;
  }
}

/**
 * The added lines of each commit in `base..head` that the net diff `files` does not contain.
 * Commits whose lines are all in the net diff do not appear.
 */
export async function readHistory(
  root: string,
  base: string,
  head: string,
  files: readonly FileChange[],
  /** Called for each added line read only in part (longer than the line-length limit). */
  onCut: () => void = () => {},
): Promise<History> {
  const net = new NetLines(files);
  const reader = new LogReader(net, onCut);
  // A line over the splitter's limit keeps its first part (the net diff's parser does the same),
  // and the caller hears of an added line so read.
  const splitter = new LineSplitter({ lines: (text) => reader.text(text), lineCut: () => reader.lineCut() });
  // In a sandbox, as the net diff runs: no work tree, so no .gitattributes of the checkout can
  // turn a file binary and hide what a commit added (see sandbox.ts).
  const sandbox = new Sandbox(await repoPaths(root));
  try {
    await spoolGit(sandbox.dir, [...LOG_ARGS, `${base}..${head}`, '--'], (chunk) => splitter.push(chunk), { env: sandbox.env });
    splitter.end();
    reader.finishCommit();
    if (reader.binaries.length > 0) await readBinaries(sandbox, reader.binaries, reader.history, net);
  } finally {
    sandbox.dispose();
  }
  return reader.history.filter((entry) => entry.files.length > 0);
}

/** The work tree's git directories, from the file system when it can tell, else from git. */
export async function repoPaths(root: string): Promise<RepoPaths> {
  const known = repoPathsAt(root);
  if (known) return known;
  const [gitDir = '', commonDir = ''] = (await openGit(root).raw(['rev-parse', '--absolute-git-dir', '--git-common-dir'])).trim().split('\n');
  return { root, gitDir, commonDir: commonDir.startsWith('/') ? commonDir : `${gitDir}/${commonDir}` };
}

/** The rule that reads ChangeSet.history (a secret pushed in one commit and removed in a later one). */
function readsHistory(policy: ResolvedPolicy): boolean {
  return ruleMayRun(policy.rules['secret-leakage']);
}

/** Each change's history, read once however many policies judge it (a backtest's memoised change). */
const read = new WeakMap<ChangeSet, Promise<void>>();

/**
 * Add the per-commit history of a git range (added lines the net diff lacks) when a rule that reads
 * it runs: one streamed `git log -p` over the range, so the cost follows the commits, and only then.
 */
export function addHistory(root: string, change: ChangeSet, policy: ResolvedPolicy): Promise<void> {
  if (change.commits.length < 2 || !readsHistory(policy)) return Promise.resolve();
  let done = read.get(change);
  if (!done) read.set(change, (done = readInto(root, change)));
  return done;
}

async function readInto(root: string, change: ChangeSet): Promise<void> {
  let cut = 0;
  const history = await readHistory(root, change.base, change.head, change.files, () => cut++);
  if (history.length > 0) change.history = history;
  if (cut > 0) {
    (change.notes ??= []).push(
      `${cut} added line${cut === 1 ? '' : 's'} in the range's commits (git log -p) ${cut === 1 ? 'is' : 'are'} longer than ${MAX_LINE_BYTES} bytes: ` +
        'only the first part was scanned for secrets a commit added and a later one removed',
    );
  }
}
