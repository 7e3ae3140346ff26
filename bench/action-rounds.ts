// npm run bench:action — how many sequential rounds of API requests does the Action need for a
// maximal API-mode PR (3,000 files, 250 commits, no checkout)? The built dist/action.js runs
// against the contract-checking fake GitHub with a fixed latency per request, so requests sent
// together overlap; a round is one link in the longest chain of requests each sent after the
// previous one was answered. Prints rounds against the number of requests (what a client that
// sends everything one after another needs) and the wall time against `latency x rounds`.
// Target (issue 15): at most 8 rounds.
import { cpus, loadavg } from 'node:os';
import type { FakeFile } from '../test/github/fake-github.ts';
import { addedPatch, fakeFor, runAction, sequentialRounds } from '../test/github/scenario.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 250);
const files = Array.from({ length: 3000 }, (_, i): FakeFile => ({
  filename: `src/f${i}.test.ts`,
  status: 'added',
  additions: 1,
  deletions: 0,
  patch: addedPatch([`export const v${i} = ${i};`]),
}));
const commits = Array.from({ length: 250 }, (_, i) => ({ sha: (i + 1).toString(16).padStart(40, 'c'), message: `Change ${i}\n` }));

const { server, event } = fakeFor({ files, commits, latencyMs: LATENCY_MS });
await server.start();
const started = performance.now();
const run = await runAction(server, event);
const wall = performance.now() - started;
await server.stop();
if (run.code !== 0 || server.violations.length > 0) {
  console.error(`the Action failed (exit ${run.code}): ${server.violations.slice(0, 3).join('; ')}\n${run.stdout.slice(-2000)}`);
  process.exit(1);
}
const rounds = sequentialRounds(server);
const byOp = new Map<string, number>();
for (const r of server.requests) byOp.set(r.operationId ?? '?', (byOp.get(r.operationId ?? '?') ?? 0) + 1);
console.log(`machine load (1 min): ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`);
console.log(`requests: ${server.requests.length} (${[...byOp].map(([k, v]) => `${k} ${v}`).join(', ')})`);
console.log(`sequential rounds: ${rounds} (target <= 8); rounds / requests = ${(rounds / server.requests.length).toFixed(2)}`);
console.log(`wall time ${Math.round(wall)} ms vs ${rounds} x ${LATENCY_MS} ms latency = ${(wall / (rounds * LATENCY_MS)).toFixed(2)}x`);
process.exit(rounds <= 8 ? 0 : 1);
