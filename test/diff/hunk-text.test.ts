// Hunks keep their text; their lines are made from it when read (src/diff/hunk-text.ts).
import { describe, expect, it } from 'vitest';
import { releaseLines } from '../../src/diff/hunk-text.ts';
import { parseUnifiedDiff } from '../../src/diff/index.ts';

const DIFF = [
  'diff --git a/a.txt b/a.txt',
  '--- a/a.txt',
  '+++ b/a.txt',
  '@@ -10,5 +20,5 @@ fn main',
  ' keep',
  '-old one\r',
  '-old two',
  '\\ No newline at end of file',
  '+new one',
  '+',
  '',
  ' tail',
  '',
].join('\n');

describe('a parsed hunk', () => {
  it('numbers added lines on the new side and deleted lines on the old side, across context', () => {
    const [file] = parseUnifiedDiff(DIFF);
    const hunk = file!.hunks[0]!;
    expect(hunk.deleted).toEqual([{ line: 11, content: 'old one' }, { line: 12, content: 'old two' }]);
    expect(hunk.added).toEqual([{ line: 21, content: 'new one' }, { line: 22, content: '' }]);
    expect(file!.additions).toBe(2);
    expect(file!.deletions).toBe(2);
  });

  it('reads, spreads, serialises and compares like a plain object', () => {
    const hunk = parseUnifiedDiff(DIFF)[0]!.hunks[0]!;
    const plain = {
      oldStart: 10, oldLines: 5, newStart: 20, newLines: 5, section: 'fn main',
      added: [{ line: 21, content: 'new one' }, { line: 22, content: '' }],
      deleted: [{ line: 11, content: 'old one' }, { line: 12, content: 'old two' }],
    };
    expect(hunk).toEqual(plain);
    expect({ ...hunk }).toStrictEqual(plain);
    expect(JSON.parse(JSON.stringify(hunk))).toEqual(plain);
  });

  it('gives the same lines after a release, and keeps what a caller assigned', () => {
    const [file] = parseUnifiedDiff(DIFF);
    const hunk = file!.hunks[0]!;
    const first = hunk.added;
    expect(hunk.added).toBe(first); // stable until released
    hunk.deleted = [];
    releaseLines(file!);
    expect(hunk.added).not.toBe(first);
    expect(hunk.added).toEqual(first);
    expect(hunk.deleted).toEqual([]);
  });

  it('keeps a hunk that spans the chunks it arrived in whole', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `+line ${i} ${'x'.repeat(400)}`);
    const text = `diff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -0,0 +1,3000 @@\n${lines.join('\n')}\n`;
    const [file] = parseUnifiedDiff(text); // over 1 MiB: split into slices by the line splitter
    expect(file!.hunks[0]!.added.map((l) => l.content)).toEqual(lines.map((l) => l.slice(1)));
    expect(file!.hunks[0]!.added[2999]!.line).toBe(3000);
  });
});
