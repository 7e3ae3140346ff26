// tests-touched: focus, skip and conditional-skip markers in added lines, one language at a time.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

type Id = 'focusMarker' | 'skipMarker' | 'conditionalSkip';
/** [test file, added line, expected message id, quoted marker]. */
type Row = [string, string, Id, string];

const JS: Row[] = [
  ['src/a.test.ts', "it.only('works', () => {", 'focusMarker', 'it.only('],
  ['src/a.test.ts', "  describe.only('suite', () => {", 'focusMarker', 'describe.only('],
  ['src/a.spec.js', "test.only('x', () => {})", 'focusMarker', 'test.only('],
  ['e2e/login.spec.ts', "test.describe.only('login', () => {", 'focusMarker', 'test.describe.only('],
  ['e2e/login.spec.ts', "test.describe.parallel.only('login', () => {", 'focusMarker', 'test.describe.parallel.only('],
  ['src/a.test.ts', "it .only('spaced', () => {", 'focusMarker', 'it .only('],
  ['src/a.test.ts', "it. only ('spaced', () => {", 'focusMarker', 'it. only ('],
  ['src/a.test.ts', 'it.only.each([1, 2])("%d", (n) => {', 'focusMarker', 'it.only'],
  ['src/a.test.ts', "test.concurrent.only('x', async () => {", 'focusMarker', 'test.concurrent.only('],
  ['src/a.test.ts', 'const focused = it.only;', 'focusMarker', 'it.only'],
  ['src/a.test.ts', "it['only']('works', () => {", 'focusMarker', "it['only']"],
  ['src/a.test.ts', 'const { only } = test;', 'focusMarker', '{ only } = test'],
  ['src/a.test.ts', "fit('works', () => {", 'focusMarker', 'fit('],
  ['src/a.test.ts', "fdescribe('suite', () => {", 'focusMarker', 'fdescribe('],
  ['test/a.test.mjs', "test('x', { only: true }, () => {", 'focusMarker', 'only: true'],
  ['src/a.test.ts', "it.skip('works', () => {", 'skipMarker', 'it.skip('],
  ['src/a.test.ts', "describe.skip('suite', () => {", 'skipMarker', 'describe.skip('],
  ['src/a.test.ts', 'const later = it.skip', 'skipMarker', 'it.skip'],
  ['src/a.test.ts', 'const later = it.skip;', 'skipMarker', 'it.skip'],
  ['src/a.test.ts', "it.skipIf(true)('works', () => {", 'skipMarker', 'it.skipIf(true)'],
  ['src/a.test.ts', "describe.runIf(false)('suite', () => {", 'skipMarker', 'describe.runIf(false)'],
  ['src/a.test.ts', "test.skip.each([1])('%d', () => {", 'skipMarker', 'test.skip'],
  ['e2e/a.spec.ts', "test.fixme('login', async ({ page }) => {", 'skipMarker', 'test.fixme('],
  ['e2e/a.spec.ts', "test.describe.fixme('login', () => {", 'skipMarker', 'test.describe.fixme('],
  ['e2e/a.spec.ts', '  test.fail();', 'skipMarker', 'test.fail('],
  ['e2e/a.spec.ts', "  test.skip(browserName === 'webkit', 'later');", 'skipMarker', 'test.skip('],
  ['src/a.test.ts', "it.fails('is broken', () => {", 'skipMarker', 'it.fails('],
  ['src/a.test.ts', "test.failing('is broken', () => {", 'skipMarker', 'test.failing('],
  ['src/a.test.ts', "it['skip']('works', () => {", 'skipMarker', "it['skip']"],
  ['src/a.test.ts', "xit('works', () => {", 'skipMarker', 'xit('],
  ['src/a.test.ts', "xdescribe('suite', () => {", 'skipMarker', 'xdescribe('],
  ['src/a.test.ts', "xtest('works', () => {", 'skipMarker', 'xtest('],
  ['src/a.test.ts', 'const later = xit;', 'skipMarker', 'xit'],
  ['test/a.js', '    this.skip();', 'skipMarker', 'this.skip('],
  ['src/a.test.ts', '  ctx.skip();', 'skipMarker', 'ctx.skip('],
  ['test/a.test.mjs', "test('x', { skip: 'later' }, () => {", 'skipMarker', "skip: '"],
  ['test/a.test.mjs', '  t.skip();', 'skipMarker', 't.skip('],
  ['src/a.test.ts', "it.skipIf(process.platform === 'win32')('works', () => {", 'conditionalSkip', 'it.skipIf('],
  ['src/a.test.ts', "describe.runIf(process.env.CI)('suite', () => {", 'conditionalSkip', 'describe.runIf('],
];

