// Private key blocks: from the BEGIN line across consecutive added lines to the END line, or a
// single line with `\n` escapes (JSON key files, .env values).
import type { ScanLine } from './scanner.ts';

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

/**
 * The block starting at `index` of line `at`: its base64 body (header fields and armor removed)
 * and the index of its last line. Undefined when the body is too short to be a real key.
 */
export function collectBlock(
  lines: readonly ScanLine[],
  at: number,
  index: number,
): { body: string; endAt: number } | undefined {
  const first = (lines[at] as ScanLine).content;
  const afterBegin = first.indexOf('-----', first.indexOf('BEGIN', index) + 5) + 5;
  const rest = first.slice(afterBegin);
  if (rest.includes('-----END')) {
    // One line: escaped newlines (`\n`, `\\n`) separate the rows.
    const inner = rest.slice(0, rest.indexOf('-----END')).split(/\\+n|\\+r/);
    const body = bodyOf(inner);
    return body.length >= MIN_BODY ? { body, endAt: at } : undefined;
  }
  const rows: string[] = [rest];
  let endAt = at;
  for (let j = at + 1; j < lines.length && j - at <= MAX_BLOCK_LINES; j++) {
    const cur = lines[j] as ScanLine;
    if (cur.line !== (lines[j - 1] as ScanLine).line + 1) break;
    endAt = j;
    const endPos = cur.content.indexOf('-----END');
    if (endPos >= 0) {
      rows.push(cur.content.slice(0, endPos));
      break;
    }
    rows.push(cur.content);
  }
  const body = bodyOf(rows.map((r) => r.replace(/^[\s"'`|>-]*|["',\\]*\s*$/g, '')));
  return body.length >= MIN_BODY ? { body, endAt } : undefined;
}
