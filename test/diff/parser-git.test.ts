// The parser over real `git diff` output of real repositories.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/diff/index.ts';
import type { FileChange } from '../../src/model.ts';
import { commitAll, git, gitBuffer, initRepo, write } from '../helpers/git.ts';

const DIFF = ['-c', 'core.quotepath=true', 'diff', '--no-color', '--no-ext-diff', '-M'];

function diffOf(repo: string, base: string, extra: string[] = [], config: string[] = []): FileChange[] {
  return parseUnifiedDiff(gitBuffer(repo, [...config, ...DIFF, ...extra, base, 'HEAD']));
}
const byPath = (files: FileChange[], p: string): FileChange => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p} in ${files.map((x) => x.path).join(', ')}`);
  return f;
};
const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');

describe('parser over real git diffs', () => {
  let repo: string;
  let base: string;
  let files: FileChange[];

  beforeAll(() => {
    repo = initRepo();
    write(repo, 'keep.txt', lines(30));
    write(repo, 'moved/old name.txt', lines(20, 'moved'));
    write(repo, 'pure.txt', lines(10, 'pure'));
    write(repo, 'script.sh', 'echo hi\n');
    write(repo, 'tool.sh', 'echo a\n');
    write(repo, 'gone.txt', 'bye\n');
    write(repo, 'empty-gone', '');
    write(repo, 'img.bin', Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    write(repo, 'noeol.txt', 'a\nb');
    write(repo, 'crlf.txt', 'one\r\ntwo\r\n');
    base = commitAll(repo, 'base');
    const k = lines(30).split('\n');
    k[4] = 'changed five';
    k.splice(20, 2, 'inserted A', 'inserted B', 'inserted C');
    write(repo, 'keep.txt', k.join('\n'));
    fs.mkdirSync(path.join(repo, 'moved/new dir'), { recursive: true });
    git(repo, ['mv', 'moved/old name.txt', 'moved/new dir/new name.txt']);
    write(repo, 'moved/new dir/new name.txt', lines(20, 'moved').replace('moved 3\n', 'moved three\n'));
    git(repo, ['mv', 'pure.txt', 'renamed-pure.txt']);
    fs.chmodSync(path.join(repo, 'script.sh'), 0o755);
    write(repo, 'tool.sh', 'echo b\n', 0o755);
    fs.rmSync(path.join(repo, 'gone.txt'));
    fs.rmSync(path.join(repo, 'empty-gone'));
    write(repo, 'empty-new', '');
    write(repo, 'img.bin', Buffer.from([0, 9, 9, 9, 255, 0, 7, 8]));
    write(repo, 'noeol.txt', 'a\nc');
    write(repo, 'crlf.txt', 'one\r\nTWO\r\nthree\r\n');
    write(repo, 'new.txt', 'x\ny\n');
    commitAll(repo, 'change');
    files = diffOf(repo, base);
  });

  it('modified file: hunks carry new-side numbers for added and old-side for deleted lines', () => {
    const f = byPath(files, 'keep.txt');
    expect(f).toMatchObject({ status: 'modified', binary: false, submodule: false, additions: 4, deletions: 3 });
    const added = f.hunks.flatMap((h) => h.added);
    const deleted = f.hunks.flatMap((h) => h.deleted);
    expect(added).toEqual([
      { line: 5, content: 'changed five' },
      { line: 21, content: 'inserted A' },
      { line: 22, content: 'inserted B' },
      { line: 23, content: 'inserted C' },
    ]);
    expect(deleted).toEqual([
      { line: 5, content: 'line 5' },
      { line: 21, content: 'line 21' },
      { line: 22, content: 'line 22' },
    ]);
    expect(f.hunks[0]).toMatchObject({ oldStart: 2, newStart: 2 });
  });

  it('rename with edits, into a directory with spaces', () => {
    const f = byPath(files, 'moved/new dir/new name.txt');
    expect(f).toMatchObject({ status: 'renamed', oldPath: 'moved/old name.txt', additions: 1, deletions: 1 });
    expect(f.similarity).toBeGreaterThan(50);
    expect(f.similarity).toBeLessThan(100);
  });

  it('similarity-only rename has no hunks', () => {
    const f = byPath(files, 'renamed-pure.txt');
    expect(f).toMatchObject({ status: 'renamed', oldPath: 'pure.txt', similarity: 100, additions: 0, deletions: 0, hunks: [] });
  });

  it('mode change alone and with content', () => {
    expect(byPath(files, 'script.sh')).toMatchObject({
      status: 'modified', modeChange: { oldMode: '100644', newMode: '100755' }, hunks: [], additions: 0,
    });
    expect(byPath(files, 'tool.sh')).toMatchObject({
      modeChange: { oldMode: '100644', newMode: '100755' }, additions: 1, deletions: 1,
    });
  });

  it('added, deleted and empty added/deleted files', () => {
    expect(byPath(files, 'new.txt')).toMatchObject({ status: 'added', additions: 2, deletions: 0 });
    expect(byPath(files, 'gone.txt')).toMatchObject({ status: 'deleted', additions: 0, deletions: 1 });
    // git pairs the two empty files as an exact rename; without rename detection they stay apart.
    expect(byPath(files, 'empty-new')).toMatchObject({ status: 'renamed', oldPath: 'empty-gone', hunks: [] });
    const plain = diffOf(repo, base, ['--no-renames']);
    expect(byPath(plain, 'empty-new')).toMatchObject({ status: 'added', additions: 0, hunks: [] });
    expect(byPath(plain, 'empty-gone')).toMatchObject({ status: 'deleted', deletions: 0, hunks: [] });
  });

  it('binary files, as "Binary files differ" and as GIT binary patch', () => {
    expect(byPath(files, 'img.bin')).toMatchObject({ binary: true, additions: 0, deletions: 0, hunks: [] });
    const withPatch = diffOf(repo, base, ['--binary']);
    expect(byPath(withPatch, 'img.bin')).toMatchObject({ binary: true, hunks: [] });
    expect(byPath(withPatch, 'new.txt')).toMatchObject({ status: 'added', additions: 2 });
    expect(withPatch.length).toBe(files.length);
  });

  it('no newline at end of file is not a line', () => {
    const f = byPath(files, 'noeol.txt');
    expect(f).toMatchObject({ additions: 1, deletions: 1 });
    expect(f.hunks[0]!.added).toEqual([{ line: 2, content: 'c' }]);
    expect(f.hunks[0]!.deleted).toEqual([{ line: 2, content: 'b' }]);
  });

  it('CRLF content: the \\r is dropped, counts unchanged', () => {
    const f = byPath(files, 'crlf.txt');
    expect(f).toMatchObject({ additions: 2, deletions: 1 });
    expect(f.hunks[0]!.added).toEqual([{ line: 2, content: 'TWO' }, { line: 3, content: 'three' }]);
  });

  it('every added line matches the head file at its line number', () => {
    for (const f of files) {
      if (f.binary || f.status === 'deleted') continue;
      const head = git(repo, ['show', `HEAD:${f.path}`]).split('\n').map((l) => l.replace(/\r$/, ''));
      for (const a of f.hunks.flatMap((h) => h.added)) expect(head[a.line - 1]).toBe(a.content);
    }
  });
});

describe('parser over special paths and submodules', () => {
  let repo: string;
  let base: string;
  const names = ['with space.txt', 'ünïcödé/fïle.txt', 'tab\there.txt', 'quote"d.txt', 'back\\slash.txt'];

  beforeAll(() => {
    repo = initRepo();
    const sub = initRepo('trunk');
    write(sub, 'a', '1\n');
    commitAll(sub, 's1');
    write(repo, 'seed', 'x\n');
    commitAll(repo, 'seed');
    git(repo, ['submodule', 'add', '-q', sub, 'libs/sub']);
    base = commitAll(repo, 'base');
    write(sub, 'a', '2\n');
    const subHead = commitAll(sub, 's2');
    git(path.join(repo, 'libs/sub'), ['fetch', '-q']);
    git(path.join(repo, 'libs/sub'), ['checkout', '-q', subHead]);
    for (const n of names) write(repo, n, `content of ${n}\n`);
    // A name that is not UTF-8 (Latin-1 "é"): git quotes it as "latin1-\351.txt".
    fs.writeFileSync(Buffer.concat([Buffer.from(`${repo}/latin1-`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'x\n');
    commitAll(repo, 'change');
  });

  it.each([['core.quotepath=true'], ['core.quotepath=false']])('paths survive with %s', (qp) => {
    const files = diffOf(repo, base, [], ['-c', qp]);
    for (const n of names) expect(byPath(files, n)).toMatchObject({ status: 'added', additions: 1 });
    expect(byPath(files, 'ünïcödé/fïle.txt').hunks[0]!.added[0]!.content).toBe('content of ünïcödé/fïle.txt');
    // Bytes that are not UTF-8 cannot be kept in a string: they become U+FFFD, the rest survives.
    expect(byPath(files, 'latin1-\ufffd.txt')).toMatchObject({ status: 'added', additions: 1 });
    expect(files).toHaveLength(names.length + 2);
  });

  it('submodule pointer change', () => {
    const f = byPath(diffOf(repo, base, ['--submodule=short']), 'libs/sub');
    expect(f).toMatchObject({ submodule: true, status: 'modified', additions: 1, deletions: 1 });
    expect(f.hunks[0]!.added[0]!.content).toMatch(/^Subproject commit [0-9a-f]{40}$/);
  });

  it('added submodule (mode 160000)', () => {
    const first = git(repo, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    const f = byPath(diffOf(repo, first, ['--submodule=short']), 'libs/sub');
    expect(f).toMatchObject({ submodule: true, status: 'added' });
  });
});