const PYTHON: Row[] = [
  ['tests/test_a.py', '@pytest.mark.skip(reason="flaky")', 'skipMarker', 'pytest.mark.skip'],
  ['tests/test_a.py', '@mark.skip', 'skipMarker', 'mark.skip'],
  ['tests/test_a.py', '@pt.mark.skip', 'skipMarker', 'pt.mark.skip'],
  ['tests/test_a.py', '@pt.mark.only', 'focusMarker', 'pt.mark.only'],
  ['tests/test_a.py', '@pytest.mark.xfail', 'skipMarker', 'pytest.mark.xfail'],
  ['tests/test_a.py', 'pytestmark = pytest.mark.skip("all of it")', 'skipMarker', 'pytest.mark.skip'],
  ['tests/test_a.py', '@pytest.mark.skipif(True, reason="x")', 'skipMarker', 'pytest.mark.skipif(True,'],
  ['tests/test_a.py', '@pytest.mark.skipif(sys.platform == "win32", reason="x")', 'conditionalSkip', 'pytest.mark.skipif'],
  ['tests/test_a.py', '        pytest.skip("later")', 'skipMarker', 'pytest.skip('],
  ['tests/test_a.py', '    np = pytest.importorskip("numpy")', 'conditionalSkip', 'pytest.importorskip('],
  ['tests/test_a.py', '@unittest.skip("broken")', 'skipMarker', '@unittest.skip'],
  ['tests/test_a.py', '    @skip("broken")', 'skipMarker', '@skip'],
  ['tests/test_a.py', '@unittest.expectedFailure', 'skipMarker', '@unittest.expectedFailure'],
  ['tests/test_a.py', '@unittest.skipIf(True, "x")', 'skipMarker', '@unittest.skipIf(True,'],
  ['tests/test_a.py', '@skipUnless(False, "x")', 'skipMarker', '@skipUnless(False,'],
  ['tests/test_a.py', '@unittest.skipIf(sys.version_info < (3, 9), "x")', 'conditionalSkip', '@unittest.skipIf'],
  ['tests/test_a.py', '        self.skipTest("later")', 'skipMarker', 'self.skipTest('],
  ['tests/test_a.py', '        raise unittest.SkipTest("later")', 'skipMarker', 'raise unittest.SkipTest'],
  ['tests/test_a.py', '        raise SkipTest', 'skipMarker', 'raise SkipTest'],
  ['tests/test_a.py', '__test__ = False', 'skipMarker', '__test__ = False'],
  ['tests/conftest.py', 'collect_ignore = ["test_api.py"]', 'skipMarker', 'collect_ignore ='],
  ['tests/conftest.py', 'collect_ignore_glob.append("test_*.py")', 'skipMarker', 'collect_ignore_glob.append'],
  ['tests/test_a.py', '@nottest', 'skipMarker', '@nottest'],
  ['tests/test_a.py', '@pytest.mark.only', 'focusMarker', 'pytest.mark.only'],
];

