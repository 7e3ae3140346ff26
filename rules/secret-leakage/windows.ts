// Long lines (a minified bundle, a data blob) as overlapping windows, for the scanner.
import type { Hit, ScanLine } from './scan-types.ts';

/**
 * Lines longer than this are scanned in overlapping windows (a minified bundle, a data blob):
 * each window is a bounded string, and every token shorter than the overlap lies wholly inside
 * one window, so a token on a window edge is still found.
 */
export const WINDOW = 32 * 1024;
export const WINDOW_OVERLAP = 4 * 1024;

/** A long line as overlapping windows (same line number); `offsets[i]` is window i's column. */
export function windowsOf(line: ScanLine): { windows: ScanLine[]; offsets: number[] } {
  const windows: ScanLine[] = [];
  const offsets: number[] = [];
  const text = line.content;
  for (let from = 0; from < text.length; from += WINDOW - WINDOW_OVERLAP) {
    windows.push({ line: line.line, content: text.slice(from, from + WINDOW) });
    offsets.push(from);
    if (from + WINDOW >= text.length) break;
  }
  return { windows, offsets };
}

/**
 * Scans `input` with long lines as overlapping windows (`scanLines` scans short lines); a token
 * seen in two windows is reported once, and hits point back into `input`. A line holding the
 * `waiver` marker anywhere is waived whole, as a short one is: not only the window holding it.
 */
export function scanWindowed(input: readonly ScanLine[], waiver: string, scanLines: (lines: readonly ScanLine[]) => Hit[]): Hit[] {
  const lines: ScanLine[] = [];
  const columns: number[] = [];
  for (const l of input) {
    if (l.content.length <= WINDOW || l.content.includes(waiver)) {
      lines.push(l.content.length <= WINDOW ? l : { ...l, content: waiver });
      columns.push(0);
      continue;
    }
    const { windows, offsets } = windowsOf(l);
    lines.push(...windows);
    columns.push(...offsets);
  }
  // Hits point back into `input`: the index of the original line, the column in it.
  const original: number[] = [];
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i === 0 || columns[i] === 0) at++;
    original.push(at);
  }
  const seen = new Set<string>();
  const out: Hit[] = [];
  for (const h of scanLines(lines)) {
    const hit = { ...h, at: original[h.at] as number, endAt: original[h.endAt] as number, index: h.index + (columns[h.at] as number) };
    const key = `${hit.at}:${hit.index}:${hit.patternId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(hit);
  }
  return out;
}
