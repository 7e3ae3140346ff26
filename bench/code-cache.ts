// Benchmarks run the CLI with a code cache directory of their own (src/code-cache.ts), made by
// their own first runs, so that what they measure is the steady state of one repository's runs,
// whatever this machine's ~/.cache/prguard holds. Imported first, before the environment is copied.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_CACHE_NOTE = 'code cache: a fresh directory, written by the first run of each command';

process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'prguard-bench-cache-'));
const dir = process.env.XDG_CACHE_HOME;
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
