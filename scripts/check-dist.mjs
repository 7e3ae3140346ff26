// dist/ freshness, as actions/typescript-action's check-dist does: build into a temporary
// directory and compare every file with what git has committed under dist/ (the index), both ways.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'prguard-check-dist-'));
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), out], { cwd: root, stdio: 'inherit' });

const committed = execFileSync('git', ['ls-files', '-z', '--', 'dist'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean)
  .map((p) => p.slice('dist/'.length));
const built = readdirSync(out);
const problems = [];
for (const name of built) {
  if (!committed.includes(name)) {
    problems.push(`dist/${name} is built but not committed`);
    continue;
  }
  const inGit = execFileSync('git', ['show', `:dist/${name}`], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  if (!inGit.equals(readFileSync(join(out, name)))) problems.push(`dist/${name} is stale against the sources`);
}
for (const name of committed) if (!built.includes(name)) problems.push(`dist/${name} is committed but no longer built`);
if (problems.length > 0) {
  console.error(`check-dist: ${problems.join('; ')}.\nRun \`npm run build\` and commit dist/.`);
  process.exit(1);
}
console.log(`check-dist: the ${built.length} files in dist/ match a fresh build.`);
