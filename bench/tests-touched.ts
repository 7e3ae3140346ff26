// npm run bench:tests-touched — do the tests-touched patterns run in linear time, and what does the
// rule cost on real code?
//   (a) recheck's verdict for every marker, assertion, definition and table-driven pattern
//       (automaton proofs, or fuzzing where automata cannot model a feature);
//   (b) for every pattern, the time on hostile lines of 8x the length over the time on the short
//       ones: about 8 is linear, 64 would be quadratic (flagged above 20);
//   (c) the rule over the real ranges of ../shared/datasets/real-diffs (or $PRGUARD_REAL_DIFFS),
//       against a baseline pass that runs one trivial regular expression over the same lines.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { checkSync as CheckSync } from 'recheck';
import { parseUnifiedDiff } from '../src/diff/index.ts';
import type { RuleContext } from '../src/rule.ts';
import { testsTouched } from '../rules/tests-touched/index.ts';
import { optionsOf } from '../test/helpers/rules.ts';
import { TESTS_TOUCHED_PATTERNS } from '../test/helpers/tests-touched-patterns.ts';

const { checkSync } = createRequire(import.meta.url)('recheck/lib/browser.js') as { checkSync: typeof CheckSync };

const patterns = TESTS_TOUCHED_PATTERNS;

/** Fragments that make the patterns' prefixes match over and over without a full match. */
const SEEDS = ['it.', 'it .', 'test.describe.', '{only ', '{skip,', 'Fact(', 'TestCase(', '@Test(', '.config(', '#[cfg_attr(', '@a.', 'assert', 'Assert.', 'raise ', 'x', 'skip ', '"f:', 'mark.', 'unittest.', 'a', ' ', '.', '(', 'expect', 't.', 'go:build '];

/** Milliseconds for one scan of the line: repeated until the batch takes 5 ms, best of three. */
function timeOn(pattern: RegExp, line: string): number {
  const re = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  const scan = () => {
    re.lastIndex = 0;
    let guard = 0;
    while (re.exec(line) !== null && guard++ < line.length) if (re.lastIndex === 0) break;
  };
  let best = Infinity;
  for (let trial = 0; trial < 3; trial++) {
    for (let reps = 1; ; reps *= 2) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) scan();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (ms >= 5 || reps >= 1 << 16) {
        best = Math.min(best, ms / reps);
        break;
      }
    }
  }
  return best;
}

function scaling(pattern: RegExp): { ratio: number; seed: string } {
  let worst = { ratio: 0, seed: '' };
  for (const seed of SEEDS) {
    const short = seed.repeat(Math.ceil(2_000 / seed.length));
    const long = seed.repeat(Math.ceil(16_000 / seed.length));
    const ratio = timeOn(pattern, long) / timeOn(pattern, short);
    if (ratio > worst.ratio) worst = { ratio, seed };
  }
  return worst;
}

console.log('(a) recheck and (b) scaling, 16 KB over 2 KB hostile lines (linear ~8)');
let unsafe = 0;
for (const [name, pattern] of patterns) {
  const verdict = checkSync(pattern.source, pattern.flags.replace('g', ''), { timeout: 30_000 });
  const { ratio, seed } = scaling(pattern);
  const bad = verdict.status !== 'safe' || ratio > 20;
  if (bad) unsafe++;
  const how = verdict.status === 'safe' ? `safe (${verdict.checker})` : verdict.status;
  console.log(`${bad ? '!!' : '  '} ${name.padEnd(36)} ${how.padEnd(18)} x${ratio.toFixed(1).padStart(5)} (${JSON.stringify(seed)})`);
}
console.log(`${patterns.length} patterns, ${unsafe} not proven linear`);

const dir = process.env['PRGUARD_REAL_DIFFS'] ?? new URL('../../shared/datasets/real-diffs', import.meta.url).pathname;
let names: string[] = [];
try {
  names = readdirSync(dir).filter((n) => n.endsWith('.diff.gz'));
} catch {
  console.log(`(c) skipped: ${dir} is not readable`);
}
if (names.length > 0) {
  console.log('(c) the rule on real ranges, against one trivial regex over the same added and deleted lines');
  const context = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {} } as RuleContext;
  const options = optionsOf(testsTouched) as unknown as Parameters<typeof testsTouched.check>[1];
  let ruleTotal = 0;
  let baseTotal = 0;
  for (const name of names) {
    const files = parseUnifiedDiff(gunzipSync(readFileSync(join(dir, name))));
    const change = { base: 'a', head: 'b', files, commits: [] };
    const lines = files.flatMap((f) => f.hunks.flatMap((h) => [...h.added, ...h.deleted]));
    let t = process.hrtime.bigint();
    const found = testsTouched.check(change, options, context).length;
    const rule = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    let hits = 0;
    for (const l of lines) if (/\bx\b/.test(l.content)) hits++;
    const base = Number(process.hrtime.bigint() - t) / 1e6;
    ruleTotal += rule;
    baseTotal += base;
    console.log(`  ${name.padEnd(28)} ${String(lines.length).padStart(7)} lines  rule ${rule.toFixed(0).padStart(5)} ms  baseline ${base.toFixed(0).padStart(4)} ms  ratio ${(rule / Math.max(base, 0.01)).toFixed(1).padStart(5)}  ${found} findings (${hits > 0 ? 'ok' : '-'})`);
  }
  console.log(`  all ranges: rule/baseline ratio ${(ruleTotal / Math.max(baseTotal, 0.01)).toFixed(1)}`);
}
if (unsafe > 0) process.exitCode = 1;
