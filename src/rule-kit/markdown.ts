// Pure readers for PR-body Markdown: sections, task items and `Label: value` fields.
// Built on a CommonMark parser (mdast-util-from-markdown + the GFM task-list extension), so fenced
// code, HTML comments, headings of any level, emphasis and task lists are what CommonMark says
// they are: a template example inside a fence or a hint inside a comment is never content.
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { foldLookalikes } from './lookalikes.ts';
import { labelMatches } from './labels.ts';
import { CHUNK_LINES, chunkStarts, parsePieces, shiftPositions } from './md-chunks.ts';
import { htmlHeading } from './html-heading.ts';

export interface Line {
  /** 1-based line number within the text. */
  line: number;
  text: string;
}

/** A parsed Markdown text. Line endings (CRLF, CR) are normalised; line numbers are the source's. */
export interface MdDocument {
  root: Root;
  /** Every source line, HTML (comments, template hints) blanked out. */
  lines: Line[];
  /** The top-level blocks. */
  nodes: RootContent[];
}

export interface Section {
  heading: Line;
  /** 1..6 for ATX and setext headings; 7 for a bold pseudo-heading (`**AI Authorship Statement**`). */
  level: number;
  /** The heading's normalised text (see normaliseHeading). */
  key: string;
  /** The blocks under the heading, up to the next heading of the same or a higher level. */
  nodes: RootContent[];
  /** Source lines of those blocks (HTML blanked), for readers that scan text. */
  lines: Line[];
}

/** Anything the item and field readers can look into: a whole document or one section. */
export type Scope = Pick<MdDocument, 'nodes'>;

export interface TaskItem {
  checked: boolean;
  /** The label as plain text (emphasis, code marks and links reduced to their text). */
  label: string;
  line: number;
}

export interface Field {
  label: string;
  value: string;
  line: number;
}

/** Container prefixes (indentation, `>`, list markers) deeper than any real PR body nests. */
const DEEP_PREFIX = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))){33,}[ \t]*|^[ \t]{129,}/gm;
const MAX_MARKERS = 32;

/**
 * Bound the nesting of one line: the parser's time grows with depth times lines (a 3,000-level
 * list takes minutes), so markers beyond the 32nd and indentation beyond 128 columns are dropped.
 */
function clampPrefix(prefix: string): string {
  if (/^[ \t]+$/.test(prefix)) return prefix.slice(0, 128);
  const markers = prefix.match(/[ \t]*(?:>|[*+-]|\d{1,9}[.)])/g) ?? [];
  return `${markers.slice(0, MAX_MARKERS).join('')} `;
}

/**
 * The last texts parsed. One run reads the same PR body in several rules (seven parses), and the
 * parser is quadratic in list items (mdast-util-from-markdown#49): a 64 KiB body of `* a` lines, as
 * GitHub allows, took 22 s. Documents are read, never changed, so sharing them is safe.
 */
const PARSED = new Map<string, MdDocument>();

/** Parse `text` as CommonMark with GFM task lists (long texts in pieces: ./md-chunks.ts). Never throws, and stays fast, on any input. */
export function parseMarkdown(text: string, chunkLines = CHUNK_LINES): MdDocument {
  if (chunkLines !== CHUNK_LINES) return parse(text, chunkLines);
  const hit = PARSED.get(text);
  if (hit) return hit;
  const doc = parse(text, chunkLines);
  if (PARSED.size >= 4) PARSED.delete(PARSED.keys().next().value!);
  PARSED.set(text, doc);
  return doc;
}

function parse(text: string, chunkLines: number): MdDocument {
  const source = text.replace(/\r\n?/g, '\n').replace(DEEP_PREFIX, clampPrefix);
  const raw = source.split('\n');
  const starts = chunkStarts(raw, chunkLines);
  const root: Root = { type: 'root', children: [] };
  const read = (piece: string) => fromMarkdown(piece, { extensions: [gfmTaskListItem()], mdastExtensions: [gfmTaskListItemFromMarkdown()] }).children;
  if (starts.length === 1) root.children = read(source);
  else {
    let offset = 0;
    parsePieces(raw, starts, read).forEach((children, k) => {
      const start = starts[k]!;
      const end = starts[k + 1] ?? raw.length;
      for (const child of children) {
        shiftPositions(child, start, offset);
        root.children.push(child);
      }
      offset += raw.slice(start, end).join('\n').length + 1;
    });
  }
  const blank = (node: Nodes): void => {
    if (node.type === 'html' && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) {
        const text = raw[l - 1] ?? '';
        const from = l === node.position.start.line ? node.position.start.column - 1 : 0;
        const to = l === node.position.end.line ? node.position.end.column - 1 : text.length;
        raw[l - 1] = text.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + text.slice(to);
      }
    }
    if ('children' in node) for (const child of node.children) blank(child);
  };
  blank(root);
  return { root, nodes: root.children, lines: raw.map((t, i) => ({ line: i + 1, text: t.trimEnd() === '' ? '' : t })) };
}

