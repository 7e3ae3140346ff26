// A streaming parser for unified diffs (git or plain) and `git format-patch` mailboxes.
// Feed it whole lines, a decoded chunk at a time (see LineSplitter); it never needs the whole
// text. Context lines are only counted; added and deleted lines become DiffLines. Not read:
// combined diffs of merges (`diff --cc`, `@@@` hunks) — their files appear without hunks.
import type { Commit, FileChange, Hunk } from '../model.ts';
import { lineText } from './lines.ts';
import { type History, patchHistory } from './history.ts';
import { type MailDraft, mailToCommit } from './mail.ts';
import { mergePatchFiles } from './merge.ts';
import { splitGitHeader, stripPrefix, unquoteName } from './quote.ts';

export interface ParsedPatch {
  files: FileChange[];
  /** Commits of a `git format-patch` mailbox, in order; empty for a plain diff. */
  commits: Commit[];
  /** Mailboxes of several commits: each commit's added lines that `files` lacks (see history.ts). */
  history?: History;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
const MAIL_START = /^From ([0-9a-f]{40}) /;
const SUBMODULE_MODE = '160000';
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;
const CR = 13;

/** A name on a `---`/`+++` line: C-quoted, or raw up to a tab (git adds one after names with spaces). */
function patchName(raw: string): string {
  if (raw.startsWith('"')) return unquoteName(raw);
  const tab = raw.indexOf('\t');
  return tab >= 0 ? raw.slice(0, tab) : raw.trimEnd();
}

/** The rest of `text` after `prefix`, or undefined when it does not start with it. */
function afterPrefix(text: string, prefix: string): string | undefined {
  return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
}

function newFile(path: string): FileChange {
  return { path, status: 'modified', binary: false, submodule: false, additions: 0, deletions: 0, hunks: [] };
}

export interface ParserOptions {
  /** Called with each file as soon as it is complete (before mailbox patches are merged). */
  onFile?: (file: FileChange) => void;
}

export class DiffParser {
  constructor(private readonly options: ParserOptions = {}) {}

  private readonly groups: FileChange[][] = [[]];
  private readonly commits: Commit[] = [];
  private file: FileChange | undefined;
  /** Between a file's start and its first hunk: extended header lines are expected. */
  private inHeader = false;
  private sawOldName = false;
  private oldName: string | undefined;
  private newName: string | undefined;
  private hunk: Hunk | undefined;
  private oldLeft = 0;
  private newLeft = 0;
  private oldLine = 0;
  private newLine = 0;
  private mail: MailDraft | undefined;
  private mailPart: 'header' | 'body' | undefined;

  /** Consumes whole lines: each ends with '\n', except possibly the last line of the input. */
  lines(text: string): void {
    const len = text.length;
    let pos = 0;
    while (pos < len) {
      if (this.oldLeft > 0 || this.newLeft > 0) {
        const next = this.hunkLines(text, pos);
        if (next > pos) {
          pos = next;
          continue;
        }
      }
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
      const line = lineText(text, pos, nl);
      if (this.mailPart) this.mailLine(line);
      else this.headerLine(line);
      pos = nl + 1;
    }
  }

  /** Finishes parsing and returns the result. Files of several patches are merged (see merge.ts). */
  end(): ParsedPatch {
    this.finishFile();
    this.finishMail();
    const groups = this.groups.filter((g, i) => g.length > 0 || i > 0 || this.commits.length === 0);
    const files = groups.length <= 1 ? (groups[0] ?? []) : mergePatchFiles(groups);
    if (this.commits.length < 2) return { files, commits: this.commits };
    const history = patchHistory(this.commits.map((c) => c.sha), this.groups.slice(1), files);
    return { files, commits: this.commits, ...(history.length > 0 ? { history } : {}) };
  }

  /**
   * Reads hunk lines from `pos` while the hunk header's counts last, in one tight loop (this is
   * where nearly all the time goes). Returns where it stopped; a line that cannot belong to the
   * hunk ends it early and is left for the header reader.
   */
  private hunkLines(text: string, pos: number): number {
    const file = this.file!;
    const { added, deleted } = this.hunk!;
    let { oldLeft, newLeft, oldLine, newLine } = this;
    let additions = 0;
    let deletions = 0;
    const len = text.length;
    while (pos < len && (oldLeft > 0 || newLeft > 0)) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
      const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const c = end > pos ? text.charCodeAt(pos) : -1;
      if (c === PLUS && newLeft > 0) {
        added.push({ line: newLine++, content: text.slice(pos + 1, end) });
        newLeft--;
        additions++;
      } else if (c === MINUS && oldLeft > 0) {
        deleted.push({ line: oldLine++, content: text.slice(pos + 1, end) });
        oldLeft--;
        deletions++;
      } else if ((c === SPACE || c === -1) && oldLeft > 0 && newLeft > 0) {
        // Context (an empty line is context whose leading space an editor stripped).
        oldLine++;
        newLine++;
        oldLeft--;
        newLeft--;
      } else if (c !== BACKSLASH) {
        // "\ No newline at end of file" is skipped above; anything else means the hunk is
        // shorter than its header said: stop counting and let the header reader have the line.
        oldLeft = 0;
        newLeft = 0;
        break;
      }
      pos = nl + 1;
    }
    file.additions += additions;
    file.deletions += deletions;
    this.oldLeft = oldLeft;
    this.newLeft = newLeft;
    this.oldLine = oldLine;
    this.newLine = newLine;
    return pos;
  }

