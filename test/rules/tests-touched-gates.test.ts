// tests-touched: coverage gates deleted (a `coverageThreshold` block, vitest `thresholds`,
// coverage.py `fail_under`, `--cov-fail-under`, nyc/c8 `check-coverage`), judged over the change.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import type { FileChange } from '../../src/model.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const found = (files: FileChange[], options: Record<string, unknown> = {}) =>
  runRule(testsTouched, change({ files }), options).map((v) => ({ at: `${v.messageId} ${v.path}${v.line === undefined ? '' : `:${v.line}`}`, message: v.message }));

const one = (path: string, deleted: string[], added: string[]) => found([file(path, { deleted, added, startLine: 4 })]);

describe('coverage gates deleted', () => {
  it.each([
    ['package.json', ['"coverageThreshold": {', '  "global": {', '    "lines": 90', '  }', '},'], [], '"lines": 90', 'coverage below 90% (`lines`)'],
    ['package.json', ['"coverageThreshold": { "global": { "branches": 80 } }'], [], '"coverageThreshold": { "global": { "branches": 80 } }', 'coverage below 80% (`branches`)'],
    ['jest.config.js', ['    branches: 80,', '    lines: 90,'], ['    branches: 80,'], 'lines: 90', 'coverage below 90% (`lines`)'],
    ['vitest.config.ts', ['      thresholds: { statements: 85 },'], [], 'thresholds: { statements: 85 }', 'coverage below 85% (`statements`)'],
    ['.coveragerc', ['fail_under = 85'], [], 'fail_under = 85', 'coverage below 85% (`fail_under`)'],
    ['pyproject.toml', ['fail_under = 85'], ['skip_covered = true'], 'fail_under = 85', 'coverage below 85% (`fail_under`)'],
    ['setup.cfg', ['fail-under = 70'], [], 'fail-under = 70', 'coverage below 70% (`fail_under`)'],
    ['pytest.ini', ['addopts = --cov=app --cov-fail-under=90'], ['addopts = --cov=app'], 'addopts = --cov=app --cov-fail-under=90', 'coverage below 90% (`cov-fail-under`)'],
    ['.nycrc.json', ['  "check-coverage": true,'], [], '"check-coverage": true', 'its coverage thresholds are no longer enforced'],
    ['package.json', ['"test": "nyc --check-coverage --lines 90 mocha"'], ['"test": "nyc mocha"'], '"test": "nyc --check-coverage --lines 90 mocha"', 'its coverage thresholds are no longer enforced'],
    ['package.json', ['"test": "vitest run --coverage.thresholds.lines=90"'], ['"test": "vitest run --coverage"'], '"test": "vitest run --coverage.thresholds.lines=90"', 'coverage below 90% (`lines`)'],
    ['package.json', [String.raw`"test": "jest --coverageThreshold='{\"global\":{\"lines\":90}}'"`], ['"test": "jest"'], String.raw`"test": "jest --coverageThreshold='{\"global\":{\"lines\":90}}'"`, 'coverage below 90% (`lines`)'],
    ['codecov.yml', ['        target: 80%'], [], 'target: 80%', 'coverage below 80% (`target`)'],
  ])('%s: deleting %j is reported', (path, deleted, added, marker, effect) => {
    const [v, ...rest] = one(path, deleted, added);
    expect(rest).toEqual([]);
    expect(v!.at).toBe(`gateDeleted ${path}`);
    expect(v!.message).toContain(`deletes the coverage gate \`${marker}\` (line `);
    expect(v!.message).toContain(`and sets it nowhere else: ${effect}`);
    expect(v!.message).toContain('Restore the gate');
  });

  it('names the old line of each deleted gate', () => {
    expect(one('package.json', ['"branches": 80,', '"lines": 90'], []).map((v) => /line (\d+) before/.exec(v.message)![1])).toEqual(['4', '5']);
  });

  it.each([
    ['a gate moved in its file', 'package.json', ['"lines": 90,'], ['    "lines": 90']],
    ['a gate lowered (reported as lowered, not deleted)', 'package.json', ['"lines": 90'], ['"lines": 10']],
    ["Codecov's threshold (the drop it allows)", 'codecov.yml', ['        threshold: 1%'], []],
    ['a build target outside Codecov', 'vite.config.ts', ['    target: 2020,'], []],
    ['check-coverage turned off (reported as not enforced)', '.nycrc.json', ['"check-coverage": true,'], ['"check-coverage": false,']],
    ['an ESLint max-lines setting', 'package.json', ['"max-lines": 300'], []],
    ['the same text in a file that configures no runner', 'scripts/build.json', ['"lines": 90'], []],
  ])('%s is not', (_, path, deleted, added) => {
    expect(one(path, deleted, added).filter((v) => v.at.startsWith('gateDeleted'))).toEqual([]);
  });

  it('a gate moved to another configuration file of the change is no loss', () => {
    const files = [
      file('package.json', { deleted: ['"coverageThreshold": { "global": { "lines": 90 } }'] }),
      file('jest.config.js', { status: 'added', added: ['module.exports = { coverageThreshold: { global: { lines: 90 } } };'] }),
    ];
    expect(found(files)).toEqual([]);
  });

  it('a deleted configuration file takes its gates with it, unless another file of the change sets them', () => {
    const coveragerc = file('.coveragerc', { status: 'deleted', deleted: ['[report]', 'fail_under = 85'] });
    expect(found([coveragerc]).map((v) => v.at)).toEqual(['gateDeleted .coveragerc']);
    const pyproject = file('pyproject.toml', { added: ['[tool.coverage.report]', 'fail_under = 85'] });
    expect(found([coveragerc, pyproject])).toEqual([]);
  });

  it('weakened-tests: false does not report it', () => {
    expect(found([file('.coveragerc', { deleted: ['fail_under = 85'] })], { 'weakened-tests': false })).toEqual([]);
  });

});
