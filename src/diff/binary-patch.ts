// The content of a `GIT binary patch` (git diff --binary, format-patch --binary): the forward
// section is `literal <size>` (the new file, deflated) or `delta <size>` (against the old blob,
// which a diff file does not hold), in git's base85 lines. A literal is decoded and its printable
// runs become the file's `contentScan`, as the git source gives a binary file's (strings.ts); a
// delta, one over the content-scan limit, or one that does not decode says why it was not read.
// node:zlib is loaded on the first binary patch: only a diff file (--diff) holds one (the git source
// reads binary files' content itself), and loading it cost about 1.7 ms of every run's start.
import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';
import type { FileChange } from '../model.ts';
import { CONTENT_SCAN_LIMIT, overContentLimit, PrintableRuns } from './strings.ts';

let zlib: typeof Zlib | undefined;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** The bytes a base85 line holds, from its length character (A-Z 1-26, a-z 27-52), or 0 when it has none. */
function lineLength(line: string): number {
  const c = line.charCodeAt(0);
  return c >= 65 && c <= 90 ? c - 64 : c >= 97 && c <= 122 ? c - 96 + 26 : 0;
}

/** Decodes the base85 lines (5 characters per 4 bytes after the length character), or undefined when one is malformed. */
function decode85(lines: readonly string[]): Buffer | undefined {
  let total = 0;
  for (const line of lines) {
    const length = lineLength(line);
    if (length === 0 || line.length !== 1 + Math.ceil(length / 4) * 5) return undefined;
    total += length;
  }
  const out = Buffer.alloc(total);
  let at = 0;
  for (const line of lines) {
    const length = lineLength(line);
    for (let i = 1, left = length; i < line.length; i += 5, left -= 4) {
      let v = 0;
      for (let k = 0; k < 5; k++) {
        const d = DIGIT[line.charCodeAt(i + k)] ?? -1;
        if (d < 0) return undefined;
        v = v * 85 + d;
      }
      if (v > 0xffffffff) return undefined;
      for (let k = 0; k < Math.min(4, left); k++) out[at++] = (v >>> (24 - 8 * k)) & 0xff;
    }
  }
  return out;
}

export class BinaryPatch {
  private state: 'kind' | 'data' | 'done' = 'kind';
  private kind: 'literal' | 'delta' | undefined;
  private size = 0;
  private readonly lines: string[] = [];

  /** Takes a line after `GIT binary patch`; false when it is not part of the patch. */
  line(text: string): boolean {
    if (this.state === 'kind') {
      const m = /^(literal|delta) (\d+)$/.exec(text);
      if (!m) return false;
      this.kind = m[1] as 'literal' | 'delta';
      this.size = Number(m[2]);
      this.state = 'data';
      return true;
    }
    if (this.state === 'data') {
      if (text === '') this.state = 'done';
      else if (this.kind === 'literal' && this.size <= CONTENT_SCAN_LIMIT) this.lines.push(text);
      return true;
    }
    // The reverse section (the old content), then the blank line that ends it: not read.
    return /^(literal|delta) \d+$/.test(text) || /^[A-Za-z][0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]+$/.test(text) || text === '';
  }

  /** What the scanners get of the new content. */
  result(): NonNullable<FileChange['contentScan']> {
    if (this.kind === undefined) return { skipped: 'the diff says it is binary but holds no patch of its content' };
    if (this.kind === 'delta') return { skipped: 'the diff holds a binary delta against the old content, which a diff file does not have' };
    if (this.size > CONTENT_SCAN_LIMIT) return { skipped: overContentLimit(this.size) };
    const deflated = decode85(this.lines);
    if (!deflated) return { skipped: 'its binary patch is not valid base85' };
    let content: Buffer;
    try {
      zlib ??= createRequire(import.meta.url)('node:zlib') as typeof Zlib;
      content = zlib.inflateSync(deflated, { maxOutputLength: Math.max(this.size, 1) });
    } catch {
      return { skipped: 'its binary patch does not inflate' };
    }
    if (content.length !== this.size) return { skipped: `its binary patch inflates to ${content.length} bytes, not the ${this.size} it says` };
    const runs = new PrintableRuns();
    runs.push(content);
    return { lines: runs.end() };
  }
}