  private headerLine(text: string): void {
    const mail = text.startsWith('From ') ? MAIL_START.exec(text) : null;
    if (mail) return this.startMail(mail[1]!);
    if (text.startsWith('diff --git ')) {
      this.startFile();
      const names = splitGitHeader(text.slice('diff --git '.length));
      this.file = newFile(names?.newName ?? '');
      this.oldName = names?.oldName;
      this.newName = names?.newName;
      return;
    }
    if (text.startsWith('--- ') && !(this.file && this.inHeader && !this.sawOldName)) {
      // A plain unified diff (no `diff --git` line) starts a file at its `---` line.
      this.startFile();
      this.file = newFile('');
    }
    const file = this.file;
    if (!file) return;
    if (text.startsWith('@@ ')) return this.startHunk(text);
    if (text.startsWith('Binary files ') || text === 'GIT binary patch') {
      file.binary = true;
      return;
    }
    if (!this.inHeader) return;
    this.extendedHeader(file, text);
  }

  private extendedHeader(file: FileChange, text: string): void {
    const after = (prefix: string): string | undefined => afterPrefix(text, prefix);
    let v: string | undefined;
    if ((v = after('--- ')) !== undefined) {
      this.sawOldName = true;
      this.oldName = this.side(patchName(v), 'added');
    } else if ((v = after('+++ ')) !== undefined) {
      this.newName = this.side(patchName(v), 'deleted');
    } else if ((v = after('old mode ') ?? after('new mode ')) !== undefined) {
      const mode = v.trim();
      file.modeChange ??= { oldMode: '', newMode: '' };
      file.modeChange[text.startsWith('old') ? 'oldMode' : 'newMode'] = mode;
      if (mode === SUBMODULE_MODE) file.submodule = true;
    } else if ((v = after('new file mode ') ?? after('deleted file mode ')) !== undefined) {
      file.status = text.startsWith('new') ? 'added' : 'deleted';
      if (v.trim() === SUBMODULE_MODE) file.submodule = true;
    } else if ((v = after('rename from ') ?? after('rename old ') ?? after('copy from ')) !== undefined) {
      file.status = text.startsWith('rename') ? 'renamed' : 'copied';
      this.oldName = unquoteName(v);
    } else if ((v = after('rename to ') ?? after('rename new ') ?? after('copy to ')) !== undefined) {
      file.status = text.startsWith('rename') ? 'renamed' : 'copied';
      this.newName = unquoteName(v);
    } else if ((v = after('similarity index ')) !== undefined) {
      const pct = /^(\d+)%/.exec(v);
      if (pct) file.similarity = Number(pct[1]);
    } else if ((v = after('index ')) !== undefined) {
      if (v.trim().endsWith(` ${SUBMODULE_MODE}`)) file.submodule = true;
    }
  }

  /** Reads a `---`/`+++` name; `/dev/null` marks the file added or deleted. */
  private side(name: string, statusIfNull: 'added' | 'deleted'): string | undefined {
    if (name === '/dev/null') {
      this.file!.status = statusIfNull;
      return undefined;
    }
    return stripPrefix(name);
  }

  private startHunk(text: string): void {
    const m = HUNK_HEADER.exec(text);
    if (!m) return;
    this.inHeader = false;
    this.hunk = {
      oldStart: Number(m[1]),
      oldLines: m[2] === undefined ? 1 : Number(m[2]),
      newStart: Number(m[3]),
      newLines: m[4] === undefined ? 1 : Number(m[4]),
      section: m[5] ?? '',
      added: [],
      deleted: [],
    };
    this.file!.hunks.push(this.hunk);
    this.oldLeft = this.hunk.oldLines;
    this.newLeft = this.hunk.newLines;
    this.oldLine = this.hunk.oldStart;
    this.newLine = this.hunk.newStart;
  }

  private startFile(): void {
    this.finishFile();
    this.inHeader = true;
    this.sawOldName = false;
    this.oldName = undefined;
    this.newName = undefined;
  }

  private finishFile(): void {
    const file = this.file;
    if (!file) return;
    this.file = undefined;
    this.hunk = undefined;
    this.oldLeft = this.newLeft = 0;
    this.inHeader = false;
    if (file.status === 'deleted') file.path = this.oldName ?? file.path;
    else file.path = this.newName ?? this.oldName ?? file.path;
    const renamedByNames = file.status === 'modified' && this.oldName && this.newName && this.oldName !== this.newName;
    if (renamedByNames) file.status = 'renamed';
    if ((file.status === 'renamed' || file.status === 'copied') && this.oldName) file.oldPath = this.oldName;
    if (file.modeChange && (!file.modeChange.oldMode || !file.modeChange.newMode)) delete file.modeChange;
    if (!file.path) return; // nothing usable (a malformed header)
    this.groups[this.groups.length - 1]!.push(file);
    this.options.onFile?.(file);
  }

  private startMail(sha: string): void {
    this.finishFile();
    this.finishMail();
    this.mail = { sha, headers: [], body: [] };
    this.mailPart = 'header';
    this.groups.push([]);
  }

  private mailLine(text: string): void {
    const mail = this.mail!;
    if (this.mailPart === 'header') {
      if (text === '') this.mailPart = 'body';
      else if ((text.startsWith(' ') || text.startsWith('\t')) && mail.headers.length > 0) {
        mail.headers[mail.headers.length - 1] += text;
      } else mail.headers.push(text);
      return;
    }
    // The message ends at `---` (format-patch) or where the diff starts.
    if (/^---\s*$/.test(text)) return this.finishMail();
    if (text.startsWith('diff --git ') || /^--- \S/.test(text) || MAIL_START.test(text)) {
      this.finishMail();
      return this.headerLine(text);
    }
    mail.body.push(text);
  }

  private finishMail(): void {
    if (!this.mail) return;
    this.commits.push(mailToCommit(this.mail));
    this.mail = undefined;
    this.mailPart = undefined;
  }
}
