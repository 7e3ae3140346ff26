// Tests weakened without touching a test file: the runner's configuration told to pass whatever
// the tests do (`"test": "vitest run || true"`, `--passWithNoTests`) or a coverage threshold lowered.
import type { FileChange } from '../../src/model.ts';
import { matchesAny } from '../../src/glob.ts';
import { deletedLinesOf } from './assertions.ts';

/** Files that configure a test runner or its coverage gate, for the languages the rule knows. */
export const RUNNER_CONFIG: readonly string[] = [
  '**/package.json',
  '**/{jest,vitest,vite,karma,playwright,ava}.config.{js,cjs,mjs,ts,cts,mts,json}',
  '**/{vitest.workspace,vitest.projects}.{js,mjs,ts,mts,json}',
  '**/.mocharc.{js,cjs,json,jsonc,yml,yaml}',
  '**/{.nycrc,.nycrc.json,.nycrc.yml,.c8rc,.c8rc.json,.coveragerc}',
  '**/{pytest.ini,pyproject.toml,setup.cfg,tox.ini}',
  '**/{codecov,.codecov}.{yml,yaml}',
];

export function isRunnerConfig(path: string): boolean {
  return matchesAny(path, RUNNER_CONFIG);
}

/** One weakening found on an added line: the text to quote and what it does. */
export interface RunnerWeakening {
  line: number;
  marker: string;
  effect: string;
}

