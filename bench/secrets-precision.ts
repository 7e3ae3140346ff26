// npm run bench:secrets-precision — rule secret-leakage over real public ranges
// (../shared/datasets/real-diffs/*.diff.gz, or SECRETS_REAL_DIFFS=dir): per range and in
// total, added lines, findings by confidence class and severity, and every line found (masked:
// the secret itself is never printed). Then the synthetic corpus at error severity, so a filter
// that costs recall shows up in the same run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parsePatch } from '../src/diff/index.ts';
import type { ChangeSet } from '../src/model.ts';
import type { RuleContext, Violation } from '../src/rule.ts';
import { secretLeakage, type SecretLeakageOptions } from '../rules/secret-leakage/index.ts';
import { file } from '../test/helpers/change.ts';
import { buildCorpus } from './secrets/corpus.ts';

const DIR = process.env.SECRETS_REAL_DIFFS ?? new URL('../../shared/datasets/real-diffs', import.meta.url).pathname;
const OPTIONS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const CONTEXT: RuleContext = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} };
const sev = (v: Violation) => v.severity ?? 'error';

/** The line with every secret of its findings replaced by its first 4 characters and `…`. */
function masked(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of secrets) out = out.split(s).join(`${s.slice(0, 4)}…`);
  return out.trim().slice(0, 160);
}

const total = { lines: 0, byKey: new Map<string, number>() };
let ranges: string[] = [];
try {
  ranges = readdirSync(DIR).filter((f) => f.endsWith('.diff.gz')).sort();
} catch {
  console.log(`no real ranges in ${DIR} (set SECRETS_REAL_DIFFS)`);
}
console.log('| range | added lines | findings (class/severity) |\n|---|---|---|');
const listed: string[] = [];
for (const name of ranges) {
  const { files } = parsePatch(gunzipSync(readFileSync(join(DIR, name))));
  const change: ChangeSet = { base: 'a', head: 'b', files, commits: [] };
  const lines = files.reduce((n, f) => n + f.additions, 0);
  const found = secretLeakage.check(change, OPTIONS, CONTEXT);
  const byKey = new Map<string, number>();
  for (const v of found) {
    const key = `${v.confidence ?? '-'}/${sev(v)}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    total.byKey.set(key, (total.byKey.get(key) ?? 0) + 1);
    const f = files.find((x) => x.path === v.path);
    const text = f?.hunks.flatMap((h) => h.added).find((l) => l.line === v.line)?.content ?? '';
    listed.push(`${name} ${sev(v)} ${v.confidence} ${v.data?.pattern} ${v.path}:${v.line}  ${masked(text, v.secrets ?? [])}`);
  }
  total.lines += lines;
  const summary = [...byKey].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none';
  console.log(`| ${name.replace('.diff.gz', '')} | ${lines.toLocaleString('en')} | ${summary} |`);
}
console.log(`| **total** | ${total.lines.toLocaleString('en')} | ${[...total.byKey].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none'} |`);
console.log('\nLines found (secrets masked):');
for (const l of listed) console.log(`  ${l}`);

// The synthetic corpus at error severity (the recall side of the same run).
const corpus = buildCorpus();
let tp = 0;
let fn = 0;
let fp = 0;
corpus.forEach((item, i) => {
  const c: ChangeSet = { base: 'a', head: 'b', commits: [], files: [file(`item${i}/${item.path}`, { status: 'added', added: item.content.split('\n') })] };
  const hit = secretLeakage.check(c, OPTIONS, CONTEXT).some((v) => sev(v) === 'error');
  if (item.label) {
    if (hit) tp++;
    else fn++;
  }
  else if (hit) fp++;
});
console.log(`\nSynthetic corpus at error severity: ${tp + fn} secrets, ${corpus.length - tp - fn} hard negatives; precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`);
