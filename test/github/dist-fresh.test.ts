// The Action runs the committed dist/action.js (action.yml's main); it must be exactly what the
// sources build to. `npm test` rebuilds dist/ first, so compare a fresh build with the copy git
// has (the index, which is the commit on a clean CI checkout), not with the working file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './scenario.ts';

function committed(path: string): Buffer | undefined {
  try {
    return execFileSync('git', ['show', `:${path}`], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

test('the committed dist/action.js is fresh and the build is deterministic', () => {
  const out = mkdtempSync(join(tmpdir(), 'prguard-dist-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), out], { cwd: ROOT });
  const fresh = readFileSync(join(out, 'action.js'));
  const again = mkdtempSync(join(tmpdir(), 'prguard-dist-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), again], { cwd: ROOT });
  expect(readFileSync(join(again, 'action.js')).equals(fresh), 'esbuild output is not deterministic').toBe(true);
  const inGit = committed('dist/action.js');
  expect(inGit, 'dist/action.js is not committed: run `npm run build` and commit dist/').toBeDefined();
  expect(
    inGit!.equals(fresh),
    'dist/action.js is stale against the sources: run `npm run build` and commit dist/action.js',
  ).toBe(true);
});