// A package.json test script: "test": "...", "test:unit": "..." (bounded, linear).
const TEST_SCRIPT = /^\s*"(test(?:[:-][\w:.-]{1,60})?)"\s*:\s*"((?:[^"\\]|\\.){0,2000})"/;
// A command that no longer fails: `|| true`, `|| exit 0`, `|| echo ...`, `; exit 0`, or nothing but those.
const NEVER_FAILS = /\|\|\s*(?:true|:|exit\s+0|echo\b)|;\s*exit\s+0\s*$|^\s*(?:(?:exit\s+0|true|:)\s*$|echo\b[^&|;]*$|$)/;
// Options of a test command that run only some of the tests: Vitest's and Jest's name and path
// filters (Jest's `--testPathPattern`, `--testPathPatterns` since Jest 30), Mocha's and
// Playwright's grep (`--fgrep`, `--grep-invert`), "only the tests related to changed files".
const NARROWS = /(?<![\w-])(?:--exclude|--testNamePattern|--testPathPatterns?|--grep|--grep-invert|--fgrep|--invert|--onlyChanged|--changed|--changedSince|--findRelatedTests|--related|--lastCommit)(?![\w-])/g;
const PASS_WITH_NO_TESTS = /--pass-?with-?no-?tests\b|\bpassWithNoTests["']?\s*:\s*true\b/i;
// Where a line holds pytest options: after `addopts =`, on a continuation of a multi-line
// addopts (an indented ini line, or a TOML array element, that starts with an option), or after
// `pytest` in a command (tox's `commands = pytest …`).
const PYTEST_ADDOPTS = /^\s*addopts\s*=/;
const PYTEST_CONTINUATION = /^(?:\s+|\s*["'])-/;
const PYTEST_COMMAND = /\bpytest\b/;
// pytest options that drop tests from collection or deselect them: --ignore=tests/api,
// --deselect …, -k 'not login', -m 'not slow'.
const PYTEST_DROPS = /(?<![^\s"'=[,])(?:--(?:ignore|ignore-glob|deselect)|-[km])(?![^\s"'=,\]])/g;
// Jest's list of test paths not to collect (the option, or the CLI flag), and the quoted strings
// of a line (its entries, when the list is on one line).
const JEST_IGNORE = /\btestPathIgnorePatterns\b/;
const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`/g;
// Coverage gates: jest coverageThreshold / vitest thresholds (branches, functions, lines,
// statements), nyc and c8, coverage.py fail_under, pytest-cov --cov-fail-under, codecov target.
// (A key in a JSON string of a script is quoted with `\"`: `--coverageThreshold='{\"lines\":90}'`.)
const THRESHOLD = /(?:(?<=--)|(?<![\w-]))\\?["']?(?<key>branches|functions|lines|statements|fail[_-]under|target|threshold|cov-fail-under)\\?["']?\s*[:=]\s*["']?(?<n>\d{1,3}(?:\.\d{1,4})?)%?/g;

// nyc's and c8's switch that enforces their thresholds (`"check-coverage": true`, `checkCoverage`).
export const CHECK_COVERAGE = /(?<![\w-])["']?check-?coverage["']?\s*[:=]\s*["']?(?<on>true|false)\b/i;

/** The coverage gates a line sets (`{ "branches": 80, "lines": 90 }` sets two). */
export function thresholds(content: string): { key: string; n: number }[] {
  return [...content.matchAll(THRESHOLD)].map((m) => ({ key: m.groups!.key!, n: Number(m.groups!.n) }));
}

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const RUNNER_PATTERNS: readonly RegExp[] = [
  TEST_SCRIPT, NEVER_FAILS, NARROWS, PASS_WITH_NO_TESTS, PYTEST_ADDOPTS, PYTEST_CONTINUATION, PYTEST_COMMAND, PYTEST_DROPS, JEST_IGNORE, QUOTED, THRESHOLD, CHECK_COVERAGE,
];

/** pytest's own configuration files, where `addopts` is pytest's. */
const PYTEST_HOSTS = ['**/{pytest.ini,pyproject.toml,setup.cfg,tox.ini}'];

/**
 * The pytest options on a line that drop or deselect tests (none where the line holds no pytest
 * options). `host`: the line is in one of pytest's configuration files.
 */
function pytestDrops(content: string, host: boolean): string[] {
  let options: string;
  const addopts = host ? PYTEST_ADDOPTS.exec(content) : null;
  const command = PYTEST_COMMAND.exec(content);
  if (addopts !== null) options = content.slice(addopts[0].length);
  else if (host && PYTEST_CONTINUATION.test(content)) options = content;
  else if (command !== null) options = content.slice(command.index + command[0].length);
  else return [];
  return options.match(PYTEST_DROPS) ?? [];
}

/**
 * How many entries a line of Jest's ignore list gives (-1: the line does not set it, or sets only
 * Jest's default, `node_modules`, which no test lives in).
 */
function jestIgnores(content: string): number {
  if (!JEST_IGNORE.test(content)) return -1;
  const entries = (content.match(QUOTED) ?? []).filter((q) => !JEST_IGNORE.test(q));
  return entries.length > 0 && entries.every((e) => e.includes('node_modules')) ? -1 : entries.length;
}

function count(items: readonly string[], item: string): number {
  return items.filter((i) => i === item).length;
}

/** Ways the added lines of a runner configuration file let the suite pass whatever it finds. */
/** Codecov's own configuration files. */
export const CODECOV_FILE = /(?:^|\/)\.?codecov\.ya?ml$/;

export function runnerWeakenings(file: FileChange): RunnerWeakening[] {
  const deleted = deletedLinesOf(file).map((l) => l.content);
  const host = matchesAny(file.path, PYTEST_HOSTS);
  const dropsBefore = deleted.map((d) => pytestDrops(d, host));
  const jestBefore = Math.max(-1, ...deleted.map(jestIgnores));
  const scriptsBefore = new Map<string, string>();
  const thresholdsBefore = new Map<string, number>();
  for (const line of deleted) {
    const script = TEST_SCRIPT.exec(line);
    if (script !== null) scriptsBefore.set(script[1]!, script[2]!);
    // The lowest one of a key: a file may hold a global gate and lower per-path ones. Codecov's
    // `threshold` is the drop it allows, so its loosest is the highest.
    for (const t of thresholds(line)) {
      const seen = thresholdsBefore.get(t.key);
      thresholdsBefore.set(t.key, seen === undefined ? t.n : t.key === 'threshold' ? Math.max(t.n, seen) : Math.min(t.n, seen));
    }
  }
  const out: RunnerWeakening[] = [];
  for (const hunk of file.hunks) {
    for (const { line, content } of hunk.added) {
      const script = TEST_SCRIPT.exec(content);
      if (script !== null) {
        const before = scriptsBefore.get(script[1]!);
        // A changed test script that now never fails (a new one may be a placeholder).
        if (before !== undefined && !NEVER_FAILS.test(before) && NEVER_FAILS.test(script[2]!)) {
          out.push({ line, marker: content.trim().replace(/,$/, ''), effect: 'makes the test script pass whatever the tests do' });
          continue;
        }
        const narrows = script[2]!.match(NARROWS) ?? [];
        const was = before?.match(NARROWS) ?? [];
        const added = narrows.find((flag) => count(narrows, flag) > count(was, flag));
        if (before !== undefined && added !== undefined) {
          out.push({ line, marker: added, effect: 'makes the test script run only some of the tests' });
          continue;
        }
      }
      const noTests = PASS_WITH_NO_TESTS.exec(content);
      if (noTests !== null && !deleted.some((d) => PASS_WITH_NO_TESTS.test(d))) {
        out.push({ line, marker: noTests[0], effect: 'makes the run pass when it finds no tests at all, so tests that stop being collected go unnoticed' });
        continue;
      }
      const drops = pytestDrops(content, host);
      // An option a deleted line already gave (as often) was there before: a line moved or edited.
      const drop = drops.find((m) => !dropsBefore.some((d) => count(d, m) >= count(drops, m)));
      if (drop !== undefined) {
        out.push({ line, marker: drop, effect: 'drops tests from what pytest collects' });
        continue;
      }
      // A new ignore list, or one given more entries on its line than it had.
      if (jestIgnores(content) > jestBefore) {
        out.push({ line, marker: 'testPathIgnorePatterns', effect: 'stops Jest from collecting the test files it matches' });
        continue;
      }
      // The thresholds kept, but no longer enforced.
      const check = CHECK_COVERAGE.exec(content);
      if (check?.groups!.on!.toLowerCase() === 'false' && deleted.some((d) => CHECK_COVERAGE.exec(d)?.groups!.on!.toLowerCase() === 'true')) {
        out.push({ line, marker: content.trim().replace(/,$/, ''), effect: 'stops enforcing the coverage thresholds' });
        continue;
      }
      const lowered = thresholds(content).find((t) => t.key !== 'threshold' && t.n < (thresholdsBefore.get(t.key) ?? -1));
      if (lowered !== undefined) {
        const was = thresholdsBefore.get(lowered.key)!;
        out.push({ line, marker: content.trim().replace(/,$/, ''), effect: `lowers the coverage threshold \`${lowered.key}\` from ${was} to ${lowered.n}` });
        continue;
      }
      // Codecov's `threshold` (in its own files only): the coverage drop a status allows, so raising it is the weakening.
      const raised = CODECOV_FILE.test(file.path) ? thresholds(content).find((t) => t.key === 'threshold' && t.n > (thresholdsBefore.get(t.key) ?? Infinity)) : undefined;
      if (raised !== undefined) {
        const was = thresholdsBefore.get(raised.key)!;
        out.push({ line, marker: content.trim().replace(/,$/, ''), effect: `raises Codecov's \`threshold\` (the coverage drop it lets pass) from ${was} to ${raised.n}` });
      }
    }
  }
  return out;
}
