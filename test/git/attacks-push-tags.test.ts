// What a push sends besides commits. An annotated tag's message, every level of a tag of a tag, and
// what a tag of a tree or of a blob holds reach the remote with the push, and no pull request ever
// shows them: the pre-push hook scans them, and blocks the push when it cannot read them.
import { describe, expect, it } from 'vitest';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

const POLICY = 'version: 1\nrules:\n  secret-leakage: error\n';

/** A repository whose main is on a bare origin, with the hook installed. */
function setup(): { repo: Repo; bare: string } {
  const repo = Repo.init('main');
  repo.commit('base', { '.github/prguard.yml': POLICY, 'src/app.ts': 'export const app = 1;\n' });
  const bare = repo.addOrigin('main');
  linkPrguard(repo);
  expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
  return { repo, bare };
}

/** A blob in the object store, in no commit, tree or index. */
function writeBlob(repo: Repo, content: string): string {
  repo.write('.git/blob.tmp', content);
  return repo.git('hash-object', '-w', '.git/blob.tmp').trim();
}

const onRemote = (repo: Repo, bare: string, ref: string): boolean => gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', ref).code === 0;

/** The push is stopped with a secret-leakage finding that never prints the secret. */
function expectBlocked(push: { code: number; output: string }, secret: string, where: string): void {
  expect(push.output).toContain('github-classic-pat');
  expect(push.output).toContain(where);
  expect(push.output).not.toContain(secret);
  expect(push.code).not.toBe(0);
}

