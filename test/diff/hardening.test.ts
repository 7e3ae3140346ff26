// The parts of the diff parser that make it parse-or-refuse: prefixes, names, combined hunks,
// mbox From lines, the line-length cap and the line budget.
import { describe, expect, it } from 'vitest';
import { DiffFormatError, DiffStream, parsePatch, parseUnifiedDiff } from '../../src/diff/index.ts';
import { DiffLimitError } from '../../src/diff/errors.ts';
import { isFromLine, mailStart } from '../../src/diff/mbox.ts';
import { normalisePath, prefixesOf } from '../../src/diff/paths.ts';

describe('prefixesOf', () => {
  it.each([
    ['a/src/x', 'b/src/x', undefined, undefined, { src: 'a/', dst: 'b/' }],
    ['src/x', 'src/x', undefined, undefined, { src: '', dst: '' }],
    ['old/x', 'new/x', undefined, undefined, { src: 'old/', dst: 'new/' }],
    ['base/tree/src/x', 'head/src/x', undefined, undefined, { src: 'base/tree/', dst: 'head/' }],
    ['a/old.ts', 'b/new.ts', 'old.ts', 'new.ts', { src: 'a/', dst: 'b/' }],
    ['old.ts', 'new.ts', 'old.ts', 'new.ts', { src: '', dst: '' }],
    ['a/x', 'b/y', undefined, undefined, undefined],
    ['xa/P', 'ya/P', undefined, undefined, { src: 'xa/', dst: 'ya/' }],
  ])('%s %s (rename %s -> %s)', (o, n, from, to, expected) => {
    expect(prefixesOf(o, n, from, to)).toEqual(expected);
  });
});

describe('normalisePath', () => {
  it.each([
    ['./x', { path: 'x' }], ['a//b', { path: 'a/b' }], ['src/../x', { path: 'x' }], ['x/', { path: 'x' }],
  ])('%s', (name, expected) => expect(normalisePath(name)).toEqual(expected));

  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:/x', '.', 'a/..'])('refuses %s', (name) => {
    expect(normalisePath(name)).toHaveProperty('problem');
  });
});

describe('names', () => {
  const one = (lines: string[]) => parseUnifiedDiff(`${lines.join('\n')}\n`);

  it('a --no-prefix name with spaces splits where both halves agree', () => {
    const [f] = one(['diff --git my dir/a b.txt my dir/a b.txt', '--- my dir/a b.txt\t', '+++ my dir/a b.txt\t', '@@ -1 +1 @@', '-x', '+y']);
    expect(f!.path).toBe('my dir/a b.txt');
  });

  it('a --no-prefix rename reads exact names from the rename lines', () => {
    const [f] = one(['diff --git src/a.ts lib/b.ts', 'similarity index 90%', 'rename from src/a.ts', 'rename to lib/b.ts']);
    expect([f!.status, f!.oldPath, f!.path]).toEqual(['renamed', 'src/a.ts', 'lib/b.ts']);
  });

  it('a mode change alone (no ---/+++) with a/ b/ prefixes', () => {
    const [f] = one(['diff --git a/bin/run b/bin/run', 'old mode 100644', 'new mode 100755']);
    expect([f!.path, f!.modeChange]).toEqual(['bin/run', { oldMode: '100644', newMode: '100755' }]);
  });

  it('a plain diff\'s lone name next to /dev/null keeps its directory unless it is a/ or b/', () => {
    expect(one(['--- /dev/null', '+++ .github/workflows/x.yml', '@@ -0,0 +1 @@', '+x'])[0]!.path).toBe('.github/workflows/x.yml');
    expect(one(['--- /dev/null', '+++ b/src/x.ts', '@@ -0,0 +1 @@', '+x'])[0]!.path).toBe('src/x.ts');
  });

  it('a file whose names cannot be read is refused, not dropped', () => {
    expect(() => one(['diff --git "a/unterminated', '--- "a/unterminated', '+++ b/x', '@@ -1 +1 @@', '-a', '+b'])).toThrow(DiffFormatError);
  });
});

describe('combined diffs', () => {
  it('reads added lines of the merge result (a "+" in any column) and deleted lines of the first parent', () => {
    const [f] = parseUnifiedDiff(['diff --cc m.ts', 'index 1,2..3', '--- a/m.ts', '+++ b/m.ts', '@@@ -1,3 -1,3 +1,4 @@@',
      '  one', '+ two', ' +three', '++evil', '- gone', ' -gone2', ''].join('\n'));
    expect(f!.path).toBe('m.ts');
    expect(f!.hunks[0]!.added.map((l) => [l.line, l.content])).toEqual([[2, 'two'], [3, 'three'], [4, 'evil']]);
    expect(f!.hunks[0]!.deleted.map((l) => [l.line, l.content])).toEqual([[3, 'gone'], [3, 'gone2']]);
    expect([f!.additions, f!.deletions]).toEqual([3, 2]);
  });

  it('refuses a line with more "+" than the result has room for', () => {
    expect(() => parseUnifiedDiff(['diff --cc m.ts', '@@@ -1 -1 +1 @@@', '++a', '++b', ''].join('\n'))).toThrow(/corrupt patch/);
  });
});

