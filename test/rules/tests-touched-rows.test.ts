// tests-touched: rows removed from test tables (`it.each`, `@pytest.mark.parametrize`, Go tables,
// `@CsvSource`, `[InlineData]`, `#[case]`), where the assertion line stays and runs on fewer cases.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { parseUnifiedDiff } from '../../src/diff/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

/** A unified diff of one file: lines starting with ' ', '-' or '+', in order. */
function diff(path: string, lines: string[]): string {
  const old = lines.filter((l) => !l.startsWith('+')).length;
  const now = lines.filter((l) => !l.startsWith('-')).length;
  return `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -10,${old} +10,${now} @@\n${lines.join('\n')}\n`;
}

const findings = (text: string) =>
  runRule(testsTouched, change({ files: parseUnifiedDiff(text) })).map((v) => `${v.messageId} ${v.path ?? ''} ${v.message.split(':')[0]}`);

describe('table rows removed', () => {
  it.each([
    ['an it.each row', 'src/cart.test.ts', [' it.each([', '   [[1, 2], 3],', '-  [[], 0],', '-  [[5], 5],', " ])('sums %j', (xs, want) => {", '   expect(total(xs)).toBe(want);'], 2],
    ['a nested it.each row of objects', 'src/cart.test.ts', ['   describe("total", () => {', '     it.each([', '       { xs: [1, 2], sum: 3 },', '-      { xs: [], sum: 0 },', "     ])('sums', ({ xs, sum }) => {"], 1],
    ['a parametrize tuple', 'tests/test_cart.py', [' @pytest.mark.parametrize("xs,want", [', '     ([1, 2], 3),', '-    ([], 0),', ' ])', ' def test_sum(xs, want):'], 1],
    ['a Go table entry', 'cart_test.go', [' \ttests := []struct {', ' \t\tname string', ' \t\twant int', ' \t}{', ' \t\t{"two", 2},', '-\t\t{"empty", 0},', ' \t}'], 1],
    ['a Go table entry on several lines', 'cart_test.go', [' \tfor _, tt := range []struct{ in, want int }{', ' \t\t{in: 1, want: 1},', '-\t\t{', '-\t\t\tin:   -1,', '-\t\t\twant: 0,', '-\t\t},', ' \t} {'], 1],
    ['a Go map table entry', 'cart_test.go', [' \ttests := map[string]struct{ in, want int }{', ' \t\t"one": {in: 1, want: 1},', '-\t\t"neg": {in: -1, want: 0},', ' \t}'], 1],
    ['a @CsvSource line', 'src/test/java/CartTest.java', ['    @ParameterizedTest', '    @CsvSource({', '        "1, 2, 3",', '-       "0, 0, 0",', '    })'], 1],
    ['an [InlineData] row', 'Cart.Tests/CartTests.cs', ['    [Theory]', '    [InlineData(1, 2, 3)]', '-   [InlineData(0, 0, 0)]', '    public void Sums(int a, int b, int sum)'], 1],
    ['an rstest #[case]', 'tests/cart.rs', [' #[rstest]', ' #[case(1, 2, 3)]', '-#[case(0, 0, 0)]', ' fn sums(#[case] a: u32, #[case] b: u32, #[case] sum: u32) {'], 1],
    ['a Jest template table row', 'src/cart.test.ts', [' it.each`', '   a    | b    | sum', '   ${1} | ${2} | ${3}', '-  ${0} | ${0} | ${0}', " `('sums', ({ a, b, sum }) => {"], 1],
    ['a row commented out', 'src/cart.test.ts', [' it.each([', '   [[1, 2], 3],', '-  [[], 0],', '+  // [[], 0],', " ])('sums %j', (xs, want) => {"], 1],
  ])('%s is reported', (_, path, lines, n) => {
    expect(findings(diff(path, lines))).toEqual([`rowsRemoved ${path} This change removes ${n === 1 ? '1 table row' : `${n} table rows`} from the test tables of this test file and adds none`]);
  });

  it('says how many rows go and come, and why it matters', () => {
    const text = diff('src/cart.test.ts', [' it.each([', '-  [[1, 2], 3],', '-  [[], 0],', '+  [[1, 2], 3, "sum"],', " ])('sums %j', (xs, want) => {"]);
    const [v] = runRule(testsTouched, change({ files: parseUnifiedDiff(text) }));
    expect(v!.message).toBe(
      'This change removes 2 table rows from the test tables of this test file and adds 1: each row is a case its table-driven test ran ' +
        '(`it.each`, `@pytest.mark.parametrize`, a Go table, `[InlineData]`), so the tests now check fewer cases, though no assertion line goes. ' +
        'Keep the cases, or say in the pull request why they are no longer needed.',
    );
  });

  it.each([
    ['rows re-wrapped', 'src/cart.test.ts', [' it.each([', '-  [[1, 2], 3], [[], 0],', '+  [[1, 2], 3],', '+  [[], 0],', ' ])']],
    ['a row split over lines', 'cart_test.go', [' \ttests := []struct{ in, want int }{', '-\t\t{in: -1, want: 0},', '+\t\t{', '+\t\t\tin:   -1,', '+\t\t\twant: 0,', '+\t\t},', ' \t}']],
    ['rows moved within the table', 'tests/test_cart.py', [' @pytest.mark.parametrize("xs,want", [', '-    ([], 0),', '     ([1, 2], 3),', '+    ([], 0),', ' ])']],
    ['a row edited (one out, one in)', 'src/cart.test.ts', [' it.each([', '-  [[5], 5],', '+  [[5], 6],', ' ])']],
    ['an element of an expected array (no table)', 'src/cart.test.ts', ['   expect(sortActions(actions)).toEqual([', '     { type: "label" },', '-    { type: "archive" },', '   ]);']],
    ['the elements of a fixture array turned into a table', 'src/cart.test.ts', ['-  const actions = [', '-    { type: "archive" },', '-    { type: "label" },', '-  ];', '+  it.each([', '+    { actions: [{ type: "archive" }, { type: "label" }] },', '+  ])("sorts", ({ actions }) => {']],
  ])('%s is not', (_, path, lines) => {
    expect(findings(diff(path, lines))).toEqual([]);
  });

  it('rows moved to another test file are no loss', () => {
    const text =
      diff('src/cart.test.ts', [' it.each([', '   [[1, 2], 3],', '-  [[], 0],', ' ])']) +
      diff('src/empty.test.ts', [' it.each([', '+  [[], 0],', ' ])']);
    expect(findings(text)).toEqual([]);
  });

  it('without context lines (a hand-made hunk), rows that name their expected outcome still count', () => {
    const files = [file('cart_test.go', { deleted: [' \t\t{name: "empty", in: nil, want: 0},'], added: [] })];
    expect(runRule(testsTouched, change({ files })).map((v) => v.messageId)).toEqual(['rowsRemoved']);
    const plain = [file('cart_test.go', { deleted: [' \t\t{"empty", nil, 0},'], added: [] })];
    expect(runRule(testsTouched, change({ files: plain }))).toEqual([]);
  });

  it('lost assertions say more: one finding a file', () => {
    const text = diff('src/cart.test.ts', [' it.each([', '-  [[], 0],', ' ])', '-  expect(total([])).toBe(0);']);
    expect(findings(text).map((f) => f.split(' ')[0])).toEqual(['assertionsRemoved']);
  });
});
