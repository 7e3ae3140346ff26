// Long lines (a minified bundle, a data blob) as overlapping windows, for the scanner.
import type { ScanLine } from './scan-types.ts';

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
