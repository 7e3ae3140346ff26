// tests-touched end to end, one test per way of weakening a suite: real git repositories, the
// built CLI as a subprocess, the rule at severity error so a weakened suite fails the check.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

interface Finding { ruleId: string; severity: string; message: string; path?: string; line?: number }

const CART = 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n';
const CART_TEST = [
  "import { total } from './cart';",
  "it('sums', () => {",
  '  expect(total([1, 2])).toBe(3);',
  '});',
  "it('is zero when empty', () => {",
  '  expect(total([])).toBe(0);',
  '});',
  '',
].join('\n');
const PY_TEST = ['import unittest', '', 'class CartTest(unittest.TestCase):', '    def test_sum(self):', '        self.assertEqual(sum([1, 2]), 3)', ''].join('\n');

function check(repo: Repo): { code: number; findings: Finding[] } {
  const r = runCli(['check', '--base', 'HEAD~1', '--format', 'json'], { cwd: repo.dir });
  expect(r.stderr).toBe('');
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.ruleId === 'tests-touched');
  return { code: r.code, findings };
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.path ?? ''}${f.line === undefined ? '' : `:${f.line}`} ${f.message.slice(0, 40)}`.trim());

describe('tests-touched on a real repository', () => {
  let repo: Repo;
  let initial: string;
  beforeAll(() => {
    repo = Repo.init();
    initial = repo.commit('initial', {
      '.github/prguard.yml': 'version: 1\nrules:\n  tests-touched: error\n',
      'src/cart.ts': CART,
      'src/cart.test.ts': CART_TEST,
      'tests/test_cart.py': PY_TEST,
    });
  });
  afterEach(() => repo.git('reset', '-q', '--hard', initial));
  afterAll(() => repo.remove());

  it('an untouched suite passes', () => {
    repo.commit('docs', { 'README.md': '# cart\n' });
    expect(check(repo)).toEqual({ code: 0, findings: [] });
  });

  it('prevents hiding a test file by renaming it out of the test patterns (a.test.ts -> a.test.ts.bak)', () => {
    repo.git('mv', 'src/cart.test.ts', 'src/cart.test.ts.bak');
    repo.commit('park the tests', { 'src/cart.ts': CART.replace('0);', '1);') });
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(brief(r.findings)).toEqual([
      '1 source file changed without any test c',
      'src/cart.test.ts.bak This test file is renamed from `src/cart',
    ]);
  });

  it('prevents passing off a test change that deletes the assertions as "tests touched"', () => {
    repo.commit('simplify', {
      'src/cart.ts': CART.replace('0);', '1);'),
      'src/cart.test.ts': CART_TEST.replace('  expect(total([])).toBe(0);\n', '  total([]);\n').replace('  expect(total([1, 2])).toBe(3);\n', '  total([1, 2]);\n'),
    });
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => f.path ?? '')).toEqual(['', 'src/cart.test.ts']);
    expect(r.findings[0]!.message).toContain('the test files it changes only lose assertions');
    expect(r.findings[1]!.message).toContain('removes 2 assertions from this test file and adds none');
  });

  it.each([
    ["it.skipIf(true)('sums', () => {", '`it.skipIf(true)` disables a test'],
    ["describe.runIf(false)('cart', () => {", '`describe.runIf(false)` disables a test'],
    ["it .only('sums', () => {", '`it .only(` focuses the suite'],
    ["test.fixme('sums', () => {", '`test.fixme(` disables a test'],
  ])('prevents weakening a JS test with %s', (line, message) => {
    repo.commit('weaken', { 'src/cart.test.ts': CART_TEST.replace("it('sums', () => {", line) });
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'error', path: 'src/cart.test.ts', line: 2, message: expect.stringContaining(message) })]);
  });

  it('prevents skipping through an alias (const later = it.skip)', () => {
    repo.commit('alias', { 'src/cart.test.ts': CART_TEST.replace("it('sums'", "const later = it.skip;\nlater('sums'") });
    expect(brief(check(repo).findings)).toEqual(['src/cart.test.ts:2 `it.skip` disables a test, so what it ch']);
  });

  it.each([
    ['    @mark.skip', '`mark.skip`'],
    ['    @skip("later")', '`@skip`'],
  ])('prevents skipping a Python test with %s', (decorator, marker) => {
    repo.commit('skip', { 'tests/test_cart.py': PY_TEST.replace('    def test_sum', `${decorator}\n    def test_sum`) });
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([expect.objectContaining({ path: 'tests/test_cart.py', line: 4, message: expect.stringContaining(marker) })]);
  });

  it('prevents skipping a Python test from its body (raise unittest.SkipTest)', () => {
    repo.commit('skip', { 'tests/test_cart.py': PY_TEST.replace('        self.assertEqual', '        raise unittest.SkipTest("later")\n        self.assertEqual') });
    expect(brief(check(repo).findings)).toEqual(['tests/test_cart.py:5 `raise unittest.SkipTest` disables a tes']);
  });

  it("prevents narrowing the test script to some test files (Jest's --testPathPattern)", () => {
    repo.commit('scripts', { 'package.json': '{\n  "scripts": {\n    "test": "jest"\n  }\n}\n' });
    repo.commit('only the ui', { 'package.json': '{\n  "scripts": {\n    "test": "jest --testPathPattern=src/ui"\n  }\n}\n' });
    expect(brief(check(repo).findings)).toEqual(['package.json:3 `--testPathPattern` makes the test scrip']);
  });

  it("prevents keeping nyc's thresholds but no longer enforcing them (check-coverage: false)", () => {
    repo.commit('nyc', { '.nycrc.json': '{\n  "check-coverage": true,\n  "lines": 90\n}\n' });
    repo.commit('relax', { '.nycrc.json': '{\n  "check-coverage": false,\n  "lines": 90\n}\n' });
    expect(brief(check(repo).findings)).toEqual(['.nycrc.json:2 `"check-coverage": false` stops enforcin']);
  });

  it('prevents deleting a coverage gate (the coverageThreshold block of package.json)', () => {
    const pkg = (gate: string) => `{\n  "jest": {\n${gate}    "verbose": true\n  }\n}\n`;
    repo.commit('gate', { 'package.json': pkg('    "coverageThreshold": {\n      "global": { "lines": 90 }\n    },\n') });
    repo.commit('no gate', { 'package.json': pkg('') });
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(brief(r.findings)).toEqual(['package.json This change deletes the coverage gate `"']);
    expect(r.findings[0]!.message).toContain('`"global": { "lines": 90 }` (line 4 before the change) and sets it nowhere else: coverage below 90% (`lines`)');
  });

  it('prevents deleting the failing cases of a table-driven test (it.each rows)', () => {
    const table = (rows: string) => `import { total } from './cart';\nit.each([\n  [[1, 2], 3],\n${rows}])('sums %j', (xs, want) => {\n  expect(total(xs)).toBe(want);\n});\n`;
    repo.commit('table', { 'src/cart.test.ts': table('  [[], 0],\n  [[5], 5],\n') });
    repo.commit('fewer cases', { 'src/cart.test.ts': table('') });
    expect(brief(check(repo).findings)).toEqual(['src/cart.test.ts This change removes 2 table rows from th']);
  });

  it('prevents loosening an assertion in place (toThrow(message) -> toThrow())', () => {
    repo.commit('throws', { 'src/cart.test.ts': `${CART_TEST}it('rejects null', () => {\n  expect(() => total(null)).toThrow('no items');\n});\n` });
    repo.commit('looser', { 'src/cart.test.ts': `${CART_TEST}it('rejects null', () => {\n  expect(() => total(null)).toThrow();\n});\n` });
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([
      expect.objectContaining({ path: 'src/cart.test.ts', line: 9, message: expect.stringContaining("`expect(() => total(null)).toThrow();` replaces `expect(() => total(null)).toThrow('no items');`") }),
    ]);
  });

  it('prevents deleting the matcher line of an assertion written over lines (expect(x) / .toBe(3))', () => {
    const wrapped = (matcher: string) => `import { total } from './cart';\nit('sums', () => {\n  expect(total([1, 2]))\n${matcher}});\n`;
    repo.commit('wrapped', { 'src/cart.test.ts': wrapped('    .toBe(3);\n') });
    repo.commit('no matcher', { 'src/cart.test.ts': wrapped('') });
    expect(brief(check(repo).findings)).toEqual(['src/cart.test.ts This change removes 1 assertion from thi']);
  });

  it("prevents loosening an RSpec expectation (raise_error(ArgumentError) -> raise_error), not renaming an example's \"should\"", () => {
    const spec = (name: string, matcher: string) => `RSpec.describe Cart do\n  it "${name}" do\n    expect { Cart.new(nil) }.to ${matcher}\n  end\nend\n`;
    repo.commit('spec', { 'spec/cart_spec.rb': spec('should reject nil', 'raise_error(ArgumentError)') });
    repo.commit('rename', { 'spec/cart_spec.rb': spec('rejects nil', 'raise_error(ArgumentError)') });
    expect(check(repo)).toEqual({ code: 0, findings: [] });
    repo.commit('looser', { 'spec/cart_spec.rb': spec('rejects nil', 'raise_error') });
    expect(brief(check(repo).findings)).toEqual(['spec/cart_spec.rb:3 `expect { Cart.new(nil) }.to raise_error']);
  });

  it('prevents dropping values from a one-line JUnit @ValueSource', () => {
    const test = (values: string) => `class CartTest {\n    @ParameterizedTest\n    @ValueSource(ints = {${values}})\n    void accepts(int n) {\n        assertTrue(Cart.accepts(n));\n    }\n}\n`;
    repo.commit('values', { 'src/test/java/CartTest.java': test('1, 2, 3, -1') });
    repo.commit('fewer values', { 'src/test/java/CartTest.java': test('1, 2') });
    expect(brief(check(repo).findings)).toEqual(['src/test/java/CartTest.java This change removes 2 table rows from th']);
  });

  it("prevents removing Go's hand-written checks (if got != want { t.Errorf(…) })", () => {
    const test = (check: string) => `package cart\n\nimport "testing"\n\nfunc TestTotal(t *testing.T) {\n\tgot := Total([]int{1, 2})\n${check}}\n`;
    repo.commit('go test', { 'cart/cart_test.go': test('\tif got != 3 {\n\t\tt.Errorf("Total = %d, want 3", got)\n\t}\n') });
    repo.commit('no check', { 'cart/cart_test.go': test('\t_ = got\n') });
    expect(brief(check(repo).findings)).toEqual(['cart/cart_test.go This change removes 1 assertion from thi']);
  });

  it('prevents deleting a test file quietly, but not a fixture', () => {
    repo.commit('fixture', { 'tests/fixtures/cart.json': '{"items": []}\n' });
    repo.git('rm', '-q', 'src/cart.test.ts', 'tests/fixtures/cart.json');
    repo.commit('drop');
    expect(brief(check(repo).findings)).toEqual(['src/cart.test.ts This test file is deleted. Deleting test']);
  });
});
