// The lines of a PR body or commit message that the detector reads, and which of them sit where an
// agent writes its footer: a block made only of footers, trailers and separators, wherever it is
// (people paste the agent's commit message above the rest of the PR template; squashing commits
// puts each one's footer in the middle of one message). A footer quoted in a sentence, in code
// (fenced or indented) or in a block quote is never there.
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../rule-kit/markdown.ts';

export interface TextLine {
  line: number;
  text: string;
  /** In the trailing footer block. */
  footer: boolean;
  /** Raw HTML (a comment the tool left as a marker), not prose. */
  html?: boolean;
  /** The line as GitHub shows it, HTML comments blanked, when it holds one. */
  shown?: string;
}

/** HTML comments blanked (newlines kept): what GitHub shows of `text`. An unclosed comment runs to the end. */
export function hideComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' ')) : text;
}

/** Lines of `text` starting at `start`, each with what GitHub shows of it when that differs. */
function linesOf(text: string, start: number, extra: Partial<TextLine> = {}): TextLine[] {
  const shown = hideComments(text).split('\n');
  return text.split('\n').map((line, i) => ({ line: start + i, text: line, footer: false, ...extra, ...(shown[i] !== line ? { shown: shown[i]! } : {}) }));
}

/**
 * `text` cut to at most `max` characters, with an ellipsis when cut (evidence quotes a line, never a
 * whole paste). It cuts between words, never through one: the masking stage masks a secret it
 * finds whole, and a token cut in two, quoted in the middle of a message, would keep its first
 * half in clear. A first word longer than `max` is dropped whole.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // The cut falls inside a word unless the next character is a space: back off to the word's start.
  const whole = /\s/.test(text[max - 1]!) ? head : head.replace(/\S*$/, '');
  return `${whole.trimEnd()}\u2026`;
}

/** Is this line footer-shaped (a footer marker, a trailer or a separator)? */
export type FooterTest = (text: string) => boolean;

/** Trailer-shaped lines (`Key: value`, `Key-by: value`), as git and squash descriptions write them. */
export const TRAILER_LINE = /^\s*([A-Za-z][A-Za-z0-9-]*-by|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]+):\s*(.+?)\s*$/;
const SEPARATOR = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const INDENTED = /^(?: {4}|\t)/;
/** `commit SHA` opening a commit that `git merge --squash` (or a pasted `git log`) quotes. */
const LOG_COMMIT = /^commit [0-9a-f]{7,64}(?:\s|$)/;
const LOG_INDENT = /^ {4}/;

/** Text of a node with inline code dropped (`Co-authored-by: …` in backticks is quoted, not written), links as written. */
function proseOf(node: Nodes): string {
  if (node.type === 'inlineCode') return '\u2026';
  if (node.type === 'break') return '\n';
  if (node.type === 'text') return node.value;
  // Inline HTML and link targets stay: agents' footers are links (`[Claude Code](https://claude.ai/code)`, `<a href=…>`).
  if (node.type === 'html') return node.value;
  if (node.type === 'code') return '';
  if (node.type === 'link') {
    const text = node.children.map(proseOf).join('');
    // An autolink (`<noreply@anthropic.com>`, `<https://…>`) reads back as written.
    if (node.url === text || node.url === `mailto:${text}`) return `<${text}>`;
    return `[${text}](${node.url})`;
  }
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return '';
  return 'children' in node ? node.children.map(proseOf).join('') : '';
}

/**
 * A text indented as a whole (pasted from `git log`, which indents messages by four spaces) is
 * the message itself, not a code block: its common indentation is removed first. `from` skips
 * leading lines (a commit's subject).
 */
export function dedent(text: string, from = 0): string {
  const lines = text.split(/\r\n?|\n/);
  const rest = lines.slice(from).filter((l) => l.trim() !== '');
  if (rest.length === 0) return lines.join('\n');
  // A loop, not Math.min(...): a spread of 300,000 lines overflows the stack.
  const indent = rest.reduce((min, l) => Math.min(min, /^[ \t]*/.exec(l)![0].length), Infinity);
  if (indent === 0) return lines.join('\n');
  return lines.map((l, i) => (i < from ? l : l.slice(Math.min(indent, /^[ \t]*/.exec(l)![0].length)))).join('\n');
}

