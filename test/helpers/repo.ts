// Real git repositories in a temp dir, and the built CLI run as a subprocess.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Every directory tempDir() made in this test file: test/helpers/setup.ts removes them after it. */
export const madeTempDirs: string[] = [];

export function tempDir(prefix = 'prguard-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeTempDirs.push(dir);
  return dir;
}

export class Repo {
  constructor(readonly dir: string) {}

  static init(branch = 'main'): Repo {
    const repo = new Repo(tempDir('prguard-repo-'));
    repo.git('init', '-q', '-b', branch);
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  }

  write(path: string, content: string | Buffer): this {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return this;
  }

  commit(message: string, files: Record<string, string | Buffer> = {}): string {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** A bare clone as `origin`, with origin/HEAD pointing at `branch`. */
  addOrigin(branch = 'main'): string {
    const bare = tempDir('prguard-origin-');
    execFileSync('git', ['clone', '-q', '--bare', this.dir, bare], { env: { ...process.env, ...GIT_ENV } });
    this.git('remote', 'add', 'origin', bare);
    this.git('fetch', '-q', 'origin');
    this.git('remote', 'set-head', 'origin', branch);
    return bare;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd: string; input?: string; env?: Record<string, string>; cli?: string; killAfterMs?: number },
): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, ...opts.env };
  if (!opts.env || !('FORCE_COLOR' in opts.env)) delete env.FORCE_COLOR;
  if (!opts.env || !('NO_COLOR' in opts.env)) delete env.NO_COLOR;
  delete env.GITHUB_ACTIONS;
  // killAfterMs: a hang guard (the process is killed, and `code` is -1), never a measurement.
  const r = spawnSync(process.execPath, [opts.cli ?? CLI, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(opts.killAfterMs ? { timeout: opts.killAfterMs } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A diff that adds src/x.ts with three lines: the smallest input for `check --diff`. */
export const NEW_FILE_DIFF = [
  'diff --git a/src/x.ts b/src/x.ts',
  'new file mode 100644',
  'index 0000000..1111111',
  '--- /dev/null',
  '+++ b/src/x.ts',
  '@@ -0,0 +1,3 @@',
  '+one',
  '+two',
  '+three',
  '',
].join('\n');
