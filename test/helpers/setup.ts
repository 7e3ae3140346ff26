// Run before every test file (vitest setupFiles): the built CLI's code cache (src/code-cache.ts)
// goes to a directory of the file's own, not the user's (~/.cache/prguard), and the temporary
// directories the file made with tempDir() are removed when it is done.
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeTempDirs, tempDir } from './repo.ts';

process.env.XDG_CACHE_HOME = tempDir('prguard-test-cache-');

afterAll(() => {
  for (const dir of madeTempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
