// tests-touched: tests commented out by a block comment (or a Python string) opened above lines
// that were already there, which deletes no line; and assertions "moved" into a block comment
// of another test file, where they do not run.
import { describe, expect, it } from 'vitest';
import type { DiffLine, FileChange } from '../../src/model.ts';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

/** A file changed by one hunk written as diff lines (`+` added, `-` deleted, ` ` unchanged) from line 1. */
function edited(path: string, diff: string[]): FileChange {
  const added: DiffLine[] = [];
  const deleted: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const l of diff) {
    const content = l.slice(1);
    if (l[0] === '+') added.push({ line: newLine++, content });
    else if (l[0] === '-') deleted.push({ line: oldLine++, content });
    else {
      oldLine++;
      newLine++;
    }
  }
  const f = file(path);
  f.hunks = [{ oldStart: 1, oldLines: oldLine - 1, newStart: 1, newLines: newLine - 1, section: '', added, deleted }];
  f.additions = added.length;
  f.deletions = deleted.length;
  return f;
}

const found = (...files: FileChange[]) =>
  runRule(testsTouched, change({ files: [file('src/a.ts'), ...files] })).map((v) => `${v.messageId} ${v.path}${v.line ? `:${v.line}` : ''}`);

describe('tests commented out', () => {
  it.each([
    ['src/a.test.ts', [' it("adds", () => {', '+  /*', '   expect(add(1, 2)).toBe(3);', '+  */', ' });'], 2],
    ['src/a.test.ts', [' it("adds", () => {', '+  /* flaky on CI', '+', '   expect(add(1, 2)).toBe(3);', '+  */', ' });'], 2],
    ['pkg/a_test.go', [' func TestAdd(t *testing.T) {', '+\t/*', ' \tif Add(1, 2) != 3 {', ' \t\tt.Fatal("add")', ' \t}', '+\t*/', ' }'], 2],
    ['tests/test_a.py', [' def test_add():', '+    """', '     assert add(1, 2) == 3', '+    """'], 2],
    ['spec/a_spec.rb', ['+=begin', ' it "adds" do', '   expect(add(1, 2)).to eq(3)', ' end', '+=end'], 1],
  ])('%s: a block opened over existing lines is reported at its opening line', (path, diff, line) => {
    expect(found(edited(path, diff))).toEqual([`commentedOut ${path}:${line}`]);
  });

  it.each([
    ['a new doc comment', 'src/a.test.ts', ['+/**', '+ * Adds.', '+ */', ' it("adds", () => {']],
    ['an edited first line of an existing comment', 'src/a.test.ts', ['-/* old words', '+/* new words', '  * more words', '  */']],
    ['a glob in a string', 'src/a.test.ts', ['+const files = glob("src/**/*.ts");', ' it("globs", () => {']],
    ['a regular expression with `\\/*`', 'src/a.test.ts', ['+const LEADING = /^\\/*/;', ' it("strips", () => {']],
    ['a comment closed on its line', 'src/a.test.ts', ['+/* eslint-disable no-console */', ' it("logs", () => {']],
    ['a `/*` after a line comment', 'src/a.test.ts', ['+// see docs/*', ' it("x", () => {']],
    ['a new multi-line string', 'tests/test_a.py', ['+    expected = """', '+    a', '+    """', '     assert render() == expected']],
  ])('%s is not', (_, path, diff) => {
    expect(found(edited(path, diff)).filter((f) => f.startsWith('commentedOut'))).toEqual([]);
  });

  it('an assertion moved into a block comment of another test file did not move: its file loses it', () => {
    const from = edited('src/a.test.ts', [' it("adds", () => {', '-  expect(add(1, 2)).toBe(3);', '+  add(1, 2);', ' });']);
    const to = edited('src/b.test.ts', ['+/*', '+  expect(add(1, 2)).toBe(3);', '+*/']);
    expect(found(from, to)).toEqual(['assertionsRemoved src/a.test.ts']);
  });

  it('deleting assertions that were already commented out removes none', () => {
    const f = edited('src/a.test.ts', [' it("adds", () => {', '   expect(add(1, 2)).toBe(3);', '-  /*', '-  expect(add(2, 2)).toBe(4);', '-  */', ' });']);
    expect(found(f)).toEqual([]);
  });

  it('weakened-tests: false does not report it', () => {
    const f = edited('src/a.test.ts', [' it("adds", () => {', '+  /*', '   expect(add(1, 2)).toBe(3);', '+  */', ' });']);
    expect(runRule(testsTouched, change({ files: [file('src/a.ts'), f] }), { 'weakened-tests': false })).toEqual([]);
  });
});
