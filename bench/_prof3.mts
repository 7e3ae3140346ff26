import fs from 'node:fs';
import { DiffStream } from '../src/diff/index.ts';
const buf = fs.readFileSync('/tmp/big.diff');
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  const s = new DiffStream();
  for (let i = 0; i < buf.length; i += 65536) s.write(buf.subarray(i, i + 65536));
  const r = s.end();
  console.log('parse', (performance.now() - t).toFixed(1), r.files.length);
}
let t = performance.now();
let n = 0;
for (let i = 0; i < buf.length; i += 65536) { const x = buf.toString('utf8', i, Math.min(buf.length, i + 65536)); n += x.length; }
console.log('bulk decode', (performance.now() - t).toFixed(1));