describe('pushed tags', () => {
  it('blocks an annotated tag of a commit the remote has, whose message holds a token, pushed alone or with --follow-tags', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(31));
    repo.git('tag', '-a', 'v1', '-m', `release\n\ndeploy key ${token.text}`);
    const alone = gitRun(repo, 'push', 'origin', 'v1');
    expectBlocked(alone, token.secret, 'the message of tag v1 (line 3)');
    expect(alone.output).toContain('not the tags and objects above: no pull request shows them');
    expect(onRemote(repo, bare, 'refs/tags/v1')).toBe(false);

    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('clean work', { 'src/app.ts': 'export const app = 2;\n' });
    repo.git('tag', '-a', 'v2', '-m', `notes: ${token.text}`);
    const follow = gitRun(repo, 'push', '--follow-tags', 'origin', 'feature');
    expectBlocked(follow, token.secret, 'the message of tag v2');
    expect(onRemote(repo, bare, 'refs/heads/feature')).toBe(false);

    const all = gitRun(repo, 'push', '--tags', 'origin');
    expectBlocked(all, token.secret, 'the message of tag v1');
    repo.remove();
  });

  it('reads every level of a tag of a tag, and a tag object pushed to a ref outside refs/tags', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(32));
    repo.git('tag', '-a', 'inner', '-m', `inner ${token.text}`);
    repo.git('-c', 'advice.nestedTag=false', 'tag', '-a', 'outer', '-m', 'a clean outer message', 'inner');
    repo.git('tag', '-d', 'inner');
    const nested = gitRun(repo, 'push', 'origin', 'outer');
    expectBlocked(nested, token.secret, 'the message of tag inner');
    expect(onRemote(repo, bare, 'refs/tags/outer')).toBe(false);

    const elsewhere = gitRun(repo, 'push', 'origin', 'outer:refs/releases/r1');
    expectBlocked(elsewhere, token.secret, 'the message of tag inner');
    expect(onRemote(repo, bare, 'refs/releases/r1')).toBe(false);
    repo.remove();
  });

  it('scans the blob a tag points at, and the blobs of a tagged tree the remote lacks', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(33));
    const blob = writeBlob(repo, `token = "${token.text}"\n`);
    expect(blob).toMatch(/^[0-9a-f]{40}$/);
    repo.git('tag', '-a', 'blob-tag', '-m', 'a blob', blob);
    expectBlocked(gitRun(repo, 'push', 'origin', 'blob-tag'), token.secret, `the blob ${blob.slice(0, 12)} that refs/tags/blob-tag points at`);
    expect(onRemote(repo, bare, 'refs/tags/blob-tag')).toBe(false);
    // A lightweight tag of it: no tag object, the blob itself is pushed.
    repo.git('tag', 'light', blob);
    expectBlocked(gitRun(repo, 'push', 'origin', 'light'), token.secret, 'that refs/tags/light points at');

    repo.write('conf/settings.ini', `[api]\ntoken = "${token.text}"\n`);
    repo.git('add', 'conf/settings.ini');
    const tree = repo.git('write-tree').trim();
    repo.git('reset', '-q');
    repo.git('tag', '-a', 'tree-tag', '-m', 'a tree', tree);
    expectBlocked(gitRun(repo, 'push', 'origin', 'tree-tag'), token.secret, 'conf/settings.ini in the tree that refs/tags/tree-tag points at');
    expect(onRemote(repo, bare, 'refs/tags/tree-tag')).toBe(false);
    repo.remove();
  });

  it('lets clean tags through, and a tag of a clean tree pushes only what the remote lacks', () => {
    const { repo, bare } = setup();
    repo.git('tag', '-a', 'v1', '-m', 'release 1: nothing secret here');
    const tree = repo.git('rev-parse', 'main^{tree}').trim();
    repo.git('tag', '-a', 'tree-tag', '-m', 'the tree of main', tree);
    const push = gitRun(repo, 'push', 'origin', 'v1', 'tree-tag');
    expect(push.output).toContain('2 tag messages');
    expect(push.code).toBe(0);
    expect(onRemote(repo, bare, 'refs/tags/v1')).toBe(true);
    repo.remove();
  });

  it('blocks a tagged blob it cannot read (over the content-scan limit), wherever its name would point', () => {
    const { repo, bare } = setup();
    const big = writeBlob(repo, 'x'.repeat(9 << 20));
    repo.git('tag', '-a', 'big', '-m', 'big', big);
    const push = gitRun(repo, 'push', 'origin', 'big');
    expect(push.output).toContain('Could not scan');
    expect(push.code).not.toBe(0);
    expect(onRemote(repo, bare, 'refs/tags/big')).toBe(false);
    repo.remove();
  });

  it('scans the first push of refs/notes/commits, which no pull request shows, and --mirror pushes alike', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(34));
    repo.git('notes', 'add', '-m', 'reviewed, all fine', 'HEAD');
    const clean = gitRun(repo, 'push', 'origin', 'refs/notes/commits');
    expect(clean.output).toContain('1 commit of a ref outside refs/heads, 1 blob');
    expect(clean.code).toBe(0);
    repo.git('update-ref', '-d', 'refs/notes/commits');
    gitRun(repo, '--git-dir', bare, 'update-ref', '-d', 'refs/notes/commits');

    repo.git('notes', 'add', '-m', `deploy with ${token.text}`, 'HEAD');
    const dirty = gitRun(repo, 'push', 'origin', 'refs/notes/commits');
    expectBlocked(dirty, token.secret, 'in the commits of refs/notes/commits (line 1)');
    expect(onRemote(repo, bare, 'refs/notes/commits')).toBe(false);
    const mirror = gitRun(repo, 'push', '--mirror', 'origin');
    expectBlocked(mirror, token.secret, 'in the commits of refs/notes/commits');
    expect(onRemote(repo, bare, 'refs/notes/commits')).toBe(false);
    repo.remove();
  });

  it('reads a tag message written in UTF-16 (a NUL byte beside every letter) as its text', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(35));
    const commit = repo.git('rev-parse', 'HEAD').trim();
    const head = `object ${commit}\ntype commit\ntag w1\ntagger Ada <ada@example.com> 1700000000 +0000\n\n`;
    const object = Buffer.concat([Buffer.from(head), Buffer.from(`release\n\ndeploy key ${token.text}\n`, 'utf16le')]);
    repo.write('.git/tag.tmp', object);
    const tag = repo.git('hash-object', '-t', 'tag', '-w', '--literally', '.git/tag.tmp').trim();
    repo.git('update-ref', 'refs/tags/w1', tag);
    expectBlocked(gitRun(repo, 'push', 'origin', 'w1'), token.secret, 'the message of tag w1 (line 3)');
    expect(onRemote(repo, bare, 'refs/tags/w1')).toBe(false);
    repo.remove();
  });
});
