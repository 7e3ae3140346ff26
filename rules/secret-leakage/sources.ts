// What the rule scans: added lines of every file (or a binary file's printable runs), the added
// lines of each commit that the net diff does not contain (history), commit messages, the PR.
import { matchesAny } from '../../src/glob.ts';
import type { ChangeSet, FileChange, Hunk } from '../../src/model.ts';
import { fileKind, type FileKind } from './context.ts';
import { addedText, type AddedText } from '../../src/rule-kit/index.ts';
import { WAIVER, type ScanLine } from './scanner.ts';

export interface Source {
  /** The lines to scan (a file's added lines are made when first read: see `spans`). */
  readonly lines: readonly ScanLine[];
  /**
   * The same lines as spans of the diff's text, for the keyword pass (a file's added lines), so
   * that `lines` is read only when the pass finds a keyword.
   */
  spans?: readonly AddedText[];
  /** How a finding names the place, e.g. `src/a.ts:12` or "the PR title". */
  where: (line: number) => string;
  path?: string;
  readonly kind: FileKind;
  /** Set for lines that only a commit of the change added (absent from the net diff). */
  commit?: string;
  /** Set for a file or branch name (no line to waive, nothing to delete: the name is the leak). */
  name?: true;
  /**
   * Set for the branch name when it is a pushed ref's, whose verified-format secrets the push
   * reports itself (ChangeSet.branchNamePushed): the rule leaves those out.
   */
  pushedName?: true;
}

/** A file the rule could not read (binary without printable runs, over the size limit). */
export interface Unscanned {
  path: string;
  reason: string;
  /** An error wherever the path is (else only where credentials commonly live: secretProne). */
  error?: true;
}

function textLines(text: string): ScanLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ content: t, line: i + 1 }));
}

const addedLines = (file: FileChange): ScanLine[] =>
  file.hunks.length === 1 ? (file.hunks[0] as Hunk).added : file.hunks.flatMap((h) => h.added);

/** A file's added lines as spans of its hunks' text, or undefined when a hunk holds them as an array. */
function addedSpans(file: FileChange): AddedText[] | undefined {
  const out: AddedText[] = [];
  for (const hunk of file.hunks) {
    const text = addedText(hunk);
    if (!text) return undefined;
    out.push(text);
  }
  return out;
}

/** The contents of the first two added lines (what fileKind reads), from the spans. */
function firstTwo(spans: readonly AddedText[]): string[] {
  const out: string[] = [];
  for (const { text, spans: s } of spans) {
    for (let i = 0; i < s.length && out.length < 2; i += 3) out.push(text.slice(s[i], s[i + 1]));
    if (out.length >= 2) break;
  }
  return out;
}

/** Paths that commonly hold credentials: a file there that could not be read fails the check. */
const SECRET_PRONE =
  /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[^/]*\.(?:pem|key|p12|pfx|jks|keystore|ppk|asc|gpg|kdbx|tfvars|tfstate|json|ya?ml|toml|ini|cfg|conf|config|properties|xml|plist|env)|id_(?:rsa|dsa|ecdsa|ed25519)(?:\.[\w]+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|\.dockerconfigjson|credentials(?:\.[\w]+)?|secrets?(?:\.[\w]+)?)$/i;

export function secretProne(path: string): boolean {
  return SECRET_PRONE.test(path);
}

/** How a finding names a line of a file: of the net diff, or as a commit of the range added it. */
const lineOf = (path: string, line: number, commit: string | undefined): string =>
  commit === undefined ? `${path}:${line}` : `${path}:${line} as added by commit ${commit.slice(0, 7)}`;

function fileSource(file: FileChange, lines: readonly ScanLine[], commit?: string): Source {
  const kind = fileKind(file.path, lines.slice(0, 2).map((l) => l.content));
  return {
    lines,
    path: file.path,
    kind,
    ...(commit !== undefined ? { commit } : {}),
    where: (line) => lineOf(file.path, line, commit),
  };
}

/** An added line (or a commit message) the source read only in part: its start was scanned, not the rest. */
export interface CutLine {
  path?: string;
  line?: number;
  where: string;
}