/**
 * False only for text in which `sections` can find no heading, so a caller may skip the parse:
 * an ATX heading needs a line starting with `#` (after at most three spaces), a setext heading
 * an underline of `=` or `-`, a pseudo-heading `**` or `__`, an HTML one `<hN>` or `<summary>`.
 * Their markers must be literal (an entity or an escape makes text, not a heading). Tested against
 * the parser on random text.
 */
export function mayHoldHeading(text: string): boolean {
  return HEADING_MARKER.test(text);
}

const HEADING_MARKER = /(?:^|[\r\n]) {0,3}(?:#|=+[ \t]*(?:[\r\n]|$)|-+[ \t]*(?:[\r\n]|$))|\*\*|__|<(?:h[1-6]|summary)\b/i;

/** Plain text of a node: text, code and link text kept, HTML dropped, line breaks kept as `\n`. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? node.children.map((c) => textOf(c)).join('') : '';
}

/** Strip emphasis and code marks so `does **not** use` reads as `does not use`. */
export function plain(text: string): string {
  return textOf(parseMarkdown(text).root).replace(/\s+/g, ' ').trim();
}

const QUALIFIERS = /\((?:required|mandatory|optional|obligatory|please fill(?: in)?)\)/giu;

/**
 * A heading or label reduced to its words: case, emoji, punctuation, a trailing colon and
 * qualifiers such as "(required)" do not matter. `## 🤖 AI Authorship Statement (required):`
 * and `AI authorship statement` are the same.
 */
export function normaliseHeading(text: string): string {
  return foldLookalikes(text).replace(QUALIFIERS, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}

/** `**Title**` or `**Title:**` alone in a paragraph: a heading in all but syntax. */
function pseudoHeading(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  if (kids.length !== 1 || kids[0]!.type !== 'strong') return undefined;
  const text = textOf(kids[0]!);
  return text.includes('\n') ? undefined : text;
}

function headingOf(node: RootContent): { level: number; text: string } | undefined {
  if (node.type === 'heading') return { level: (node as Heading).depth, text: textOf(node) };
  if (node.type === 'html') return htmlHeading(node.value);
  const pseudo = pseudoHeading(node);
  return pseudo === undefined ? undefined : { level: 7, text: pseudo };
}

/** Every section of the document, in order: real headings of any level and bold pseudo-headings. */
export function sections(doc: MdDocument): Section[] {
  const out: Section[] = [];
  const nodes = doc.nodes;
  nodes.forEach((node, i) => {
    const h = headingOf(node);
    if (!h) return;
    let end = i + 1;
    for (; end < nodes.length; end++) {
      const next = headingOf(nodes[end]!);
      // Only a heading or another pseudo-heading ends a pseudo-heading's section: a bold field label inside a real section does not.
      if (next && next.level <= h.level) break;
    }
    const line = lineOf(node);
    const last = end < nodes.length ? lineOf(nodes[end]!) - 1 : doc.lines.length;
    const lines = doc.lines.slice(node.position?.end.line ?? line, last);
    out.push({ heading: { line, text: h.text.trim() }, level: h.level, key: normaliseHeading(h.text), nodes: nodes.slice(i + 1, end), lines });
  });
  return out;
}

/** The first section whose heading matches `title` after normalisation (see normaliseHeading). */
export function findSection(doc: MdDocument, title: string): Section | undefined {
  const want = normaliseHeading(title);
  return sections(doc).find((s) => s.key === want);
}

/** A box written without GFM's exact syntax: `[ x ]`, `[X ]`, `[✓]`, `[ ]`, `✅`, `☐`, at the start of a line. */
const LOOSE_BOX = /^\s*(?:\[(\s*[xX\u2713\u2714]\s*|\s+)\]|([\u2705\u2611\u2612\u2713\u2714\u2610\u2B1C])\uFE0F?)\s+(\S.*)$/u;
/** Ticks written as a symbol instead of a box (`✅ label`, `☑ label`); `☐`/`⬜` are empty. */
const TICKS = '\u2705\u2611\u2612\u2713\u2714';
const ticked = (m: RegExpExecArray) => (m[1] !== undefined ? m[1].trim() !== '' : TICKS.includes(m[2]!));

/** Visit nodes depth-first; `visit` returns false to skip a node's children. Quoted blocks are skipped. */
function walk(nodes: readonly Nodes[], visit: (node: Nodes) => boolean | void): void {
  for (const node of nodes) {
    if (node.type === 'blockquote' || visit(node) === false) continue;
    if ('children' in node) walk(node.children, visit);
  }
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  return item.children.find((c): c is Paragraph => c.type === 'paragraph');
}

/**
 * Task items in `scope`: GFM task-list items (`- [x] label`, any list marker), and, as people
 * write them, `[ x ]`-style boxes and boxes on a line of their own without a list marker.
 * Boxes in fenced code, HTML comments and block quotes are not read.
 */
export function taskItems(scope: Scope): TaskItem[] {
  const out: TaskItem[] = [];
  const done = new Set<Nodes>();
  const loose = (para: Paragraph) => {
    textOf(para)
      .split('\n')
      .forEach((l, i) => {
        const m = LOOSE_BOX.exec(foldLookalikes(l));
        if (m) out.push({ checked: ticked(m), label: clean(m[3]!), line: lineOf(para) + i });
      });
  };
  walk(scope.nodes, (node) => {
    if (node.type === 'listItem') {
      const para = firstParagraph(node);
      if (!para) return undefined;
      done.add(para);
      if (typeof node.checked === 'boolean') {
        out.push({ checked: node.checked, label: clean(textOf(para).split('\n')[0]!), line: lineOf(node) });
      } else loose(para);
      return undefined;
    }
    if (node.type === 'paragraph') {
      if (!done.has(node)) loose(node);
      return false;
    }
    return undefined;
  });
  return out.sort((a, b) => a.line - b.line);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const FIELD = /^\s*([^:\n]{1,120}?)\s*:\s*(.*)$/;

/**
 * `Label: value` fields in `scope`, as list items or lines of a paragraph (`**Label:** value`
 * too). A value may continue in a nested list below the item (a list of files), or on the
 * following lines of the same paragraph.
 */
export function fields(scope: Scope): Field[] {
  const out: Field[] = [];
  const fromParagraph = (para: Paragraph, nested: RootContent[]) => {
    const lines = textOf(para).split('\n');
    let current: Field | undefined;
    lines.forEach((l, i) => {
      const m = FIELD.exec(l);
      if (m && !/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(l) && !LOOSE_BOX.test(foldLookalikes(l))) {
        current = { label: clean(m[1]!), value: clean(m[2]!), line: lineOf(para) + i };
        out.push(current);
      } else if (current && l.trim() !== '') {
        current.value = [current.value, clean(l)].filter(Boolean).join(', ');
      }
    });
    if (current && nested.length > 0) {
      const parts: string[] = [];
      walk(nested, (n) => {
        if (n.type === 'paragraph') parts.push(clean(textOf(n)));
        return n.type === 'paragraph' ? false : undefined;
      });
      current.value = [current.value, ...parts].filter(Boolean).join(', ');
    }
  };
  walk(scope.nodes, (node) => {
    if (node.type === 'listItem') {
      const para = node.children.find((c): c is Paragraph => c.type === 'paragraph');
      const isField = para !== undefined && FIELD.test(textOf(para).split('\n')[0]!) && node.checked == null;
      if (isField) {
        fromParagraph(para, node.children.filter((c) => c !== para) as RootContent[]);
        return false;
      }
      return undefined;
    }
    if (node.type === 'paragraph') {
      fromParagraph(node, []);
      return false;
    }
    return undefined;
  });
  return out.sort((a, b) => a.line - b.line);
}

/** The first field whose label matches `label` after normalisation (case, emphasis, punctuation). */
export function findField(scope: Scope, label: string): Field | undefined {
  const want = normaliseHeading(label);
  const found = fields(scope).find((f) => normaliseHeading(f.label) === want);
  return found ? { ...found, label } : undefined;
}

/** The task item whose label says what `marker` says (labelMatches): the first ticked, else the first (a box written twice). */
export function findTaskItem(items: readonly TaskItem[], marker: string): TaskItem | undefined {
  const matching = items.filter((b) => labelMatches(b.label, marker));
  return matching.find((b) => b.checked) ?? matching[0];
}

export { labelMatches, labelWords, negates } from './labels.ts';
