// A partial clone (`git clone --filter=blob:none`) lacks blobs until a command reads them, and git
// then fetches them from the promisor remote on its own. A check must not reach the network (nothing
// prguard runs does, but the GitHub API) and must not pass what it could not read: the missing
// object is exit 2, with what to do, and nothing is fetched.
import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openGit } from '../../src/git/run.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });

/** Objects the clone knows of but does not have. */
const missing = (dir: string): number => git(dir, 'rev-list', '--objects', '--missing=print', '--all').split('\n').filter((l) => l.startsWith('?')).length;

function origin(): Repo {
  const repo = Repo.init('main');
  repo.git('config', 'uploadpack.allowFilter', 'true');
  repo.commit('base', { '.github/prguard.yml': 'version: 1\nextends: recommended\n', 'src/a.ts': 'export const a = 1;\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('work', { 'src/a.ts': 'export const a = 2;\n', 'src/a.test.ts': 'expect(a).toBe(2);\n' });
  repo.git('checkout', '-q', 'main');
  return repo;
}

describe('a partial clone', () => {
  it('lacking the blobs of the range is exit 2 saying so, and nothing is fetched from its promisor remote', () => {
    const from = origin();
    const dir = tempDir('prguard-partial-');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', '--no-checkout', `file://${from.dir}`, dir], { env: ENV });
    const before = missing(dir);
    expect(before).toBeGreaterThan(0);
    const r = runCli(['check', '--base', 'origin/main', '--head', 'origin/feature'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a partial clone (git clone --filter) and lacks object');
    expect(r.stderr).toContain('git fetch --refetch');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(missing(dir)).toBe(before); // git fetched nothing

    // With the remote gone, the same answer (git would otherwise fail to fetch, not pass).
    renameSync(from.dir, `${from.dir}-gone`);
    const gone = runCli(['check', '--base', 'origin/main', '--head', 'origin/feature'], { cwd: dir });
    renameSync(`${from.dir}-gone`, from.dir);
    expect([gone.code, gone.stderr.includes('is a partial clone')]).toEqual([2, true]);
  });

  it('with the blobs fetched is checked as a full clone', () => {
    const from = origin();
    const dir = tempDir('prguard-partial-');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${from.dir}`, dir], { env: ENV });
    git(dir, 'checkout', '-q', 'feature');
    git(dir, 'config', '--unset', 'remote.origin.partialclonefilter');
    git(dir, '-c', 'protocol.file.allow=always', 'fetch', '-q', '--refetch', 'origin'); // what the message says to do
    expect(missing(dir)).toBe(0);
    const r = runCli(['check', '--base', 'origin/main', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { stats: unknown }).stats).toEqual({ files: 2, additions: 2, deletions: 1 });
  });
});

describe("a git failure's message", () => {
  it("is git's error, not the hint git prints for the grafts file prguard points it at", async () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'a.txt': 'a\n' });
    const err = await openGit(repo.dir).raw(['rev-list', 'HEAD', 'no-such-rev', '--']).then(() => undefined, (e: Error) => e.message);
    expect(err).toContain('fatal:');
    expect(err).not.toContain('hint:');
  });
});
