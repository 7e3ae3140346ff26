// Private key blocks: from the BEGIN line across consecutive added lines to the END line, or a
// single line with `\n` escapes (JSON key files, .env values).
import type { ScanLine } from './scan-types.ts';

/** Added lines a block may span before we stop looking for its END line. */
const MAX_BLOCK_LINES = 400;
/** A real key has far more base64 than this; less is an elided example (`MIIE...`). */
const MIN_BODY = 64;

const HEADER = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset):/;

function bodyOf(rawLines: readonly string[]): string {
  let body = '';
  for (const raw of rawLines) {
    const l = raw.trim();
    if (l === '' || HEADER.test(l) || /^=[A-Za-z0-9+/]{4}$/.test(l)) continue; // PGP armor checksum
    body += l.replace(/[^A-Za-z0-9+/=]/g, '');
  }
  return body;
}

/** Where a block ends and its key body; `body` is undefined when too short to be a real key. */
export interface Block {
  body: string | undefined;
  /** Index of the block's last line. */
  endAt: number;
  /** Column after the END marker when the block ends on its first line. */
  endColumn?: number;
}

/**
 * The block starting at `index` of line `at`: its base64 body (header fields and armor removed)
 * and where it ends. A block ends at its END marker, at the next BEGIN marker, after
 * MAX_BLOCK_LINES lines or at a gap in the line numbers.
 */
export function collectBlock(lines: readonly ScanLine[], at: number, index: number): Block {
  const first = (lines[at] as ScanLine).content;
  const afterBegin = first.indexOf('-----', first.indexOf('BEGIN', index) + 5) + 5;
  // Only up to the next BEGIN marker on the line: blocks do not nest.
  const nextBegin = first.indexOf('-----BEGIN', afterBegin);
  const end = first.indexOf('-----END', afterBegin);
  if (end >= 0 && (nextBegin < 0 || end < nextBegin)) {
    // One line: escaped newlines (`\n`, `\\n`) separate the rows.
    const body = bodyOf(first.slice(afterBegin, end).split(/\\+n|\\+r/));
    return { body: body.length >= MIN_BODY ? body : undefined, endAt: at, endColumn: end + 8 };
  }
  if (nextBegin >= 0) {
    const body = bodyOf(first.slice(afterBegin, nextBegin).split(/\\+n|\\+r/));
    return { body: body.length >= MIN_BODY ? body : undefined, endAt: at, endColumn: nextBegin };
  }
  const rows: string[] = [first.slice(afterBegin)];
  let endAt = at;
  let closed = false;
  for (let j = at + 1; j < lines.length && j - at <= MAX_BLOCK_LINES; j++) {
    const cur = lines[j] as ScanLine;
    if (cur.line !== (lines[j - 1] as ScanLine).line + 1) break;
    endAt = j;
    const endPos = cur.content.indexOf('-----END');
    if (endPos >= 0) {
      rows.push(cur.content.slice(0, endPos));
      closed = true;
      break;
    }
    if (cur.content.includes('-----BEGIN')) {
      endAt = j - 1;
      break;
    }
    rows.push(cur.content);
  }
  const last = rows.length - 1;
  const body = bodyOf(rows.map((r, i) => rowOf(r, i === 0 ? 'first' : i === last && closed ? 'last' : 'middle')));
  return { body: body.length >= MIN_BODY ? body : undefined, endAt };
}

/** A row holding one string literal (`"MIIE…\n" +`, `+ 'MIIE…'`, `"MIIE…",`): its content. */
const LITERAL = /^[^"'`]*["'`]([^"'`]*)["'`][^"'`]*$/;

/**
 * A row of a multi-line block without the source code around it, so that a key has the same
 * body (and fingerprint) in a `.pem` file and as string literals in code: what follows the BEGIN
 * marker and precedes the END marker is only syntax (`\n" +`, `+ "`), a row in quotes is its
 * content, and escaped line breaks (`\n`) are no part of the key.
 */
function rowOf(row: string, place: 'first' | 'middle' | 'last'): string {
  if (HEADER.test(row.trim())) return row;
  let r = row;
  if (place === 'first') r = r.replace(/["'`].*$/, '');
  else if (place === 'last') r = r.replace(/^.*["'`]/, '');
  else r = LITERAL.exec(r)?.[1] ?? r;
  return r.replace(/\\+[nr]/g, '').replace(/^[\s"'`|>-]*|["',\\]*\s*$/g, '');
}

/** PuTTY's private part is short (an ed25519 key is 48 base64 characters). */
const MIN_PUTTY_BODY = 40;

/**
 * A PuTTY key file starting at line `at`: the `Private-Lines: N` rows that follow (up to
 * MAX_BLOCK_LINES lines, consecutive line numbers), or the same on one line with `\n` escapes.
 */
export function collectPutty(lines: readonly ScanLine[], at: number, index: number): Block {
  const first = (lines[at] as ScanLine).content.slice(index);
  let rows: string[];
  let endAt = at;
  if (/\\+n/.test(first)) {
    rows = first.split(/\\+n/);
  } else {
    rows = [first];
    for (let j = at + 1; j < lines.length && j - at <= MAX_BLOCK_LINES; j++) {
      const cur = lines[j] as ScanLine;
      if (cur.line !== (lines[j - 1] as ScanLine).line + 1) break;
      endAt = j;
      rows.push(cur.content);
      if (/^\s*Private-MAC:/.test(cur.content)) break;
    }
  }
  const start = rows.findIndex((r) => /^\s*Private-Lines:\s*\d+/.test(r));
  if (start < 0) return { body: undefined, endAt };
  const count = Number(/Private-Lines:\s*(\d+)/.exec(rows[start] as string)?.[1]);
  const body = rows.slice(start + 1, start + 1 + Math.min(count, MAX_BLOCK_LINES)).join('').replace(/[^A-Za-z0-9+/=]/g, '');
  return { body: body.length >= MIN_PUTTY_BODY ? body : undefined, endAt, ...(endAt === at ? { endColumn: (lines[at] as ScanLine).content.length } : {}) };
}