const GO: Row[] = [
  ['pkg/a_test.go', '\tt.Skip("flaky on CI")', 'skipMarker', 't.Skip('],
  ['pkg/a_test.go', '\tt.Skipf("needs %s", dep)', 'skipMarker', 't.Skipf('],
  ['pkg/a_test.go', '\tb.SkipNow()', 'skipMarker', 'b.SkipNow('],
  ['pkg/a_test.go', '\ts.T().Skip("later")', 'skipMarker', 'T().Skip('],
  ['pkg/a_test.go', '//go:build ignore', 'skipMarker', '//go:build ignore'],
  ['pkg/a_test.go', '// +build ignore', 'skipMarker', '// +build ignore'],
  ['pkg/a_test.go', '//go:build integration', 'conditionalSkip', '//go:build integration'],
  ['pkg/a_test.go', '// +build linux', 'conditionalSkip', '// +build linux'],
  ['pkg/a_test.go', 'var _ = FDescribe("api", func() {', 'focusMarker', 'FDescribe('],
  ['pkg/a_test.go', '\tFIt("works", func() {', 'focusMarker', 'FIt('],
  ['pkg/a_test.go', '\tIt("works", Focus, func() {', 'focusMarker', ', Focus,'],
  ['pkg/a_test.go', '\tXIt("works", func() {', 'skipMarker', 'XIt('],
  ['pkg/a_test.go', '\tPDescribe("api", func() {', 'skipMarker', 'PDescribe('],
  ['pkg/a_test.go', '\tIt("works", Pending, func() {', 'skipMarker', ', Pending,'],
  ['pkg/a_test.go', '\t\tSkip("later")', 'skipMarker', 'Skip('],
];

const JVM: Row[] = [
  ['src/test/java/FooTest.java', '    @Disabled("JIRA-1")', 'skipMarker', '@Disabled'],
  ['src/test/java/FooTest.java', '    @Ignore', 'skipMarker', '@Ignore'],
  ['src/test/java/FooTest.java', '    @org.junit.Ignore', 'skipMarker', '@org.junit.Ignore'],
  ['src/test/java/FooTest.java', '    @org.junit.jupiter.api.Disabled', 'skipMarker', '@org.junit.jupiter.api.Disabled'],
  ['src/test/kotlin/FooTests.kt', '    @Disabled', 'skipMarker', '@Disabled'],
  ['src/test/java/FooTest.java', '        assumeTrue(false);', 'skipMarker', 'assumeTrue(false)'],
  ['src/test/java/FooTest.java', '        Assumptions.assumeTrue(false, "later");', 'skipMarker', 'assumeTrue(false,'],
  ['src/test/java/FooTest.java', '        Assume.assumeFalse(true);', 'skipMarker', 'assumeFalse(true)'],
  ['src/test/java/FooTest.java', '        Assumptions.abort("later");', 'skipMarker', 'Assumptions.abort('],
  ['src/test/java/FooTest.java', '        assumeTrue(isLinux());', 'conditionalSkip', 'assumeTrue('],
  ['src/test/java/FooTest.java', '    @DisabledIf("customCondition")', 'conditionalSkip', '@DisabledIf'],
  ['src/test/java/FooTest.java', '    @EnabledIfEnvironmentVariable(named = "CI", matches = "true")', 'conditionalSkip', '@EnabledIfEnvironmentVariable'],
  ['src/test/java/FooTest.java', '    @DisabledOnOs(OS.WINDOWS)', 'conditionalSkip', '@DisabledOnOs'],
  ['src/test/java/FooTest.java', '    @Test(enabled = false)', 'skipMarker', '@Test(enabled = false'],
  ['src/test/java/FooTest.java', '    @Test(groups = "slow", enabled = false)', 'skipMarker', '@Test(groups = "slow", enabled = false'],
  ['src/test/kotlin/FooTests.kt', '    xtest("works") {', 'skipMarker', 'xtest('],
  ['src/test/kotlin/FooTests.kt', '    test("works").config(enabled = false) {', 'skipMarker', '.config(enabled = false'],
  ['src/test/kotlin/FooTests.kt', '    test("f:works") {', 'focusMarker', 'test("f:'],
];

