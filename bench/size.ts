// `npm run bench`: prguard on a very large change against `git diff` alone on the same range.
// Builds a temp repo with >= 200,000 changed lines over >= 2,000 files (some binary, some
// renamed), then runs git diff, prguard check and the floor (node start-up plus the same diff
// through a pipe with one pass over its lines) alternately, and prints the median of the paired
// ratios against the targets (prguard <= 1.5x git diff's time, peak RSS <= 100 MB) and the load.
import { CODE_CACHE_NOTE } from './code-cache.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitAll, git, gitEnv, initRepo, write } from '../test/helpers/git.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MODIFIED = 2000;
const CHANGED_PER_FILE = 60; // 60 deleted + 60 added lines per modified file
const RENAMED = 150;
const BINARY = 60;
const ADDED = 40;

function textFile(seed: number, lines: number, tag: string): string {
  let s = '';
  for (let i = 0; i < lines; i++) s += `export const ${tag}_${seed}_${i} = compute(${i}, "${(seed * 7919 + i * 104729).toString(36)}");\n`;
  return s;
}

function binaryFile(seed: number, size = 4096): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (seed * 31 + i * 17) & 0xff;
  b[0] = 0;
  return b;
}

function buildRepo(): { repo: string; base: string; head: string } {
  const repo = initRepo('trunk', fs.mkdtempSync(path.join(os.tmpdir(), 'prguard-bench-')));
  for (let f = 0; f < MODIFIED; f++) write(repo, `src/m${f % 40}/file${f}.ts`, textFile(f, 100, 'old'));
  for (let f = 0; f < RENAMED; f++) write(repo, `legacy/r${f}.ts`, textFile(f, 80, 'keep'));
  for (let f = 0; f < BINARY; f++) write(repo, `assets/img${f}.bin`, binaryFile(f));
  const base = commitAll(repo, 'base');
  for (let f = 0; f < MODIFIED; f++) {
    const lines = textFile(f, 100, 'old').split('\n');
    const fresh = textFile(f, CHANGED_PER_FILE, 'new').split('\n');
    lines.splice(20, CHANGED_PER_FILE, ...fresh.slice(0, CHANGED_PER_FILE));
    write(repo, `src/m${f % 40}/file${f}.ts`, lines.join('\n'));
  }
  for (let f = 0; f < RENAMED; f++) {
    fs.rmSync(path.join(repo, `legacy/r${f}.ts`));
    write(repo, `modern/r${f}.ts`, textFile(f, 80, 'keep').replace(`keep_${f}_3 `, `changed_${f}_3 `));
  }
  for (let f = 0; f < BINARY; f++) write(repo, `assets/img${f}.bin`, binaryFile(f + 1000));
  for (let f = 0; f < ADDED; f++) write(repo, `added/n${f}.ts`, textFile(f, 200, 'add'));
  const head = commitAll(repo, 'huge change');
  return { repo, base, head };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Run {
  ms: number;
  /** User + system CPU time and peak RSS, from GNU time when installed. */
  cpuMs?: number;
  rssMb?: number;
  stdout: string;
}

const HAS_TIME = fs.existsSync('/usr/bin/time');
const TIME_LINE = /PRGUARD_BENCH ([\d.]+) ([\d.]+) (\d+)\s*$/;

function run(cmd: string, args: string[], cwd: string, okCodes = [0]): Run {
  const [file, argv] = HAS_TIME ? ['/usr/bin/time', ['-f', 'PRGUARD_BENCH %U %S %M', cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(file, argv, { cwd, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.status === null || !okCodes.includes(r.status)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  }
  const t = TIME_LINE.exec(r.stderr);
  if (!t) return { ms, stdout: r.stdout };
  return { ms, cpuMs: (Number(t[1]) + Number(t[2])) * 1000, rssMb: Number(t[3]) / 1024, stdout: r.stdout };
}

/** Why the CLI cannot be timed yet, or undefined when it checks this change. */
function cliProblem(cli: string, repo: string, args: string[], files: number): string | undefined {
  if (!fs.existsSync(cli)) return `${cli} is missing (run npm run build)`;
  const r = spawnSync('node', [cli, ...args, '--format', 'json'], { cwd: repo, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  try {
    const report = JSON.parse(r.stdout) as { stats?: { files?: number } };
    if (report.stats?.files === files) return undefined;
    return `it reported ${report.stats?.files} files instead of ${files}`;
  } catch {
    return `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 2).join(' | ')}`;
  }
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

const t0 = performance.now();
const { repo, base, head } = buildRepo();
const numstat = git(repo, ['diff', '--numstat', '-M', base, head]).trim().split('\n');
const changed = numstat.reduce((n, l) => n + (Number(l.split('\t')[0]) || 0) + (Number(l.split('\t')[1]) || 0), 0);
const binaries = numstat.filter((l) => l.startsWith('-\t-\t')).length;
const renames = numstat.filter((l) => l.includes(' => ')).length;
console.log(`repo: ${repo} (built in ${fmt(performance.now() - t0)})`);
console.log(`change: ${numstat.length} files, ${changed} changed lines, ${binaries} binary, ${renames} renamed; ${RUNS} runs each; ${CODE_CACHE_NOTE}\n`);

const gitArgs = ['diff', '--no-color', '--no-ext-diff', '-M', base, head];
const cli = process.env.BENCH_CLI ?? CLI;
const cliArgs = ['check', '--base', base, '--head', head];
const problem = cliProblem(cli, repo, cliArgs, numstat.length);
run('git', gitArgs, repo); // warm the page cache
const gitRuns: Run[] = [];
const cliRuns: Run[] = [];
const floorRuns: Run[] = [];
const loadRuns: { ms: number; files: number; lines: number }[] = [];
// The floor: node starts, spawns the same diff and looks at every line once.
const floorScript = `const c=require('child_process').spawn('git',${JSON.stringify(gitArgs)});let n=0;` +
  `c.stdout.on('data',b=>{for(let i=b.indexOf(10);i>=0;i=b.indexOf(10,i+1))n++});c.on('close',()=>process.stdout.write(String(n)))`;
const child = ['--import', 'tsx', path.join(ROOT, 'bench', 'load-child.ts'), repo, base, head];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so that load from other processes on the machine hits every contender alike.
  gitRuns.push(run('git', gitArgs, repo));
  if (!problem) cliRuns.push(run('node', [cli, ...cliArgs], repo, [0, 1]));
  floorRuns.push(run('node', ['-e', floorScript], repo));
  loadRuns.push(JSON.parse(run('node', child, ROOT).stdout));
}
const gitMs = median(gitRuns.map((r) => r.ms));
const pairRatio = (runs: Run[]): number => median(runs.map((r, i) => r.ms / gitRuns[i]!.ms));
const floorMs = median(floorRuns.map((r) => r.ms));
const loadMs = median(loadRuns.map((r) => r.ms));
const cpu = (runs: Run[]): number | undefined => (HAS_TIME ? median(runs.map((r) => r.cpuMs!)) : undefined);
const gitCpu = cpu(gitRuns);
console.log(`(a) git diff -M alone (stdout to a pipe): ${fmt(gitMs)}${gitCpu === undefined ? '' : ` (CPU ${fmt(gitCpu)})`}`);
console.log(`    floor (node + the diff through a pipe, one pass): ${fmt(floorMs)} = ${pairRatio(floorRuns).toFixed(2)}x git diff`);
console.log(`    loadGitChangeSet in-process:          ${fmt(loadMs)} = ${(loadMs / gitMs).toFixed(2)}x git diff ` +
  `(${loadRuns[0]!.files} files, ${loadRuns[0]!.lines} lines)`);
let met: boolean;
if (problem) {
  console.log(`(b) prguard check: not measured, the CLI does not run on this change yet (${problem})`);
  met = loadMs <= 1.5 * gitMs;
} else {
  const cliMs = median(cliRuns.map((r) => r.ms));
  const cliCpu = cpu(cliRuns);
  const rss = HAS_TIME ? median(cliRuns.map((r) => r.rssMb!)) : undefined;
  const cpuText = cliCpu === undefined || gitCpu === undefined ? '' : `; CPU ${fmt(cliCpu)} = ${(cliCpu / gitCpu).toFixed(2)}x git's`;
  const ratio = pairRatio(cliRuns);
  console.log(`(b) node ${path.relative(ROOT, cli)} check:          ${fmt(cliMs)}; median paired ratio ${ratio.toFixed(2)}x git diff (target <= 1.5x)${cpuText}`);
  console.log(`(c) prguard check peak RSS:              ${rss === undefined ? 'n/a (no /usr/bin/time)' : `${rss.toFixed(0)} MB = ${(rss / 100).toFixed(2)}x the 100 MB target`}`);
  met = ratio <= 1.5 && (rss === undefined || rss <= 100);
}
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\n${met ? 'targets met' : 'targets NOT met'} (load average ${load} on ${os.cpus().length} CPUs: medians are noisy when it is high)`);
if (!process.env.BENCH_KEEP) fs.rmSync(repo, { recursive: true, force: true });
