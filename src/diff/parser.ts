// A streaming parser for unified diffs (git or plain), combined diffs of merges and `git
// format-patch` mailboxes. Feed it whole lines, a decoded chunk at a time (see LineSplitter); it
// never needs the whole text. A hunk's lines are only counted as they pass; the hunk keeps their
// text, and its added and deleted DiffLines are made from it when read (hunk-text.ts). A diff is
// parsed or refused (DiffFormatError), never half-read: a hunk shorter or longer than its header
// says, names that disagree and paths outside the repository are refused.
import type { Commit, FileChange, Hunk } from '../model.ts';
import { CombinedHunk } from './combined.ts';
import { DiffFormatError, DiffLimitError } from './errors.ts';
import { FileHeader } from './header.ts';
import { hunkHead, type HunkText, hunkLineMark, textHunk } from './hunk-text.ts';
import { lineText } from './lines.ts';
import { MailReader } from './mail-reader.ts';
import { type History, patchHistory } from './history.ts';
import { joinTypeChange, mergePatchFiles } from './merge.ts';
import { badHunkHeader, cutNote, gitLogRefused, noHunk, pathTwice, strayHunkLine, truncatedHunk } from './messages.ts';
import { mailStart } from './mbox.ts';
import type { Prefixes } from './paths.ts';

export interface ParsedPatch {
  files: FileChange[];
  /** Commits of a `git format-patch` mailbox, in order; empty for a plain diff. */
  commits: Commit[];
  /** What was read only in part (lines cut at the line-length limit). */
  notes: string[];
  /** Mailboxes of several commits: each commit's added lines that `files` lacks (see history.ts). */
  history?: History;
}

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;

export interface ParserOptions {
  /** Called with each file as soon as it is complete (before mailbox patches are merged). */
  onFile?: (file: FileChange) => void;
  /**
   * Most added and deleted lines kept (each costs about 75 bytes of memory besides its text);
   * past it, DiffLimitError. Default: unlimited.
   */
  maxLines?: number;
}

export class DiffParser {
  constructor(private readonly options: ParserOptions = {}) {}

  private readonly groups: FileChange[][] = [[]];
  private readonly commits: Commit[] = [];
  readonly notes: string[] = [];
  /** Lines consumed so far (the number of the line being read, once counted). */
  private lineNo = 0;
  /** Added and deleted lines kept so far. */
  private kept = 0;
  private header: FileHeader | undefined;
  private known: Prefixes | undefined;
  private hunk: Hunk | undefined;
  /** The current hunk's text, while its lines stream in (not for combined hunks). */
  private text: HunkText | undefined;
  private hunkAt = 0;
  private combined: CombinedHunk | undefined;
  private oldLeft = 0;
  private newLeft = 0;
  /** A plain diff's `---` line outside a file header, waiting for its `+++`. */
  private pendingMinus: { raw: string; line: number } | undefined;
  /** Paths of the current patch, with the line where each started. */
  private seen = new Map<string, number>();
  private readonly mail = new MailReader((commit) => this.commits.push(commit));
  /**
   * A deleted file not handed on yet: git writes a type change (a file replaced by a symlink or a
   * submodule, or back) as the path's deletion then its creation, one change (joinTypeChange).
   */
  private held: { file: FileChange; mode: string | undefined } | undefined;
  /** The current file's lines cut at the length limit: [line of the diff, limit]. */
  private cuts: [number, number][] = [];
  private cutNext = false;

  /** Consumes whole lines: each ends with '\n', except possibly the last line of the input. */
  lines(text: string): void {
    if (this.cutNext) this.markCut(text);
    const len = text.length;
    let pos = 0;
    while (pos < len) {
      if (this.oldLeft > 0 || this.newLeft > 0) {
        pos = this.hunkLines(text, pos);
        continue;
      }
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
      this.lineNo++;
      this.line(lineText(text, pos, nl));
      pos = nl + 1;
    }
  }

  /**
   * Records that the next line was cut at `limit` bytes (only its start is read). Inside a file,
   * the note names it once its path is resolved (finishFile).
   */
  lineCut(limit: number): void {
    if (this.header) this.cuts.push([this.lineNo + 1, limit]);
    else this.notes.push(cutNote(this.lineNo + 1, limit));
    this.cutNext = true;
  }

  /** The cut line, alone in `text` (LineSplitter): an added line goes in its hunk's `cut`. */
  private markCut(text: string): void {
    this.cutNext = false;
    const hunk = this.hunk;
    if (this.mail.active) this.mail.cutNext();
    else if (this.combined) this.combined.cutNext();
    else if (hunk && this.newLeft > 0 && text.charCodeAt(0) === PLUS) (hunk.cut ??= []).push(hunk.newStart + hunk.newLines - this.newLeft);
  }

