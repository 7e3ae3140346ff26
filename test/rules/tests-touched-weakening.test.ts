// tests-touched: tests weakened without a marker — assertions removed, test files renamed out of
// the tests, deleted test files, and test files whose diff could not be read.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { countAssertions } from '../../rules/tests-touched/assertions.ts';
import { languageOf } from '../../rules/tests-touched/markers.ts';
import type { FileChange } from '../../src/model.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const ids = (files: FileChange[], options: Record<string, unknown> = {}) =>
  runRule(testsTouched, change({ files }), options).map((v) => `${v.messageId}${v.path === undefined ? '' : ` ${v.path}`}`);

const src = file('src/cart.ts', { added: ['export const total = (xs) => xs.reduce((a, b) => a + b, 0);'] });

describe('assertions removed', () => {
  it('a test change that deletes the only assertions is reported, and is not a test change', () => {
    const emptied = file('src/cart.test.ts', { deleted: ['  expect(total([1, 2])).toBe(3);'], added: ['  total([1, 2]);'] });
    const violations = runRule(testsTouched, change({ files: [src, emptied] }));
    expect(violations.map((v) => `${v.messageId} ${v.path ?? ''}`.trim())).toEqual(['untested', 'assertionsRemoved src/cart.test.ts']);
    expect(violations[0]!.message).toContain('the test files it changes only lose assertions');
    expect(violations[1]!.message).toContain('removes 1 assertion from this test file and adds none');
  });

  it('reports the counts', () => {
    const weaker = file('tests/test_cart.py', {
      deleted: ['    assert total([1]) == 1', '    assert total([]) == 0', '    self.assertEqual(total([2]), 2)'],
      added: ['    assert total([1]) >= 0'],
    });
    const [v] = runRule(testsTouched, change({ files: [weaker] }));
    expect(v).toMatchObject({ messageId: 'assertionsRemoved', path: 'tests/test_cart.py' });
    expect(v!.message).toContain('removes 3 assertions from this test file and adds 1');
  });

  it('commenting assertions out removes them', () => {
    const files = [src, file('src/cart.test.ts', { deleted: ['  expect(total([])).toBe(0);'], added: ['  // expect(total([])).toBe(0);'] })];
    expect(ids(files)).toEqual(['untested', 'assertionsRemoved src/cart.test.ts']);
  });

  it('as many assertions added as removed is a test change', () => {
    const files = [src, file('src/cart.test.ts', { deleted: ['  expect(total([1])).toBe(1);'], added: ['  expect(total([1, 1])).toBe(2);'] })];
    expect(ids(files)).toEqual([]);
  });

  it('a test change without any assertion on either side still counts', () => {
    expect(ids([src, file('src/cart.test.ts', { added: ['const emptyCart = { items: [] };'] })])).toEqual([]);
  });

  it('a test file whose change is only comments or blank lines is no test change', () => {
    const comments = file('src/cart.test.ts', { added: ['// covers the empty cart too', '', '/* and the full one */'] });
    const violations = runRule(testsTouched, change({ files: [src, comments, file('tests/test_cart.py', { added: ['# TODO: test it'] })] }));
    expect(violations.map((v) => v.messageId)).toEqual(['untested']);
    expect(violations[0]!.message).toContain('(the test files it changes change only comments or blank lines)');
  });

  it('assertions moved to another test file are not removed', () => {
    const line = '    expect(total([1, 2])).toBe(3);';
    const files = [
      src,
      file('src/cart.test.ts', { deleted: [line, '    expect(total([])).toBe(0);'] }),
      file('src/cart/total.test.ts', { status: 'added', added: ["it('sums', () => {", `  ${line.trim()}`, '});', '  expect(total([])).toBe(0);'] }),
    ];
    expect(ids(files)).toEqual([]);
  });

  it('a table-driven rewrite is not a loss, unless it asserts nothing', () => {
    const before = ['    expect(day(0)).toBe(64);', '    expect(day(1)).toBe(32);', '    expect(day(2)).toBe(16);'];
    const table = ["  it.each(CASES)('day %s', (d, bits) => {", '    expect(day(d)).toBe(bits);', '  });'];
    expect(ids([src, file('src/day.test.ts', { deleted: before, added: table })])).toEqual([]);
    const hollow = ["  it.each(CASES)('day %s', (d) => {", '    day(d);', '  });'];
    expect(ids([src, file('src/day.test.ts', { deleted: before, added: hollow })])).toEqual(['untested', 'assertionsRemoved src/day.test.ts']);
  });

  it('weakened-tests: false does not report it, and the file still does not count as a test change', () => {
    const files = [src, file('src/cart.test.ts', { deleted: ['  expect(total([])).toBe(0);'] })];
    expect(ids(files, { 'weakened-tests': false })).toEqual(['untested']);
  });

  it.each([
    ['src/a.test.ts', 'expect(a).toBe(1); expect(b).toEqual(2)', 2],
    ['src/a.test.ts', 'assert.strictEqual(a, 1)', 1],
    ['src/a.test.ts', "cy.get('h1').should('be.visible')", 1],
    ['src/a.test.ts', 't.deepEqual(a, b)', 1],
    ['src/a.test.ts', 'await request(app).get("/").expect(200)', 1],
    ['src/a.test.ts', '// expect(a).toBe(1)', 0],
    ['src/a.test.ts', 'const expected = 1;', 0],
    ['tests/test_a.py', 'assert a == 1', 1],
    ['tests/test_a.py', 'self.assertEqual(a, 1)', 1],
    ['tests/test_a.py', 'mock.assert_called_once_with(1)', 1],
    ['tests/test_a.py', 'with pytest.raises(ValueError):', 1],
    ['tests/test_a.py', '# assert a == 1', 0],
    ['tests/test_a.py', 'assertion_count = 0', 0],
    ['pkg/a_test.go', 't.Errorf("got %v", got)', 1],
    ['pkg/a_test.go', 'require.NoError(t, err)', 1],
    ['pkg/a_test.go', 'Expect(x).To(Equal(1))', 1],
    ['src/test/java/FooTest.java', 'assertEquals(1, foo());', 1],
    ['src/test/java/FooTest.java', 'Assertions.assertThat(foo()).isEqualTo(1);', 1],
    ['src/test/java/FooTest.java', 'verify(mock).call();', 1],
    ['src/test/kotlin/FooTests.kt', 'foo() shouldBe 1', 1],
    ['tests/api.rs', 'assert_eq!(f(), 2);', 1],
    ['tests/api.rs', 'insta::assert_snapshot!(out);', 1],
    ['spec/a_spec.rb', 'expect(total).to eq(3)', 1],
    ['test/a_test.rb', 'assert_equal 3, total', 1],
    ['Api.Tests/ApiTests.cs', 'Assert.Equal(3, Total());', 1],
    ['Api.Tests/ApiTests.cs', 'total.Should().Be(3);', 1],
  ])('counts assertions in %s: %s', (path, line, n) => {
    expect(countAssertions(line, languageOf(path)!)).toBe(n);
  });
});