describe('mbox From lines, as git mailsplit decides', () => {
  it.each([
    [`From ${'a'.repeat(40)} Mon Sep 17 00:00:00 2001`, true],
    ['From someone@example.com Thu Jan  1 00:00:00 1998', true],
    [`From ${'a'.repeat(40)} is where it started`, false],
    [`From ${'a'.repeat(40)} Mon Sep 17 00:00:00 90`, false], // git wants a year above 90
    ['From a 0:0:00 1999', false], // shorter than git's 20 bytes (with the newline)
  ])('%s', (line, expected) => expect(isFromLine(line)).toBe(expected));

  it('mailStart needs a hex commit id as well', () => {
    expect(mailStart(`From ${'a'.repeat(40)} Mon Sep 17 00:00:00 2001`)).toBe('a'.repeat(40));
    expect(mailStart('From someone@example.com Thu Jan  1 00:00:00 1998')).toBeUndefined();
  });

  it('a non-header line in the header block starts the body (nothing dropped)', () => {
    const { commits } = parsePatch([`From ${'1'.repeat(40)} Mon Sep 17 00:00:00 2001`, 'Subject: s', 'not a header line', 'more', ''].join('\n'));
    expect(commits[0]!.message).toBe('s\n\nnot a header line\nmore');
  });
});

describe('bounded memory', () => {
  it('cuts a line longer than the limit, whatever the chunking, and notes it', () => {
    const text = `diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+${'y'.repeat(40)}\n+z\n`;
    for (const size of [1, 7, 64, text.length]) {
      const s = new DiffStream({ maxLineBytes: 24 });
      for (let i = 0; i < text.length; i += size) s.write(text.slice(i, i + size));
      const r = s.end();
      expect(r.files[0]!.hunks[0]!.added.map((l) => l.content), `chunks of ${size}`).toEqual(['y'.repeat(23), 'z']);
      expect(r.notes).toEqual(['line 5 of the diff (in "x") is longer than 24 bytes: only its first 24 bytes were read']);
      expect(r.files[0]!.hunks[0]!.cut, `chunks of ${size}`).toEqual([1]);
    }
  });

  it('records which added lines were cut, by their new-side number (not context or deleted ones)', () => {
    const long = 'y'.repeat(40);
    const text = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,4 @@', ` ${long}`, `-${long}`, '+a', `+${long}`, ' b', '@@ -9 +10 @@', `-${long}`, '+c', ''].join('\n');
    const s = new DiffStream({ maxLineBytes: 24 });
    s.write(text);
    const r = s.end();
    expect(r.files[0]!.hunks.map((h) => h.cut)).toEqual([[3], undefined]);
    expect(r.notes).toHaveLength(4);
  });

  it('records a cut added line of a combined hunk, and carries cut lines into a series\' history', () => {
    const long = 'y'.repeat(40);
    const cc = ['diff --cc m.ts', 'index 1,2..3', '--- a/m.ts', '+++ b/m.ts', '@@@ -1,2 -1,2 +1,3 @@@', '  one', `++${long}`, '  two', ''].join('\n');
    const s = new DiffStream({ maxLineBytes: 24 });
    s.write(cc);
    expect(s.end().files[0]!.hunks[0]!.cut).toEqual([2]);
    // A file one patch creates and the next removes is not in the net diff: its lines are history.
    const patch = (sha: string, body: string[]) => [`From ${sha} Mon Sep 17 00:00:00 2001`, 'From: Ada <ada@example.com>', 'Subject: [PATCH] s', '', '---', ...body];
    const series = [
      ...patch('1'.repeat(40), ['diff --git a/y b/y', 'new file mode 100644', '--- /dev/null', '+++ b/y', '@@ -0,0 +1,2 @@', '+a', `+${long}`]),
      ...patch('2'.repeat(40), ['diff --git a/y b/y', 'deleted file mode 100644', '--- a/y', '+++ /dev/null', '@@ -1,2 +0,0 @@', '-a', `-${long}`]),
      '',
    ].join('\n');
    const m = new DiffStream({ maxLineBytes: 80 }); // the `From <sha> <date>` lines are read whole
    m.write(series.replaceAll(long, long.repeat(3)));
    const r = m.end();
    expect(r.files).toEqual([]);
    expect(r.history?.map((e) => [e.sha[0], e.files.map((f) => [f.path, f.hunks[0]!.cut])])).toEqual([['1', [['y', [2]]]]]);
    // The cut line is a diff line, not one of the messages.
    expect(r.commits.map((c) => c.messageCut)).toEqual([undefined, undefined]);
  });

  it('marks a commit whose message holds a line cut at the limit (header or body), and only that one', () => {
    const mail = (sha: string, subject: string, body: string) =>
      [`From ${sha} Mon Sep 17 00:00:00 2001`, 'From: Ada <ada@example.com>', `Subject: ${subject}`, '', body, '---', 'diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '-a', '+b'];
    const long = 'z'.repeat(200);
    const series = [...mail('1'.repeat(40), 's', `body ${long}`), ...mail('2'.repeat(40), 's', 'short'), ...mail('3'.repeat(40), long, 'short'), ''].join('\n');
    const m = new DiffStream({ maxLineBytes: 80 });
    m.write(series);
    expect(m.end().commits.map((c) => [c.sha[0], c.messageCut])).toEqual([['1', true], ['2', undefined], ['3', true]]);
  });

  it('refuses more added and deleted lines than maxLines', () => {
    const s = new DiffStream({ maxLines: 2 });
    expect(() => {
      s.write('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n');
      s.end();
    }).toThrow(DiffLimitError);
  });
});