const RUST: Row[] = [
  ['tests/api.rs', '#[ignore]', 'skipMarker', '#[ignore'],
  ['tests/api.rs', '#[ignore = "slow"]', 'skipMarker', '#[ignore'],
  ['tests/api.rs', '#[cfg_attr(windows, ignore)]', 'conditionalSkip', '#[cfg_attr(windows, ignore'],
  ['tests/api.rs', '#[cfg(any())]', 'skipMarker', '#[cfg(any())]'],
  ['tests/api.rs', '#[cfg(false)]', 'skipMarker', '#[cfg(false)]'],
  ['tests/api.rs', '#[cfg(any(unix, windows))]', 'conditionalSkip', '#[cfg(any(unix, windows))]'],
];

const RUBY: Row[] = [
  ['spec/a_spec.rb', "  fit 'works' do", 'focusMarker', 'fit'],
  ['spec/a_spec.rb', "  fdescribe 'api' do", 'focusMarker', 'fdescribe'],
  ['spec/a_spec.rb', "  it 'works', focus: true do", 'focusMarker', 'focus: true'],
  ['spec/a_spec.rb', "  it 'works', :focus do", 'focusMarker', ', :focus'],
  ['spec/a_spec.rb', "  xit 'works' do", 'skipMarker', 'xit'],
  ['spec/a_spec.rb', "  xcontext 'when empty' do", 'skipMarker', 'xcontext'],
  ['spec/a_spec.rb', "    skip 'flaky'", 'skipMarker', 'skip'],
  ['spec/a_spec.rb', '    skip', 'skipMarker', 'skip'],
  ['spec/a_spec.rb', "    pending 'not implemented'", 'skipMarker', 'pending'],
  ['spec/a_spec.rb', "  it 'works', skip: true do", 'skipMarker', 'skip: true'],
  ['spec/a_spec.rb', "  it 'works', skip: 'later' do", 'skipMarker', "skip: '"],
  ['spec/a_spec.rb', "  it 'works', :skip do", 'skipMarker', ':skip'],
  ['spec/a_spec.rb', "    skip 'not on windows' if Gem.win_platform?", 'conditionalSkip', "skip 'not on windows' if"],
  ['test/a_test.rb', '    skip("later")', 'skipMarker', 'skip'],
];

const CSHARP: Row[] = [
  ['Api.Tests/ApiTests.cs', '    [Fact(Skip = "flaky")]', 'skipMarker', 'Fact(Skip'],
  ['Api.Tests/ApiTests.cs', '    [Theory(Skip = "flaky")]', 'skipMarker', 'Theory(Skip'],
  ['Api.Tests/ApiTests.cs', '    [Fact(DisplayName = "x", Skip = "y")]', 'skipMarker', 'Fact(DisplayName = "x", Skip'],
  ['Api.Tests/ApiTests.cs', '    [Ignore("later")]', 'skipMarker', '[Ignore'],
  ['Api.Tests/ApiTests.cs', '    [Test, Ignore("later")]', 'skipMarker', ', Ignore'],
  ['Api.Tests/ApiTests.cs', '    [TestMethod, Ignore]', 'skipMarker', ', Ignore'],
  ['Api.Tests/ApiTests.cs', '    [Explicit]', 'skipMarker', '[Explicit'],
  ['Api.Tests/ApiTests.cs', '    [TestCase(1, Ignore = "later")]', 'skipMarker', 'TestCase(1, Ignore ='],
  ['Api.Tests/ApiTests.cs', '        Assert.Ignore("later");', 'skipMarker', 'Assert.Ignore('],
  ['Api.Tests/ApiTests.cs', '        Assert.Inconclusive("later");', 'skipMarker', 'Assert.Inconclusive('],
  ['Api.Tests/ApiTests.cs', '        Assert.Skip("later");', 'skipMarker', 'Assert.Skip('],
  ['Api.Tests/ApiTests.cs', '        Skip.If(OperatingSystem.IsWindows());', 'conditionalSkip', 'Skip.If('],
  ['Api.Tests/ApiTests.cs', '    [Fact(SkipUnless = nameof(IsLinux))]', 'conditionalSkip', 'Fact(SkipUnless ='],
];

