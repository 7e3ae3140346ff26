// tests-touched: one-line value lists of table-driven tests that lose values (`@ValueSource(ints =
// {1, 2, 3})` → `{1, 2}`, `parametrize("n", [1, 2, 3])` → `[1, 2]`): the line is modified, no row
// line goes, and the test runs on fewer cases.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const findings = (files: { path: string; deleted: string[]; added: string[] }[]) =>
  runRule(testsTouched, change({ files: files.map((f) => file(f.path, { deleted: f.deleted, added: f.added, startLine: 4 })) })).map(
    (v) => `${v.messageId} ${v.path ?? ''} ${v.message.split(':')[0]}`,
  );

const rows = (path: string, n: number, added = 'none') =>
  `rowsRemoved ${path} This change removes ${n === 1 ? '1 table row' : `${n} table rows`} from the test tables of this test file and adds ${added}`;

describe('one-line value lists', () => {
  it.each([
    ['a JUnit @ValueSource', 'src/test/java/CartTest.java', '    @ValueSource(ints = {1, 2, 3, 4})', '    @ValueSource(ints = {1, 2})', 2],
    ['a JUnit @ValueSource of strings', 'src/test/java/CartTest.java', '    @ValueSource(strings = {"", " ", "\\t"})', '    @ValueSource(strings = {""})', 2],
    ['a JUnit @CsvSource', 'src/test/java/CartTest.java', '    @CsvSource({"1, 2, 3", "2, 2, 4", "0, 0, 0"})', '    @CsvSource({"1, 2, 3"})', 2],
    ['a Kotlin @ValueSource', 'src/test/kotlin/CartTest.kt', '    @ValueSource(ints = [1, 2, 3])', '    @ValueSource(ints = [1])', 2],
    ['a pytest parametrize list', 'tests/test_cart.py', '@pytest.mark.parametrize("n", [1, 2, 3, -1])', '@pytest.mark.parametrize("n", [1, 2])', 2],
    ['a pytest parametrize list of tuples', 'tests/test_cart.py', '@pytest.mark.parametrize("a,b,want", [(1, 2, 3), (0, -1, -1)])', '@pytest.mark.parametrize("a,b,want", [(1, 2, 3)])', 1],
    ['pytest argvalues=', 'tests/test_cart.py', '@pytest.mark.parametrize(argnames="n", argvalues=[1, 2, 3])', '@pytest.mark.parametrize(argnames="n", argvalues=[1, 2])', 1],
    ['an it.each list', 'src/cart.test.ts', "it.each([[1, 1, 2], [1, 2, 3], [0, 0, 0]])('adds %i + %i', (a, b, sum) => {", "it.each([[1, 1, 2]])('adds %i + %i', (a, b, sum) => {", 2],
    ['a describe.each list', 'src/cart.test.ts', "describe.each(['gmail', 'outlook'])('%s', (provider) => {", "describe.each(['gmail'])('%s', (provider) => {", 1],
    ['an rstest #[values]', 'tests/cart.rs', 'fn accepts(#[values(1, 2, 3)] n: u32) {', 'fn accepts(#[values(1)] n: u32) {', 2],
    ['an NUnit [Values]', 'Cart.Tests/CartTests.cs', '    public void Accepts([Values(1, 2, 3)] int n)', '    public void Accepts([Values(1, 2)] int n)', 1],
    ['a Go range over a literal', 'cart_test.go', '\tfor _, n := range []int{1, 2, 3} {', '\tfor _, n := range []int{1} {', 2],
  ])('%s losing values is reported', (_, path, before, after, n) => {
    expect(findings([{ path, deleted: [before], added: [after] }])).toEqual([rows(path, n)]);
  });

  it.each([
    ['values reordered', 'src/test/java/CartTest.java', ['    @ValueSource(ints = {1, 2, 3})'], ['    @ValueSource(ints = {3, 1, 2})']],
    ['spacing changed', 'tests/test_cart.py', ['@pytest.mark.parametrize("n", [1,2,3])'], ['@pytest.mark.parametrize("n", [1, 2, 3])']],
    ['a value edited (one out, one in)', 'tests/test_cart.py', ['@pytest.mark.parametrize("n", [1, 2, 3])'], ['@pytest.mark.parametrize("n", [1, 2, 4])']],
    ['values added', 'src/cart.test.ts', ["it.each([1, 2])('works for %i', (n) => {"], ["it.each([1, 2, 3])('works for %i', (n) => {"]],
    [
      'a list re-wrapped over lines',
      'tests/test_cart.py',
      ['@pytest.mark.parametrize("n", [1, 2, 3])'],
      ['@pytest.mark.parametrize(', '    "n",', '    [1, 2, 3],', ')'],
    ],
    ['a list gone with its test (judged by the test and its assertions)', 'tests/test_cart.py', ['@pytest.mark.parametrize("n", [1, 2, 3])', 'def test_accepts(n):', '    assert accepts(n)'], ['def test_accepts():', '    assert accepts(1)']],
    ['ids shortened, not the values', 'tests/test_cart.py', ['@pytest.mark.parametrize("n", [1, 2], ids=["one", "two"])'], ['@pytest.mark.parametrize("n", [1, 2], ids=["a", "b"])']],
    ['a list of another parameter', 'tests/test_cart.py', ['@pytest.mark.parametrize("n", [1, 2, 3])'], ['@pytest.mark.parametrize("m", [1, 2, 3])']],
  ])('%s is not', (_, path, deleted, added) => {
    expect(findings([{ path, deleted, added }])).toEqual([]);
  });

  it('says how many values go and come', () => {
    const path = 'src/test/java/CartTest.java';
    expect(findings([{ path, deleted: ['    @ValueSource(ints = {1, 2, 3})'], added: ['    @ValueSource(ints = {1, 4})'] }])).toEqual([rows(path, 2, '1')]);
  });
});
