// tests-touched in the families other than JS and Python, as real test code is written: skips
// under an `if` (a platform or a short run), JUnit's platform conditions, C# preprocessor blocks,
// Rust `cfg` on a test, Go test names the runner does not collect, RSpec's `RSpec.xdescribe`.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

type Files = ReturnType<typeof file>[];
const found = (files: Files, options = {}) =>
  runRule(testsTouched, change({ files }), options).map((v) => `${v.messageId} ${v.path ?? ''}${v.line === undefined ? '' : `:${v.line}`}`.trim());

describe('a skip under an added `if` is a conditional skip', () => {
  // [file, the new test's added lines (a guarded skip, then the test's own assertion)]
  const NEW_TESTS: [string, string[]][] = [
    ['cart/cart_test.go', ['func TestSlow(t *testing.T) {', '\tif testing.Short() {', '\t\tt.Skip("slow")', '\t}', '\trequire.Equal(t, 1, Slow())', '}']],
    ['cart/cart_test.go', ['func TestWin(t *testing.T) {', '\tif runtime.GOOS != "windows" { t.Skip("windows only") }', '\trequire.Equal(t, 1, Win())', '}']],
    ['src/a.test.js', ["it('paths', function () {", "  if (process.platform !== 'win32') {", '    this.skip();', '  }', "  expect(sep()).toBe('\\\\');", '});']],
    ['tests/test_paths.py', ['def test_paths():', '    if sys.platform != "win32":', '        pytest.skip("windows only")', '    assert sep() == "\\\\"']],
    ['spec/paths_spec.rb', ['  it "paths" do', '    if Gem.win_platform?', '      skip "unix only"', '    end', '    expect(Cart.path).to eq("/")', '  end']],
    ['Api.Tests/PathTests.cs', ['    [Test]', '    public void Paths()', '    {', '        if (!OperatingSystem.IsWindows()) Assert.Ignore("windows only");', '        Assert.AreEqual("\\\\", Path.Sep);', '    }']],
  ];

  it.each(NEW_TESTS)('a new test in %s that skips itself on some platforms is not flagged', (path, added) => {
    expect(found([file('src/a.ts'), file(path, { added, startLine: 20 })])).toEqual([]);
  });

  it('the same guarded skip put in an existing test is flagged, as a conditional skip', () => {
    const files = [
      file('cart/cart_test.go', { added: ['\tif testing.Short() {', '\t\tt.Skip("slow")', '\t}'], startLine: 6 }),
      file('tests/test_paths.py', { added: ['    if os.environ.get("CI"):', '        pytest.skip("flaky on CI")'], startLine: 9 }),
      file('spec/paths_spec.rb', { added: ['    if ENV["CI"]', '      skip "ci"', '    end'], startLine: 5 }),
    ];
    expect(found(files)).toEqual(['conditionalSkip cart/cart_test.go:7', 'conditionalSkip tests/test_paths.py:10', 'conditionalSkip spec/paths_spec.rb:6']);
  });

  it('a skip under a condition that always holds stays a plain skip, even before a new assertion', () => {
    const files = [
      file('cart/cart_test.go', { added: ['func TestSum(t *testing.T) {', '\tif true {', '\t\tt.Skip("later")', '\t}', '\trequire.Equal(t, 3, Sum(1, 2))', '}'] }),
      file('src/a.test.js', { added: ["it('x', function () {", '  if (true) this.skip();', '  expect(f()).toBe(1);', '});'] }),
      file('tests/test_a.py', { added: ['def test_a():', '    if True:', '        pytest.skip("later")', '    assert f() == 1'] }),
    ];
    expect(found(files)).toEqual(['skipMarker cart/cart_test.go:3', 'skipMarker src/a.test.js:2', 'skipMarker tests/test_a.py:3']);
  });

  it('conditional-skips: false drops a guarded skip, keeps an unguarded one', () => {
    const files = [
      file('cart/cart_test.go', { added: ['\tif testing.Short() {', '\t\tt.Skip("slow")', '\t}'], startLine: 6 }),
      file('cart/b_test.go', { added: ['\tt.Skip("later")'], startLine: 6 }),
    ];
    expect(found(files, { 'conditional-skips': false })).toEqual(['skipMarker cart/b_test.go:6']);
  });
});

