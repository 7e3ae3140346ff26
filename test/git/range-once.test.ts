// `prguard check --base X`: one `git rev-parse` answers where the work tree is and what the range
// is, and the diff reads the commits it answered. When it cannot answer, the messages are those of
// the usual way, ref by ref.
import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loggingGit } from '../helpers/git.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

const posix = process.platform !== 'win32';

function setup() {
  const repo = Repo.init();
  const base = repo.commit('base', { 'src/a.ts': 'export const a = 1;\n' });
  const head = repo.commit('change', { 'src/a.ts': 'export const a = 2;\n', 'test/a.test.ts': 'expect(a).toBe(2);\n' });
  const git = loggingGit();
  const run = (args: string[], cwd = repo.dir) =>
    runCli(['check', ...args], { cwd, env: { PATH: `${git.dir}${delimiter}${process.env.PATH}` } });
  return { repo, base, head, git, run };
}

describe.skipIf(!posix)('check --base', () => {
  it('asks git for the work tree and the range in one rev-parse, and diffs the commits it answered', () => {
    const { base, head, git, run } = setup();
    const r = run(['--base', 'HEAD~1', '--format', 'json']);
    expect(r.code).toBe(0);
    const revParses = git.commands().filter((c) => c[0] === 'rev-parse');
    expect(revParses).toHaveLength(1);
    expect(revParses[0]).toEqual(expect.arrayContaining(['--show-toplevel', 'HEAD~1^{commit}...HEAD^{commit}']));
    const diff = git.commands().find((c) => c[0] === 'diff')!;
    expect(diff).toContain(`${base}...${head}`);
    expect(JSON.parse(r.stdout).stats.files).toBe(2);
  });

  it('from a subdirectory, finds the same work tree', () => {
    const { repo, run } = setup();
    repo.write('src/deep/x.txt', 'x\n');
    const r = run(['--base', 'HEAD~1', '--format', 'json'], `${repo.dir}/src`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.files).toBe(2);
  });

  it('explains a ref that names nothing, as before', () => {
    const { run } = setup();
    const r = run(['--base', 'no-such-branch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base "no-such-branch" does not name a commit');
  });

  it('explains histories with no common commit, as before', () => {
    const { repo, run } = setup();
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.commit('unrelated', { 'b.ts': 'b\n' });
    const r = run(['--base', 'main']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('have no common ancestor');
  });

  it('outside a repository, says so', () => {
    const { run } = setup();
    const r = run(['--base', 'HEAD~1'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git repository');
  });
});
