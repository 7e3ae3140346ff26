import { simpleGit } from 'simple-git';
import { resolveRange } from '../src/git/range.ts';
import { readCommits } from '../src/git/commits.ts';
import { attachAttributes } from '../src/git/attributes.ts';
import { DiffStream } from '../src/diff/index.ts';
import { streamGit } from '../src/git/run.ts';
const [repo, base, head] = process.argv.slice(2) as [string,string,string];
for (let k = 0; k < 2; k++) {
let t = performance.now();
const lap = (n: string) => { const x = performance.now(); console.log(n, (x - t).toFixed(1)); t = x; };
const git = simpleGit({ baseDir: repo });
await git.revparse(['--show-toplevel']); lap('toplevel');
const r = await resolveRange(git, { base, head }); lap('range');
const s = new DiffStream();
await streamGit(repo, ['diff', '-M', r.base, r.head], (c) => s.write(c)); lap('diff');
const { files } = s.end(); lap('end');
await readCommits(git, r.base, r.head); lap('log');
await attachAttributes(repo, r.head, files); lap('attrs');
}
