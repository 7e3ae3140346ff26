// `npm run fuzz`: the big mutational fuzz over the diff parser and the policy loader, then the
// big-input checks of the built CLI (run `npm run build` first). Fixed seeds: a failure prints
// the input and can be replayed. Options: --iterations N (default 20000), --seed N, --no-big.
//
// Prints, per part, how many inputs parsed and how many were refused, the slowest input against
// the median (a ratio: a hang or a quadratic case shows as a large one), and for the big inputs
// the exit code, the message and the peak memory as a ratio of the input size.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDiff, checkPolicy } from '../test/fuzz/oracle.ts';
import { DIFF_SEEDS, int, mutateMany, mutatePolicy, POLICY_SEEDS, realSlices, rng } from '../test/fuzz/mutate.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const iterations = opt('iterations', 20_000);
const seed = opt('seed', 0xf022);
const MIB = 1024 * 1024;
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function summary(label: string, times: number[], counts: Record<string, number>): void {
  const sorted = times.slice(50).sort((a, b) => a - b); // the first ones warm the JIT up
  const median = sorted[Math.floor(sorted.length / 2)] || 1e-3;
  const max = sorted[sorted.length - 1] ?? 0;
  console.log(
    `${label}: ${times.length} inputs, ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
      `slowest ${max.toFixed(1)} ms = ${(max / median).toFixed(0)}× the median (${median.toFixed(3)} ms)`,
  );
}

function fuzzDiffs(): void {
  const r = rng(seed);
  const seeds = [...DIFF_SEEDS, ...realSlices(r, 400, { maxBytes: 40_000 })];
  const times: number[] = [];
  const counts = { parsed: 0, refused: 0 };
  for (let i = 0; i < iterations; i++) {
    const input = mutateMany(r, seeds[int(r, seeds.length)]!, 1 + int(r, 6));
    const t = performance.now();
    counts[checkDiff(input, r).kind]++;
    times.push(performance.now() - t);
  }
  summary(`diff parser (seed ${seed}, ${seeds.length} seeds)`, times, counts);
}

function fuzzPolicies(): void {
  const r = rng(seed + 1);
  const times: number[] = [];
  const counts = { parsed: 0, refused: 0 };
  for (let i = 0; i < Math.ceil(iterations / 4); i++) {
    let text = POLICY_SEEDS[int(r, POLICY_SEEDS.length)]!;
    for (let k = 1 + int(r, 5); k > 0; k--) text = mutatePolicy(r, text);
    const t = performance.now();
    counts[checkPolicy(text).kind]++;
    times.push(performance.now() - t);
  }
  summary(`policy loader (seed ${seed + 1})`, times, counts);
}

/** Streams `total` bytes of `unit` into `prguard check --diff -`; reports exit, message, peak RSS. */
function bigInput(label: string, head: string, unit: string, total: number, extra: string[] = []): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'check', '--diff', '-', ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        // exited
      }
    }, 50);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const block = Buffer.from(unit.repeat(Math.max(1, Math.floor(MIB / unit.length))));
    let sent = 0;
    const t = performance.now();
    const pump = (): void => {
      if (sent === 0) child.stdin.write(head);
      while (sent < total) {
        sent += block.length;
        if (!child.stdin.write(block)) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    child.stdin.on('error', () => undefined); // prguard may stop reading early (a limit)
    pump();
    child.on('close', (code, signal) => {
      clearInterval(poll);
      const secs = ((performance.now() - t) / 1000).toFixed(1);
      const msg = stderr.trim().split('\n')[0]?.slice(0, 160) ?? '';
      console.log(
        `${label}: ${(sent / MIB).toFixed(0)} MiB sent, exit ${code ?? signal} in ${secs} s, ` +
          `peak RSS ${(peak / MIB).toFixed(0)} MiB = ${(peak / Math.max(sent, 1)).toFixed(2)}× the input; ${msg}`,
      );
      resolve();
    });
  });
}

fuzzDiffs();
fuzzPolicies();
if (!args.includes('--no-big')) {
  await bigInput('newline-free stream', '', 'a', 1024 * MIB);
  await bigInput('over --max-diff-bytes', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,99999999 @@\n', `+${'y'.repeat(62)}\n`, 600 * MIB);
  await bigInput('over --max-diff-lines', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,99999999 @@\n', '+\n', 40 * MIB);
  await bigInput('a 200 MiB diff within the limits', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,3355443 @@\n', `+${'z'.repeat(61)}\n`, 200 * MIB);
}