describe('test files renamed out of the tests', () => {
  const renamed = (from: string, to: string) => file(to, { oldPath: from, similarity: 100 });

  it.each([
    ['src/a.test.ts', 'src/a.test.ts.bak'],
    ['test/a.test.ts', 'test/a.test.ts.bak'],
    ['src/a.spec.js', 'src/a.js'],
    ['tests/test_api.py', 'tests/api_checks.py'],
    ['tests/test_api.py', 'tests/test_api.py.off'],
    ['pkg/api_test.go', 'pkg/api_test.go.disabled'],
    ['src/test/java/com/x/FooTest.java', 'src/test/java/com/x/FooCheck.java'],
    ['spec/cart_spec.rb', 'spec/cart.rb'],
    ['tests/api.rs', 'disabled/api.rs'],
  ])('%s -> %s counts as deleting it', (from, to) => {
    const violations = runRule(testsTouched, change({ files: [renamed(from, to)] }));
    expect(violations.map((v) => `${v.messageId} ${v.path}`)).toEqual([`testRenamedAway ${to}`]);
    expect(violations[0]!.message).toContain(`renamed from \`${from}\``);
  });

  it.each([
    ['src/a.test.ts', 'src/cart/a.test.ts'],
    ['src/a.test.ts', 'src/a.test.tsx'],
    ['src/a.test.ts', 'src/__tests__/a.ts'],
    ['tests/test_api.py', 'tests/api/test_routes.py'],
    ['tests/fixtures/data.json', 'fixtures/data.json'],
    ['Api.Tests/ApiTests.cs', 'Api.Tests/Routes.cs'],
  ])('%s -> %s is still a test (or never was test code)', (from, to) => {
    expect(runRule(testsTouched, change({ files: [renamed(from, to)] }))).toEqual([]);
  });

  it('a test renamed away does not count as the test change', () => {
    const away = file('src/cart.test.ts.bak', { oldPath: 'src/cart.test.ts', similarity: 90, added: ["it('x', () => expect(1).toBe(1));"] });
    expect(ids([src, away])).toEqual(['untested', 'testRenamedAway src/cart.test.ts.bak']);
  });

  it('markers in a test renamed away are not looked for (it is no test now)', () => {
    const away = file('src/cart.test.ts.bak', { oldPath: 'src/cart.test.ts', similarity: 90, added: ["it.only('x', f)"] });
    expect(ids([away])).toEqual(['testRenamedAway src/cart.test.ts.bak']);
  });
});

describe('deleted test files', () => {
  it.each([
    ['tests/fixtures/config.js', ['module.exports = { rules: {} };']],
    ['tests/__snapshots__/a.test.ts.snap', ['exports[`a 1`] = `"x"`;']],
    ['tests/helpers/db.ts', ['export function db() { return new Db(); }']],
    ['tests/empty.py', []],
  ])('%s held no tests: not reported', (path, deleted) => {
    expect(ids([file(path, { status: 'deleted', deleted })])).toEqual([]);
  });

  it.each([
    ['src/a.test.ts', ["it('works', () => {", '  run();', '});']],
    ['pkg/a_test.go', ['func TestA(t *testing.T) {', '}']],
    ['src/test/java/FooTest.java', ['    @Test', '    void works() {}']],
    ['spec/a_spec.rb', ["describe 'a' do", 'end']],
    ['Api.Tests/ApiTests.cs', ['    [Fact]', '    public void Works() {}']],
  ])('%s defined tests: reported', (path, deleted) => {
    expect(ids([file(path, { status: 'deleted', deleted })])).toEqual([`testDeleted ${path}`]);
  });

  it('a deleted test file whose diff is missing is reported (fail closed)', () => {
    const missing = { ...file('tests/test_api.py', { status: 'deleted' }), deletions: 40, patchMissing: true };
    expect(ids([missing])).toEqual(['testDeleted tests/test_api.py']);
  });
});

describe('test files that could not be read', () => {
  it('a changed test file without its diff is an error finding, and still a test change', () => {
    const missing = { ...file('src/cart.test.ts'), additions: 12, deletions: 3, patchMissing: true };
    const violations = runRule(testsTouched, change({ files: [src, missing] }));
    expect(violations).toEqual([expect.objectContaining({ messageId: 'notRead', path: 'src/cart.test.ts', severity: 'error' })]);
    expect(violations[0]!.message).toContain('were not checked');
  });
});
