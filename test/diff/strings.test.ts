// Printable runs (src/diff/strings.ts) against a plain reference: every run of 8 or more printable
// bytes, every maximal stretch of bytes alternating between printable and zero (UTF-16 text) with
// 8 or more printable ones, and every such stretch of printable bytes three zero bytes apart
// (UTF-32), on random content with UTF-16 and UTF-32 stretches in it.
import { describe, expect, it } from 'vitest';
import { PrintableRuns, printableRuns } from '../../src/diff/strings.ts';
import { rng } from '../helpers/rng.ts';

interface Run {
  line: number;
  content: string;
}

const printable = (b: number) => (b >= 0x20 && b <= 0x7e) || b === 9;

/** The 8-bit runs of `bytes`, the slow, obvious way. */
function narrowRuns(bytes: Buffer): Run[] {
  const out: Run[] = [];
  let line = 1;
  let text = '';
  let at = 1;
  for (const b of [...bytes, -1]) {
    if (b >= 0 && printable(b)) {
      if (text === '') at = line;
      text += String.fromCharCode(b);
      continue;
    }
    if (text.length >= 8) out.push({ line: at, content: text });
    text = '';
    if (b === 10) line++;
  }
  return out;
}

/** The UTF-16 runs of `bytes`: maximal stretches alternating printable / zero, their printable bytes. */
function wideRuns(bytes: Buffer): Run[] {
  const out: Run[] = [];
  let line = 1;
  let text = '';
  let prev: 'p' | 'z' | undefined;
  for (const b of [...bytes, -1]) {
    const kind = b < 0 ? undefined : printable(b) ? 'p' : b === 0 ? 'z' : undefined;
    if (kind !== undefined && prev !== undefined && kind !== prev) {
      if (kind === 'p') text += String.fromCharCode(b);
    } else {
      if (text.length >= 8) out.push({ line, content: text });
      text = kind === 'p' ? String.fromCharCode(b) : '';
    }
    prev = kind;
    if (b === 10) line++;
  }
  return out;
}

/** The UTF-32 runs of `bytes`: maximal stretches of printable bytes with exactly three zero bytes between each two. */
function quadRuns(bytes: Buffer): Run[] {
  const out: Run[] = [];
  let line = 1;
  let text = '';
  let zeros = 0;
  for (const b of [...bytes, -1]) {
    if (b >= 0 && printable(b)) {
      if (text !== '' && zeros !== 3) {
        if (text.length >= 8) out.push({ line, content: text });
        text = '';
      }
      text += String.fromCharCode(b);
      zeros = 0;
    } else if (b === 0 && ++zeros <= 3) {
      continue;
    } else {
      if (text.length >= 8) out.push({ line, content: text });
      text = '';
      if (b === 10) line++;
    }
  }
  return out;
}

const sorted = (runs: Run[]) => [...runs].sort((a, b) => a.line - b.line || (a.content < b.content ? -1 : a.content > b.content ? 1 : 0));

/** Random content, mostly printable, with stretches where every other byte is zero, and where three of four are. */
function content(seed: number): Buffer {
  const random = rng(seed);
  const plain = () => (random() < 0.85 ? 32 + Math.floor(random() * 95) : [0, 10, 1, 200, 0, 0][Math.floor(random() * 6)]!);
  const stretch = 20 + (seed % 50);
  const zero = (i: number) => {
    const region = Math.floor(i / stretch) % 4;
    return (region === 2 && i % 2 === seed % 2) || (region === 3 && i % 4 !== seed % 4);
  };
  return Buffer.from(Array.from({ length: 3000 }, (_, i) => (zero(i) ? 0 : plain())));
}

describe('printable runs', () => {
  it('are those a brute-force reference finds, 8-bit, UTF-16 and UTF-32, on 300 random contents', () => {
    let quads = 0;
    for (let seed = 1; seed < 300; seed++) {
      const bytes = content(seed);
      const quad = quadRuns(bytes);
      quads += quad.length;
      const want = [...narrowRuns(bytes), ...wideRuns(bytes), ...quad];
      expect(sorted(printableRuns(bytes)), `seed ${seed}`).toEqual(sorted(want));
    }
    expect(quads).toBeGreaterThan(100);
  });

  it('are the same however the content is cut into chunks', () => {
    for (let seed = 1; seed < 300; seed++) {
      const bytes = content(seed);
      const whole = printableRuns(bytes);
      const random = rng(seed + 1000);
      const runs = new PrintableRuns();
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 9);
        runs.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(runs.end(), `seed ${seed}`).toEqual(whole);
    }
  });
});
