// The whole-process figure: `prguard check --diff` (the built CLI, only secret-leakage on)
// against the `secretlint` CLI (preset-recommend) on the same files, each a fresh process, as a
// user runs them: start-up, reading, scanning and reporting included. Median of alternating rounds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { allRules } from '../../rules/index.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

function time(cmd: string, args: string[], cwd: string): { ms: number; code: number | null } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - t, code: r.status };
}

export function processThroughput(files: { path: string; content: string }[], rounds = 3): void {
  const dir = mkdtempSync(join(tmpdir(), 'prguard-bench-'));
  try {
    const diff: string[] = [];
    for (const f of files) {
      // secretlint skips node_modules by default: the same files under another name, for both.
      const path = f.path.replace(/node_modules/g, 'nm');
      const abs = join(dir, 'tree', path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.content);
      const lines = f.content.endsWith('\n') ? f.content.slice(0, -1).split('\n') : f.content.split('\n');
      diff.push(`diff --git a/${path} b/${path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${path}`, `@@ -0,0 +1,${lines.length} @@`);
      for (const l of lines) diff.push(`+${l}`);
    }
    writeFileSync(join(dir, 'change.diff'), `${diff.join('\n')}\n`);
    const policy = ['version: 1', 'rules:', ...allRules.map((r) => `  ${r.meta.id}: ${r.meta.id === 'secret-leakage' ? 'error' : 'off'}`)].join('\n');
    writeFileSync(join(dir, 'policy.yml'), `${policy}\n`);
    writeFileSync(join(dir, 'tree', '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const cli = join(process.cwd(), 'dist', 'cli.js');
    const secretlint = join(process.cwd(), 'node_modules', '.bin', 'secretlint');
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const a = time(process.execPath, [cli, 'check', '--diff', 'change.diff', '--policy', 'policy.yml', '--format', 'json'], dir);
      const b = time(secretlint, ['--secretlintrc', '.secretlintrc.json', '--maskSecrets', '**/*'], join(dir, 'tree'));
      if (a.code !== 0 && a.code !== 1) throw new Error(`prguard exited ${a.code}`);
      ours.push(a.ms);
      theirs.push(b.ms);
    }
    console.log(`\n(d) Whole process, same ${files.length} files: prguard check --diff ${(median(ours) / 1000).toFixed(2)} s, ` +
      `secretlint CLI ${(median(theirs) / 1000).toFixed(2)} s, ratio ${(median(theirs) / median(ours)).toFixed(2)}x ` +
      `(medians of ${rounds} alternating rounds; rounds prguard ${ours.map((t) => (t / 1000).toFixed(2)).join(', ')}; ` +
      `secretlint ${theirs.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