/**
 * What the source read only in part: added lines of the net diff's files and of each commit's
 * (history, `Hunk.cut`) except the paths `skip` drops, and commit messages (`messageCut`).
 */
export function cutLines(change: ChangeSet, skip: (path: string) => boolean): CutLine[] {
  const out: CutLine[] = [];
  const add = (file: FileChange, commit?: string) => {
    if (skip(file.path)) return;
    for (const hunk of file.hunks) for (const line of hunk.cut ?? []) out.push({ path: file.path, line, where: lineOf(file.path, line, commit) });
  };
  for (const file of change.files) add(file);
  for (const entry of change.history ?? []) for (const file of entry.files) add(file, entry.sha);
  for (const c of change.commits) if (c.messageCut) out.push({ where: `the message of commit ${c.sha.slice(0, 7)}` });
  return out;
}

/**
 * A file's added lines as a source whose lines are made only when read (the keyword pass reads
 * `spans`). A class, so that every file's source has the same `lines` getter: the scanner's
 * reads of it stay one call target once optimised.
 */
class AddedSource implements Source {
  readonly path: string;
  private made: ScanLine[] | undefined;
  private madeKind: FileKind | undefined;

  constructor(private readonly file: FileChange, readonly spans: readonly AddedText[]) {
    this.path = file.path;
  }

  /** Decided when a finding asks: most files have none (and fileKind's patterns compile on first use). */
  get kind(): FileKind {
    return (this.madeKind ??= fileKind(this.path, firstTwo(this.spans)));
  }

  get lines(): readonly ScanLine[] {
    return (this.made ??= addedLines(this.file));
  }

  where(line: number): string {
    return `${this.path}:${line}`;
  }
}

/** A file's added lines as a source (made lazily when every hunk keeps its text, see addedSpans). */
function addedSource(file: FileChange): Source {
  const spans = addedSpans(file);
  return spans ? new AddedSource(file, spans) : fileSource(file, addedLines(file));
}

/**
 * What the rule scans of one file of the change: its added lines (or a binary file's printable
 * runs) as a source, the reason it could not be read, or undefined when there is nothing to scan
 * (deleted, a submodule).
 */
export function fileSourceOf(file: FileChange): Source | { unscanned: string } | undefined {
  if (file.status === 'deleted' || file.submodule) return undefined;
  const scan = file.contentScan;
  if (scan && 'lines' in scan) return fileSource(file, scan.lines);
  if (scan && 'skipped' in scan) return { unscanned: scan.skipped };
  if (file.binary) {
    // No content from the source for a binary file (a diff without --binary): never a silent
    // pass; an error where credentials commonly live, a notice elsewhere (unscannedViolation).
    return { unscanned: 'it is binary and the source gave no content to scan (git diff --binary gives it)' };
  }
  return addedSource(file);
}

/** The binary files of the history that could not be read, as the net diff's are reported (see fileSourceOf). */
export function historyUnscanned(change: ChangeSet, skip: (path: string) => boolean): Unscanned[] {
  const out: Unscanned[] = [];
  for (const entry of change.history ?? []) {
    for (const file of entry.files) {
      const scan = file.contentScan;
      if (scan && 'skipped' in scan && !skip(file.path)) out.push({ path: file.path, reason: `${scan.skipped} (as added by commit ${entry.sha.slice(0, 7)})` });
    }
  }
  // No pull request will show a blob pushed outside any commit: one not read fails, wherever it is.
  for (const { where, file } of change.pushedBlobs ?? []) {
    const scan = file.contentScan;
    if (!(scan && 'lines' in scan) && !skip(file.path)) out.push({ path: file.path, reason: `${scan?.skipped ?? 'it was not read'} (${where})`, error: true });
  }
  return out;
}

/** A path `exclude` drops (never `keep`, the baseline file, which is always scanned). */
export function excluder(exclude: readonly string[], keep: string | undefined): (path: string) => boolean {
  return (path) => path !== keep && exclude.length > 0 && matchesAny(path, exclude);
}

/** One line of text as a source (a name, a title). */
const oneLine = (content: string, where: string): Source => ({ lines: [{ content, line: 1 }], kind: 'code', where: () => where });

