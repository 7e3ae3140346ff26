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
    const result = recheck().checkSync(source, flags, { timeout: 10_000 });
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
        reason: 'could not be proven safe from catastrophic backtracking; simplify it (fixed-length or bounded repetitions)',
      };
    }
  }
  cache.set(key, verdict);
  return verdict;
}
