// Custom patterns come from a policy file: a regex with nested or overlapping quantifiers can take
// exponential (or high polynomial) time on a crafted line and hang a pre-push hook or CI job.
// recheck (makenowjust-labs/recheck) decides this with automata theory, falling back to fuzzing
// for features automata cannot model. It runs in-process and offline.
import { createRequire } from 'node:module';
import type { checkSync } from 'recheck';

export type RegexVerdict = { ok: true } | { ok: false; reason: string };

type Recheck = { checkSync: typeof checkSync };
let loaded: Recheck | undefined;

/**
 * recheck, loaded on first use: it is ~3 MB of JavaScript and only custom patterns need it, so
 * runs without them (the pre-push hook) do not pay to parse it. Its package root loads synckit
 * and child_process backends at import time, which break when bundled; lib/browser.js is the
 * same checker, pure JavaScript, with no imports. The build copies it beside the bundle as
 * `recheck.cjs` (the Action ships dist/ without node_modules); from source it comes from
 * node_modules.
 */
function recheck(): Recheck {
  if (!loaded) {
    const load = createRequire(import.meta.url);
    try {
      loaded = load('./recheck.cjs') as Recheck;
    } catch {
      loaded = load('recheck/lib/browser.js') as Recheck;
    }
  }
  return loaded;
}

const cache = new Map<string, RegexVerdict>();

/**
 * One time budget for the ReDoS analysis of ALL custom patterns of a run (a policy with many
 * undecidable patterns must not stall start-up for minutes): each pattern may use at most
 * PER_PATTERN_MS of what is left of TOTAL_BUDGET_MS; once it is spent, further new patterns are
 * rejected as undecided. Verdicts are cached, so a pattern is analysed once per process.
 */
export const TOTAL_BUDGET_MS = 10_000;
export const PER_PATTERN_MS = 5_000;
let spentMs = 0;

function syntaxError(source: string, flags: string): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Is `source` a valid JavaScript regex that runs in linear time on any input? */
export function checkRegexSafety(source: string, flags = ''): RegexVerdict {
  const key = `${flags}/${source}`;
  const known = cache.get(key);
  if (known) return known;
  let verdict: RegexVerdict;
  const bad = syntaxError(source, `g${flags}`);
  if (bad !== undefined) {
    verdict = { ok: false, reason: `is not a valid JavaScript regular expression (${bad})` };
  } else {
    const timeout = Math.min(PER_PATTERN_MS, TOTAL_BUDGET_MS - spentMs);
    const checker = recheck(); // loading it is not analysis time
    const started = Date.now();
    const result = timeout >= 50 ? checker.checkSync(source, flags, { timeout }) : { status: 'unknown' as const };
    spentMs += Date.now() - started;
    if (result.status === 'safe') {
      verdict = { ok: true };
    } else if (result.status === 'vulnerable') {
      verdict = {
        ok: false,
        reason:
          `can take ${result.complexity.summary} time on a crafted line (catastrophic backtracking), ` +
          'which would hang the scan. Bound the repetitions (e.g. `[A-Za-z0-9]{32}` or `{20,64}` instead ' +
          'of `+`) and avoid nested or overlapping quantifiers such as `(a+)+` or `\\w+\\w*`',
      };
    } else {
      verdict = {
        ok: false,
        reason:
          'could not be proven safe from catastrophic backtracking within the time budget of the check ' +
          `(${PER_PATTERN_MS / 1000} s per pattern, ${TOTAL_BUDGET_MS / 1000} s for all custom patterns); simplify it ` +
          '(fixed-length or bounded repetitions, no nested quantifiers)',
      };
    }
  }
  cache.set(key, verdict);
  return verdict;
}
