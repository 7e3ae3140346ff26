// `git push` in a real repository with a bare remote really runs the hook prguard installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

/** Error above 5 changed lines, so a test can block a push with a 6-line commit. */
const POLICY = 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 5\n';

const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n') + '\n';

describe('git push with the prguard pre-push hook', () => {
  let repo: Repo;
  let bare: string;
  const remoteSha = (ref: string) => gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', ref);

  beforeAll(() => {
    repo = Repo.init('main');
    repo.commit('initial', { 'README.md': '# demo\n', '.github/prguard.yml': POLICY });
    bare = repo.addOrigin('main');
    linkPrguard(repo);
    const install = runCli(['install-hook'], { cwd: repo.dir });
    expect(install.code).toBe(0);
  });
  afterAll(() => repo.remove());

  it('checks a new branch against its merge-base with origin/main and lets a clean push through', () => {
    repo.git('checkout', '-q', '-b', 'feature', 'main');
    const head = repo.commit('small change', { 'src/a.ts': lines(3, 'a') });
    const r = gitRun(repo, 'push', '-u', 'origin', 'feature');
    expect(r.output).toContain('prguard: feature -> origin/feature');
    expect(r.output).toContain('base: merge-base with origin/HEAD');
    expect(r.code).toBe(0);
    expect(remoteSha('feature').output.trim()).toBe(head);
  });

  it('checks an existing branch over the range its pull request shows, not only the new commits', () => {
    const before = repo.git('rev-parse', 'feature').trim();
    const base = repo.git('merge-base', 'origin/main', before).trim();
    const head = repo.commit('another small change', { 'src/b.ts': lines(4, 'b') });
    const r = gitRun(repo, 'push', 'origin', 'feature');
    // 3 + 4 lines since main break max-lines: 5, as on the pull request, though the push sends only 4.
    expect(r.output).toContain(`(${base.slice(0, 7)}..${head.slice(0, 7)}, base: merge-base with origin/HEAD)`);
    expect(r.output).toContain('This pull request changes 7 lines');
    expect(r.code).not.toBe(0);
    expect(remoteSha('feature').output.trim()).toBe(before);
    expect(gitRun(repo, 'push', '--no-verify', 'origin', 'feature').code).toBe(0);
  });

  it('blocks a push with error findings, says how to bypass, and --no-verify bypasses', () => {
    const pushed = repo.git('rev-parse', 'feature').trim();
    const head = repo.commit('too big', { 'src/c.ts': lines(6, 'c') });
    const r = gitRun(repo, 'push', 'origin', 'feature');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('pr-size');
    expect(r.output).toContain('push blocked: 1 error finding');
    expect(r.output).toContain('git push --no-verify');
    expect(r.output).toContain('CI will still check the pull request');
    expect(remoteSha('feature').output.trim()).toBe(pushed);

    const bypass = gitRun(repo, 'push', '--no-verify', 'origin', 'feature');
    expect(bypass.code).toBe(0);
    expect(bypass.output).not.toContain('prguard:');
    expect(remoteSha('feature').output.trim()).toBe(head);
  });

  it('checks each ref of a push with several, and blocks the whole push when one fails', () => {
    repo.git('checkout', '-q', '-b', 'one', 'main');
    const one = repo.commit('one', { 'one.txt': lines(2, 'one') });
    repo.git('checkout', '-q', '-b', 'two', 'main');
    repo.commit('two', { 'two.txt': lines(9, 'two') });
    const blocked = gitRun(repo, 'push', 'origin', 'one', 'two');
    expect(blocked.output).toContain('prguard: one -> origin/one');
    expect(blocked.output).toContain('prguard: two -> origin/two');
    expect(blocked.output).toContain('push blocked: 1 error finding');
    expect(blocked.code).not.toBe(0);
    expect(remoteSha('one').code).not.toBe(0);

    repo.git('reset', '-q', '--hard', 'main');
    const two = repo.commit('two, smaller', { 'two.txt': lines(2, 'two') });
    const ok = gitRun(repo, 'push', 'origin', 'one', 'two');
    expect(ok.output).toContain('prguard: one -> origin/one');
    expect(ok.output).toContain('prguard: two -> origin/two');
    expect(ok.code).toBe(0);
    expect(remoteSha('one').output.trim()).toBe(one);
    expect(remoteSha('two').output.trim()).toBe(two);
  });

  it('skips a deletion', () => {
    const r = gitRun(repo, 'push', 'origin', '--delete', 'one');
    expect(r.output).toContain('prguard: one: skipped (deletion, nothing to check)');
    expect(r.code).toBe(0);
    expect(remoteSha('one').code).not.toBe(0);
  });

  it('lets a merge that brings nothing through, and says that no file was checked', () => {
    repo.git('checkout', '-q', '-b', 'kept', 'main');
    repo.commit('kept work', { 'kept.txt': lines(2, 'kept') });
    repo.git('checkout', '-q', '-b', 'nothing', 'main');
    repo.git('merge', '-q', '--no-ff', '-s', 'ours', '-m', 'merge kept, keeping main', 'kept');
    const r = gitRun(repo, 'push', 'origin', 'nothing');
    expect(r.output).toContain('prguard: nothing -> origin/nothing');
    expect(r.output).toContain('0 files changed');
    expect(r.output).toContain('note: nothing to check: the range changes no file (its 2 commits add up to no change');
    expect(r.code).toBe(0);
    expect(remoteSha('nothing').code).toBe(0);
  });

  it('reads the range from pre-commit\'s environment when run as a pre-commit hook', () => {
    const base = repo.git('rev-parse', 'main').trim();
    repo.git('checkout', '-q', '-b', 'three', 'main');
    const head = repo.commit('three', { 'three.txt': lines(7, 'three') });
    const r = runCli(['pre-push', 'origin'], {
      cwd: repo.dir,
      env: { PRE_COMMIT_FROM_REF: base, PRE_COMMIT_TO_REF: head, PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/three', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/three' },
    });
    expect(r.stdout).toContain('prguard: three -> origin/three');
    expect(r.code).toBe(1);
  });

  it('under pre-commit: refs by name, the remote it names, and a push it gives no range for (a root commit) still checked', () => {
    repo.git('checkout', '-q', '-b', 'four', 'main');
    repo.commit('four', { 'four.txt': lines(7, 'four') });
    repo.git('remote', 'add', 'mirror', bare);
    repo.git('fetch', '-q', 'mirror');
    const named = runCli(['pre-push'], { cwd: repo.dir, input: '', env: { PRE_COMMIT_FROM_REF: 'main', PRE_COMMIT_TO_REF: 'four', PRE_COMMIT_REMOTE_NAME: 'mirror', PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/four', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/four' } });
    expect(named.stdout).toContain('prguard: four -> mirror/four');
    expect(named.code).toBe(1);
    const unknown = runCli(['pre-push'], { cwd: repo.dir, input: '', env: { PRE_COMMIT_FROM_REF: 'no-such-ref', PRE_COMMIT_TO_REF: 'four' } });
    expect(unknown.stderr).toContain('PRE_COMMIT_FROM_REF is "no-such-ref", which names no commit in this repository.');
    expect(unknown.code).toBe(2);
    // No FROM/TO (pre-commit's "all files" push), and git's input already read by pre-commit.
    const noRange = runCli(['pre-push'], { cwd: repo.dir, input: '', env: { PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/four', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/four', PRE_COMMIT_REMOTE_NAME: 'origin' } });
    expect(noRange.stdout).toContain('prguard: four -> origin/four');
    expect(noRange.code).toBe(1);
    // git's own input, when there is some, is what is pushed.
    const main = repo.git('rev-parse', 'main').trim();
    const stdin = runCli(['pre-push'], { cwd: repo.dir, input: `refs/heads/main ${main} refs/heads/main ${main}\n`, env: { PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/four' } });
    expect(stdin.stdout).not.toContain('four');
    expect(stdin.code).toBe(0);
    repo.git('remote', 'remove', 'mirror');
  });

  it('stops the push with exit 2 on a broken policy, and says how to get past it', () => {
    repo.write('bad.yml', 'version: 1\nrules:\n  pr-size:\n    max-line: 3\n');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const r = runCli(['pre-push', 'origin', '--policy', 'bad.yml'], {
      cwd: repo.dir,
      input: `refs/heads/x ${head} refs/heads/x ${'0'.repeat(40)}\n`,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yml:4:5: unknown option under rules.pr-size: "max-line"');
    expect(r.stderr).toContain('The push was stopped because prguard could not check it.');
    expect(r.stderr).toContain('git push --no-verify');
  });

  it('reads all of a long input (more than one read of standard input), and an empty one', () => {
    // 1,200 deleted branches: about 130 KB of refs, twice what one read takes.
    const input = Array.from({ length: 1200 }, (_, i) => `(delete) ${'0'.repeat(40)} refs/heads/gone-${i} ${'1'.repeat(40)}\n`).join('');
    const r = runCli(['pre-push', 'origin'], { cwd: repo.dir, input });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/skipped \(deletion, nothing to check\)/g)).toHaveLength(1200);
    expect(r.stdout).toContain('prguard: gone-1199: skipped');
    expect(runCli(['pre-push', 'origin'], { cwd: repo.dir, input: '' })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('stops reading input that is far longer than any push, and says so (exit 2)', () => {
    const r = runCli(['pre-push', 'origin'], { cwd: repo.dir, input: 'x'.repeat(17 * 1024 * 1024) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the pre-push input is over 16 MB, which is not what git gives a pre-push hook.');
    expect(r.stderr).toContain('git push --no-verify');
  });

  it('exits 2 on input that is not git\'s pre-push input', () => {
    const r = runCli(['pre-push', 'origin'], { cwd: repo.dir, input: 'hello world\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pre-push input line 1 is not');
  });

  it('exits 2 on --policy -: standard input holds the refs, which a policy read from it would eat', () => {
    const r = runCli(['pre-push', 'origin', '--policy', '-'], { cwd: repo.dir, input: `refs/heads/x ${'1'.repeat(40)} refs/heads/x ${'0'.repeat(40)}\n` });
    expect(r.stderr).toContain('prguard: pre-push reads the refs being pushed from standard input: --policy - cannot read it too. Give --policy a file.');
    expect(r.code).toBe(2);
  });

  it('exits 2 when a pushed commit is not in the repository, instead of skipping it as a first push', () => {
    const missing = 'deadbeef'.repeat(5);
    for (const remote of ['origin', 'https://example.com/unknown.git']) {
      const r = runCli(['pre-push', remote], { cwd: repo.dir, input: `refs/heads/ghost ${missing} refs/heads/ghost ${'0'.repeat(40)}\n` });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`prguard: the pushed ghost (${missing}) is not a commit in this repository, so prguard cannot read what is pushed.`);
      expect(r.stdout).not.toContain('skipped');
    }
  });
});

describe('the pre-push hook with the embedded default policy', () => {
  it('blocks a branch whose commits add a secret and remove it again, as its pull request will (the history is read)', () => {
    const repo = Repo.init('main');
    try {
      repo.commit('initial', { 'README.md': '# demo\n' });
      const bare = repo.addOrigin('main');
      linkPrguard(repo);
      expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
      repo.git('checkout', '-q', '-b', 'oops', 'main');
      const token = sample('github-classic-pat', rng(21)).secret;
      repo.commit('add config', { 'src/config.ts': `export const token = "${token}";\n` });
      repo.git('rm', '-q', 'src/config.ts');
      repo.commit('remove it again', { 'src/d.ts': lines(2, 'd') });
      const r = gitRun(repo, 'push', 'origin', 'oops');
      expect(r.output).toMatch(/src\/config\.ts:1 as added by commit [0-9a-f]{7}/);
      expect(r.output).not.toContain(token);
      expect(r.code).not.toBe(0);
      expect(gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', 'oops').code).not.toBe(0);
    } finally {
      repo.remove();
    }
  });
});
