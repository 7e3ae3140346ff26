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
const PASS_WITH_NO_TESTS = /--pass-?with-?no-?tests\b|\bpassWithNoTests["']?\s*:\s*true\b/i;
// pytest options that drop tests from collection: addopts = --ignore=tests/api --deselect ...
const PYTEST_DROPS = /^\s*addopts\s*=.*?(?<m>--(?:ignore|ignore-glob|deselect)\b)/;
// Coverage gates: jest coverageThreshold / vitest thresholds (branches, functions, lines,
// statements), nyc and c8, coverage.py fail_under, pytest-cov --cov-fail-under, codecov target.
const THRESHOLD = /(?:(?<=--)|(?<![\w-]))["']?(?<key>branches|functions|lines|statements|fail[_-]under|target|threshold|cov-fail-under)["']?\s*[:=]\s*["']?(?<n>\d{1,3}(?:\.\d{1,4})?)%?/g;

/** The coverage gates a line sets (`{ "branches": 80, "lines": 90 }` sets two). */
function thresholds(content: string): { key: string; n: number }[] {
  return [...content.matchAll(THRESHOLD)].map((m) => ({ key: m.groups!.key!, n: Number(m.groups!.n) }));
}

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const RUNNER_PATTERNS: readonly RegExp[] = [TEST_SCRIPT, NEVER_FAILS, PASS_WITH_NO_TESTS, PYTEST_DROPS, THRESHOLD];

function count(text: string, word: string): number {
  return text.split(word).length - 1;
}

/** Ways the added lines of a runner configuration file let the suite pass whatever it finds. */
export function runnerWeakenings(file: FileChange): RunnerWeakening[] {
  const deleted = deletedLinesOf(file).map((l) => l.content);
  const scriptsBefore = new Map<string, string>();
  const thresholdsBefore = new Map<string, number>();
  for (const line of deleted) {
    const script = TEST_SCRIPT.exec(line);
    if (script !== null) scriptsBefore.set(script[1]!, script[2]!);
    // The lowest one of a key: a file may hold a global gate and lower per-path ones.
    for (const t of thresholds(line)) thresholdsBefore.set(t.key, Math.min(t.n, thresholdsBefore.get(t.key) ?? Infinity));
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
      }
      const noTests = PASS_WITH_NO_TESTS.exec(content);
      if (noTests !== null && !deleted.some((d) => PASS_WITH_NO_TESTS.test(d))) {
        out.push({ line, marker: noTests[0], effect: 'makes the run pass when it finds no tests at all, so tests that stop being collected go unnoticed' });
        continue;
      }
      const drops = PYTEST_DROPS.exec(content);
      if (drops !== null && !deleted.some((d) => PYTEST_DROPS.test(d) && count(d, drops.groups!.m!) >= count(content, drops.groups!.m!))) {
        out.push({ line, marker: drops.groups!.m!, effect: 'drops tests from what pytest collects' });
        continue;
      }
      const lowered = thresholds(content).find((t) => t.n < (thresholdsBefore.get(t.key) ?? -1));
      if (lowered !== undefined) {
        const was = thresholdsBefore.get(lowered.key)!;
        out.push({ line, marker: content.trim().replace(/,$/, ''), effect: `lowers the coverage threshold \`${lowered.key}\` from ${was} to ${lowered.n}` });
      }
    }
  }
  return out;
}
