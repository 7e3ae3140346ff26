// npm run bench:secrets — accuracy and speed of rule secret-leakage against secretlint
// (@secretlint/core + the recommended preset, in-process) on exactly the same input.
//   (a) a labelled corpus: precision and recall per provider and overall, for both tools;
//   (b) the same numbers for secretlint, side by side;
//   (c) throughput over >= 50 MB of added lines, both tools timed in this process, and the ratio.
import { loadavg } from 'node:os';
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { ChangeSet } from '../src/model.ts';
import type { RuleContext } from '../src/rule.ts';
import { secretLeakage, type SecretLeakageOptions } from '../rules/secret-leakage/index.ts';
import { file } from '../test/helpers/change.ts';
import { buildCorpus, type CorpusItem } from './secrets/corpus.ts';
import { processThroughput } from './secrets/process.ts';
import { loadThroughputFiles } from './secrets/throughput.ts';

const OPTIONS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const CONTEXT = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} } as RuleContext;
const SECRETLINT_CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };

/** The rule's input: a ChangeSet whose files are entirely added lines (what the diff parser builds). */
function changeOf(files: { path: string; content: string }[]): ChangeSet {
  return { base: 'a', head: 'b', commits: [], files: files.map((f) => file(f.path, { status: 'added', added: f.content.split('\n') })) };
}

function prguard(change: ChangeSet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Counted at error severity: what fails a change (warnings and notices do not).
  for (const v of secretLeakage.check(change, OPTIONS, CONTEXT)) {
    if (v.severity !== undefined && v.severity !== 'error') continue;
    const list = out.get(v.path as string) ?? [];
    list.push(String(v.data?.pattern));
    out.set(v.path as string, list);
  }
  return out;
}

async function secretlint(path: string, content: string): Promise<string[]> {
  const res = await lintSource({
    source: { filePath: `/bench/${path}`, content, contentType: 'text' },
    options: { config: SECRETLINT_CONFIG, noPhysicFilePath: true, maskSecrets: true },
  });
  return res.messages.map((m) => m.messageId);
}

interface Tally { tp: number; fn: number; fp: number }
const tally = (): Tally => ({ tp: 0, fn: 0, fp: 0 });
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const fmt = (x: number) => x.toFixed(3);

async function accuracy(): Promise<void> {
  const corpus = buildCorpus();
  // One path per item so findings map back to their item.
  const files = corpus.map((c, i) => ({ path: `item${i}/${c.path}`, content: c.content }));
  const ours = prguard(changeOf(files));
  const theirs = await Promise.all(files.map((f) => secretlint(f.path, f.content)));

  const perProvider = new Map<string, { ours: Tally; theirs: Tally }>();
  const negatives = new Map<string, { n: number; ours: number; theirs: number }>();
  const all = { ours: tally(), theirs: tally() };
  corpus.forEach((item: CorpusItem, i) => {
    const o = ours.get((files[i] as { path: string }).path) ?? [];
    const t = theirs[i] as string[];
    if (item.label) {
      const row = perProvider.get(item.label) ?? { ours: tally(), theirs: tally() };
      perProvider.set(item.label, row);
      for (const [tool, found] of [['ours', o.length > 0], ['theirs', t.length > 0]] as const) {
        row[tool][found ? 'tp' : 'fn']++;
        all[tool][found ? 'tp' : 'fn']++;
      }
      // A finding of another provider's pattern on this item is that provider's false positive.
      for (const id of o) if (id !== item.label && id !== 'generic-secret' && id !== 'aws-secret-access-key') {
        const other = perProvider.get(id) ?? { ours: tally(), theirs: tally() };
        other.ours.fp++;
        perProvider.set(id, other);
      }
    } else {
      const row = negatives.get(item.category as string) ?? { n: 0, ours: 0, theirs: 0 };
      row.n++;
      if (o.length > 0) { row.ours++; all.ours.fp++; }
      if (t.length > 0) { row.theirs++; all.theirs.fp++; }
      negatives.set(item.category as string, row);
    }
  });

  console.log(`\n(a)+(b) Corpus: ${corpus.filter((c) => c.label).length} secrets across ${perProvider.size} patterns, ${corpus.filter((c) => !c.label).length} hard negatives\n`);
  console.log('| pattern | n | prguard precision | prguard recall | secretlint recall |');
  console.log('|---|---|---|---|---|');
  for (const [id, row] of [...perProvider].sort()) {
    const n = row.ours.tp + row.ours.fn;
    console.log(`| ${id} | ${n} | ${fmt(ratio(row.ours.tp, row.ours.tp + row.ours.fp))} | ${fmt(ratio(row.ours.tp, n))} | ${fmt(ratio(row.theirs.tp, n))} |`);
  }
  console.log('\n| hard negative | n | prguard findings | secretlint findings |');
  console.log('|---|---|---|---|');
  for (const [cat, row] of negatives) console.log(`| ${cat} | ${row.n} | ${row.ours} | ${row.theirs} |`);
  console.log('\n| overall | precision | recall |');
  console.log('|---|---|---|');
  for (const [name, t] of [['prguard secret-leakage', all.ours], ['secretlint (preset-recommend)', all.theirs]] as const) {
    console.log(`| ${name} | ${fmt(ratio(t.tp, t.tp + t.fp))} | ${fmt(ratio(t.tp, t.tp + t.fn))} |`);
  }
}