  /** Finishes parsing and returns the result. Files of several patches are merged (see merge.ts). */
  end(): ParsedPatch {
    this.checkHunkDone();
    if (this.pendingMinus && this.header?.hasHunks) this.strayLine(this.pendingMinus.raw, this.pendingMinus.line);
    this.finishFile();
    this.release();
    this.mail.finish();
    const groups = this.groups.filter((g, i) => g.length > 0 || i > 0 || this.commits.length === 0);
    const files = groups.length <= 1 ? (groups[0] ?? []) : mergePatchFiles(groups);
    if (this.commits.length < 2) return { files, commits: this.commits, notes: this.notes };
    const history = patchHistory(this.commits.map((c) => c.sha), this.groups.slice(1), files);
    return { files, commits: this.commits, notes: this.notes, ...(history.length > 0 ? { history } : {}) };
  }

  /**
   * Reads hunk lines from `pos` while the hunk header's counts last, in one tight loop (this is
   * where nearly all the time goes). Returns where it stopped.
   */
  private hunkLines(text: string, pos: number): number {
    if (this.combined) return this.combinedLine(text, pos);
    const file = this.header!.file;
    const start = pos;
    let { oldLeft, newLeft } = this;
    let additions = 0;
    let deletions = 0;
    let lines = 0;
    const len = text.length;
    while (pos < len && (oldLeft > 0 || newLeft > 0)) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
      const c = hunkLineMark(text, pos, nl);
      lines++;
      if (c === PLUS && newLeft > 0) {
        newLeft--;
        additions++;
      } else if (c === MINUS && oldLeft > 0) {
        oldLeft--;
        deletions++;
      } else if ((c === SPACE || c === -1) && oldLeft > 0 && newLeft > 0) {
        // Context (an empty line is context whose leading space an editor stripped).
        oldLeft--;
        newLeft--;
      } else if (c !== BACKSLASH) {
        this.lineNo += lines;
        this.oldLeft = oldLeft;
        this.newLeft = newLeft;
        this.truncated(lineText(text, pos, nl));
      }
      pos = nl + 1;
    }
    this.text!.text += text.slice(start, Math.min(pos, len));
    this.lineNo += lines;
    file.additions += additions;
    file.deletions += deletions;
    this.kept += additions + deletions;
    if (this.options.maxLines !== undefined && this.kept > this.options.maxLines) throw new DiffLimitError(this.options.maxLines);
    this.oldLeft = oldLeft;
    this.newLeft = newLeft;
    return pos;
  }

  /** One line of a combined hunk. */
  private combinedLine(text: string, pos: number): number {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    this.lineNo++;
    const line = lineText(text, pos, nl);
    const c = this.combined!;
    const kind = c.line(line);
    if (kind === undefined) this.truncated(line);
    if (kind === 'added') this.header!.file.additions++;
    if (kind === 'deleted') this.header!.file.deletions++;
    if (kind === 'added' || kind === 'deleted') this.kept++;
    if (this.options.maxLines !== undefined && this.kept > this.options.maxLines) throw new DiffLimitError(this.options.maxLines);
    if (c.done) this.oldLeft = this.newLeft = 0;
    return nl + 1;
  }

  /** The current hunk ended before its header's counts: a corrupt (cut off) patch. */
  private truncated(text: string | undefined): never {
    const left = this.combined ? this.combined.remaining : Math.max(this.oldLeft, this.newLeft);
    throw truncatedHunk(this.lineNo, this.hunkAt, this.header!.describe(), left, text);
  }

  private checkHunkDone(): void {
    if (this.oldLeft > 0 || this.newLeft > 0) this.truncated(undefined);
  }

  /** A hunk-like line after a hunk that was complete: the hunk is longer than its header says. */
  private strayLine(text: string, line: number): never {
    throw strayHunkLine(line, this.hunkAt, this.header!.describe(), text);
  }

  private line(text: string): void {
    if (this.mail.active) {
      const rest = this.mail.line(text);
      if (rest === undefined) return; // part of the message
      text = rest;
    }
    if (this.pendingMinus) {
      const minus = this.pendingMinus;
      this.pendingMinus = undefined;
      if (text.startsWith('+++ ')) {
        this.startFile(new FileHeader(minus.line, this.known, 'plain'));
        this.header!.line(`--- ${minus.raw}`);
        this.header!.line(text);
        return;
      }
      if (this.header?.hasHunks) this.strayLine(`--- ${minus.raw}`, minus.line);
    }
    const sha = text.startsWith('From ') ? mailStart(text) : undefined;
    if (sha !== undefined) {
      this.finishFile();
      this.release();
      this.groups.push([]);
      this.seen = new Map();
      return this.mail.start(sha);
    }
    if (text.startsWith('diff --git ')) return this.startFile(new FileHeader(this.lineNo, this.known, 'git', text.slice(11)));
    if (text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) {
      return this.startFile(new FileHeader(this.lineNo, this.known, 'combined', text.slice(text.indexOf(' ', 5) + 1)));
    }
    const header = this.header;
    if (text.startsWith('--- ') && !(header && header.wantsNames)) {
      this.pendingMinus = { raw: text.slice(4), line: this.lineNo };
      return;
    }
    if (text.startsWith('commit ') && /^commit [0-9a-f]{40,64}\b/.test(text) && (header || this.groups.some((g) => g.length > 0))) {
      // `git log -p`: its commit messages are not read, so a second commit is refused rather
      // than passed with messages unchecked (one `git show` commit is read as a diff).
      throw gitLogRefused(this.lineNo);
    }
    if (!header) return;
    if (text.startsWith('@@@') && header.kind === 'combined') return this.startCombinedHunk(text);
    if (text.startsWith('@@ ')) return this.startHunk(text);
    if (!header.hasHunks) {
      const problem = header.line(text);
      if (problem) throw new DiffFormatError(this.lineNo, problem);
      return;
    }
    // After a file's hunks: git ignores text up to the next patch, but a line that reads as a
    // hunk line would be silently dropped; `-- ` is format-patch's signature separator (also as
    // `--`, the way an editor that strips trailing spaces leaves it in a pasted patch).
    const c = text.charCodeAt(0);
    if ((c === PLUS || c === MINUS || c === SPACE) && text !== '-- ' && text !== '--') this.strayLine(text, this.lineNo);
  }

  private startHunk(text: string): void {
    const head = this.header!.kind === 'combined' ? undefined : hunkHead(text);
    if (!head) throw badHunkHeader(this.lineNo, false);
    this.header!.beginHunks();
    this.hunkAt = this.lineNo;
    this.text = textHunk(head);
    this.hunk = this.text.hunk;
    this.header!.file.hunks.push(this.hunk);
    this.oldLeft = this.hunk.oldLines;
    this.newLeft = this.hunk.newLines;
  }

  private startCombinedHunk(text: string): void {
    const c = CombinedHunk.parse(text);
    if (!c) throw badHunkHeader(this.lineNo, true);
    this.header!.beginHunks();
    this.hunkAt = this.lineNo;
    this.combined = c;
    this.hunk = c.hunk;
    this.header!.file.hunks.push(c.hunk);
    // Counts only mark "inside a hunk" here; CombinedHunk keeps the real ones.
    this.oldLeft = c.done ? 0 : 1;
    this.newLeft = 0;
  }

  private startFile(header: FileHeader): void {
    this.finishFile();
    this.header = header;
  }

  private finishFile(): void {
    const header = this.header;
    if (!header) return;
    this.header = undefined;
    this.hunk = undefined;
    this.text = undefined;
    this.combined = undefined;
    this.oldLeft = this.newLeft = 0;
    const done = header.finish();
    if ('problem' in done) throw new DiffFormatError(header.startLine, done.problem);
    // git apply refuses it too ("patch with only garbage"): never read as an unchanged file.
    if (header.hasNames && !header.hasHunks && !done.file.binary) throw noHunk(header.startLine, JSON.stringify(done.file.path));
    if (done.prefixes) this.known = done.prefixes;
    for (const [line, limit] of this.cuts) this.notes.push(cutNote(line, limit, done.file.path));
    this.cuts = [];
    const held = this.held;
    if (held && held.file.path === done.file.path && done.file.status === 'added') {
      this.held = undefined;
      joinTypeChange(held.file, held.mode, done.file, header.fileMode);
      this.options.onFile?.(held.file);
      return;
    }
    this.release();
    // A path named twice in one patch is refused (a mailbox's patches may each touch it).
    const first = this.seen.get(done.file.path);
    if (first !== undefined) throw pathTwice(header.startLine, done.file.path, first);
    this.seen.set(done.file.path, header.startLine);
    this.groups[this.groups.length - 1]!.push(done.file);
    if (done.file.status === 'deleted') this.held = { file: done.file, mode: header.fileMode };
    else this.options.onFile?.(done.file);
  }

  /** Hands on the deleted file held back, when the next one is not its type change. */
  private release(): void {
    if (this.held) this.options.onFile?.(this.held.file);
    this.held = undefined;
  }
}
