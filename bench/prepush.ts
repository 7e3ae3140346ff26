// npm run bench:prepush — how long does the pre-push hook take on a typical push?
// A 300-line change on a new branch, pushed to a bare remote. Times the whole hook as git runs it
// (sh -> node dist/cli.js pre-push, reading git's stdin line), against `git diff` over the same
// range in the same run, and prints the ratio. Target: the hook under 200 ms wall time.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
delete env.FORCE_COLOR;

const dir = mkdtempSync(join(tmpdir(), 'prguard-bench-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const body = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i}; // ${tag} line ${i}`).join('\n') + '\n';

try {
  // main with some history, a bare origin, then a feature branch adding 300 lines in 4 files.
  git('init', '-q', '-b', 'main');
  for (let i = 0; i < 20; i++) write(`src/module${i}.ts`, body(40, `m${i}_`));
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  const bare = mkdtempSync(join(tmpdir(), 'prguard-bench-origin-'));
  execFileSync('git', ['clone', '-q', '--bare', dir, bare], { env });
  git('remote', 'add', 'origin', bare);
  git('fetch', '-q', 'origin');
  git('remote', 'set-head', 'origin', 'main');
  git('checkout', '-q', '-b', 'feature');
  write('src/feature/a.ts', body(100, 'a'));
  write('src/feature/b.ts', body(100, 'b'));
  write('src/module1.ts', body(40, 'm1_') + body(50, 'extra'));
  write('test/feature.test.ts', body(50, 't'));
  git('add', '-A');
  git('commit', '-q', '-m', 'feature: 300 lines');
  const base = git('rev-parse', 'main');
  const head = git('rev-parse', 'HEAD');
  const stat = git('diff', '--shortstat', `${base}..${head}`);

  // As after `npm i -D prguard` + `npx prguard install-hook`.
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  chmodSync(CLI, 0o755);
  symlinkSync(CLI, join(dir, 'node_modules', '.bin', 'prguard'));
  execFileSync(process.execPath, [CLI, 'install-hook'], { cwd: dir, env, stdio: 'ignore' });
  const hook = join(dir, '.git', 'hooks', 'pre-push');
  const stdin = `refs/heads/feature ${head} refs/heads/feature ${'0'.repeat(40)}\n`;

  // CPU time of finished children (user + sys, in clock ticks of 10 ms) from /proc, on Linux:
  // unlike wall time it does not grow when other work competes for the cores.
  const childCpuMs = (): number | undefined => {
    try {
      const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime
    } catch {
      return undefined;
    }
  };

  const time = (label: string, cmd: string, args: string[], input = '') => {
    const samples: number[] = [];
    let cpuStart: number | undefined;
    for (let i = 0; i < RUNS + 2; i++) {
      if (i === 2) cpuStart = childCpuMs(); // two warm-up runs
      const t = performance.now();
      const r = spawnSync(cmd, args, { cwd: dir, env, input, encoding: 'utf8' });
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}${r.stdout}`);
      if (i >= 2) samples.push(ms);
    }
    const cpuEnd = childCpuMs();
    samples.sort((a, b) => a - b);
    const cpu = cpuStart === undefined || cpuEnd === undefined ? undefined : (cpuEnd - cpuStart) / RUNS;
    return { wall: samples[Math.floor(samples.length / 2)]!, cpu };
  };

  const hookT = time('hook', hook, ['origin', bare], stdin);
  const diffT = time('git diff', 'git', ['diff', `${base}..${head}`]);
  const nodeT = time('node -e 0', process.execPath, ['-e', '0']);
  const loadT = time('prguard --version', process.execPath, [CLI, '--version']);

  const f = (t: { wall: number; cpu?: number }) =>
    `${t.wall.toFixed(1).padStart(7)} ms wall${t.cpu === undefined ? '' : `, ${t.cpu.toFixed(0).padStart(4)} ms CPU`}`;
  console.log(`pre-push hook on a 300-line change (${stat})`);
  console.log(`median wall time of ${RUNS} runs; mean CPU (user+sys, children included); load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  whole hook (sh + node + prguard pre-push) ${f(hookT)}`);
  console.log(`  git diff on the same range (baseline)     ${f(diffT)}`);
  console.log(`  of the hook: node start-up (node -e 0)    ${f(nodeT)}`);
  console.log(`               bundle load (--version)      ${f(loadT)}`);
  console.log(`ratio hook / git diff: ${(hookT.wall / diffT.wall).toFixed(1)}x wall`);
  console.log(`target: whole hook under 200 ms wall — ${hookT.wall < 200 ? 'met' : 'NOT met'}`);
  rmSync(bare, { recursive: true, force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
