// The CLI's code cache (src/code-cache.ts): where it lives, when it is written, and that a cache
// that is damaged, foreign or unusable only costs time, never the verdict.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleTag, optionsTag } from '../../src/code-cache.ts';
import { VERSION_FILE } from '../../src/git/version.ts';
import { userCacheDir } from '../../src/user-cache.ts';
import { CLI, Repo, ROOT, runCli, tempDir } from '../helpers/repo.ts';

describe('optionsTag', () => {
  it('is empty for a plain node, and names other options', () => {
    expect(optionsTag([], undefined)).toBe('');
    expect(optionsTag([], '')).toBe('');
    expect(optionsTag(['--cpu-prof'], undefined)).toMatch(/^-[0-9a-f]{8}$/);
    expect(optionsTag(['--cpu-prof'], undefined)).not.toBe(optionsTag([], '--cpu-prof'));
  });
});

describe('userCacheDir', () => {
  const home = () => '/home/ada';
  it('follows each platform', () => {
    expect(userCacheDir({}, 'linux', home)).toBe('/home/ada/.cache/prguard');
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home)).toBe('/var/cache/ada/prguard');
    expect(userCacheDir({}, 'darwin', home)).toBe('/home/ada/Library/Caches/prguard');
    expect(userCacheDir({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', home)).toMatch(/prguard[\\/]cache$/);
  });

  it('has none when it is switched off or cannot be known', () => {
    expect(userCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1' }, 'linux', home)).toBeUndefined();
    expect(userCacheDir({}, 'win32', home)).toBeUndefined();
    expect(userCacheDir({}, 'linux', () => 'relative')).toBeUndefined();
    expect(
      userCacheDir({}, 'linux', () => {
        throw new Error('no home');
      }),
    ).toBeUndefined();
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', home)).toBe('/home/ada/.cache/prguard');
  });
});

/** The hash the build names the cache by: the CLI bundle's content. */
const bundleHash = createHash('sha256').update(readFileSync(join(ROOT, 'dist', 'cli-bundle.cjs'))).digest('hex').slice(0, 16);
/** The name of a command's cache file for the built bundle, with Node's options tagged `options`. */
const cacheName = (key: string, options = ''): string =>
  `${key}-${bundleHash}-${bundleTag(statSync(join(ROOT, 'dist', 'cli-bundle.cjs')))}-${process.version}-${process.arch}${options}.v8`;

function repoWithChange(): Repo {
  const repo = Repo.init();
  repo.commit('base', { 'src/a.ts': 'export const a = 1;\n' });
  repo.commit('change', { 'src/a.ts': 'export const a = 2;\n', 'test/a.test.ts': 'expect(a).toBe(2);\n' });
  return repo;
}

describe('the built CLI with a code cache', () => {
  const setup = () => {
    const cache = tempDir('prguard-cache-');
    const repo = repoWithChange();
    // No NODE_OPTIONS from the environment the tests run in: it would name the cache files too.
    const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: repo.dir, env: { XDG_CACHE_HOME: cache, NODE_OPTIONS: '', ...env } });
    return { dir: join(cache, 'prguard'), repo, run };
  };
  /** The code cache files in the directory (git's version is kept there too: see test/git/version.test.ts). */
  const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name !== VERSION_FILE).sort() : []);

  it('writes the cache after a check, named by the bundle, and later runs use it as it is', () => {
    const { dir, run } = setup();
    const first = run(['check', '--base', 'HEAD~1']);
    expect(first.stderr).toBe('');
    const name = cacheName('check');
    expect(files(dir)).toEqual([name]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    const before = statSync(join(dir, name));
    const second = run(['check', '--base', 'HEAD~1']);
    expect(second).toEqual(first);
    // Accepted by V8, so not written again (a rewrite renames a new file into place).
    const after = statSync(join(dir, name));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('replaces a damaged cache file, with the same verdict', () => {
    const { dir, run } = setup();
    const clean = run(['check', '--base', 'HEAD~1'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    const [name] = [cacheName('check')];
    run(['check', '--base', 'HEAD~1']);
    const file = join(dir, name);
    const garbage = Buffer.alloc(statSync(file).size, 0x5a);
    writeFileSync(file, garbage);
    expect(run(['check', '--base', 'HEAD~1'])).toEqual(clean);
    expect(readFileSync(file).equals(garbage)).toBe(false);
    writeFileSync(file, readFileSync(file).subarray(0, 100)); // cut short
    expect(run(['check', '--base', 'HEAD~1'])).toEqual(clean);
    expect(statSync(file).size).toBeGreaterThan(100);
    // Bytes changed inside the compiled code, header and length intact: V8 checks a checksum.
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    for (let i = Math.floor(flipped.length / 2); i < Math.floor(flipped.length / 2) + 64; i++) flipped[i] = flipped[i]! ^ 0xa5;
    writeFileSync(file, flipped);
    expect(run(['check', '--base', 'HEAD~1'])).toEqual(clean);
    expect(readFileSync(file).equals(flipped)).toBe(false);
  });

  it.skipIf(process.getuid === undefined)('does not read a cache file that others can write', () => {
    const { dir, run } = setup();
    run(['check', '--base', 'HEAD~1']);
    const [name] = files(dir);
    const file = join(dir, name!);
    chmodSync(file, 0o666);
    const before = statSync(file).ino;
    run(['check', '--base', 'HEAD~1']);
    // Not used: compiled afresh and written anew, the user's own.
    expect(statSync(file).ino).not.toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.getuid?.() !== 0)('makes no directory in a place that is not the user\'s (root with a user\'s HOME)', () => {
    const { repo } = setup();
    const home = tempDir('prguard-other-home-');
    chownSync(home, 12345, 12345);
    const r = runCli(['check', '--base', 'HEAD~1'], { cwd: repo.dir, env: { XDG_CACHE_HOME: join(home, '.cache'), NODE_OPTIONS: '' } });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, '.cache'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('does not wait on a cache path that is not a file (a FIFO)', () => {
    const { dir, run } = setup();
    const clean = run(['check', '--base', 'HEAD~1'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    execFileSync('mkfifo', [join(dir, cacheName('check'))]);
    expect(run(['check', '--base', 'HEAD~1'])).toEqual(clean);
  });

  it('writes nothing after a usage error, or a push that checks nothing', () => {
    const { dir, repo, run } = setup();
    expect(run(['check', '--no-such-option']).code).toBe(2);
    expect(runCli(['pre-push', 'origin'], { cwd: repo.dir, input: '', env: { XDG_CACHE_HOME: join(dir, '..'), NODE_OPTIONS: '' } }).code).toBe(0);
    // A deletion checks nothing but its ref's name: the rules load for that, no check runs.
    const head = repo.git('rev-parse', 'HEAD').trim();
    const deletion = `(delete) ${'0'.repeat(40)} refs/heads/gone ${head}\n`;
    expect(runCli(['pre-push', 'origin'], { cwd: repo.dir, input: deletion, env: { XDG_CACHE_HOME: join(dir, '..'), NODE_OPTIONS: '' } }).code).toBe(0);
    expect(files(dir)).toEqual([]);
  });

  it('writes the pre-push cache after a push that was checked', () => {
    const { dir, repo } = setup();
    repo.git('branch', '-m', 'feature');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const base = repo.git('rev-parse', 'HEAD~1').trim();
    const input = `refs/heads/feature ${head} refs/heads/feature ${base}\n`;
    const r = runCli(['pre-push', 'origin'], { cwd: repo.dir, input, env: { XDG_CACHE_HOME: join(dir, '..'), NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(files(dir)).toEqual([cacheName('pre-push')]);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1, and a cache directory that cannot be made costs nothing', () => {
    const { dir, repo, run } = setup();
    const clean = run(['check', '--base', 'HEAD~1'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(existsSync(dir)).toBe(false);
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    const r = runCli(['check', '--base', 'HEAD~1'], { cwd: repo.dir, env: { XDG_CACHE_HOME: blocked } });
    expect(r).toEqual(clean);
  });

  it('keeps the caches of runs with other Node options apart', () => {
    const { dir, run } = setup();
    const plain = run(['check', '--base', 'HEAD~1']);
    const name = cacheName('check');
    const before = statSync(join(dir, name)).ino;
    const withOptions = run(['check', '--base', 'HEAD~1'], { NODE_OPTIONS: '--max-old-space-size=512' });
    expect(withOptions).toEqual(plain);
    expect(files(dir)).toEqual([name, cacheName('check', optionsTag([], '--max-old-space-size=512'))].sort());
    run(['check', '--base', 'HEAD~1']);
    expect(statSync(join(dir, name)).ino).toBe(before);
  });

  it('removes cache files nobody wrote for 30 days when it writes one', () => {
    const { dir, run } = setup();
    run(['--version']);
    const old = join(dir, 'check-0000000000000000-v20.0.0-x64.v8');
    const recent = join(dir, 'check-1111111111111111-v20.0.0-x64.v8');
    const other = join(dir, 'other.json'); // not a code cache: left alone
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    writeFileSync(other, 'x');
    const days = (n: number) => (Date.now() - n * 24 * 3600 * 1000) / 1000;
    utimesSync(old, days(40), days(40));
    utimesSync(recent, days(2), days(2));
    utimesSync(other, days(40), days(40));
    run(['check', '--base', 'HEAD~1']);
    expect(files(dir)).toEqual(
      [cacheName('check'), cacheName('cli'), 'check-1111111111111111-v20.0.0-x64.v8', 'other.json'].sort(),
    );
  });

  it('keeps one cache per command, and at most 32 files', () => {
    const { dir, run } = setup();
    run(['rules']);
    expect(files(dir)).toEqual([cacheName('rules')]);
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `rules-${String(i).padStart(16, '0')}-v20.0.0-x64.v8`), 'x');
    run(['check', '--base', 'HEAD~1']);
    const left = files(dir);
    expect(left).toHaveLength(32);
    expect(left).toContain(cacheName('check'));
    expect(existsSync(join(dir, VERSION_FILE))).toBe(true); // only code caches are pruned
  });

  it('does not run a bundle edited in place with the code cached for it before (the same length)', () => {
    // A copy of the CLI, as in node_modules, edited as patch-package would: the version string.
    const dist = tempDir('prguard-dist-');
    for (const f of ['cli.js', 'cli-bundle.cjs', 'package.json']) copyFileSync(join(ROOT, 'dist', f), join(dist, f));
    const cache = tempDir('prguard-cache-');
    const version = () => runCli(['--version'], { cwd: dist, cli: join(dist, 'cli.js'), env: { XDG_CACHE_HOME: cache, NODE_OPTIONS: '' } }).stdout.trim();
    const before = version();
    expect(version()).toBe(before); // from the cache now
    const bundle = join(dist, 'cli-bundle.cjs');
    const text = readFileSync(bundle, 'latin1');
    const edited = text.replace(JSON.stringify(before), JSON.stringify(`9${before.slice(1)}`));
    expect(edited.length).toBe(text.length);
    writeFileSync(bundle, edited, 'latin1');
    utimesSync(bundle, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    expect(version()).toBe(`9${before.slice(1)}`);
  });

  it('is the bundle that dist/cli.js names', () => {
    expect(readFileSync(CLI, 'utf8')).toContain(JSON.stringify(bundleHash));
  });
});
