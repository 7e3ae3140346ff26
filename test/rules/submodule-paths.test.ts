// A submodule pointer bump changes every file under the submodule's path while the diff shows the
// path alone: globs that protect files there (protected-paths, core modules, CODEOWNERS) must see it.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Minimatch } from 'minimatch';
import { protectedPaths, type ProtectedEntry } from '../../rules/protected-paths/index.ts';
import { coreChanges } from '../../rules/core-changes/index.ts';
import { touchedModules } from '../../rules/review-quorum/owners.ts';
import { directoryReach } from '../../src/glob-below.ts';
import { GLOB_OPTIONS } from '../../src/glob.ts';
import { change, context, file, pr } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const bump = (path: string) => file(path, { submodule: true });
const found = (paths: ProtectedEntry[], files = [bump('vendor/secure')]) =>
  runRule(protectedPaths, change({ files }), { paths }).map((v) => `${v.messageId} ${v.path}`);

describe('directoryReach', () => {
  const reach = (glob: string, path: string) => directoryReach(new Minimatch(glob, GLOB_OPTIONS), path);
  it.each([
    ['src/auth/**', 'src/auth', 'covers'],
    ['**/auth/**', 'lib/src/auth', 'covers'],
    ['**', 'anything', 'covers'],
    ['src/auth/**', 'src', 'below'],
    ['vendor/*.pem', 'vendor', 'below'],
    ['{lib,vendor}/secure/**', 'vendor', 'below'],
    ['src/*/keys/**', 'src/a', 'below'],
    ['**/*.pem', 'certs', null],
    ['**/secrets/**', 'vendor/lib', null],
    ['src/auth/**', 'src/authz', null],
    ['src/auth/**', 'lib', null],
    ['src/auth/login.ts', 'src/auth/login.ts', null],
  ] as const)('%s meets %s: %s', (glob, path, expected) => {
    expect(reach(glob, path)).toBe(expected);
  });
});

describe('protected-paths on a submodule', () => {
  it('a bump of a submodule a directory pattern protects is protected', () => {
    const v = runRule(protectedPaths, change({ files: [bump('vendor/secure')] }), { paths: [{ pattern: '/vendor/secure/' }] });
    expect(v.map((x) => x.messageId)).toEqual(['protectedPath']);
    expect(v[0]!.message).toContain('This submodule (a new commit of it changes every file under its path) is protected');
  });
  it('so is a submodule above a protected directory, and one replacing .github', () => {
    expect(found([{ pattern: '/vendor/secure/' }], [bump('vendor')])).toEqual(['protectedPath vendor']);
    expect(found([], [bump('.github')])).toEqual(['protectedPath .github']);
    expect(found([], [bump('.github/workflows')])).toEqual(['protectedPath .github/workflows']);
  });
  it('an exception below the submodule does not unprotect it; one covering it does', () => {
    expect(found([{ pattern: '/vendor/' }, { pattern: '/vendor/secure/docs/', protected: false }])).toEqual(['protectedPath vendor/secure']);
    expect(found([{ pattern: '/vendor/' }, { pattern: '/vendor/secure/', protected: false }])).toEqual([]);
  });
  it('a pattern that reaches it only through ** does not make every submodule protected', () => {
    expect(found([{ pattern: '*.pem' }, { pattern: 'secrets/' }], [bump('certs')])).toEqual([]);
    expect(found([{ pattern: '/vendor/secure/' }], [file('vendor/secure', { added: ['x'] })])).toEqual([]);
  });
});

describe('core modules on a submodule', () => {
  const core = { auth: ['src/auth/**'] };
  const body = '## Change Type\n- [x] Leaf node (local impact)\n- [ ] Core code (broad impact, requires line-by-line review)\n';
  it('a bump of a submodule at a core module path touches core', () => {
    const c = change({ files: [bump('src/auth')], pr: pr({ body }) });
    expect(runRule(coreChanges, c, {}, { core }).map((v) => v.messageId)).toEqual(['leafTouchesCore']);
    expect(touchedModules(c, context({ core })).map((m) => [m.name, m.files])).toEqual([['auth', ['src/auth']]]);
  });
  it('its CODEOWNERS owner is the one of the directory pattern', () => {
    const c = change({ files: [bump('src/auth')], pr: pr({ body }) });
    const modules = touchedModules(c, context({ core, baseDocuments: { '.github/CODEOWNERS': '* @all\n/src/auth/ @sec\n' } }));
    expect(modules[0]!.owners).toEqual(['@sec']);
  });
  it('a plain file named like the module directory is not core', () => {
    const c = change({ files: [file('src/auth', { added: ['x'] })], pr: pr({ body }) });
    expect(runRule(coreChanges, c, {}, { core })).toEqual([]);
  });
});

describe('check on a real repository', () => {
  it('reports a submodule pointer bump under a protected path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prguard-submodule-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' });
      git('init', '-q');
      writeFileSync(join(dir, '.prguard.yml'), 'version: 1\nrules:\n  protected-paths:\n    paths:\n      - pattern: /vendor/secure/\n');
      git('add', '.prguard.yml');
      git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/secure`);
      git('commit', '-q', '-m', 'base');
      git('update-index', '--cacheinfo', `160000,${'2'.repeat(40)},vendor/secure`);
      git('commit', '-q', '-m', 'bump');
      let out = '';
      let status = 0;
      try {
        out = execFileSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'check', '--base', 'HEAD~1', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      } catch (e) {
        const err = e as { stdout: string; status: number };
        out = err.stdout;
        status = err.status;
      }
      expect(status).toBe(1);
      const report = JSON.parse(out) as { findings: { ruleId: string; path?: string }[] };
      expect(report.findings.filter((f) => f.ruleId === 'protected-paths').map((f) => f.path)).toEqual(['vendor/secure']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
