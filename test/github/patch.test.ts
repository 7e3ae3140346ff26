import { describe, expect, test } from 'vitest';
import { fileFromApi } from '../../src/github/changeset.ts';
import { parsePatchHunks } from '../../src/github/patch.ts';

describe('parsePatchHunks (GitHub `patch` fields)', () => {
  test('numbers added lines on the new side and deleted lines on the old side', () => {
    const hunks = parsePatchHunks(
      ['@@ -10,4 +10,5 @@ function f() {', ' a', '-b', '+B', '+C', ' d', ' e', '\\ No newline at end of file', '@@ -40 +41 @@', '-x', '+y'].join('\n'),
    );
    expect(hunks).toEqual([
      { oldStart: 10, oldLines: 4, newStart: 10, newLines: 5, section: 'function f() {', added: [{ line: 11, content: 'B' }, { line: 12, content: 'C' }], deleted: [{ line: 11, content: 'b' }] },
      { oldStart: 40, oldLines: 1, newStart: 41, newLines: 1, section: '', added: [{ line: 41, content: 'y' }], deleted: [{ line: 40, content: 'x' }] },
    ]);
  });

  test('an empty context line without its space still counts', () => {
    const [hunk] = parsePatchHunks(['@@ -1,3 +1,4 @@', ' a', '', '+new', ' c'].join('\n'));
    expect(hunk!.added).toEqual([{ line: 3, content: 'new' }]);
  });
});

describe('fileFromApi', () => {
  test('a missing patch on a changed file is marked patchMissing (to be read from contents), not binary', () => {
    const file = fileFromApi({ filename: 'big.json', status: 'modified', additions: 5000, deletions: 10, changes: 5010 });
    expect(file.patchMissing).toBe(true);
    expect(file.binary).toBe(false);
    expect(file.hunks).toEqual([]);
  });

  test('no patch and no line changes: binary, except a pure rename', () => {
    expect(fileFromApi({ filename: 'logo.png', status: 'added', additions: 0, deletions: 0, changes: 0 }).binary).toBe(true);
    const rename = fileFromApi({ filename: 'b.ts', previous_filename: 'a.ts', status: 'renamed', additions: 0, deletions: 0, changes: 0 });
    expect(rename).toMatchObject({ status: 'renamed', oldPath: 'a.ts', binary: false });
    expect(rename.patchMissing).toBeUndefined();
  });

  test('GitHub statuses map onto the model', () => {
    expect(fileFromApi({ filename: 'x', status: 'removed', additions: 0, deletions: 1, changes: 1, patch: '@@ -1 +0,0 @@\n-x' }).status).toBe('deleted');
    expect(fileFromApi({ filename: 'x', status: 'changed', additions: 0, deletions: 0, changes: 0, patch: '' }).status).toBe('modified');
  });

  test('a submodule pointer change (one Subproject commit line each side) is a submodule', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const bump = fileFromApi({ filename: 'vendor/secure', status: 'modified', additions: 1, deletions: 1, changes: 2, patch: `@@ -1 +1 @@\n-Subproject commit ${a}\n+Subproject commit ${b}` });
    expect(bump.submodule).toBe(true);
    const added = fileFromApi({ filename: 'lib', status: 'added', additions: 1, deletions: 0, changes: 1, patch: `@@ -0,0 +1 @@\n+Subproject commit ${'c'.repeat(64)}` });
    expect(added.submodule).toBe(true);
    // A text file that says more is a file.
    const text = fileFromApi({ filename: 'notes.md', status: 'added', additions: 2, deletions: 0, changes: 2, patch: `@@ -0,0 +1,2 @@\n+Subproject commit ${a}\n+more` });
    expect(text.submodule).toBe(false);
    expect(fileFromApi({ filename: 'x', status: 'added', additions: 1, deletions: 0, changes: 1, patch: '@@ -0,0 +1 @@\n+Subproject commit xyz' }).submodule).toBe(false);
  });
});
