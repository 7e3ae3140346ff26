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

/** Milliseconds per KiB of one run of `check` on `input`. */
function perKib(check: (input: string) => unknown, input: string): number {
  const t = performance.now();
  check(input);
  return (performance.now() - t) / Math.max(1, input.length / 1024);
}

/**
 * Runs `check` on every input; prints the counts and the slowest input per KiB against the median
 * per KiB. The 20 slowest are timed again (best of 3), so that a garbage-collection pause does
 * not pass for a slow input: a hang or a quadratic case still shows as a large ratio.
 */
function run(label: string, inputs: Iterable<string>, check: (input: string) => { kind: 'parsed' | 'refused' }): void {
  const counts = { parsed: 0, refused: 0 };
  const costs: { cost: number; input: string }[] = [];
  const t0 = performance.now();
  for (const input of inputs) {
    let kind: 'parsed' | 'refused' = 'parsed';
    const cost = perKib((x) => (kind = check(x).kind), input);
    counts[kind]++;
    costs.push({ cost, input });
  }
  const total = (performance.now() - t0) / 1000;
  const sorted = costs.slice(50).sort((a, b) => a.cost - b.cost); // the first ones warm the JIT up
  const median = sorted[Math.floor(sorted.length / 2)]?.cost || 1e-3;
  const worst = Math.max(...sorted.slice(-20).map(({ input }) => Math.min(...[0, 1, 2].map(() => perKib(check, input)))));
  console.log(
    `${label}: ${costs.length} inputs in ${total.toFixed(1)} s, parsed ${counts.parsed}, refused ${counts.refused}; ` +
      `slowest ${worst.toFixed(3)} ms/KiB = ${(worst / median).toFixed(1)}× the median (${median.toFixed(4)} ms/KiB)`,
  );
}

function fuzzDiffs(): void {
  const r = rng(seed);
  const seeds = [...DIFF_SEEDS, ...realSlices(r, 400, { maxBytes: 40_000 })];
  function* inputs(): Generator<string> {
    for (let i = 0; i < iterations; i++) yield mutateMany(r, seeds[int(r, seeds.length)]!, 1 + int(r, 6));
  }
  run(`diff parser (seed ${seed}, ${seeds.length} seeds)`, inputs(), (input) => checkDiff(input, r));
}

function fuzzPolicies(): void {
  const r = rng(seed + 1);
  function* inputs(): Generator<string> {
    for (let i = 0; i < Math.ceil(iterations / 4); i++) {
      let text = POLICY_SEEDS[int(r, POLICY_SEEDS.length)]!;
      for (let k = 1 + int(r, 5); k > 0; k--) text = mutatePolicy(r, text);
      yield text;
    }
  }
  run(`policy loader (seed ${seed + 1})`, inputs(), checkPolicy);
}

/**
 * Streams about `total` bytes of `unit` lines, after `head(lines)`, into `prguard check --diff -`;
 * reports the exit, the message and the peak RSS.
 */
function bigInput(label: string, head: (lines: number) => string, unit: string, total: number, extra: string[] = []): Promise<void> {
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
    const perBlock = Math.max(1, Math.floor(MIB / unit.length));
    const block = Buffer.from(unit.repeat(perBlock));
    const blocks = Math.ceil(total / block.length);
    let sent = 0;
    const t = performance.now();
    const pump = (): void => {
      if (sent === 0) child.stdin.write(head(blocks * perBlock));
      while (sent < blocks * block.length) {
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
  const file = (lines: number) => `diff --git a/src/x.ts b/src/x.ts\n--- a/src/x.ts\n+++ b/src/x.ts\n@@ -0,0 +1,${lines} @@\n`;
  await bigInput('newline-free stream (limit raised to 4 GiB)', () => '', 'a', 1536 * MIB, ['--max-diff-bytes', '4G']);
  await bigInput('over --max-diff-bytes', file, `+const y = ${'1'.repeat(50)};\n`, 600 * MIB);
  await bigInput('over --max-diff-lines', file, '+\n', 40 * MIB);
  await bigInput('a 200 MiB diff within the limits', file, `+const z = "${'z'.repeat(48)}";\n`, 200 * MIB);
  await bigInput('a 500 MiB diff just under the default limits', file, `+const w = "${'w'.repeat(48)}";\n`, 500 * MIB);
}
