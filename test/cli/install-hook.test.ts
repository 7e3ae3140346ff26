// `prguard install-hook` through the built CLI, in real repositories.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOOK_MARKER } from '../../src/hooks/install.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

function freshRepo(): Repo {
  const repo = Repo.init();
  repo.commit('one', { 'a.txt': 'a\n' });
  return repo;
}

const isExecutable = (file: string) => (statSync(file).mode & 0o111) === 0o111;

describe('prguard install-hook', () => {
  it('writes an executable .git/hooks/pre-push and prints the husky and lefthook snippets', () => {
    const repo = freshRepo();
    const r = runCli(['install-hook'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
    expect(readFileSync(hook, 'utf8')).toContain('pre-push "$@"');
    expect(isExecutable(hook)).toBe(true);
    expect(r.stdout).toContain('pre-push hook installed: .git/hooks/pre-push');
    expect(r.stdout).toContain('# .husky/pre-push\nnode_modules/.bin/prguard pre-push "$@"');
    expect(r.stdout).toMatch(/# lefthook.yml\npre-push:\n {2}commands:\n {4}prguard:\n {6}run: node_modules\/.bin\/prguard pre-push \{1\} \{2\}\n {6}use_stdin: true/);
    repo.remove();
  });

  it('is idempotent', () => {
    const repo = freshRepo();
    runCli(['install-hook'], { cwd: repo.dir });
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    const first = readFileSync(hook, 'utf8');
    const r = runCli(['install-hook'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('already installed, nothing to do');
    expect(readFileSync(hook, 'utf8')).toBe(first);
    repo.remove();
  });

  it('respects a relative core.hooksPath, also from a subdirectory', () => {
    const repo = freshRepo();
    repo.git('config', 'core.hooksPath', '.githooks');
    repo.write('sub/dir/x.txt', 'x\n');
    const r = runCli(['install-hook'], { cwd: join(repo.dir, 'sub', 'dir') });
    expect(r.code).toBe(0);
    expect(readFileSync(join(repo.dir, '.githooks', 'pre-push'), 'utf8')).toContain(HOOK_MARKER);
    expect(() => statSync(join(repo.dir, '.git', 'hooks', 'pre-push'))).toThrow();
    repo.remove();
  });

  it('respects an absolute core.hooksPath', () => {
    const repo = freshRepo();
    const hooks = join(tempDir('prguard-hooks-'), 'shared');
    repo.git('config', 'core.hooksPath', hooks);
    expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
    expect(isExecutable(join(hooks, 'pre-push'))).toBe(true);
    repo.remove();
  });

  it('refuses a core.hooksPath git runs no hook from (/dev/null, the usual way to turn hooks off, or empty)', () => {
    for (const value of ['/dev/null', '']) {
      const repo = freshRepo();
      repo.git('config', 'core.hooksPath', value);
      const r = runCli(['install-hook'], { cwd: repo.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(value ? 'core.hooksPath is "/dev/null", which is not a directory: git runs no hooks from it' : 'core.hooksPath is set but empty: git runs no hooks from it');
      // Nothing written where git would never run it (an empty hooksPath named the work tree's top).
      expect(existsSync(join(repo.dir, 'pre-push'))).toBe(false);
      repo.remove();
    }
  });

  it('refuses to overwrite a foreign hook without --force, and keeps a backup with it', () => {
    const repo = freshRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    const foreign = '#!/bin/sh\nexec git lfs pre-push "$@"\n';
    writeFileSync(hook, foreign, { mode: 0o755 });
    const refused = runCli(['install-hook'], { cwd: repo.dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('was not written by prguard');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(hook, 'utf8')).toBe(foreign);

    const forced = runCli(['install-hook', '--force'], { cwd: repo.dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('the previous hook is saved as .git/hooks/pre-push.prguard-backup');
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
    expect(readFileSync(`${hook}.prguard-backup`, 'utf8')).toBe(foreign);
    repo.remove();
  });

  it('never writes through a symlinked hook: --force moves the link aside, its target is left as it is', () => {
    const repo = freshRepo();
    const tracked = '#!/bin/sh\necho the team hook\n';
    repo.write('scripts/pre-push', tracked);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    symlinkSync('../../scripts/pre-push', hook);
    const refused = runCli(['install-hook'], { cwd: repo.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is a symlink to ../../scripts/pre-push, so it was left alone');
    const forced = runCli(['install-hook', '--force'], { cwd: repo.dir });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(repo.dir, 'scripts', 'pre-push'), 'utf8')).toBe(tracked);
    expect(lstatSync(hook).isFile()).toBe(true);
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
    expect(readlinkSync(`${hook}.prguard-backup`)).toBe('../../scripts/pre-push');
    // A link to prguard's own hook is already installed.
    repo.write('scripts/pre-push', readFileSync(hook, 'utf8'));
    rmSync(hook);
    symlinkSync('../../scripts/pre-push', hook);
    expect(runCli(['install-hook'], { cwd: repo.dir }).stdout).toContain('already installed, nothing to do');
    repo.remove();
  });

  it('a dangling symlink is not followed to create the file it names', () => {
    const repo = freshRepo();
    const outside = join(tempDir(), 'created-by-prguard');
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    symlinkSync(outside, hook);
    expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(2);
    expect(runCli(['install-hook', '--force'], { cwd: repo.dir }).code).toBe(0);
    expect(existsSync(outside)).toBe(false);
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
    repo.remove();
  });

  it('keeps an earlier backup when --force replaces another foreign hook', () => {
    const repo = freshRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, '#!/bin/sh\necho first\n');
    writeFileSync(`${hook}.prguard-backup`, '#!/bin/sh\necho older\n');
    const r = runCli(['install-hook', '--force'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('saved as .git/hooks/pre-push.prguard-backup.1');
    expect(readFileSync(`${hook}.prguard-backup`, 'utf8')).toBe('#!/bin/sh\necho older\n');
    expect(readFileSync(`${hook}.prguard-backup.1`, 'utf8')).toBe('#!/bin/sh\necho first\n');
    repo.remove();
  });

  it('a directory where the hook goes is exit 2 with a message, not an internal error', () => {
    const repo = freshRepo();
    mkdirSync(join(repo.dir, '.git', 'hooks', 'pre-push'));
    for (const args of [['install-hook'], ['install-hook', '--force']]) {
      const r = runCli(args, { cwd: repo.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^prguard: \S+pre-push is a directory, not a hook prguard can replace\. Move it away/);
    }
    repo.remove();
  });

  it('updates a hook written by an older prguard without --force', () => {
    const repo = freshRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, `#!/bin/sh\n${HOOK_MARKER} (old)\nprguard pre-push\n`);
    const r = runCli(['install-hook'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('updated');
    expect(readFileSync(hook, 'utf8')).toContain('pre-push "$@"');
    repo.remove();
  });

  it('a hook of the user\'s own that has prguard\'s lines pasted into it is not taken for prguard\'s and rewritten', () => {
    const repo = freshRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push');
    const own = `#!/bin/sh\nnpm run lint || exit 1\n${HOOK_MARKER}, pasted from the docs\nnode_modules/.bin/prguard pre-push "$@"\n`;
    writeFileSync(hook, own);
    const r = runCli(['install-hook'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists and was not written by prguard');
    expect(readFileSync(hook, 'utf8')).toBe(own);
    const forced = runCli(['install-hook', '--force'], { cwd: repo.dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(`${hook}.prguard-backup`, 'utf8')).toBe(own);
    repo.remove();
  });

  it('the installed hook fails with directions when prguard is not installed', () => {
    const repo = freshRepo();
    runCli(['install-hook'], { cwd: repo.dir });
    const r = spawnSync('sh', [join(repo.dir, '.git', 'hooks', 'pre-push'), 'origin', 'x'], {
      cwd: repo.dir,
      env: { PATH: '/usr/bin:/bin' },
      input: '',
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot find prguard');
    expect(r.stderr).toContain("'npm install'");
    expect(r.stderr).toContain('git push --no-verify');
    repo.remove();
  });

  it('the installed hook starts prguard without NODE_EXTRA_CA_CERTS, which node would read at every start (the check opens no connection)', () => {
    const repo = freshRepo();
    runCli(['install-hook'], { cwd: repo.dir });
    // A stand-in prguard: node, started as the hook starts it, reports what it was given.
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    const bin = join(repo.dir, 'node_modules', '.bin', 'prguard');
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" -e 'console.log(process.env.NODE_EXTRA_CA_CERTS ?? "unset")'\n`, { mode: 0o755 });
    const r = spawnSync('sh', [join(repo.dir, '.git', 'hooks', 'pre-push'), 'origin', 'x'], {
      cwd: repo.dir,
      env: { PATH: '/usr/bin:/bin', NODE_EXTRA_CA_CERTS: join(repo.dir, 'missing-ca.pem') },
      input: '',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('unset');
    expect(r.stderr).not.toContain('Ignoring extra certs'); // node's warning when it reads the file
    repo.remove();
  });

  it('exits 2 in a bare repository, where the hook would stop every push (no work tree to check)', () => {
    const repo = freshRepo();
    const mirror = tempDir();
    spawnSync('git', ['clone', '-q', '--mirror', repo.dir, mirror]);
    const r = runCli(['install-hook'], { cwd: mirror });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${mirror} is a bare repository: it has no work tree, so a pre-push hook here could check no push`);
    expect(existsSync(join(mirror, 'hooks', 'pre-push'))).toBe(false);
    repo.remove();
  });

  it('exits 2 outside a git repository', () => {
    const r = runCli(['install-hook'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not inside a git repository');
  });
});
