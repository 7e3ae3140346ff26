// git's version, remembered in the user's cache directory (src/git/version.ts): asked once for an
// executable, asked again when the file or the day changes, and a forged answer never exempts a file.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION_FILE } from '../../src/git/version.ts';
import { loggingGit } from '../helpers/git.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

const posix = process.platform !== 'win32';
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const realVersion = (/(\d+)\.(\d+)/.exec(execFileSync(realGit, ['version'], { encoding: 'utf8' })) ?? []).slice(1).map(Number) as [number, number];

function setup(files: Record<string, string> = {}, change: Record<string, string> = { 'src/a.ts': 'export const a = 2;\n' }) {
  const repo = Repo.init();
  repo.commit('base', { 'src/a.ts': 'export const a = 1;\n', ...files });
  repo.commit('change', { 'test/a.test.ts': 'expect(a).toBe(2);\n', ...change });
  const git = loggingGit();
  const cache = tempDir('prguard-cache-');
  const memo = join(cache, 'prguard', VERSION_FILE);
  const env = { XDG_CACHE_HOME: cache, PATH: `${git.dir}${delimiter}${process.env.PATH}` };
  const check = (extra: Record<string, string> = {}, args: string[] = []) => runCli(['check', '--base', 'HEAD~1', ...args], { cwd: repo.dir, env: { ...env, ...extra } });
  const asked = () => git.commands().filter((c) => c[0] === 'version').length;
  return { repo, git, memo, check, asked };
}

describe.skipIf(!posix)('git version, remembered', () => {
  it('is asked once for an executable, then read from the cache directory', () => {
    const { git, memo, check, asked } = setup();
    expect(check().code).toBe(0);
    expect(asked()).toBe(1);
    const saved = JSON.parse(readFileSync(memo, 'utf8'));
    expect(saved[git.exe].version).toEqual(realVersion);
    expect(check().code).toBe(0);
    expect(asked()).toBe(1);
  });

  it('is asked again when the executable changes, or the answer is a day old', () => {
    const { git, memo, check, asked } = setup();
    check();
    const later = Date.now() / 1000 + 5;
    utimesSync(git.exe, later, later); // replaced in place, say
    check();
    expect(asked()).toBe(2);
    const saved = JSON.parse(readFileSync(memo, 'utf8'));
    saved[git.exe].at -= 25 * 3600 * 1000;
    writeFileSync(memo, JSON.stringify(saved), { mode: 0o600 });
    check();
    expect(asked()).toBe(3);
    check();
    expect(asked()).toBe(3);
  });

  it('is not read from a file others can write, nor from a malformed one', () => {
    const { memo, check, asked } = setup();
    check();
    chmodSync(memo, 0o666);
    check();
    expect(asked()).toBe(2); // and written again, the user's alone
    expect(readFileSync(memo, 'utf8')).toContain('"version"');
    writeFileSync(memo, '{"not": "this"', { mode: 0o600 });
    check();
    expect(asked()).toBe(3);
  });

  it('is not kept with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const { memo, check, asked } = setup();
    check({ NODE_DISABLE_COMPILE_CACHE: '1' });
    check({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(asked()).toBe(2);
    expect(existsSync(memo)).toBe(false);
  });

  it('forged to a version git is not, exempts no file it could not read the attributes of', () => {
    const big = Array.from({ length: 200 }, (_, i) => `export const g${i} = ${i};`).join('\n') + '\n';
    const { git, memo, check } = setup(
      { '.gitattributes': 'gen/** linguist-generated\n', 'gen/api.ts': 'export {};\n', '.github/prguard.yml': 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 50\n' },
      { 'gen/api.ts': big },
    );
    check();
    const saved = JSON.parse(readFileSync(memo, 'utf8'));
    saved[git.exe].version = [99, 0];
    writeFileSync(memo, JSON.stringify(saved), { mode: 0o600 });
    const forged = check({}, ['--format', 'json']);
    const report = JSON.parse(forged.stdout) as { findings: { ruleId: string }[]; notes: string[] };
    if (realVersion[0] > 2 || (realVersion[0] === 2 && realVersion[1] >= 40)) {
      // git has check-attr --source: the answer is right after all, and the file is generated.
      expect(report.findings.filter((f) => f.ruleId === 'pr-size')).toEqual([]);
    } else {
      // An older git refuses check-attr --source: the attributes are unread, the file is counted.
      expect(report.notes.some((n) => n.includes('could not read .gitattributes'))).toBe(true);
      expect(report.findings.some((f) => f.ruleId === 'pr-size')).toBe(true);
      expect(forged.code).toBe(1);
    }
  });
});
