// npm run bench:secrets-limits — bounded cost of rule secret-leakage on hostile input. Prints
// ratios (time at 2N / time at N: about 2 for linear, 4 for quadratic), never asserts timings:
//   (a) the 80,000-line PEM file (the requiresInFile re-scan was 11.8 s);
//   (b) a long line of repeated `-----BEGIN RSA PRIVATE KEY-----` markers (was 93 s at 250 KB);
//   (c) every catalogue regex on crafted lines built from its own keywords;
//   (d) the ReDoS check of six undecidable custom patterns: one budget for all;
//   (e) lines of escape chains that decode again and again (`%2F %252F %25252F …`);
//   (f) lines of the command-line and header forms' keywords, repeated (`a login -p `, `x -p a; `,
//       `curl -u`…): each command read once (a search of the rest of the line per command was
//       quadratic: 2.5 s for 20 lines of 32 KB of `a login -p `).
import { catalogue } from '../rules/secret-leakage/catalogue.ts';
import { secretLeakage } from '../rules/secret-leakage/index.ts';
import { checkRegexSafety, TOTAL_BUDGET_MS } from '../src/rule-kit/regex-safety.ts';
import type { ChangeSet } from '../src/model.ts';
import type { RuleContext } from '../src/rule.ts';
import { file } from '../test/helpers/change.ts';
import { B64, pick, rng } from '../test/helpers/secret-samples.ts';

const CONTEXT: RuleContext = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} };
const OPTIONS = { allow: [], exclude: [], patterns: [], generic: true };
const changeOf = (lines: string[]): ChangeSet => ({ base: 'a', head: 'b', commits: [], files: [file('keys/all.pem', { status: 'added', added: lines })] });
const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const r = rng(5);

// (a)
const pem: string[] = [];
while (pem.length < 80_000) pem.push('-----BEGIN PRIVATE KEY-----', ...Array.from({ length: 25 }, () => pick(r, B64, 64)), '-----END PRIVATE KEY-----');
secretLeakage.check(changeOf(pem.slice(0, 1000)), OPTIONS, CONTEXT);
const pemMs = time(() => secretLeakage.check(changeOf(pem), OPTIONS, CONTEXT));
console.log(`(a) 80,000-line PEM file: ${(pemMs / 1000).toFixed(3)} s (target < 0.5 s)`);

// (b)
const marker = '-----BEGIN RSA PRIVATE KEY-----';
const beginAt = (n: number) => time(() => secretLeakage.check(changeOf([marker.repeat(n)]), OPTIONS, CONTEXT));
const b1 = beginAt(8_000);
const b2 = beginAt(16_000);
console.log(`(b) line of BEGIN markers: 250 KB ${b1.toFixed(0)} ms, 500 KB ${b2.toFixed(0)} ms, ratio ${(b2 / b1).toFixed(2)} (2 = linear)`);

// (c)
const run = (re: RegExp, s: string) => time(() => {
  re.lastIndex = 0;
  while (re.exec(s) !== null);
});
const shapes = (kw: string, n: number) => [
  (kw + '-').repeat(n / (kw.length + 1)), (kw + 'a'.repeat(30)).repeat(n / (kw.length + 30)), kw + 'a'.repeat(n),
  ('.' + kw + 'a1'.repeat(8)).repeat(n / (kw.length + 17)), (' ' + kw + 'aB3'.repeat(70)).repeat(n / (kw.length + 211)),
  (kw + 'a'.repeat(26) + '.').repeat(n / (kw.length + 27)), (' ' + kw + '0'.repeat(12) + '-').repeat(n / (kw.length + 14)),
];
const rows: [string, number, number][] = [];
for (const p of catalogue) {
  const re = new RegExp(p.regex, `g${p.flags ?? ''}`);
  let worst = 0;
  let ratio = 0;
  for (const kw of (p.anchors ?? p.keywords).slice(0, 3)) {
    const small = shapes(kw, 32_768);
    const big = shapes(kw, 65_536);
    small.forEach((s, i) => {
      const ta = run(re, s);
      const tb = run(re, big[i] as string);
      if (tb > worst) [worst, ratio] = [tb, tb / Math.max(ta, 0.05)];
    });
  }
  rows.push([p.id, worst, ratio]);
}
rows.sort((x, y) => y[1] - x[1]);
console.log('(c) slowest catalogue regexes on crafted 64 KB lines (the scanner windows lines at 32 KB):');
for (const [id, ms, ratio] of rows.slice(0, 5)) console.log(`    ${id}: ${ms.toFixed(1)} ms, ratio ${ratio.toFixed(1)}`);

// (d)
const undecidable = ['(a|a?)+b\\1', '(?=(a+))\\1b(x|y)*\\2', '(\\w+)\\s\\1+z', '((a)\\2)+\\1c', '(x+x+)+\\1y', '(a|aa)+\\1w'];
const redos = time(() => undecidable.forEach((p) => checkRegexSafety(p)));
console.log(`(d) ReDoS check of ${undecidable.length} undecidable patterns: ${(redos / 1000).toFixed(1)} s (budget ${TOTAL_BUDGET_MS / 1000} s for all)`);

// (e)
const chains = (n: number) => `token=x ${Array.from({ length: n }, (_, i) => `%${'25'.repeat(i)}2F`).join(' ')}`;
const plainLine = (n: number) => `token=x ${'a'.repeat(chains(n).length - 8)}`;
const e1 = time(() => secretLeakage.check(changeOf(Array(20).fill(plainLine(170))), OPTIONS, CONTEXT));
const e2 = time(() => secretLeakage.check(changeOf(Array(20).fill(chains(170))), OPTIONS, CONTEXT));
console.log(`(e) 20 lines of 29 KB of %25 chains: ${e2.toFixed(0)} ms, plain lines as long ${e1.toFixed(0)} ms (decoding stops after 4 levels; without that bound, 215 ms on one run: a scan of the line per level)`);

// (f)
const commandUnits = ['mkdir -p a ', 'x -p a; ', 'mysql -p', 'a login -p ', 'curl -u', ' -a ', '--password ', 'Authorization: ', 'a_key = ', `a${' '.repeat(50)}login `];
const unitAt = (u: string, n: number) => time(() => secretLeakage.check(changeOf(Array(20).fill(u.repeat(Math.floor(n / u.length)))), OPTIONS, CONTEXT));
const slowest = commandUnits.map((u) => {
  unitAt(u, 16_000);
  const [f1, f2] = [unitAt(u, 16_000), unitAt(u, 32_000)];
  return { u, f2, ratio: f2 / Math.max(f1, 0.05) };
}).sort((x, y) => y.f2 - x.f2);
console.log('(f) 20 lines of 32 KB of a repeated command-line keyword, slowest (ratio to 16 KB lines; 2 = linear):');
for (const { u, f2, ratio } of slowest.slice(0, 4)) console.log(`    ${JSON.stringify(u.trim().slice(0, 20))}: ${f2.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
