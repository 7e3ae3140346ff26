// npm run bench:scale — does `prguard check` stay linear? Two series of ranges, built with
// `git fast-import` (no work tree to write): 1k to 1M changed lines over 100 files, and 10 to
// 50k changed files of 2 changed lines each. For each size it runs `git diff` and the built CLI
// alternately (BENCH_RUNS pairs, medians) and prints time and peak memory per line / per file,
// as the cost above the smallest size, per unit (fixed start-up costs cancel out). Linear means
// that cost at the largest size is within 1.5x of the size before (noise allowance); the ratio to
// `git diff` at each size is printed too.
import { CODE_CACHE_NOTE } from './code-cache.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, gitEnv, initRepo } from '../test/helpers/git.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = process.env.BENCH_CLI ?? path.join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const HAS_TIME = fs.existsSync('/usr/bin/time');

interface Point {
  size: number;
  ms: number;
  gitMs: number;
  rssMb: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const line = (tag: string, i: number): string => `export const ${tag}_${i} = compute(${i}, "${(i * 104729).toString(36)}");\n`;
const block = (tag: string, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += line(tag, i);
  return s;
};

/** base and head commits: `files` paths whose content goes from before(i) to after(i). */
function buildRange(files: number, before: (i: number) => string, after: (i: number) => string): { repo: string; base: string; head: string } {
  const repo = initRepo('main', fs.mkdtempSync(path.join(os.tmpdir(), 'prguard-scale-')));
  const parts: string[] = [];
  const commit = (ref: string, msg: string, content: (i: number) => string, from?: string) => {
    parts.push(`commit ${ref}\ncommitter Bench <bench@example.com> 0 +0000\ndata ${msg.length}\n${msg}\n`);
    if (from) parts.push(`from ${from}\n`);
    for (let i = 0; i < files; i++) {
      const text = content(i);
      parts.push(`M 100644 inline src/d${i % 100}/f${i}.ts\ndata ${Buffer.byteLength(text)}\n${text}\n`);
    }
  };
  commit('refs/heads/base', 'base', before);
  commit('refs/heads/head', 'head', after, 'refs/heads/base');
  git(repo, ['fast-import', '--quiet'], parts.join(''));
  return { repo, base: git(repo, ['rev-parse', 'base']).trim(), head: git(repo, ['rev-parse', 'head']).trim() };
}

function timed(cmd: string, args: string[], cwd: string): { ms: number; rssMb: number } {
  const [file, argv] = HAS_TIME ? ['/usr/bin/time', ['-f', 'PRGUARD_SCALE %M', cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(file, argv, { cwd, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const m = /PRGUARD_SCALE (\d+)\s*$/.exec(r.stderr);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN };
}

function measure(size: number, range: { repo: string; base: string; head: string }): Point {
  const cli: { ms: number; rssMb: number }[] = [];
  const gitMs: number[] = [];
  const check = ['check', '--base', range.base, '--head', range.head, '--format', 'json'];
  // Warm the caches, the OS's and prguard's own: the first check of a run writes the code cache,
  // which would otherwise make the smallest size (the baseline of the per-line cost) look slow.
  timed('git', ['diff', '-M', range.base, range.head], range.repo);
  timed('node', [CLI, ...check], range.repo);
  for (let i = 0; i < RUNS; i++) {
    gitMs.push(timed('git', ['diff', '-M', range.base, range.head], range.repo).ms);
    cli.push(timed('node', [CLI, ...check], range.repo));
  }
  fs.rmSync(range.repo, { recursive: true, force: true });
  return { size, ms: median(cli.map((c) => c.ms)), gitMs: median(gitMs), rssMb: median(cli.map((c) => c.rssMb)) };
}

function report(title: string, unit: string, points: Point[]): boolean {
  console.log(`\n${title}`);
  console.log(`  ${unit.padStart(9)}  check ms  git diff ms  ratio  peak RSS MB  µs/${unit} above the first  KB/${unit} above the first`);
  const marginals: number[] = [];
  points.forEach((p, i) => {
    const prev = i > 0 ? points[0] : undefined;
    const us = prev ? ((p.ms - prev.ms) * 1000) / (p.size - prev.size) : NaN;
    const kb = prev ? ((p.rssMb - prev.rssMb) * 1024) / (p.size - prev.size) : NaN;
    if (prev) marginals.push(us);
    console.log(
      `  ${String(p.size).padStart(9)}  ${p.ms.toFixed(0).padStart(8)}  ${p.gitMs.toFixed(0).padStart(11)}  ${(p.ms / p.gitMs).toFixed(2).padStart(5)}` +
        `  ${p.rssMb.toFixed(0).padStart(11)}  ${Number.isNaN(us) ? '' : us.toFixed(2).padStart(14)}  ${Number.isNaN(kb) ? '' : kb.toFixed(3).padStart(14)}`,
    );
  });
  const [a, b] = marginals.slice(-2);
  const linear = a === undefined || b === undefined || b <= 1.5 * Math.max(a, 0.01);
  console.log(`  cost per ${unit} at the largest size = ${a && b ? (b / a).toFixed(2) : 'n/a'}x the size before: ${linear ? 'linear' : 'NOT linear'}`);
  return linear;
}

if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
const lineSizes = (process.env.BENCH_LINES ?? '1000,10000,100000,1000000').split(',').map(Number);
const fileSizes = (process.env.BENCH_FILES ?? '10,100,1000,10000,50000').split(',').map(Number);
const FILES_FOR_LINES = 100;
const linePoints = lineSizes.map((n) =>
  measure(n, buildRange(FILES_FOR_LINES, (i) => block(`base${i}`, 5), (i) => block(`base${i}`, 5) + block(`add${i}`, n / FILES_FOR_LINES))),
);
const filePoints = fileSizes.map((n) =>
  measure(n, buildRange(n, (i) => block(`f${i}`, 5), (i) => block(`f${i}`, 5).replace(`f${i}_2 `, `g${i}_2 `))),
);
const okLines = report(`changed lines (over ${FILES_FOR_LINES} files)`, 'lines', linePoints);
const okFiles = report('changed files (2 changed lines each)', 'files', filePoints);
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\n${okLines && okFiles ? 'linear at every scale' : 'NOT linear'} (medians of ${RUNS} paired runs; load average ${load} on ${os.cpus().length} CPUs; ${CODE_CACHE_NOTE})`);