describe('markers of JVM, .NET, Go, Rust and Ruby test code', () => {
  // [test file, added line, expected message id, quoted marker]
  const ROWS: [string, string, string, string][] = [
    ['src/test/java/a/CartTest.java', '    @EnabledOnOs(OS.OTHER)', 'conditionalSkip', '@EnabledOnOs'],
    ['src/test/java/a/CartTest.java', '    @EnabledForJreRange(min = JRE.JAVA_21)', 'conditionalSkip', '@EnabledForJreRange'],
    ['src/test/java/a/CartTest.java', '    @DisabledInNativeImage', 'conditionalSkip', '@DisabledInNativeImage'],
    ['src/test/java/a/CartTest.java', '        enabled = false)', 'skipMarker', 'enabled = false)'],
    ['src/test/java/a/CartTest.java', '        if (false) {', 'skipMarker', 'if (false) {'],
    ['Shop.Tests/CartTests.cs', '        Skip = "flaky")]', 'skipMarker', 'Skip'],
    ['Shop.Tests/CartTests.cs', '    [Test, Platform(Exclude = "Linux,Win,MacOsX")]', 'conditionalSkip', ', Platform('],
    ['Shop.Tests/CartTests.cs', '#if false', 'skipMarker', '#if false'],
    ['Shop.Tests/CartTests.cs', '#if NEVER', 'conditionalSkip', '#if NEVER'],
    ['cart/cart_test.go', '\tif false {', 'skipMarker', 'if false {'],
    ['cart/cart_test.go', '\ttb.Skip("needs docker")', 'skipMarker', 'tb.Skip('],
    ['tests/cart.rs', '#[cfg(FALSE)]', 'skipMarker', '#[cfg(FALSE)]'],
    ['tests/cart.rs', '#[cfg(not(all()))]', 'skipMarker', '#[cfg(not(all()))]'],
    ['tests/cart.rs', '#[cfg(feature = "slow-tests")]', 'conditionalSkip', '#[cfg(feature = "slow-tests")]'],
    ['tests/cart.rs', '    if false {', 'skipMarker', 'if false {'],
    ['spec/cart_spec.rb', 'RSpec.xdescribe Cart do', 'skipMarker', 'RSpec.xdescribe'],
    ['spec/cart_spec.rb', 'RSpec.fdescribe Cart do', 'focusMarker', 'RSpec.fdescribe'],
    ['spec/cart_spec.rb', '  it "sums", if: ENV["CI"].nil? do', 'conditionalSkip', 'if:'],
    ['spec/cart_spec.rb', 'RSpec.describe Cart, unless: Gem.win_platform? do', 'conditionalSkip', 'unless:'],
    ['spec/cart_spec.rb', '  it "sums", if: false do', 'skipMarker', 'if: false'],
    ['src/test/kotlin/CartTest.kt', '    "!sums" {', 'skipMarker', '"!sums" {'],
    ['src/test/kotlin/CartTest.kt', '    test("!sums") {', 'skipMarker', 'test("!'],
    ['src/test/kotlin/CartTest.kt', '    "f:sums" {', 'focusMarker', '"f:sums" {'],
  ];

  it.each(ROWS)('flags %s: %s', (path, line, messageId, marker) => {
    const violations = runRule(testsTouched, change({ files: [file('src/a.ts'), file(path, { added: [line], startLine: 7 })] }));
    expect(violations.map((v) => `${v.messageId} ${v.line}`)).toEqual([`${messageId} 7`]);
    expect(violations[0]!.message).toContain(`\`${marker}\``);
  });

  it.each([
    ['Shop.Tests/CartTests.cs', '        var page = new Query { Skip = 10 };'],
    ['Shop.Tests/CartTests.cs', '#if DEBUG'], // on a new test (the next added line is one)
    ['tests/cart.rs', '#[cfg(test)]'],
    ['tests/cart.rs', '#[cfg(all())]'],
    ['src/test/java/a/CartTest.java', '        button.enabled = false;'],
    ['src/test/kotlin/a/CartTest.kt', '        enabled = false'],
    ['cart/cart_test.go', '\tif !ok {'],
    ['spec/cart_spec.rb', '    validates :name, presence: true, if: :paid?'],
    ['src/test/kotlin/CartTest.kt', '        val msg = "!" + name'],
  ])('does not flag %s: %s', (path, line) => {
    const added = [line, '    [Fact]'];
    expect(found([file('src/a.ts'), file(path, { added: path.endsWith('.cs') && line.startsWith('#') ? added : [line] }), file('tests/keep.test.ts')])).toEqual([]);
  });

  it('a platform-only new JUnit, C# or Rust test is not a conditional skip', () => {
    const files = [
      file('src/test/java/a/PathTest.java', { added: ['    @Test', '    @EnabledOnOs(OS.WINDOWS)', '    void sep() {', '        assertEquals("\\\\", Paths.sep());', '    }'] }),
      file('Shop.Tests/PathTests.cs', { added: ['#if WINDOWS', '    [Fact]', '    public void Sep() => Assert.Equal("\\\\", Paths.Sep);', '#endif'] }),
      file('tests/paths.rs', { added: ['#[cfg(windows)]', '#[test]', 'fn sep() {', '    assert_eq!(sep(), "\\\\");', '}'] }),
    ];
    expect(found(files)).toEqual([]);
  });
});

