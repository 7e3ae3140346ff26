// Hand-written diffs for cases real git output rarely shows, and chunked streaming.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DiffFormatError, DiffStream, parsePatch, parsePatchStream, parseUnifiedDiff } from '../../src/diff/index.ts';

const GIT_DIFF = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,4 +1,4 @@ function top() {',
  ' keep',
  '--- a line that starts with two dashes',
  '+++ a line that starts with two pluses',
  ' keep',
  '',
  'diff --git "a/sp\\303\\251cial name.txt" "b/sp\\303\\251cial name.txt"',
  'new file mode 100644',
  'index 0000000..3333333',
  '--- /dev/null',
  '+++ "b/sp\\303\\251cial name.txt"',
  '@@ -0,0 +1 @@',
  '+hello',
  '\\ No newline at end of file',
  'diff --git a/with space.txt b/with space.txt',
  'deleted file mode 100644',
  'index 4444444..0000000',
  '--- a/with space.txt\t',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-x',
  '-y',
  '',
].join('\n');

describe('hand-written diffs', () => {
  it('reads content lines that look like headers, C-quoted names, tab-terminated names, /dev/null', () => {
    const files = parseUnifiedDiff(GIT_DIFF);
    expect(files.map((f) => [f.path, f.status, f.additions, f.deletions])).toEqual([
      ['src/a.ts', 'modified', 1, 1],
      ['spécial name.txt', 'added', 1, 0],
      ['with space.txt', 'deleted', 0, 2],
    ]);
    expect(files[0]!.hunks[0]).toEqual({
      oldStart: 1, oldLines: 4, newStart: 1, newLines: 4, section: 'function top() {',
      added: [{ line: 2, content: '++ a line that starts with two pluses' }],
      deleted: [{ line: 2, content: '-- a line that starts with two dashes' }],
    });
    expect(files[2]!.hunks[0]!.deleted).toEqual([{ line: 1, content: 'x' }, { line: 2, content: 'y' }]);
  });

  it('reads a plain `diff -u` (no diff --git line), several files', () => {
    const text = [
      '--- a/one.c\t2024-01-01 00:00:00.000000000 +0000',
      '+++ b/one.c\t2024-01-02 00:00:00.000000000 +0000',
      '@@ -1 +1,2 @@',
      ' int x;',
      '+int y;',
      '--- /dev/null',
      '+++ b/two.c',
      '@@ -0,0 +1 @@',
      '+new',
    ].join('\n');
    expect(parseUnifiedDiff(text).map((f) => [f.path, f.status, f.additions])).toEqual([
      ['one.c', 'modified', 1],
      ['two.c', 'added', 1],
    ]);
  });

  it('reads a whole diff saved with CRLF line endings', () => {
    const files = parseUnifiedDiff(GIT_DIFF.replace(/\n/g, '\r\n'));
    expect(files.map((f) => f.path)).toEqual(['src/a.ts', 'spécial name.txt', 'with space.txt']);
    expect(files[1]!.hunks[0]!.added).toEqual([{ line: 1, content: 'hello' }]);
  });

  it('copies, old-style rename headers and mode changes with content', () => {
    const text = [
      'diff --git a/a.txt b/b.txt',
      'similarity index 90%',
      'copy from a.txt',
      'copy to b.txt',
      '--- a/a.txt',
      '+++ b/b.txt',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/x y b/x y',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/m b/n',
      'rename old m',
      'rename new n',
    ].join('\n');
    expect(parseUnifiedDiff(text)).toEqual([
      expect.objectContaining({ path: 'b.txt', oldPath: 'a.txt', status: 'copied', similarity: 90, additions: 1 }),
      expect.objectContaining({ path: 'x y', status: 'modified', modeChange: { oldMode: '100644', newMode: '100755' } }),
      expect.objectContaining({ path: 'n', oldPath: 'm', status: 'renamed' }),
    ]);
  });

  it('a hunk shorter than its header is a corrupt patch at the line that cannot belong to it', () => {
    const text = ['diff --git a/a b/a', '--- a/a', '+++ b/a', '@@ -1,5 +1,5 @@', '-x', '+y',
      'diff --git a/b b/b', '--- a/b', '+++ b/b', '@@ -1 +1 @@', '-p', '+q'].join('\n');
    expect(() => parseUnifiedDiff(text)).toThrow(DiffFormatError);
    expect(() => parseUnifiedDiff(text)).toThrow(/^line 7: corrupt patch: the hunk at line 4 of "b\/a" expects 4 more lines/);
  });

  it('empty input is no files', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
    expect(parsePatch('just some text\nwithout a diff\n')).toEqual({ files: [], commits: [], notes: [] });
  });
});

describe('streaming', () => {
  const bytes = Buffer.from(GIT_DIFF, 'utf8');
  const whole = parseUnifiedDiff(bytes);

  it.each([1, 2, 3, 7, 64])('gives the same result fed in %i-byte chunks (splitting UTF-8 sequences)', (size) => {
    const stream = new DiffStream();
    for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
    expect(stream.end().files).toEqual(whole);
  });

  it('consumes a Readable', async () => {
    expect((await parsePatchStream(Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]))).files).toEqual(whole);
  });

  it('parses a large generated diff from an async generator chunk by chunk', async () => {
    const FILES = 300;
    const LINES = 200;
    async function* generate(): AsyncGenerator<Buffer> {
      for (let f = 0; f < FILES; f++) {
        let chunk = `diff --git a/f${f}.txt b/f${f}.txt\n--- a/f${f}.txt\n+++ b/f${f}.txt\n@@ -1,${LINES} +1,${LINES} @@\n`;
        for (let l = 0; l < LINES; l++) chunk += l % 2 ? ` ctx ${l}\n` : `-old ${l}\n+new ${l}\n`;
        yield Buffer.from(chunk);
      }
    }
    const { files } = await parsePatchStream(generate());
    expect(files).toHaveLength(FILES);
    expect(files.reduce((n, f) => n + f.additions + f.deletions, 0)).toBe(FILES * LINES);
    expect(files[FILES - 1]!.hunks[0]!.added[1]).toEqual({ line: 3, content: 'new 2' });
  });
});
