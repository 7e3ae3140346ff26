// Long Markdown texts parsed in pieces. mdast-util-from-markdown is quadratic in list items (each
// item splices the whole document's event list, syntax-tree/mdast-util-from-markdown#49): 1 MB of
// `* a` lines took minutes, and a commit message or a plan document has no size limit. A text of
// more than CHUNK_LINES lines is cut before lines that start a top-level bullet item (`- x`, `* x`,
// `+ x` at column 0), which no open block can hold but a top-level fenced code block or HTML block:
// those are followed line by line, and a fence indented by one to three spaces (which may sit in a
// list item or not) stops the cutting for the rest of the text. Each piece reads as it would in
// the whole: a list cut in two reads as two lists (no reader tells them apart), and a piece that
// uses a link reference defined in another (`[ref]: url`) is parsed below that definition.
// test/provenance/markdown-chunks.test.ts checks random texts read the same either way.
import type { Nodes, RootContent } from 'mdast';

export const CHUNK_LINES = 200;

const BULLET = /^[-*+][ \t]+\S/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** HTML blocks that run to an end marker (CommonMark types 1 to 5), and the marker. */
const HTML_TO_MARKER: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Any other HTML block (types 6 and 7) runs to a blank line. */
const HTML_TO_BLANK = /^ {0,3}<[/A-Za-z]/;

/**
 * Indexes of the lines each piece starts at (always 0 first). Every HTML block that may be open is
 * followed (its start is taken as one even where the parser may read it as text, which only cuts
 * less), and a fence seen while one may be open stops the cutting too.
 */
export function chunkStarts(lines: readonly string[], min = CHUNK_LINES): number[] {
  const starts = [0];
  if (lines.length <= min) return starts;
  let fence: { char: string; length: number } | undefined;
  const html: (RegExp | 'blank')[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[2]![0] === fence.char && m[2]!.length >= fence.length && m[3]!.trim() === '') fence = undefined;
      continue;
    }
    if (html.length === 0 && i - starts[starts.length - 1]! >= min && BULLET.test(line)) starts.push(i);
    const f = FENCE.exec(line);
    // A backtick fence's info string holds no backtick (else the line is inline code).
    if (f && !(f[2]![0] === '`' && f[3]!.includes('`'))) {
      if (f[1] !== '' || html.length > 0) return starts;
      fence = { char: f[2]![0]!, length: f[2]!.length };
      continue;
    }
    for (let k = html.length - 1; k >= 0; k--) {
      const end = html[k]!;
      if (end === 'blank' ? line.trim() === '' : end.test(line)) html.splice(k, 1);
    }
    const toMarker = HTML_TO_MARKER.find(([open]) => open.test(line));
    if (toMarker) {
      if (!toMarker[1].test(line.replace(toMarker[0], ''))) html.push(toMarker[1]);
    } else if (HTML_TO_BLANK.test(line)) html.push('blank');
  }
  return starts;
}

/** Move a piece's positions to where it sits in the whole text. */
export function shiftPositions(node: Nodes, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start.line += lines;
    p.end.line += lines;
    if (p.start.offset !== undefined) p.start.offset += offset;
    if (p.end.offset !== undefined) p.end.offset += offset;
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, lines, offset);
}

const label = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

type Parse = (text: string) => RootContent[];

/**
 * Parse `lines` cut at `starts`, each piece below the link reference definitions of the other
 * pieces it uses (one `[label]: #` line each, then a blank line, dropped from the result), so a
 * reference resolves as in the whole text. Returns each piece's blocks, at the piece's positions.
 */
export function parsePieces(lines: readonly string[], starts: readonly number[], parse: Parse): RootContent[][] {
  const own = starts.map((start, k) => lines.slice(start, starts[k + 1] ?? lines.length));
  const first = own.map((piece) => parse(piece.join('\n')));
  // Every definition the pieces hold (at any depth): its label as written, by identifier.
  const defs = new Map<string, { piece: number; text: string }>();
  first.forEach((blocks, k) => {
    const visit = (node: Nodes) => {
      if (node.type === 'definition' && !defs.has(label(node.identifier))) {
        defs.set(label(node.identifier), { piece: k, text: `[${node.label ?? node.identifier}]: #` });
      }
      if ('children' in node) node.children.forEach(visit);
    };
    blocks.forEach(visit);
  });
  if (defs.size === 0) return first;
  return own.map((piece, k) => {
    const used = new Set<string>();
    for (const m of piece.join('\n').matchAll(/\[([^\]\n]{1,999})\]/g)) {
      const d = defs.get(label(m[1]!));
      if (d && d.piece !== k) used.add(d.text);
    }
    if (used.size === 0) return first[k]!;
    const prefix = [...used, ''];
    const chars = prefix.join('\n').length + 1;
    const blocks = parse([...prefix, ...piece].join('\n')).filter((b) => (b.position?.start.line ?? 0) > prefix.length);
    for (const b of blocks) shiftPositions(b, -prefix.length, -chars);
    return blocks;
  });
}