/** Added lines in test files that look close to a marker but are not one. */
const NOT_MARKERS: [string, string][] = [
  ['src/a.test.ts', 'const rest = list.skip(2);'],
  ['src/a.test.ts', 'form.submit();'],
  ['src/a.test.ts', "it('skips only the first', () => {"],
  ['src/a.test.ts', "test.describe('only admins', () => {"],
  ['src/a.test.ts', "it.each([1, 2])('skip %d', (n) => {"],
  ['src/a.test.ts', 'const fit = 3; outfit(x);'],
  ['src/a.test.ts', "it.todo('handles unicode');"],
  ['src/a.test.ts', 'await db.user.findMany({ skip: 10, take: 5 });'],
  ['src/a.test.ts', "page.test.only = true; regex.test.skip('x');"],
  ['src/a.test.ts', '  context.fail(new Error("lambda"));'],
  ['src/a.test.ts', "it.skipIf(false)('runs', () => {"],
  ['src/a.test.ts', "describe.runIf(true)('runs', () => {"],
  ['tests/test_model.py', 'model.fit(X, y)'],
  ['tests/test_model.py', 'it.only("not js")'],
  ['tests/test_model.py', 'result = runner.skip_tests(config)'],
  ['tests/test_model.py', '    skip = True'],
  ['tests/test_model.py', '@pytest.mark.skipif(False, reason="runs everywhere")'],
  ['tests/test_model.py', '@pytest.mark.parametrize("skip", [True, False])'],
  ['tests/test_model.py', '@unittest.skipUnless(True, "runs everywhere")'],
  ['src/test/java/FooTest.java', '    @Tag("slow")'],
  ['src/test/java/FooTest.java', '        assumeTrue(true);'],
  ['src/test/java/FooTest.java', '    return stream.skip(1);'],
  ['src/test/java/FooTest.java', '    @JsonIgnore'],
  ['src/test/java/FooTest.java', '    @IgnoreForBinding'],
  ['pkg/a_test.go', '\tif testing.Short() { return }'],
  ['pkg/a_test.go', '\tr.Skip(4) // a reader'],
  ['spec/a_spec.rb', "  it 'fits' do"],
  ['spec/a_spec.rb', '    skip_validation = true'],
  ['spec/a_spec.rb', '    user.skip!'],
  ['tests/api.rs', '#[ignored_attr_helper]'],
  ['tests/api.rs', '#[cfg(test)]'],
  ['Api.Tests/ApiTests.cs', '    [JsonIgnore]'],
  ['Api.Tests/ApiTests.cs', '    [Fact(DisplayName = "skips nothing")]'],
  ['docs/testing.md', 'Use `it.only(` while debugging, never commit it.'],
];

const all = { JS, PYTHON, GO, JVM, RUST, RUBY, CSHARP };

