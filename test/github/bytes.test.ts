// clipBytes: UTF-8 byte limits, cut on a character boundary with the note counted.
import { describe, expect, test } from 'vitest';
import { clipBytes } from '../../src/github/bytes.ts';

describe('clipBytes', () => {
  test('text within the limit is unchanged', () => {
    expect(clipBytes('héllo', 6)).toBe('héllo');
  });

  test('never splits a multi-byte character or a surrogate pair, and the note fits', () => {
    for (const ch of ['é', '€', '🔑']) {
      for (let max = 8; max < 40; max++) {
        const out = clipBytes(ch.repeat(50), max, '…');
        expect(Buffer.byteLength(out)).toBeLessThanOrEqual(max);
        expect(out.endsWith('…')).toBe(true);
        expect(out).not.toContain('\uFFFD');
        expect(out.slice(0, -1)).toBe(ch.repeat(out.slice(0, -1).length / ch.length));
      }
    }
  });
});