/**
 * The names a change gives, which every report prints: the paths of its files (new and old, in the
 * net diff and in its commits), its branch, and the people named as authors and committers. A token pasted into a file or branch name is as
 * leaked as one in a line, and would otherwise be printed unmasked (a path in a finding, a branch
 * in provenance evidence). `exclude` does not apply: it names paths whose lines are not scanned.
 */
function nameSources(change: ChangeSet, mayHold: (text: string) => boolean): Source[] {
  const out: Source[] = [];
  const seen = new Set<string>();
  // Most names hold no keyword, and so no secret: only the others become a source (a change of
  // 2,000 files made 2,000 scans of one line each, a few per cent of a check).
  const add = (name: string | undefined, where: string, pushed = false) => {
    if (name === undefined || name === '' || seen.has(name)) return;
    seen.add(name);
    if (!mayHold(name)) return;
    // A name is not a line with a comment: the waiver marker in it waives nothing.
    out.push({ ...oneLine(name.split(WAIVER).join(' '), where), name: true, ...(pushed ? { pushedName: true as const } : {}) });
  };
  const files = [change.files, ...(change.history ?? []).map((entry) => entry.files)];
  for (const list of files) {
    for (const file of list) {
      add(file.path, `the file name ${file.path}`);
      add(file.oldPath, `the old name of ${file.path}`);
    }
  }
  add(change.branch, 'the branch name', change.branchNamePushed === true);
  add(change.pr?.headRef, 'the head branch name of the PR');
  // Identities are printed too (provenance quotes an agent's author line).
  for (const c of change.commits) {
    const short = c.sha.slice(0, 7);
    add(`${c.author.name} <${c.author.email}>`, `the author of commit ${short}`);
    add(`${c.committer.name} <${c.committer.email}>`, `the committer of commit ${short}`);
  }
  add(change.pr?.author.login, 'the login of the PR author');
  for (const t of change.tags ?? []) {
    add(t.name, `the name in tag ${t.sha.slice(0, 7)}`);
    add(t.tagger, `the tagger of tag ${t.name || t.sha.slice(0, 7)}`);
  }
  return out;
}

/**
 * The sources besides the net diff's files: the added lines of each commit that the net diff
 * lacks (history), the names of files and the branch, commit messages, the PR title and description.
 */
export function otherSources(change: ChangeSet, skip: (path: string) => boolean, mayHold: (text: string) => boolean): Source[] {
  const out: Source[] = nameSources(change, mayHold);
  for (const entry of change.history ?? []) {
    for (const file of entry.files) {
      if (skip(file.path)) continue;
      // A binary file of a commit: its printable runs (one that could not be read: historyUnscanned).
      const scan = file.contentScan;
      const lines = scan === undefined ? addedLines(file) : 'lines' in scan ? scan.lines : [];
      if (lines.length > 0) out.push(fileSource(file, lines, entry.sha));
    }
  }
  for (const c of change.commits) {
    const short = c.sha.slice(0, 7);
    out.push({ lines: textLines(c.message), kind: 'code', where: (line) => `the message of commit ${short} (line ${line})` });
  }
  // What a push sends outside any commit: tag messages, and the blobs a tag of a tree or blob holds.
  for (const t of change.tags ?? []) {
    const name = t.name || t.sha.slice(0, 7);
    out.push({ lines: textLines(t.message), kind: 'code', where: (line) => `the message of tag ${name} (line ${line})` });
  }
  for (const { where, file } of change.pushedBlobs ?? []) {
    const scan = file.contentScan;
    if (scan && 'lines' in scan && scan.lines.length > 0 && !skip(file.path)) {
      out.push({ lines: scan.lines, kind: fileKind(file.path, scan.lines.slice(0, 2).map((l) => l.content)), where: (line) => `${where} (line ${line})` });
    }
  }
  if (change.pr) {
    out.push(oneLine(change.pr.title, 'the PR title'));
    if (change.pr.body) out.push({ lines: textLines(change.pr.body), kind: 'code', where: (line) => `the PR description (line ${line})` });
  }
  return out;
}
