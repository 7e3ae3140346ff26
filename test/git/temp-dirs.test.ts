// A check leaves nothing in the temporary directory: the git sandbox (an empty work tree, and the
// attribute index when the base has .gitattributes files) and the diff's spool are removed, after
// a check and after a push, whether the sandbox stayed empty or not; and when a signal stops the
// run, the gits it started are stopped too.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, GIT_ENV, Repo, runCli, tempDir } from '../helpers/repo.ts';

function repoWith(attributes: boolean): Repo {
  const repo = Repo.init();
  repo.commit('base', {
    'src/a.ts': 'export const a = 1;\n',
    ...(attributes ? { '.gitattributes': '*.gen.ts linguist-generated\n', 'src/.gitattributes': '*.snap -diff\n' } : {}),
  });
  repo.addOrigin('main');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('change', { 'src/a.ts': 'export const a = 2;\n', 'src/b.gen.ts': 'export const b = 1;\n', 'test/a.test.ts': 'expect(a).toBe(2);\n' });
  return repo;
}

describe.each([false, true])('with .gitattributes at the base: %s', (attributes) => {
  it('check removes its temporary directories', () => {
    const repo = repoWith(attributes);
    const tmp = tempDir('prguard-tmp-');
    const r = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir, env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.files).toBe(3);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('pre-push removes its temporary directories', () => {
    const repo = repoWith(attributes);
    const tmp = tempDir('prguard-tmp-');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const input = `refs/heads/feature ${head} refs/heads/feature ${'0'.repeat(40)}\n`;
    const r = runCli(['pre-push', 'origin'], { cwd: repo.dir, input, env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('feature -> origin/feature');
    expect(readdirSync(tmp)).toEqual([]);
  });
});

/** Whether process `pid` still runs (gone, or a zombie no one has reaped yet, is not running). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(process.platform !== 'linux')('a check stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s stops its git diff, removes its temporary directory, and ends by that signal', async (signal) => {
    const repo = repoWith(false);
    const tmp = tempDir('prguard-tmp-');
    // A git first on PATH that is git for every command but the diff, which stands still (as a
    // big range's diff does for seconds) under the pid prguard started.
    const bin = tempDir('prguard-bin-');
    const started = join(tempDir(), 'diff-pid');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = diff ] && { echo $$ > "${started}.tmp"; mv "${started}.tmp" "${started}"; exec sleep 60; }; done\nexec "${realGit}" "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    const env = { ...process.env, ...GIT_ENV, TMPDIR: tmp, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
    const cli = spawn(process.execPath, [CLI, 'check', '--base', 'main'], { cwd: repo.dir, env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => cli.on('exit', (code, sig) => resolve(sig ?? code)));
    await until(() => existsSync(started), 'git diff to start');
    const diffPid = Number(readFileSync(started, 'utf8'));
    expect(running(diffPid)).toBe(true);
    expect(readdirSync(tmp).length).toBeGreaterThan(0); // the sandbox git diff runs in
    cli.kill(signal);
    expect(await exited).toBe(signal);
    await until(() => !running(diffPid), 'git diff to stop');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
