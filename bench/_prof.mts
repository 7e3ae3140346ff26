import { spawn, execFileSync } from 'node:child_process';
import { DiffStream } from '/work/wt/sources/src/diff/index.ts';
import { loadGitChangeSet } from '/work/wt/sources/src/git/index.ts';
const [repo, base, head] = process.argv.slice(2) as [string,string,string];
async function diffOnly(parse: boolean) {
  const t = performance.now();
  const s = new DiffStream();
  await new Promise<void>((res) => {
    const c = spawn('git', ['diff','--no-color','--no-ext-diff','-M','--submodule=short', base, head], { cwd: repo });
    c.stdout.on('data', (d: Buffer) => { if (parse) s.write(d); });
    c.on('close', () => res());
  });
  const r = s.end();
  return [performance.now() - t, r.files.length];
}
for (let i = 0; i < 3; i++) console.log('nopars', await diffOnly(false), 'parse', await diffOnly(true));
let t = performance.now();
await loadGitChangeSet({ cwd: repo, base, head });
console.log('full', performance.now() - t);
t = performance.now();
await loadGitChangeSet({ cwd: repo, base, head });
console.log('full', performance.now() - t);
