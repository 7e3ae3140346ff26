// One file's header in a diff: `diff --git` (or `diff --cc`, or a plain diff's `---`/`+++`) and
// the extended header lines up to its first hunk. Header lines count only before the first hunk:
// a `Binary files … differ` or `deleted file mode` line after a hunk never changes the file.
import type { FileChange } from '../model.ts';
import { BinaryPatch } from './binary-patch.ts';
import { resolveNames, type FileNames } from './names.ts';
import type { Prefixes } from './paths.ts';
import { unquoteAt, unquoteName } from './quote.ts';

const SUBMODULE_MODE = '160000';
/** The new side's id on an `index <old>..<new>[ <mode>]` line, when written in full (`--full-index`). */
const FULL_NEW_ID = /\.\.([0-9a-f]{40}|[0-9a-f]{64})(?: |$)/;

export type HeaderKind = 'git' | 'plain' | 'combined';

/**
 * A name on a `---`/`+++` line: C-quoted, or raw up to a tab (git adds one after names with
 * spaces). Undefined for a quoted name whose quoting is broken.
 */
function patchName(raw: string): string | undefined {
  if (raw.startsWith('"')) return unquoteAt(raw, 0)?.name;
  const tab = raw.indexOf('\t');
  return tab >= 0 ? raw.slice(0, tab) : raw.trimEnd();
}

function after(text: string, prefix: string): string | undefined {
  return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
}

export class FileHeader {
  readonly file: FileChange = {
    path: '', status: 'modified', binary: false, submodule: false, additions: 0, deletions: 0, hunks: [],
  };
  private readonly names: FileNames = {};
  /** After `GIT binary patch`: its content, read for the scanners (binary-patch.ts). */
  private binaryPatch: BinaryPatch | undefined;
  hasHunks = false;
  /** Header lines git writes (`index`, `new file mode`, `---`…) read after the `diff --git` line. */
  private headerLines = 0;
  /** The mode of a `new file mode` or `deleted file mode` line (a type change joins two). */
  fileMode: string | undefined;

  constructor(
    readonly startLine: number,
    private readonly known: Prefixes | undefined,
    readonly kind: HeaderKind,
    headerNames?: string,
  ) {
    if (kind === 'git') this.names.gitHeader = headerNames;
    if (kind === 'combined') this.names.combined = unquoteName(headerNames ?? '');
  }

  /** Both `---` and `+++` lines were read: git and diff -u write them only before a hunk. */
  get hasNames(): boolean {
    return this.names.minus !== undefined && this.names.plus !== undefined;
  }

  /** Is a `---` line still this file's old name (rather than a new plain-diff file)? */
  get wantsNames(): boolean {
    return !this.hasHunks && this.kind !== 'plain' && this.names.minus === undefined;
  }

  beginHunks(): void {
    this.hasHunks = true;
  }

  /** A name for messages: the last name read, as written. */
  describe(): string {
    const n = this.names;
    const name = n.to ?? n.plus ?? n.combined ?? n.minus ?? n.gitHeader ?? '?';
    return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  }

