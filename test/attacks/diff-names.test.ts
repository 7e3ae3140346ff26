// `--diff` attacks on file names: prefixes git can write, paths that dodge globs, paths that
// leave the repository, and names that disagree. Real git output where git can make it.
import { describe, expect, it } from 'vitest';
import { renameSync, writeFileSync } from 'node:fs';
import { Repo, runCli } from '../helpers/repo.ts';
import { addDiff, checkDiff } from './diff-helpers.ts';

const WORKFLOW = '.github/workflows/ci.yml';

/** `git diff` (with `args`) of a change to the CI workflow; uncommitted with `worktree`. */
function workflowChange(args: string[], worktree = false): string {
  const repo = Repo.init();
  repo.commit('init', { [WORKFLOW]: 'on: push\n', 'src/app.ts': 'export {};\n' });
  repo.write(WORKFLOW, 'on: push\njobs: {}\n');
  if (!worktree) repo.commit('change ci');
  const diff = worktree ? repo.git(...args) : repo.git(...args, 'HEAD~1', 'HEAD');
  repo.remove();
  return diff;
}

describe('prefixes: a workflow change is seen whatever prefix git wrote', () => {
  it.each([
    ['--no-prefix', ['diff', '--no-prefix'], false],
    ['--src-prefix/--dst-prefix', ['diff', '--src-prefix=old/', '--dst-prefix=new/'], false],
    ['multi-component prefixes', ['diff', '--src-prefix=base/tree/', '--dst-prefix=head/'], false],
    ['mnemonic prefixes (i/ w/, diff.mnemonicPrefix)', ['-c', 'diff.mnemonicPrefix=true', 'diff'], true],
    ['diff.noprefix=true in the config', ['-c', 'diff.noprefix=true', 'diff'], true],
    ['the default a/ b/', ['diff'], false],
  ] as const)('%s', (_name, args, worktree) => {
    const diff = workflowChange([...args], worktree);
    const r = checkDiff(diff);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.paths).toContain(WORKFLOW);
    expect(r.rules).toContain('protected-paths');
  });

  it('a --no-prefix rename keeps both full paths', () => {
    const repo = Repo.init();
    repo.commit('init', { '.github/workflows/old.yml': 'on: push\nname: x\njobs: {}\n' });
    repo.git('mv', '.github/workflows/old.yml', '.github/workflows/new.yml');
    repo.commit('move');
    const diff = repo.git('diff', '-M', '--no-prefix', 'HEAD~1', 'HEAD');
    repo.remove();
    const r = checkDiff(diff);
    expect(r.code).toBe(1);
    expect(r.paths).toContain('.github/workflows/new.yml');
  });
});

describe('paths are normalised before any glob sees them', () => {
  it.each([
    ['a/./x', 'a/./.github/workflows/ci.yml', 'b/./.github/workflows/ci.yml'],
    ['a//x', 'a//.github//workflows/ci.yml', 'b//.github//workflows/ci.yml'],
    ['a/src/../x', 'a/src/../.github/workflows/ci.yml', 'b/src/../.github/workflows/ci.yml'],
  ])('%s does not dodge protected-paths', (_name, minus, plus) => {
    const r = checkDiff(addDiff({ header: `${minus} ${plus}`, minus, plus, lines: ['jobs: {}'] }));
    expect(r.code).toBe(1);
    expect(r.paths).toContain(WORKFLOW);
  });

  it.each([
    ['a path that climbs out of the root (..)', 'a/../etc/passwd', 'b/../etc/passwd', /leaves the repository root/],
    ['an absolute path', '/etc/passwd', '/etc/passwd', /is absolute/],
  ])('%s is exit 2', (_name, minus, plus, message) => {
    const r = checkDiff(addDiff({ header: `${minus} ${plus}`, minus, plus, lines: ['x'] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/change\.diff:1: /);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a `+++` name that disagrees with the `diff --git` line is exit 2 (not a quiet pick of the harmless one)', () => {
    const r = checkDiff(addDiff({ header: `a/${WORKFLOW} b/${WORKFLOW}`, minus: `a/${WORKFLOW}`, plus: 'b/docs/readme.md', lines: ['x'] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/disagree/);
  });

  it('a path longer than PATH_MAX is exit 2', () => {
    const long = `src/${'a'.repeat(5000)}`;
    const r = checkDiff(addDiff({ header: `a/${long} b/${long}`, minus: `a/${long}`, plus: `b/${long}`, lines: ['x'] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/longer than 4096/);
  });
});

describe('names that are not valid UTF-8', () => {
  it('two of them that read as one name fail closed with a message a user can act on, in git mode', () => {
    const repo = Repo.init();
    repo.commit('init', { 'README.md': 'x\n' });
    repo.write('src/x\u0001.ts', 'a\n');
    // Two names differing in one byte that is not UTF-8 (0xFF, 0xFE), made by renaming in place.
    const dir = `${repo.dir}/src`;
    renameSync(`${dir}/x\u0001.ts`, Buffer.concat([Buffer.from(`${dir}/x`), Buffer.from([0xff]), Buffer.from('.ts')]));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/x`), Buffer.from([0xfe]), Buffer.from('.ts')]), 'b\n');
    repo.commit('two');
    const r = runCli(['check', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('their names are not valid UTF-8, and prguard cannot tell them apart. Rename them to UTF-8 names (git mv)');
    expect(r.stderr).not.toContain('pass separate diffs');
    repo.remove();
  });
});
