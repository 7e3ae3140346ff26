// tests-touched: tests hollowed out while their files still change — a real assertion replaced by
// one on constants (`expect(true).toBe(true)`, `assert True`), and tests whose declaration goes
// (`@Test` dropped, `def test_x` renamed `_test_x`) while their assertions stay.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { countAssertions } from '../../rules/tests-touched/assertions.ts';
import { languageOf } from '../../rules/tests-touched/markers.ts';
import type { FileChange } from '../../src/model.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const ids = (files: FileChange[]) =>
  runRule(testsTouched, change({ files })).map((v) => `${v.messageId}${v.path === undefined ? '' : ` ${v.path}`}${v.line === undefined ? '' : `:${v.line}`}`);

const src = file('src/cart.ts', { added: ['export const total = () => 0;'] });

describe('assertions on constants', () => {
  it.each([
    ['src/cart.test.ts', 'expect(total([2, 3])).toBe(5);', '  expect(true).toBe(true);'],
    ['src/cart.test.ts', 'expect(total([2, 3])).toBe(5);', '  expect(1).toEqual(1)'],
    ['src/cart.test.ts', "it('sums', () => expect(total([2, 3])).toBe(5));", "  it('sums', () => expect(1).toBe(1));"],
    ['src/cart.test.ts', 'expect(total([2, 3])).to.equal(5);', '  expect(true).to.be.true;'],
    ['src/cart.test.ts', 'assert.equal(total([2, 3]), 5);', '  assert.ok(true);'],
    ['src/cart.test.ts', 'assert.equal(total([2, 3]), 5);', "  assert.strictEqual('a', 'a');"],
    ['src/cart.test.ts', 't.is(total([2, 3]), 5);', '  t.true(true);'],
    ['tests/test_cart.py', 'assert total([2, 3]) == 5', '    assert True'],
    ['tests/test_cart.py', 'assert total([2, 3]) == 5', '    assert 1 == 1, "sanity"'],
    ['tests/test_cart.py', 'self.assertEqual(total([2, 3]), 5)', '        self.assertTrue(True)'],
    ['tests/test_cart.py', 'self.assertEqual(total([2, 3]), 5)', "        self.assertEqual('x', 'x')"],
    ['cart_test.go', 'assert.Equal(t, 5, Total(2, 3))', '\tassert.True(t, true)'],
    ['cart_test.go', 'require.Equal(t, 5, Total(2, 3))', '\trequire.Equal(t, 1, 1)'],
    ['src/test/java/CartTest.java', 'assertEquals(5, Cart.total(2, 3));', '        assertTrue(true);'],
    ['src/test/java/CartTest.java', 'assertEquals(5, Cart.total(2, 3));', '        Assertions.assertEquals(1, 1);'],
    ['src/test/java/CartTest.java', 'assertThat(Cart.total(2, 3)).isEqualTo(5);', '        assertThat(true).isTrue();'],
    ['Cart.Tests/CartTests.cs', 'Assert.Equal(5, Cart.Total(2, 3));', '        Assert.True(true);'],
    ['Cart.Tests/CartTests.cs', 'Assert.AreEqual(5, Cart.Total(2, 3));', '        Assert.Pass();'],
    ['spec/cart_spec.rb', 'expect(total([2, 3])).to eq(5)', '    expect(true).to be(true)'],
    ['test/cart_test.rb', 'assert_equal 5, total([2, 3])', '    assert true'],
    ['tests/cart.rs', 'assert_eq!(total(&[2, 3]), 5);', '    assert!(true);'],
    ['src/cart.test.ts', 'expect(total([2, 3])).toBe(5);', '  expect(result).toEqual(result);'],
    ['src/cart.test.ts', 'assert.equal(total([2, 3]), 5);', '  assert.deepEqual(cart.items, cart.items);'],
    ['tests/test_cart.py', 'assert total([2, 3]) == 5', '    assert result == result'],
    ['tests/test_cart.py', 'self.assertEqual(total([2, 3]), 5)', '        self.assertEqual(expected, expected)'],
    ['cart_test.go', 'assert.Equal(t, 5, Total(2, 3))', '	assert.Equal(t, want, want)'],
    ['src/test/java/CartTest.java', 'assertEquals(5, Cart.total(2, 3));', '        assertEquals(expected, expected);'],
    ['Cart.Tests/CartTests.cs', 'Assert.Equal(5, Cart.Total(2, 3));', '        Assert.Equal(expected, expected);'],
  ])('%s: %s replaced by %s loses the assertion, and the constant one is pointed at', (path, real, constant) => {
    const weakened = file(path, { deleted: [`    ${real}`], added: [constant], startLine: 7 });
    expect(ids([src, weakened])).toEqual(['untested', `constantAssertion ${path}:7`, `assertionsRemoved ${path}`]);
  });

  it('the message says what is wrong and what to do', () => {
    const weakened = file('src/cart.test.ts', { added: ['  expect(true).toBe(true);'] });
    const v = runRule(testsTouched, change({ files: [src, weakened] })).find((x) => x.messageId === 'constantAssertion');
    expect(v!.message).toContain('`expect(true).toBe(true)` asserts on constants (or compares a value with itself), so it passes whatever the code does');
    expect(v!.message).toContain('Assert on what the code returns or does instead');
  });

  it.each([
    ['src/a.test.ts', "expect('a@b.c').toMatch(EMAIL);"], // checks EMAIL
    ['src/a.test.ts', 'expect(true).toBe(isValid(x));'],
    ['src/a.test.ts', 'expect(result).toBe(true);'],
    ['src/a.test.ts', "assert(false, 'never reached');"],
    ['src/a.test.ts', "assert.fail('never reached');"],
    ['src/a.test.ts', 'assert.equal(1, total([1]));'],
    ['src/a.test.ts', 'expect(result).toEqual(expected);'],
    ['src/a.test.ts', 'assert.equal(a, ab);'],
    ['tests/test_a.py', 'self.assertEqual(result, result2)'],
    ['tests/test_a.py', 'assert a.b == a.b()'],
    ['src/test/java/ATest.java', 'assertEquals(expected, actual);'],
    ['tests/test_a.py', 'assert False, "should have raised"'],
    ['tests/test_a.py', 'assert result is True'],
    ['tests/test_a.py', 'assert 1 == len(items)'],
    ['a_test.go', 'assert.True(t, ok)'],
    ['src/test/java/ATest.java', 'assertTrue(result);'],
    ['src/test/java/ATest.java', 'assertEquals(1, list.size());'],
    ['A.Tests/ATests.cs', 'Assert.True(result);'],
    ['spec/a_spec.rb', 'expect(result).to eq(true)'],
    ['tests/a.rs', 'assert!(ok);'],
  ])('%s: `%s` is a real assertion', (path, line) => {
    expect(ids([file(path, { added: [`  ${line}`] })])).toEqual([]);
    expect(countAssertions(line, languageOf(path)!)).toBe(1);
  });

  it('removing an assertion on constants removes nothing', () => {
    expect(ids([src, file('src/cart.test.ts', { deleted: ['  expect(true).toBe(true);'], added: ['  expect(total([])).toBe(0);'] })])).toEqual([]);
  });
});

