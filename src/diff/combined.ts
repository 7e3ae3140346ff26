// Hunks of combined diffs (`diff --cc` / `diff --combined`, as `git show` and `git log -p --cc`
// print merges): `@@@ -a,b -c,d +e,f @@@`, one marker column per parent. A line with `-` in a
// column is in that parent but not in the merge result; any other line is in the result, and
// `+` in a column means that parent lacks it. The result's lines that some parent lacks are the
// added lines of the merge (what the merge brings to at least one side); lines that leave the
// result are deleted lines, numbered in the first parent that had them.
import type { DiffLine, Hunk } from '../model.ts';

const HEADER = /^(@{3,}) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,(\d+))? (@{3,})(?: (.*))?$/;
const RANGE = /^-(\d+)(?:,(\d+))?$/;

export class CombinedHunk {
  readonly hunk: Hunk;
  private readonly oldLeft: number[];
  private readonly oldLine: number[];
  private newLeft: number;
  private newLine: number;
  /** The next line was cut at the line-length limit: if added, it goes in the hunk's `cut`. */
  private cut = false;

  private constructor(hunk: Hunk, olds: [number, number][]) {
    this.hunk = hunk;
    this.oldLeft = olds.map((o) => o[1]);
    this.oldLine = olds.map((o) => o[0]);
    this.newLeft = hunk.newLines;
    this.newLine = hunk.newStart;
  }

  /** Reads a `@@@ … @@@` header; undefined when it is malformed. */
  static parse(text: string): CombinedHunk | undefined {
    const m = HEADER.exec(text);
    if (!m || m[1] !== m[5]) return undefined;
    const olds: [number, number][] = [];
    for (const r of m[2]!.trim().split(' ')) {
      const rm = RANGE.exec(r);
      if (!rm) return undefined;
      olds.push([Number(rm[1]), rm[2] === undefined ? 1 : Number(rm[2])]);
    }
    if (olds.length !== m[1]!.length - 1) return undefined;
    const hunk: Hunk = {
      oldStart: olds[0]![0],
      oldLines: olds[0]![1],
      newStart: Number(m[3]),
      newLines: m[4] === undefined ? 1 : Number(m[4]),
      section: m[6] ?? '',
      added: [],
      deleted: [],
    };
    return new CombinedHunk(hunk, olds);
  }

  /** How many parents the merge has (the mark columns before each line's content). */
  get parents(): number {
    return this.oldLeft.length;
  }

  get done(): boolean {
    return this.newLeft === 0 && this.oldLeft.every((n) => n === 0);
  }

  /** Says that the next line is one cut at the line-length limit. */
  cutNext(): void {
    this.cut = true;
  }

  /** Lines still expected, for messages. */
  get remaining(): number {
    return Math.max(this.newLeft, ...this.oldLeft);
  }

  /**
   * Consumes one line (without its newline). Returns 'added' / 'deleted' / 'context', or
   * undefined when the line cannot belong to the hunk.
   */
  line(text: string): 'added' | 'deleted' | 'context' | 'skip' | undefined {
    const cut = this.cut;
    this.cut = false;
    const p = this.oldLeft.length;
    if (text.startsWith('\\')) return 'skip';
    const marks = text.length === 0 ? ' '.repeat(p) : text.slice(0, p);
    if (marks.length < p || /[^ +-]/.test(marks)) return undefined;
    const content = text.slice(p);
    if (marks.includes('-')) {
      let first = -1;
      for (let i = 0; i < p; i++) {
        if (marks[i] !== '-') continue;
        if (this.oldLeft[i] === 0) return undefined;
        if (first < 0) first = this.oldLine[i]!;
        this.oldLeft[i]!--;
        this.oldLine[i]!++;
      }
      this.push(this.hunk.deleted, first, content);
      return 'deleted';
    }
    if (this.newLeft === 0) return undefined;
    for (let i = 0; i < p; i++) {
      if (marks[i] !== ' ') continue;
      if (this.oldLeft[i] === 0) return undefined;
      this.oldLeft[i]!--;
      this.oldLine[i]!++;
    }
    this.newLeft--;
    const line = this.newLine++;
    if (!marks.includes('+')) return 'context';
    this.push(this.hunk.added, line, content);
    if (cut) (this.hunk.cut ??= []).push(line);
    return 'added';
  }

  private push(list: DiffLine[], line: number, content: string): void {
    list.push({ line, content });
  }
}