  /** Reads an extended header line; returns a problem when it makes the diff unreadable. */
  line(text: string): string | undefined {
    if (this.binaryPatch?.line(text)) return undefined;
    this.headerLines++;
    const file = this.file;
    let v: string | undefined;
    if ((v = after(text, '--- ') ?? after(text, '+++ ')) !== undefined) {
      const which = text.startsWith('-') ? 'minus' : 'plus';
      if (this.names[which] !== undefined) return `a second \`${text.slice(0, 3)}\` line for ${this.describe()}`;
      const name = patchName(v);
      if (name === undefined) return `cannot read the quoted name on the \`${text.slice(0, 3)}\` line of ${this.describe()}`;
      this.names[which] = this.side(name, which === 'minus' ? 'added' : 'deleted');
    } else if (text.startsWith('Binary files ') || text === 'GIT binary patch') {
      file.binary = true;
      if (text === 'GIT binary patch') this.binaryPatch ??= new BinaryPatch();
    } else if ((v = after(text, 'old mode ') ?? after(text, 'new mode ')) !== undefined) {
      const mode = v.trim();
      file.modeChange ??= { oldMode: '', newMode: '' };
      file.modeChange[text.startsWith('old') ? 'oldMode' : 'newMode'] = mode;
      if (mode === SUBMODULE_MODE) file.submodule = true;
    } else if ((v = after(text, 'new file mode ') ?? after(text, 'deleted file mode ')) !== undefined) {
      file.status = text.startsWith('new') ? 'added' : 'deleted';
      this.fileMode = v.trim();
      if (v.split(',').some((m) => m.trim() === SUBMODULE_MODE)) file.submodule = true;
    } else if ((v = after(text, 'rename from ') ?? after(text, 'rename old ') ?? after(text, 'copy from ')) !== undefined) {
      file.status = text.startsWith('rename') ? 'renamed' : 'copied';
      this.names.from = unquoteName(v);
    } else if ((v = after(text, 'rename to ') ?? after(text, 'rename new ') ?? after(text, 'copy to ')) !== undefined) {
      file.status = text.startsWith('rename') ? 'renamed' : 'copied';
      this.names.to = unquoteName(v);
    } else if ((v = after(text, 'similarity index ')) !== undefined) {
      const pct = /^(\d+)%/.exec(v);
      if (pct) file.similarity = Number(pct[1]);
    } else if ((v = after(text, 'index ') ?? after(text, 'mode ')) !== undefined) {
      if (v.trim().endsWith(` ${SUBMODULE_MODE}`) || v.trim().endsWith(`..${SUBMODULE_MODE}`)) file.submodule = true;
      const blob = text.startsWith('index ') ? FULL_NEW_ID.exec(v)?.[1] : undefined;
      if (blob && !/^0+$/.test(blob)) file.blob = blob;
    } else {
      this.headerLines--; // not a header line git writes (the rest of a line cut off, say)
    }
    return undefined;
  }

  /**
   * A `diff --git` line with no header line git writes after it and no hunk: git always writes one
   * (`index`, `old mode`, `new file mode`, `rename from`, `Binary files`…), so this is a diff cut
   * off right after the line (or inside the next one); read as an unchanged file, it would pass
   * whatever the lost lines held. (An `index` line with no hunk is left alone: `git diff -w` or
   * `-I` writes one for a mode change or a new file whose lines it ignores.)
   */
  private cutAfterGitLine(name: string): string | undefined {
    if (this.kind !== 'git' || this.headerLines > 0 || this.hasHunks) return undefined;
    return `${name} has a \`diff --git\` line and no header or hunk after it (was the diff cut off?)`;
  }

  /** A `---`/`+++` name; `/dev/null` marks the file added or deleted. */
  private side(name: string, statusIfNull: 'added' | 'deleted'): string | null {
    if (name !== '/dev/null') return name;
    this.file.status = statusIfNull;
    return null;
  }

  /** The finished file with its resolved paths, or why its names cannot be read. */
  finish(): { file: FileChange; prefixes?: Prefixes } | { problem: string } {
    const file = this.file;
    const r = resolveNames(this.names, this.known);
    if ('problem' in r) return { problem: `${this.describe()}: ${r.problem}` };
    const { oldPath, newPath } = r;
    if (file.status === 'deleted') file.path = oldPath ?? newPath ?? '';
    else file.path = newPath ?? oldPath ?? '';
    if (!file.path) return { problem: `cannot read the file name of ${this.describe()}` };
    const cut = this.cutAfterGitLine(JSON.stringify(file.path));
    if (cut !== undefined) return { problem: `corrupt patch: ${cut}` };
    if (file.status === 'modified' && oldPath && newPath && oldPath !== newPath) file.status = 'renamed';
    if ((file.status === 'renamed' || file.status === 'copied') && oldPath) file.oldPath = oldPath;
    if (file.modeChange && (!file.modeChange.oldMode || !file.modeChange.newMode)) delete file.modeChange;
    if (this.binaryPatch) file.contentScan = this.binaryPatch.result();
    return { file, prefixes: r.prefixes };
  }
}
