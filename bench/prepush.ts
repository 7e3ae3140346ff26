// npm run bench:prepush — how long does the pre-push hook take on a typical push?
// A 300-line change on a new branch and a bare remote. Times `git push --dry-run` with the hook
// and with --no-verify, alternately with `node -e 0`, and prints the hook's overhead (with minus
// without) as a ratio to node's own start-up. Target: <= 1.5x (issue 15).
import { CODE_CACHE_NOTE } from './code-cache.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  // Alternating paired runs: each round runs every contender once, so that load from other
  // processes on the machine hits them alike. `git push --dry-run` runs the pre-push hook (and
  // sends nothing), so "with the hook minus without" is what a developer waits for.
  const contenders: Record<string, { cmd: string; args: string[]; input?: string }> = {
    push: { cmd: 'git', args: ['push', '--dry-run', '-q', 'origin', 'feature'] },
    pushNoVerify: { cmd: 'git', args: ['push', '--dry-run', '--no-verify', '-q', 'origin', 'feature'] },
    node: { cmd: process.execPath, args: ['-e', '0'] },
    hook: { cmd: hook, args: ['origin', bare], input: stdin },
    version: { cmd: process.execPath, args: [CLI, '--version'] },
    // Nothing pushed: everything a push loads (commands, rules, engine) plus one git process.
    empty: { cmd: process.execPath, args: [CLI, 'pre-push', 'origin', bare], input: '' },
    // A push with nothing to check but its ref names: a deletion, and main under a new name (no
    // new commits): only the names are scanned.
    skipOnly: {
      cmd: process.execPath,
      args: [CLI, 'pre-push', 'origin', bare],
      input: `(delete) ${'0'.repeat(40)} refs/heads/old ${base}\nrefs/heads/main ${base} refs/heads/copy ${'0'.repeat(40)}\n`,
    },
    diff: { cmd: 'git', args: ['diff', `${base}..${head}`] },
  };
  // The floor of any hook that checks a push this way: node starts, asks git the merge-base, then
  // runs the diff, the log and a tree lookup at the base at once, and reads each once. Nothing of
  // prguard: no bundle, no rules, no output.
  const floorScript =
    `const cp=require('child_process');const head=require('fs').readFileSync(0,'utf8').split(' ')[1];` +
    `const run=(a)=>new Promise((ok)=>{const c=cp.spawn('git',a,{stdio:['ignore','pipe','pipe']});let o='';` +
    `c.stdout.on('data',(d)=>{o+=d});c.on('close',()=>ok(o))});` +
    `run(['rev-parse','--show-toplevel','refs/remotes/origin/HEAD...'+head,'--']).then((r)=>{` +
    `const base=r.split('\\n').find((l)=>l.startsWith('^')).slice(1);` +
    `return Promise.all([run(['diff','-M',base,head]),run(['log','-z',base+'..'+head]),run(['ls-tree','-z',base,'--','.github'])]);` +
    `}).then(([d])=>{let n=0;for(const l of d.split('\\n'))if(l[0]==='+')n++;if(n===0)process.exit(3)});`;
  contenders.floor = { cmd: process.execPath, args: ['-e', floorScript], input: stdin };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const overheadRatios: number[] = [];
  const floorRatios: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const round: Record<string, number> = {};
    for (const [name, c] of Object.entries(contenders)) {
      const t = performance.now();
      const r = spawnSync(c.cmd, c.args, { cwd: dir, env, input: c.input ?? '', encoding: 'utf8' });
      round[name] = performance.now() - t;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}${r.stdout}`);
    }
    if (i < 2) continue; // warm-up rounds
    for (const [name, ms] of Object.entries(round)) samples[name]!.push(ms);
    overheadRatios.push((round.push! - round.pushNoVerify!) / round.node!);
    floorRatios.push(round.floor! / round.node!);
  }
  const median = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    const m = Math.floor(v.length / 2);
    return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
  };
  const med = (name: string) => median(samples[name]!);
  const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  const ratio = median(overheadRatios);
  console.log(`pre-push hook on a 300-line change (${stat})`);
  console.log(`medians of ${RUNS} alternating rounds; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${CODE_CACHE_NOTE}`);
  console.log(`  git push --dry-run with the hook         ${ms(med('push'))}`);
  console.log(`  git push --dry-run --no-verify           ${ms(med('pushNoVerify'))}`);
  console.log(`  hook overhead (with minus without)       ${ms(med('push') - med('pushNoVerify'))}`);
  console.log(`  node -e 0                                ${ms(med('node'))}`);
  console.log(`  the hook alone (sh + node + pre-push)    ${ms(med('hook'))}`);
  console.log(`  start-up (prguard --version)             ${ms(med('version'))}`);
  console.log(`  bundle load + 1 git (nothing to push)    ${ms(med('empty'))}`);
  console.log(`  skip-only push (delete, known commit)    ${ms(med('skipOnly'))} = ${(med('skipOnly') / med('node')).toFixed(2)}x node -e 0`);
  console.log(`  git diff on the same range               ${ms(med('diff'))}`);
  console.log(`  floor: node + the push's git questions   ${ms(med('floor'))} = ${median(floorRatios).toFixed(2)}x node -e 0 (no bundle, no rules; the hook's sh not included)`);
  console.log(`hook overhead / node -e 0: median paired ratio ${ratio.toFixed(2)}x (target <= 1.5x) — ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
  rmSync(bare, { recursive: true, force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