const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

async function throughput(): Promise<void> {
  const load0 = loadavg().map((l) => l.toFixed(2)).join(' ');
  const files = loadThroughputFiles(50 * 1024 * 1024);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const lines = files.reduce((n, f) => n + f.content.split('\n').length, 0);
  // Each tool gets its own input form, built outside the timed region: the rule a ChangeSet (what
  // the diff parser produces), secretlint the file contents. Warm both up (JIT, lazy compilation),
  // then time ROUNDS alternating rounds (the machine is shared, so its load drifts) and report
  // each tool's median; the ratio is of the medians.
  const change = changeOf(files);
  // Warm-up: one full pass of each tool (JIT tiers, lazy compilation, caches).
  prguard(change);
  for (const f of files) await secretlint(f.path, f.content);
  const ours: number[] = [];
  const theirs: number[] = [];
  let found = 0;
  let theirFound = 0;
  // Each timed region starts on a collected heap (with --expose-gc), so neither tool pays for
  // the other's garbage.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (let round = 0; round < ROUNDS; round++) {
    gc();
    let t0 = performance.now();
    found = [...prguard(change).values()].reduce((n, l) => n + l.length, 0);
    ours.push(performance.now() - t0);
    gc();
    t0 = performance.now();
    theirFound = 0;
    for (const f of files) theirFound += (await secretlint(f.path, f.content)).length;
    theirs.push(performance.now() - t0);
  }
  const oursMs = median(ours);
  const theirsMs = median(theirs);
  const mb = bytes / 1024 / 1024;
  console.log(`\n(c) Throughput: ${files.length} files, ${lines.toLocaleString('en')} added lines, ${mb.toFixed(1)} MB\n`);
  console.log('| tool | time | MB/s | findings |');
  console.log('|---|---|---|---|');
  console.log(`| prguard secret-leakage | ${(oursMs / 1000).toFixed(2)} s | ${(mb / (oursMs / 1000)).toFixed(1)} | ${found} |`);
  console.log(`| secretlint (preset-recommend) | ${(theirsMs / 1000).toFixed(2)} s | ${(mb / (theirsMs / 1000)).toFixed(1)} | ${theirFound} |`);
  const rounds = (ms: number[]) => ms.map((t) => (t / 1000).toFixed(2)).join(', ');
  console.log(`\nrounds (s): prguard ${rounds(ours)}; secretlint ${rounds(theirs)}`);
  console.log(`load average before / after: ${load0} / ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`throughput ratio (prguard / secretlint, medians of ${ROUNDS} rounds): ${(theirsMs / oursMs).toFixed(2)}x`);
  if (only !== 'in-process') processThroughput(files);
}

// `npm run bench:secrets` runs every part; `-- accuracy`, `-- throughput` (in process and whole
// process) or `-- in-process` runs one.
const only = process.argv[2];
if (only !== 'throughput' && only !== 'in-process') await accuracy();
if (only !== 'accuracy') await throughput();
// secretlint leaves handles open that keep the process alive for minutes after the work is done.
process.exit(0);
