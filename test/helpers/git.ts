// Real git repositories in temp dirs for tests and benchmarks (no mocked git).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempDir } from './repo.ts';

/** An environment that isolates git from the user's configuration. */
export function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
}

export function git(cwd: string, args: string[], input?: string | Buffer): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], {
    cwd,
    env: gitEnv(),
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function gitBuffer(cwd: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd, env: gitEnv(), maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

// One temp directory helper for every test (removed after each test file: see setup.ts).
export { tempDir };

/** A fresh repository whose default branch is `branch`. */
export function initRepo(branch = 'trunk', dir = tempDir()): string {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', branch]);
  return dir;
}

export function write(repo: string, file: string, content: string | Buffer, mode?: number): void {
  const full = path.join(repo, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  if (mode !== undefined) fs.chmodSync(full, mode);
}

export function commitAll(repo: string, message: string): string {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

/**
 * A `git` to put first on PATH: it logs each command it is given, then runs the real git. `commands()`
 * gives what prguard asked, each as its arguments after the `-c` settings.
 */
export function loggingGit(): { dir: string; exe: string; commands: () => string[][] } {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = tempDir('prguard-git-bin-');
  const log = path.join(dir, 'log');
  const exe = path.join(dir, 'git');
  fs.writeFileSync(exe, `#!/bin/sh\nprintf '%s\\037' "$@" >> "${log}"\nprintf '\\n' >> "${log}"\nexec "${real}" "$@"\n`);
  fs.chmodSync(exe, 0o755);
  const commands = (): string[][] => {
    if (!fs.existsSync(log)) return [];
    return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => {
      const args = line.split('\x1f').slice(0, -1);
      let i = 0;
      while (args[i] === '-c') i += 2;
      return args.slice(i);
    });
  };
  return { dir, exe, commands };
}
