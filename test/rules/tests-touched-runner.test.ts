// tests-touched: tests weakened in the runner's configuration, where no test file changes — a test
// script that cannot fail, --passWithNoTests, pytest told to ignore tests, a coverage gate lowered.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const found = (path: string, deleted: string[], added: string[], options: Record<string, unknown> = {}) =>
  runRule(testsTouched, change({ files: [file(path, { deleted, added, startLine: 4 })] }), options).map((v) => ({
    at: `${v.messageId} ${v.path}:${v.line}`,
    message: v.message,
  }));

describe('test runner configuration weakened', () => {
  it.each([
    ['package.json', '"test": "vitest run",', '"test": "vitest run || true",', 'makes the test script pass whatever the tests do'],
    ['package.json', '"test": "jest",', '"test": "exit 0",', 'makes the test script pass whatever the tests do'],
    ['package.json', '"test:e2e": "playwright test"', '"test:e2e": "echo skipped"', 'makes the test script pass whatever the tests do'],
    ['package.json', '"test": "pytest",', '"test": "pytest; exit 0",', 'makes the test script pass whatever the tests do'],
    ['package.json', '"test": "jest",', '"test": "jest --passWithNoTests",', 'makes the run pass when it finds no tests at all'],
    ['vitest.config.ts', '  test: {', '  test: { passWithNoTests: true,', 'makes the run pass when it finds no tests at all'],
    ['package.json', '"coverageThreshold": { "global": { "branches": 80, "lines": 90 } }', '"coverageThreshold": { "global": { "branches": 80, "lines": 10 } }', 'lowers the coverage threshold `lines` from 90 to 10'],
    ['vitest.config.ts', '      thresholds: { statements: 85 },', '      thresholds: { statements: 50 },', 'lowers the coverage threshold `statements` from 85 to 50'],
    ['pyproject.toml', 'fail_under = 85', 'fail_under = 20', 'lowers the coverage threshold `fail_under` from 85 to 20'],
    ['pytest.ini', 'addopts = --cov=app --cov-fail-under=90', 'addopts = --cov=app --cov-fail-under=50', 'lowers the coverage threshold `cov-fail-under` from 90 to 50'],
    ['codecov.yml', '        target: 80%', '        target: 60%', 'lowers the coverage threshold `target` from 80 to 60'],
    ['codecov.yml', '        threshold: 1%', '        threshold: 5%', "raises Codecov's `threshold` (the coverage drop it lets pass) from 1 to 5"],
    ['.nycrc.json', '  "check-coverage": true,', '  "check-coverage": false,', 'stops enforcing the coverage thresholds'],
    ['.c8rc.json', '{ "checkCoverage": true, "lines": 90 }', '{ "checkCoverage": false, "lines": 90 }', 'stops enforcing the coverage thresholds'],
    ['setup.cfg', 'addopts = -q', 'addopts = -q --ignore=tests/api', 'drops tests from what pytest collects'],
    ['tox.ini', 'addopts = -q', 'addopts = -q --deselect tests/test_api.py::test_login', 'drops tests from what pytest collects'],
    ['package.json', '"test": "vitest run",', '"test": "vitest run --exclude test/auth/**",', '`--exclude` makes the test script run only some of the tests'],
    ['package.json', '"test": "jest --ci",', '"test": "jest --ci --onlyChanged",', '`--onlyChanged` makes the test script run only some of the tests'],
    ['package.json', '"test:unit": "mocha"', '"test:unit": "mocha --grep slow --invert"', '`--grep` makes the test script run only some of the tests'],
    ['package.json', '"test": "jest --ci",', '"test": "jest --ci --testPathPattern=unit",', '`--testPathPattern` makes the test script run only some of the tests'],
    ['package.json', '"test": "jest",', '"test": "jest --testPathPatterns src/ui",', '`--testPathPatterns` makes the test script run only some of the tests'],
    ['package.json', '"test:e2e": "playwright test"', '"test:e2e": "playwright test --grep-invert @auth"', '`--grep-invert` makes the test script run only some of the tests'],
    ['package.json', '"test": "mocha"', '"test": "mocha --fgrep cart"', '`--fgrep` makes the test script run only some of the tests'],
    ['pytest.ini', '    -ra', '    --ignore=tests/api', 'drops tests from what pytest collects'],
    ['pyproject.toml', '  "-ra",', '  "--deselect=tests/test_api.py::test_login",', 'drops tests from what pytest collects'],
    ['pytest.ini', 'addopts = -ra', 'addopts = -ra -k "not test_login"', '`-k` drops tests from what pytest collects'],
    ['setup.cfg', 'addopts = -q', "addopts = -q -m 'not db'", '`-m` drops tests from what pytest collects'],
    ['tox.ini', 'commands = pytest', 'commands = pytest --ignore=tests/api', 'drops tests from what pytest collects'],
    ['package.json', '"test": "pytest"', '"test": "pytest -k smoke"', 'drops tests from what pytest collects'],
    ['package.json', '"verbose": true', '"testPathIgnorePatterns": ["/node_modules/", "/e2e/"]', 'stops Jest from collecting the test files it matches'],
    ['jest.config.js', "  testPathIgnorePatterns: ['/node_modules/'],", "  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/auth/'],", 'stops Jest from collecting'],
    ['package.json', '"test": "jest"', '"test": "jest --testPathIgnorePatterns=auth"', 'stops Jest from collecting'],
  ])('%s: %s -> %s is reported', (path, before, after, effect) => {
    const [v, ...rest] = found(path, [before], [after]);
    expect(rest).toEqual([]);
    expect(v!.at).toBe(`runnerWeakened ${path}:4`);
    expect(v!.message).toContain(effect);
    expect(v!.message).toContain('no test file changes to show it');
    expect(v!.message).toContain('Revert it and fix what fails, or say in the pull request why');
  });

  it.each([
    ['a new test script (a placeholder)', 'package.json', [], ['"test": "echo no tests yet"']],
    ['a script that could already not fail', 'package.json', ['"test": "jest || true",'], ['"test": "jest --ci || true",']],
    ['a test script made stricter', 'package.json', ['"test": "vitest run"'], ['"test": "vitest run --coverage"']],
    ['--passWithNoTests that was there before', 'package.json', ['"test": "jest --passWithNoTests"'], ['"test": "jest --passWithNoTests --ci"']],
    ['a coverage gate raised', 'package.json', ['"lines": 80'], ['"lines": 90']],
    ["Codecov's threshold lowered (a smaller drop allowed: stricter)", 'codecov.yml', ['        threshold: 5%'], ['        threshold: 1%']],
    ['a threshold key outside Codecov files', 'package.json', ['"threshold": 5'], ['"threshold": 1']],
    ['check-coverage turned on', '.nycrc.json', ['"check-coverage": false,'], ['"check-coverage": true,']],
    ['a new nyc configuration without check-coverage', '.nycrc', [], ['{ "check-coverage": false }']],
    ['a new coverage gate', 'vitest.config.ts', [], ['thresholds: { lines: 10 },']],
    // (the global gate is kept: deleting it is gateDeleted, tests-touched-gates.test.ts)
    ['a per-path gate above the lowest one', 'jest.config.js', ['global: { lines: 90 },', "'./src/legacy/': { lines: 40 },"], ['global: { lines: 90 },', "'./src/legacy/': { lines: 60 },"]],
    ['an ESLint max-lines setting', 'package.json', ['"max-lines": 300'], ['"max-lines": 200']],
    ['an --ignore that was there before', 'setup.cfg', ['addopts = --ignore=build'], ['addopts = -q --ignore=build']],
    ['the same text in a file that configures no runner', 'scripts/build.json', ['"test": "jest"'], ['"test": "exit 0"']],
    ['an --ignore moved onto a line of a multi-line addopts', 'pytest.ini', ['addopts = -q --ignore=build'], ['addopts =', '    -q', '    --ignore=build']],
    ['a new test script with a filter', 'package.json', [], ['"test:smoke": "vitest run --testNamePattern smoke"']],
    ['a filter that was there before', 'package.json', ['"test": "vitest run --exclude e2e"'], ['"test": "vitest run --exclude e2e --reporter dot"']],
    ['mocha -t (a timeout)', 'package.json', ['"test": "mocha"'], ['"test": "mocha -t 5000"']],
    ['python -m pytest', 'tox.ini', ['commands = pytest'], ['commands = python -m pytest']],
    ['another indented option in tox.ini', 'tox.ini', ['deps = pytest'], ['    -rrequirements.txt']],
    ['pip --ignore-installed', 'tox.ini', [], ['commands = pip install --ignore-installed pytest-cov']],
    ['a Jest ignore list of node_modules only (its default)', 'jest.config.js', [], ["  testPathIgnorePatterns: ['/node_modules/'],"]],
    ['a Jest ignore list that keeps its entries', 'jest.config.js', ["  testPathIgnorePatterns: ['/node_modules/', '/e2e/'],"], ["  testPathIgnorePatterns: ['/e2e/', '/node_modules/'],"]],
  ])('%s is not', (_, path, deleted, added) => {
    expect(found(path, deleted, added)).toEqual([]);
  });

  it('weakened-tests: false does not report it', () => {
    expect(found('package.json', ['"test": "jest",'], ['"test": "exit 0",'], { 'weakened-tests': false })).toEqual([]);
  });
});
