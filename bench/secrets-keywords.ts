// npm run bench:secrets-keywords — what the keyword pass of secret-leakage costs, counted (not
// timed): over the 50 MB throughput corpus and the real ranges, the window steps, the stops
// (shift 0), the verifications (a stop whose window start matches too), the keywords found and
// the lines that select the generic check. A keyword added to the catalogue or the generic check
// shows here as more stops and selected lines per MB; the counts do not depend on the machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parsePatch } from '../src/diff/index.ts';
import type { Keyword, KeywordIndex } from '../rules/secret-leakage/keywords.ts';
import { scannerFor } from '../rules/secret-leakage/index.ts';
import { loadThroughputFiles } from './secrets/throughput.ts';

interface Tables { m: number; maxPad: number; shift: Uint8Array; start: Uint8Array }
const scanner = scannerFor({ patterns: [], generic: true });
const index = (scanner as unknown as { index: KeywordIndex }).index;
const t = index as unknown as Tables;
const generic = (scanner as unknown as { genericIndex: number }).genericIndex;

/** The loop of KeywordIndex.scan with counters (the same tables, so the same steps). */
function count(lines: readonly string[]) {
  const c = { bytes: 0, steps: 0, stops: 0, verifies: 0, hits: 0, genericLines: 0 };
  const m1 = t.m - 1;
  for (const text of lines) {
    c.bytes += text.length + 1;
    for (let i = m1 - t.maxPad; i < text.length; ) {
      c.steps++;
      const s = t.shift[((text.charCodeAt(i - 1) & 127) << 7) | (text.charCodeAt(i) & 127)] as number;
      if (s !== 0) {
        i += s;
        continue;
      }
      c.stops++;
      const w = i - m1;
      const before = w < 0 ? 0 : text.charCodeAt(w) & 127;
      if (t.start[(before << 7) | (text.charCodeAt(w + 1) & 127)] === 1) c.verifies++;
      i++;
    }
    let selects = false;
    index.scan(text, (_: number, k: Keyword) => {
      c.hits++;
      if (k.patterns[0] === generic) selects = true;
    }, 0, text.length);
    if (selects) c.genericLines++;
  }
  return c;
}

function report(label: string, lines: readonly string[]): void {
  const c = count(lines);
  const mb = c.bytes / 1e6;
  const per = (n: number) => (n / mb).toFixed(0);
  console.log(`| ${label} | ${mb.toFixed(1)} | ${(c.bytes / c.steps).toFixed(3)} | ${per(c.stops)} | ${per(c.verifies)} | ${per(c.hits)} | ${c.genericLines.toLocaleString('en')} |`);
}

console.log('| text | MB | characters per step | stops per MB | verifications per MB | keywords found per MB | lines selecting the generic check |');
console.log('|---|---|---|---|---|---|---|');
report('throughput corpus (node_modules)', loadThroughputFiles(50 * 1024 * 1024).flatMap((f) => f.content.split('\n')));
const DIR = process.env.SECRETS_REAL_DIFFS ?? new URL('../../shared/datasets/real-diffs', import.meta.url).pathname;
let names: string[] = [];
try {
  names = readdirSync(DIR).filter((f) => f.endsWith('.diff.gz')).sort();
} catch {
  console.log(`no real ranges in ${DIR} (set SECRETS_REAL_DIFFS)`);
}
const real = names.flatMap((n) => parsePatch(gunzipSync(readFileSync(join(DIR, n)))).files.flatMap((f) => f.hunks.flatMap((h) => h.added.map((l) => l.content))));
if (real.length > 0) report('real ranges (added lines)', real);
