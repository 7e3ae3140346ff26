// tests-touched in the families other than JS and Python, as real test code is written: skips
// under an `if` (a platform or a short run), JUnit's platform conditions, C# preprocessor blocks,
// Rust `cfg` on a test, Go test names the runner does not collect, RSpec's `RSpec.xdescribe`.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

type Files = ReturnType<typeof file>[];
const found = (files: Files, options = {}) =>
  runRule(testsTouched, change({ files }), options).map((v) => `${v.messageId} ${v.path ?? ''}${v.line === undefined ? '' : `:${v.line}`}`);

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