describe('test definitions removed', () => {
  it.each([
    ['tests/test_cart.py', ['def test_sums_prices():'], ['def _test_sums_prices():']],
    ['tests/test_cart.py', ['class TestCart:'], ['class Cart:']],
    ['cart_test.go', ['func TestTotal(t *testing.T) {'], ['func testTotal(t *testing.T) {']],
    ['src/test/java/com/acme/CartTest.java', ['    @Test'], []],
    ['Cart.Tests/CartTests.cs', ['    [Fact]'], []],
    ['tests/cart.rs', ['#[test]'], []],
    ['test/cart_test.rb', ['  def test_sums'], ['  def check_sums']],
  ])('%s: a test whose declaration goes no longer runs, though its assertions stay', (path, deleted, added) => {
    const violations = runRule(testsTouched, change({ files: [src, file(path, { deleted, added })] }));
    expect(violations.map((v) => `${v.messageId} ${v.path ?? ''}`.trim())).toEqual(['untested', `testsRemoved ${path}`]);
    expect(violations[1]!.message).toContain('removes 1 test definition from this test file and adds none');
    expect(violations[1]!.message).toContain('is no longer collected, so it does not run');
    expect(violations[0]!.message).toContain('only lose assertions, test definitions or table rows');
  });

  it.each([
    ['a test renamed', 'tests/test_cart.py', ['def test_sum():'], ['def test_sums_prices():']],
    ['JUnit 4 to 5', 'src/test/java/CartTest.java', ['    @org.junit.Test'], ['    @Test']],
    ['two tests made one parametrized test', 'tests/test_cart.py', ['def test_one():', 'def test_two():'], ['@pytest.mark.parametrize("n", [1, 2])', 'def test_n(n):']],
    ['tests called, not declared (JS)', 'src/cart.test.ts', ["it('sums', () => check(cart));"], []],
  ])('%s is not a loss', (_, path, deleted, added) => {
    expect(ids([src, file(path, { deleted, added })])).toEqual([]);
  });

  it('a commented-out declaration deleted is not a loss (nor a test change: only a comment goes)', () => {
    expect(ids([src, file('cart_test.go', { deleted: ['// func TestOld(t *testing.T) {'] })])).toEqual(['untested']);
  });

  it('a test declaration moved to another test file is not removed', () => {
    const files = [
      src,
      file('tests/test_cart.py', { deleted: ['def test_sums():', '    assert total([1]) == 1'] }),
      file('tests/test_total.py', { status: 'added', added: ['def test_sums():', '    assert total([1]) == 1'] }),
    ];
    expect(ids(files)).toEqual([]);
  });

  it('when assertions go too, the finding is about the assertions', () => {
    const files = [src, file('tests/test_cart.py', { deleted: ['def test_sums():', '    assert total([1]) == 1'] })];
    expect(ids(files)).toEqual(['untested', 'assertionsRemoved tests/test_cart.py']);
  });
});

describe('binary test files', () => {
  it('a test file git calls binary (a NUL byte in it) is an error: its diff shows nothing', () => {
    const hidden = { ...file('src/cart.test.ts', { binary: true }), contentScan: { lines: [] } };
    const violations = runRule(testsTouched, change({ files: [src, hidden] }), {}, {});
    expect(violations).toEqual([expect.objectContaining({ messageId: 'binaryTest', path: 'src/cart.test.ts', severity: 'error' })]);
    expect(violations[0]!.message).toContain('git treats this test file as binary');
    expect(violations[0]!.message).toContain('Remove the binary content from the test file');
  });

  it('a file the source only guessed binary (GitHub gives an empty new file no patch either) is not', () => {
    expect(ids([file('tests/__init__.py', { status: 'added', binary: true })])).toEqual([]);
  });

  it('binary fixtures, images and snapshots under a test folder are not', () => {
    const files = [file('tests/fixtures/logo.png', { binary: true }), file('src/__tests__/__snapshots__/a.snap', { binary: true })];
    expect(ids(files)).toEqual([]);
  });

  it('weakened-tests: false does not report it', () => {
    const hidden = { ...file('src/cart.test.ts', { binary: true }), contentScan: { lines: [] } };
    expect(runRule(testsTouched, change({ files: [src, hidden] }), { 'weakened-tests': false })).toEqual([]);
  });
});