describe('tests-touched markers', () => {
  describe.each(Object.entries(all))('%s', (_, rows) => {
    it.each(rows)('flags %s: %s', (path, line, messageId, marker) => {
      const files = [file('src/a.ts'), file(path, { added: ['// context', line], startLine: 41 })];
      const violations = runRule(testsTouched, change({ files }));
      expect(violations.map((v) => v.messageId)).toEqual([messageId]);
      expect(violations[0]).toMatchObject({ path, line: 42 });
      expect(violations[0]!.message).toContain(`\`${marker}\``);
    });
  });

  it.each(NOT_MARKERS)('does not flag %s: %s', (path, line) => {
    const files = [file('src/a.ts'), file(path, { added: [line] }), file('tests/keep.test.ts')];
    expect(runRule(testsTouched, change({ files }))).toEqual([]);
  });

  it('conditional-skips: false keeps constant skips and drops conditional ones', () => {
    const files = [
      file('src/a.test.ts', { added: ["it.skipIf(process.env.CI)('a', f)"] }),
      file('src/b.test.ts', { added: ["it.skipIf(true)('b', f)"] }),
      file('src/c.test.ts', { added: ["it.runIf(isLinux)('c', f)"] }),
    ];
    const on = runRule(testsTouched, change({ files }));
    expect(on.map((v) => `${v.messageId} ${v.path}`)).toEqual(['conditionalSkip src/a.test.ts', 'skipMarker src/b.test.ts', 'conditionalSkip src/c.test.ts']);
    const off = runRule(testsTouched, change({ files }), { 'conditional-skips': false });
    expect(off.map((v) => `${v.messageId} ${v.path}`)).toEqual(['skipMarker src/b.test.ts']);
  });

  it('a new test written to run only under a condition is not a conditional skip', () => {
    const gated = ["describe.skipIf(!process.env.DATABASE_URL)('db', () => {", "  it('reads', () => {", '    expect(read()).toBe(1);', '  });', '});'];
    const decorated = ['@unittest.skipIf(sys.platform == "win32", "posix only")', 'def test_links(self):', '    self.assertTrue(links())'];
    const tagged = ['//go:build integration', '', 'package db', '', 'func TestQuery(t *testing.T) {', '\tif q() != 1 {', '\t\tt.Fatal("q")', '\t}', '}'];
    const files = [
      file('src/db.test.ts', { status: 'added', added: gated }),
      file('tests/test_fs.py', { added: decorated, startLine: 30 }),
      file('db/query_test.go', { status: 'added', added: tagged }),
    ];
    expect(runRule(testsTouched, change({ files }))).toEqual([]);
  });

  it('a condition put on an existing test is flagged (the next line is unchanged)', () => {
    const files = [
      file('src/db.test.ts', { deleted: ["  it('reads', () => {"], added: ["  it.skipIf(isCI)('reads', () => {"], startLine: 12 }),
      file('tests/test_fs.py', { added: ['    @unittest.skipIf(sys.platform == "win32", "posix only")'], startLine: 30 }),
    ];
    expect(runRule(testsTouched, change({ files })).map((v) => `${v.messageId} ${v.path}:${v.line}`)).toEqual([
      'conditionalSkip src/db.test.ts:12',
      'conditionalSkip tests/test_fs.py:30',
    ]);
  });

  it('a condition put on an existing test is flagged when a comment or a blank line is added after it', () => {
    const files = [
      file('src/db.test.ts', { deleted: ["  it('reads', () => {"], added: ["  it.skipIf(isCI)('reads', () => {", '    // flaky on CI', ''], startLine: 12 }),
      file('tests/test_fs.py', { added: ['    @unittest.skipIf(sys.platform == "win32", "posix only")', '    # links need posix'], startLine: 30 }),
    ];
    expect(runRule(testsTouched, change({ files })).map((v) => `${v.messageId} ${v.path}:${v.line}`)).toEqual([
      'conditionalSkip src/db.test.ts:12',
      'conditionalSkip tests/test_fs.py:30',
    ]);
  });

  it('a chain cut across lines is read as one line (`test` then `.only(`)', () => {
    const files = [
      file('src/a.test.ts', { added: ['test', "  .only('adds', () => {"], startLine: 3 }),
      file('src/b.test.ts', { added: ['describe', "  .skip('api', () => {"], startLine: 7 }),
      file('src/c.test.ts', { added: ['const rows = await db.find()', '  .skip(10)'], startLine: 1 }),
    ];
    expect(runRule(testsTouched, change({ files })).map((v) => `${v.messageId} ${v.path}:${v.line}`)).toEqual([
      'focusMarker src/a.test.ts:4',
      'skipMarker src/b.test.ts:8',
    ]);
  });

  it('the conditional message says the skip depends on a condition', () => {
    const files = [file('tests/test_a.py', { added: ['@pytest.mark.skipif(os.name == "nt", reason="posix only")'] })];
    const [v] = runRule(testsTouched, change({ files }));
    expect(v!.message).toContain('now skips an existing test when its condition holds');
  });
});
