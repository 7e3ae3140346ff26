// parseTrailers must agree with `git interpret-trailers --parse` on every message below.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseTrailers } from '../../src/diff/trailers.ts';

const MESSAGES: [string, string][] = [
  ['plain trailer block', 'Fix bug\n\nLonger body.\n\nSigned-off-by: A <a@x>\nCo-authored-by: B <b@x>\n'],
  ['title only', 'Fix: the thing\n'],
  ['trailer-looking title is not a trailer', 'Signed-off-by: A <a@x>\n'],
  ['two paragraphs, body not trailers', 'Title\n\nThis is prose\nover two lines.\n'],
  ['key case preserved', 'Title\n\nco-AUTHORED-by: X <x@y>\nREVIEWED-BY: Y\n'],
  ['continuation lines', 'Title\n\nBody.\n\nNote: first part\n  continued here\n\tand here\nAcked-by: Z\n'],
  ['25% rule met with Signed-off-by', 'T\n\nBody\n\nnot a trailer line\nanother prose line\nthird prose\nSigned-off-by: A <a@x>\n'],
  ['25% rule not met', 'T\n\nBody\n\nprose 1\nprose 2\nprose 3\nprose 4\nSigned-off-by: A <a@x>\n'],
  ['mixed block without git-generated line', 'T\n\nBody\n\nprose line\nFixes: #12\n'],
  ['cherry-pick line counts', 'T\n\nBody\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\nprose\nprose\nReviewed-by: R\n'],
  ['divider ends the message', 'T\n\nBody\n\nKey: v\n---\n a.txt | 1 +\n'],
  ['trailing blank lines and comments', 'T\n\nBody\n\nKey: v\nOther: w\n\n# comment\n# more\n\n'],
  ['comment inside block', 'T\n\nKey: v\n# a comment\nOther: w\n'],
  ['space before colon', 'T\n\nBody\n\nKey : value\nKey2\t: value2\n'],
  ['no value', 'T\n\nBody\n\nKey:\nOther:   \n'],
  ['url is not a key', 'T\n\nBody\n\nhttps://example.com/x\n'],
  ['key with underscore is prose', 'T\n\nBody\n\nsome_key: value\n'],
  ['CRLF message', 'T\r\n\r\nBody\r\n\r\nKey: v\r\nOther: w\r\n'],
  ['no trailing newline', 'T\n\nBody\n\nKey: v'],
  ['whitespace-only lines at end', 'T\n\nBody\n\nKey: v\n   \n'],
  ['blank line with spaces separates', 'T\n\nKey: a\n \nOther: b\n'],
  ['unicode value', 'T\n\nBody\n\nCo-authored-by: Jörg Ünïcode <j@x>\n'],
  ['hash separator under default config', 'T\n\nBody\n\nBug #42\n'],
  ['value with colons', 'T\n\nBody\n\nLink: https://a.b/c:d\n'],
  ['Signed-off-by inside prose paragraph', 'T\n\nSome text\nSigned-off-by: A <a@x>\nmore text\nand more\nand more\n'],
  ['continuation after prose', 'T\n\nBody\n\nprose\n  indented\nKey: v\n'],
  ['three paragraphs', 'T\n\nP1\n\nP2 line: with colon? no\n\nA: 1\nB: 2\n'],
  ['empty message', ''],
  ['scissors', 'T\n\nBody\n\nKey: v\n# ------------------------ >8 ------------------------\ndiff --git a b\n'],
];

function gitParse(message: string, separators?: string): { key: string; value: string }[] {
  const config = separators ? ['-c', `trailer.separators=${separators}`] : [];
  const out = execFileSync('git', [...config, 'interpret-trailers', '--parse'], { input: message, encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => {
    const sep = l.indexOf(': ');
    return sep >= 0 ? { key: l.slice(0, sep), value: l.slice(sep + 2) } : { key: l.replace(/:$/, ''), value: '' };
  });
}

describe('parseTrailers agrees with git interpret-trailers --parse', () => {
  it.each(MESSAGES)('%s', (_name, message) => {
    const ours = parseTrailers(message).map(({ key, value }) => ({ key, value }));
    expect(ours).toEqual(gitParse(message));
  });

  it.each([
    ['Key #value', 'T\n\nBody\n\nBug #42\nSee #7\n'],
    ['mixed separators', 'T\n\nBody\n\nFixes: #1\nIssue #2\n'],
  ])('with trailer.separators=":#": %s', (_name, message) => {
    const ours = parseTrailers(message, { separators: ':#' }).map(({ key, value }) => ({ key, value }));
    expect(ours).toEqual(gitParse(message, ':#'));
    expect(ours.length).toBeGreaterThan(0);
  });
});

describe('parseTrailers line numbers', () => {
  it('gives the 1-based line of each trailer within the message', () => {
    const message = 'Title\n\nBody line\n\nA: 1\nB: two\n  folded\nC: 3\n';
    expect(parseTrailers(message)).toEqual([
      { key: 'A', value: '1', line: 5 },
      { key: 'B', value: 'two folded', line: 6 },
      { key: 'C', value: '3', line: 8 },
    ]);
  });
});