describe('test declarations the runner does not collect', () => {
  it('Go runs TestXxx only when Xxx does not start lower-case: TestSum renamed Testsum is a test removed', () => {
    const files = [file('cart/cart.go', { added: ['x'] }), file('cart/cart_test.go', { deleted: ['func TestSum(t *testing.T) {'], added: ['func Testsum(t *testing.T) {'] })];
    expect(found(files)).toEqual(['untested', 'testsRemoved cart/cart_test.go']);
    const renamed = [file('cart/cart.go', { added: ['x'] }), file('cart/cart_test.go', { deleted: ['func TestSum(t *testing.T) {'], added: ['func Test_sum(t *testing.T) {'] })];
    expect(found(renamed)).toEqual([]);
  });

  it('a Minitest method rewritten as a Rails `test "…" do` block is a rename, not a test removed', () => {
    const files = [file('lib/cart.rb', { added: ['x'] }), file('test/cart_test.rb', { deleted: ['  def test_sum'], added: ['  test "sum" do'] })];
    expect(found(files)).toEqual([]);
    const dropped = [file('lib/cart.rb', { added: ['x'] }), file('test/cart_test.rb', { deleted: ['  test "sum" do'], added: ['  def sum'] })];
    expect(found(dropped)).toEqual(['untested', 'testsRemoved test/cart_test.rb']);
  });
});

describe('Rust #[should_panic]', () => {
  it('put on an existing test (in tests/ or inline in a source file) is flagged: its panic is now the pass', () => {
    const files = [
      file('tests/cart.rs', { added: ['#[should_panic]'], startLine: 4 }),
      file('src/cart.rs', { added: ['    #[should_panic(expected = "overflow")]'], startLine: 30 }),
    ];
    expect(found(files)).toEqual(['skipMarker tests/cart.rs:4', 'skipMarker src/cart.rs:30']);
  });

  it('on a new test of a panic, its #[test] added before or after it, is not', () => {
    const files = [
      file('tests/cart.rs', { added: ['#[test]', '#[should_panic(expected = "empty")]', 'fn first_of_empty() {', '    first(&[]);', '}'], startLine: 12 }),
      file('src/cart.rs', { added: ['    #[should_panic]', '    #[test]', '    fn overflows() {', '        sum(&[i32::MAX, 1]);', '    }'], startLine: 40 }),
    ];
    expect(found(files)).toEqual([]);
  });
});

describe('a guarded skip is excused only in a test whose definition is added with it', () => {
  it('an existing test given `if (cond) { t.Skip() }` and a new assertion after it is still reported', () => {
    const files = [
      file('cart/cart_test.go', { added: ['\tif os.Getenv("X") == "" {', '\t\tt.Skip("x")', '\t}', '\trequire.NotNil(t, Sum)'], startLine: 6 }),
      file('tests/test_a.py', { added: ['    if not os.environ.get("X"):', '        pytest.skip("x")', '    assert sum is not None'], startLine: 9 }),
    ];
    expect(found(files)).toEqual(['conditionalSkip cart/cart_test.go:7', 'conditionalSkip tests/test_a.py:10']);
  });
});

it('a Go assertion on a testing.TB helper parameter counts: tb.Fatalf removed is an assertion removed', () => {
  const files = [file('cart/cart.go', { added: ['x'] }), file('cart/cart_test.go', { deleted: ['\t\ttb.Fatalf("sum: %v", err)'], added: ['\t\t_ = err'] })];
  expect(found(files)).toEqual(['untested', 'assertionsRemoved cart/cart_test.go']);
});
