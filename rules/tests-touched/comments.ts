// Tests commented out without a line of them changing: a block comment opened above existing
// lines and closed below them (`/*` … `*/`, Python's `"""` … `"""`, Ruby's `=begin` … `=end`)
// adds two lines and deletes none, so no assertion is counted as removed. Seen from the diff
// alone: an added line opens a block that the added lines after it do not close before a line
// that was already there.
import type { DiffLine, FileChange } from '../../src/model.ts';
import type { Language } from './language.ts';

interface BlockComment {
  /** The line opens a block comment it does not close. */
  opens(line: string): boolean;
  /** The line ends a block comment. */
  closes(line: string): boolean;
  /** What is quoted in the message. */
  marker: string;
}

/**
 * Does the line leave a `/*` comment open? Read left to right as C-like code: not inside a string
 * (a quoted glob holds `/*` too) nor after a `//` comment.
 */
function opensC(line: string): boolean {
  if (!line.includes('/*')) return false;
  let quote: string | undefined;
  let inComment = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inComment) {
      if (c === '*' && line[i + 1] === '/') {
        inComment = false;
        i++;
      }
    } else if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') {
      i++; // an escape outside a string: a regular expression's `\/*`
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '/' && line[i + 1] === '/') {
      return false;
    } else if (c === '/' && line[i + 1] === '*') {
      inComment = true;
      i++;
    }
  }
  return inComment;
}

const C_BLOCK: BlockComment = { opens: opensC, closes: (line) => line.includes('*/'), marker: '/*' };

/** An odd number of `"""` (or `'''`): the line starts or ends a multi-line string. */
function oddTriple(line: string): boolean {
  return (line.split('"""').length - 1) % 2 === 1 || (line.split("'''").length - 1) % 2 === 1;
}

const PY_BLOCK: BlockComment = { opens: oddTriple, closes: oddTriple, marker: '"""' };
const RUBY_BLOCK: BlockComment = { opens: (line) => line.startsWith('=begin'), closes: (line) => line.startsWith('=end'), marker: '=begin' };

const BLOCKS: Readonly<Record<string, BlockComment>> = {
  'JavaScript/TypeScript': C_BLOCK,
  Go: C_BLOCK,
  Rust: C_BLOCK,
  'Java/Kotlin': C_BLOCK,
  'C#': C_BLOCK,
  Python: PY_BLOCK,
  Ruby: RUBY_BLOCK,
};

/**
 * The added lines of a test file that open a block comment (or string) over lines that were
 * already there. Only when the change opens more such blocks than it removes: editing the first
 * line of an existing comment deletes an opener as it adds one.
 */
export function commentedOut(file: FileChange, language: Language): { line: number; marker: string }[] {
  const block = BLOCKS[language.name];
  if (block === undefined) return [];
  const added = new Map<number, string>();
  let opened = 0;
  for (const hunk of file.hunks) {
    for (const l of hunk.added) {
      added.set(l.line, l.content);
      if (block.opens(l.content)) opened++;
    }
  }
  if (opened === 0) return [];
  for (const hunk of file.hunks) for (const l of hunk.deleted) if (block.opens(l.content)) opened--;
  if (opened <= 0) return [];
  const out: { line: number; marker: string }[] = [];
  // Once a block runs into existing lines, the next added line that closes a block closes it
  // (Python's `"""` both opens and closes).
  let open = false;
  let after = 0;
  for (const [line, content] of [...added].sort((a, b) => a[0] - b[0])) {
    if (line <= after) continue;
    if (open) {
      if (block.closes(content)) open = false;
      continue;
    }
    if (!block.opens(content)) continue;
    let n = line + 1;
    while (added.has(n) && !block.closes(added.get(n)!)) n++;
    if (added.has(n)) after = n; // closed by added lines: a new comment or string
    else {
      out.push({ line, marker: block.marker });
      open = true;
    }
  }
  return out;
}

/**
 * The lines (of one side of a diff: the added, or the deleted lines) inside a block comment or
 * string that lines of the same side open and close around them: what they assert does not run
 * (an assertion moved into `/* … *\/` in another test file did not move).
 */
export function enclosedLines(lines: readonly DiffLine[], language: Language): Set<number> {
  const out = new Set<number>();
  const block = BLOCKS[language.name];
  if (block === undefined || !lines.some((l) => block.opens(l.content))) return out;
  const byLine = new Map(lines.map((l) => [l.line, l.content] as const));
  let after = 0;
  for (const { line, content } of [...lines].sort((a, b) => a.line - b.line)) {
    if (line <= after || !block.opens(content)) continue;
    let n = line + 1;
    while (byLine.has(n) && !block.closes(byLine.get(n)!)) n++;
    if (!byLine.has(n)) continue; // not closed on this side
    for (let i = line + 1; i < n; i++) out.add(i);
    after = n;
  }
  return out;
}
