// Which git prguard runs: the first executable `git` in PATH's absolute directories, never one
// found through a relative PATH entry (which would be looked up in the repository being checked).
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitExecutable } from '../../src/git/run.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

const posix = process.platform !== 'win32';

function fakeGit(dir: string, marker: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'git'), `#!/bin/sh\ntouch "${marker}"\nexit 0\n`);
  chmodSync(join(dir, 'git'), 0o755);
}

describe.skipIf(!posix)('gitExecutable', () => {
  it('takes the first executable git of the absolute PATH entries, in order', () => {
    const root = tempDir();
    const notExecutable = join(root, 'a');
    mkdirSync(notExecutable);
    writeFileSync(join(notExecutable, 'git'), '');
    const aDirectory = join(root, 'b');
    mkdirSync(join(aDirectory, 'git'), { recursive: true });
    const first = join(root, 'c');
    const second = join(root, 'd');
    fakeGit(first, join(root, 'm1'));
    fakeGit(second, join(root, 'm2'));
    expect(gitExecutable([notExecutable, aDirectory, first, second].join(delimiter))).toBe(join(first, 'git'));
  });

  it('skips relative and empty entries', () => {
    const root = tempDir();
    fakeGit(join(root, 'abs'), join(root, 'm'));
    expect(gitExecutable(['bin', '', '.', join(root, 'abs')].join(delimiter))).toBe(join(root, 'abs', 'git'));
  });

  it('leaves the lookup to the platform when no absolute entry has git', () => {
    expect(gitExecutable(['bin', tempDir()].join(delimiter))).toBe('git');
    expect(gitExecutable('')).toBe('git');
  });
});

describe.skipIf(!posix)('a repository that brings its own git', () => {
  it('is not run through a relative PATH entry, and the check still runs', () => {
    const repo = Repo.init();
    repo.commit('base', { 'src/a.ts': 'export const a = 1;\n' });
    repo.commit('change', { 'src/a.ts': 'export const a = 2;\n', 'test/a.test.ts': 'expect(a).toBe(2);\n' });
    const marker = join(tempDir(), 'ran');
    fakeGit(join(repo.dir, 'bin'), marker);
    const r = runCli(['check', '--base', 'HEAD~1', '--format', 'json'], { cwd: repo.dir, env: { PATH: `bin${delimiter}${process.env.PATH}` } });
    expect(r.stderr).toBe('');
    expect(existsSync(marker)).toBe(false);
    expect(JSON.parse(r.stdout).stats.files).toBe(2);
  });
});