/** A PR body, read as CommonMark: paragraph lines (not code, not block quotes) and HTML blocks. */
export function bodyLines(body: string, isFooter: FooterTest): TextLine[] {
  const doc = parseMarkdown(dedent(body));
  const out: TextLine[] = [];
  const blocks: TextLine[][] = [];
  const visit = (nodes: readonly Nodes[], top: boolean) => {
    for (const node of nodes) {
      const start = node.position?.start.line ?? 1;
      if (node.type === 'paragraph' || node.type === 'heading') {
        const lines = linesOf(proseOf(node), start);
        for (const l of lines) out.push(l);
        if (top) blocks.push(node.type === 'heading' ? [{ line: start, text: '\u0000heading', footer: false }] : lines);
      } else if (node.type === 'html') {
        const lines = linesOf(node.value, start, { html: true });
        for (const l of lines) out.push(l);
        if (top) blocks.push([]);
      } else if (node.type === 'thematicBreak') {
        if (top) blocks.push([]);
      } else if (node.type === 'code' || node.type === 'blockquote') {
        if (top) blocks.push([{ line: start, text: '\u0000quoted', footer: false }]);
      } else if ('children' in node) {
        const before = out.length;
        visit(node.children, false);
        if (top) blocks.push(out.slice(before).length > 0 ? [{ line: start, text: '\u0000block', footer: false }] : []);
      }
    }
  };
  visit(doc.nodes, true);
  markFooter(blocks, isFooter, true);
  return out;
}

/**
 * A commit message: every line outside code (fenced, or indented by four spaces or a tab);
 * paragraphs are separated by blank lines. A block of footers and trailers counts wherever it
 * is, not only at the end: squashing commits (`git rebase -i`, `git commit --squash`) puts each
 * commit's footer and `Co-Authored-By:` lines in the middle of one message, and a trailer block
 * followed by prose is still what the tool wrote. `git merge --squash` quotes each commit as
 * `git log` prints it (`commit SHA`, `Author:`, `Date:`, the message indented by four spaces):
 * those indented messages are read as messages, not as code.
 */
export function messageLines(message: string, isFooter: FooterTest): TextLine[] {
  const out: TextLine[] = [];
  const blocks: TextLine[][] = [[]];
  let fence: string | undefined;
  /** In a `git log`-style quote of a commit: 'header' (its `Author:`/`Date:` lines), then 'body'. */
  let quoted: 'header' | 'body' | undefined;
  dedent(message, 1).split('\n').forEach((raw, i) => {
    let text = raw;
    if (fence === undefined && LOG_COMMIT.test(text)) {
      quoted = 'header';
      blocks.push([{ line: i + 1, text: '\u0000log', footer: false }], []);
      return;
    }
    if (quoted === 'header') {
      if (text.trim() !== '') return;
      quoted = 'body';
    } else if (quoted === 'body' && fence === undefined) {
      if (LOG_INDENT.test(text)) text = text.slice(4);
      else if (text.trim() !== '') quoted = undefined;
    }
    const opener = FENCE.exec(text)?.[1];
    if (opener && (fence === undefined || opener.startsWith(fence))) {
      fence = fence === undefined ? opener : undefined;
      blocks.push([{ line: i + 1, text: '\u0000quoted', footer: false }], []);
      return;
    }
    if (fence !== undefined) return;
    if (text.trim() === '') {
      blocks.push([]);
      return;
    }
    if (INDENTED.test(text)) {
      // An indented block is quoted code, as in Markdown (and git's trailer parser skips it too).
      blocks[blocks.length - 1]!.push({ line: i + 1, text: '\u0000quoted', footer: false });
      return;
    }
    const line: TextLine = { line: i + 1, text, footer: false };
    out.push(line);
    blocks[blocks.length - 1]!.push(line);
  });
  if (fence !== undefined) {
    // An unclosed fence quotes everything after it.
    blocks.push([{ line: 0, text: '\u0000quoted', footer: false }]);
  }
  // The subject is never a footer.
  if (out[0]?.line === 1) blocks.splice(0, 1, [{ ...out[0], text: '\u0000subject' }]);
  markFooter(blocks, isFooter, false);
  return out;
}

/**
 * Blocks made only of footer-shaped lines are footers. In a PR body (`anywhere`), every such block.
 * In a commit message, a run of them (blank lines between) that ends the message or one that
 * `git merge --squash` quotes, or that holds a trailer (`Co-Authored-By:`, where git and the agents
 * end a message, so a squashed commit's footer mid-message): a footer line alone in a paragraph
 * followed by prose is quoted in a sentence.
 */
function markFooter(blocks: TextLine[][], isFooter: FooterTest, anywhere: boolean): void {
  let run: TextLine[][] = [];
  let ending = true;
  const flush = () => {
    if (run.length > 0 && (anywhere || ending || run.some((b) => b.some((l) => TRAILER_LINE.test(l.text))))) {
      for (const block of run) for (const l of block) l.footer = true;
    }
    run = [];
  };
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.length === 0) continue;
    const footerShaped =
      !block.some((l) => l.text.startsWith('\u0000')) &&
      block.every((l) => l.text.trim() === '' || SEPARATOR.test(l.text) || isFooter(l.text));
    if (footerShaped) {
      run.push(block);
      continue;
    }
    flush();
    // What comes before a quoted commit's header is the end of the commit quoted before it.
    ending = block[0]!.text === '\u0000log';
  }
  flush();
}
