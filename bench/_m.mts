import { loadThroughputFiles } from './secrets/throughput.ts';
import { secretLeakage, scannerFor } from '../rules/secret-leakage/index.ts';
import { file, change } from '../test/helpers/change.ts';
const files = loadThroughputFiles(50 * 1024 * 1024);
const cs = change({ files: files.map((f) => file(f.path, { status: 'added', added: f.content.split('\n') })) });
const opts = { allow: [], exclude: [], patterns: [], generic: true };
const sc = scannerFor(opts) as any;
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const texts = cs.files.map((f) => f.hunks.flatMap((h) => h.added.map((l) => l.content)).join('\n'));
  const tj = performance.now() - t;
  t = performance.now(); let hits = 0;
  for (const x of texts) sc.index.scan(x, () => { hits++; });
  const tk = performance.now() - t;
  t = performance.now();
  const vs = secretLeakage.check(cs, opts, {} as never);
  const tf = performance.now() - t;
  console.log(`join ${tj.toFixed(0)} keyword ${tk.toFixed(0)} (${hits}) full ${tf.toFixed(0)} (${vs.length})`);
}
process.exit(0);
