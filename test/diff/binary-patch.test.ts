// `GIT binary patch` literals decoded for the scanners, and every way one can fail to decode said
// so (never a pass read as "nothing in it", never a decompression bomb inflated in full).
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BinaryPatch } from '../../src/diff/binary-patch.ts';
import { CONTENT_SCAN_LIMIT } from '../../src/diff/strings.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';

/** git's base85 lines (at most 52 bytes each, a length character first), written the plain way. */
function base85(data: Buffer): string[] {
  const lines: string[] = [];
  for (let at = 0; at < data.length; at += 52) {
    const part = data.subarray(at, at + 52);
    let line = part.length <= 26 ? String.fromCharCode(64 + part.length) : String.fromCharCode(96 + part.length - 26);
    for (let i = 0; i < part.length; i += 4) {
      let v = 0;
      for (let k = 0; k < 4; k++) v = v * 256 + (part[i + k] ?? 0);
      let chars = '';
      for (let k = 0; k < 5; k++) {
        chars = ALPHABET[v % 85]! + chars;
        v = Math.floor(v / 85);
      }
      line += chars;
    }
    lines.push(line);
  }
  return lines;
}

function read(lines: string[]) {
  const patch = new BinaryPatch();
  for (const line of lines) expect(patch.line(line), line).toBe(true);
  return patch.result();
}

const literal = (content: Buffer, size = content.length) => [`literal ${size}`, ...base85(deflateSync(content)), ''];

describe('GIT binary patch', () => {
  it('a literal is decoded and its printable runs are the content scan, on their lines', () => {
    const content = Buffer.from('\0\x01header\nkey=value-that-is-long\n\0\0more text here\n');
    expect(read([...literal(content), 'literal 0', 'HcmV?d00001', ''])).toEqual({
      lines: [
        { line: 2, content: 'key=value-that-is-long' },
        { line: 3, content: 'more text here' },
      ],
    });
  });

  it('a delta, an empty patch, bad base85, a wrong size and a bomb each say why the content was not read', () => {
    expect(read(['delta 12', ...base85(deflateSync(Buffer.from('xx'))), ''])).toEqual({ skipped: expect.stringMatching(/binary delta/) });
    expect(new BinaryPatch().result()).toEqual({ skipped: expect.stringMatching(/holds no patch/) });
    expect(read(['literal 4', 'E"bad~', ''])).toEqual({ skipped: 'its binary patch is not valid base85' });
    expect(read(literal(Buffer.from('sixteen bytes!!!'), 20))).toEqual({ skipped: 'its binary patch inflates to 16 bytes, not the 20 it says' });
    // 64 MiB of zeros deflate to about 64 KiB: the size it claims bounds what is inflated.
    expect(read(literal(Buffer.alloc(64 << 20), 1000))).toEqual({ skipped: 'its binary patch does not inflate' });
  });

  it('a literal over the content-scan limit is not decoded, and says so', () => {
    const patch = new BinaryPatch();
    expect(patch.line(`literal ${CONTENT_SCAN_LIMIT + 1}`)).toBe(true);
    expect(patch.line(base85(Buffer.from('abcd'))[0]!)).toBe(true);
    expect(patch.line('')).toBe(true);
    expect(patch.result()).toEqual({ skipped: 'larger (8.0 MiB) than the 8.0 MiB content-scan limit' });
  });

  it('takes the reverse section and its end, and no line of what follows', () => {
    const patch = new BinaryPatch();
    for (const line of literal(Buffer.from('content!'))) patch.line(line);
    expect(patch.line('literal 3')).toBe(true);
    expect(patch.line('')).toBe(true);
    expect(patch.line('similarity index 90%')).toBe(false);
    expect(patch.line('-- ')).toBe(false);
  });
});
