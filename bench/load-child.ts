// Child process for bench/size.ts: loads the change in-process and reports the time it took.
import { loadGitChangeSet } from '../src/git/index.ts';

const [cwd, base, head] = process.argv.slice(2) as [string, string, string];
const start = performance.now();
const change = await loadGitChangeSet({ cwd, base, head });
const ms = performance.now() - start;
const lines = change.files.reduce((n, f) => n + f.additions + f.deletions, 0);
process.stdout.write(JSON.stringify({ ms, files: change.files.length, lines }));
