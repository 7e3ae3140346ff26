// Small, pure readers for the PR template's Markdown: sections, checkboxes and `Label: value` fields.

export interface Line {
  /** 1-based line number within the text. */
  line: number;
  text: string;
}

export interface Section {
  heading: Line;
  lines: Line[];
}

export interface Checkbox {
  checked: boolean;
  label: string;
  line: number;
}

export interface Field {
  label: string;
  value: string;
  line: number;
}

/** Lines of `text`, with HTML comments blanked out (template hints are not content). */
export function contentLines(text: string): Line[] {
  const withoutComments = text.replace(/<!--[\s\S]*?(-->|$)/g, (c) => c.replace(/[^\n]/g, ''));
  return withoutComments.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }));
}

/** Strip emphasis and code marks so `does **not** use` reads as `does not use`. */
export function plain(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/\*(\S[^*]*?)\*/g, '$1')
    .replace(/(^|\s)_(\S[^_]*?)_(?=\s|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** The section under a heading whose text equals `title` (case-insensitive), up to the next heading of the same or a higher level. */
export function findSection(lines: Line[], title: string): Section | undefined {
  const want = plain(title).toLowerCase();
  for (let i = 0; i < lines.length; i++) {
    const m = HEADING.exec(lines[i]!.text);
    if (!m || plain(m[2]!).toLowerCase() !== want) continue;
    const level = m[1]!.length;
    const body: Line[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = HEADING.exec(lines[j]!.text);
      if (next && next[1]!.length <= level) break;
      body.push(lines[j]!);
    }
    return { heading: lines[i]!, lines: body };
  }
  return undefined;
}

const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s*(.*)$/;

export function checkboxes(lines: Line[]): Checkbox[] {
  const out: Checkbox[] = [];
  for (const l of lines) {
    const m = CHECKBOX.exec(l.text);
    if (m) out.push({ checked: m[1] !== ' ', label: plain(m[2]!), line: l.line });
  }
  return out;
}

/** The checkbox whose label contains `marker` (case-insensitive), skipping labels that contain `unless`. */
export function findCheckbox(boxes: Checkbox[], marker: string, unless?: string): Checkbox | undefined {
  const want = plain(marker).toLowerCase();
  const not = unless ? plain(unless).toLowerCase() : undefined;
  return boxes.find((b) => {
    const label = b.label.toLowerCase();
    return label.includes(want) && !(not && label.includes(not));
  });
}

/**
 * The `Label: value` field (as a list item or a plain line). A value may continue on the
 * following, more indented lines (a nested list of files).
 */
export function findField(lines: Line[], label: string): Field | undefined {
  const want = plain(label).toLowerCase();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text;
    const m = /^(\s*)(?:[-*+]\s+)?([^:]*):(.*)$/.exec(raw);
    if (!m || plain(m[2]!).toLowerCase() !== want) continue;
    const indent = m[1]!.length;
    const parts = [value(m[3]!)];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!.text;
      if (next.trim() === '') continue;
      const nextIndent = /^\s*/.exec(next)![0].length;
      if (nextIndent <= indent || CHECKBOX.test(next)) break;
      parts.push(value(next.replace(/^\s*(?:[-*+]\s+)?/, '')));
    }
    return { label, value: parts.filter(Boolean).join(', '), line: lines[i]!.line };
  }
  return undefined;
}

/** A field value: code marks and surrounding emphasis removed, globs and underscores kept. */
function value(text: string): string {
  return text.replace(/`/g, '').replace(/^\s*\*\*(?=\s|$)/, '').replace(/(^|\s)\*\*\s*$/, '').trim();
}
