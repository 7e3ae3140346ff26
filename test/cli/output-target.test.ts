// What `--format` takes, and where `--output` and standard output can fail: each is exit 2 with one line naming the problem.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, NEW_FILE_DIFF, runCli, tempDir } from '../helpers/repo.ts';

describe('check --format, --output and standard output', () => {
  it('refuses an empty --output with a message about the option, not "a directory"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = runCli(['check', '--diff', 'change.diff', '--output', ''], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prguard: --output needs a file name; leave it out to print the report.\n');
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('refuses --format %s (a name every object has) as an unknown format', (name) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = runCli(['check', '--diff', 'change.diff', '--format', name], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`prguard: unknown format "${name}" (choose from text, json, markdown, sarif)\n`);
  });

  it('writes to standard output for "-", and creates missing directories for a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = runCli(['check', '--diff', 'change.diff', '-o', '-', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, conclusion: 'success' });
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(runCli(['check', '--diff', 'change.diff', '-o', 'a/b/r.json', '-f', 'json'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'a', 'b', 'r.json'))).toBe(true);
  });

  it.runIf(existsSync('/dev/full'))('fails with exit 2 and a line, not an internal error, when standard output is full', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'check', '--diff', 'change.diff', '-f', 'json'], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('prguard: cannot write to standard output (no space left on the device): the output is incomplete.\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('a reader that stops before the report is written', () => {
  it('keeps the verdict: a failing check piped into `head -0` (or a closed pipe) still exits 1', async () => {
    const dir = tempDir();
    // A secret: an error finding, so the verdict is 1.
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF.replace('+two', '+const key = "AKIAIOSFODNN7EXAMPLF";'));
    expect(runCli(['check', '--diff', 'change.diff'], { cwd: dir }).code).toBe(1);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', '--diff', 'change.diff'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.destroy(); // the read end closes at once: every write gets EPIPE
      child.on('exit', resolve);
    });
    expect(code).toBe(1);
  });

  it('a standard error whose reader is gone does not turn exit 2 (bad usage) into a crash\'s exit 1', async () => {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', '--diff', 'no-such.diff'], { cwd: tempDir(), stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.destroy();
      child.on('exit', resolve);
    });
    expect(code).toBe(2);
  });
});
