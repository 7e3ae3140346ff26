// loadGitChangeSet over real repositories with a bare "origin" remote.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { loadGitChangeSet, startGitChangeSet } from '../../src/git/index.ts';
import { GitRepoReader } from '../../src/git/reader.ts';
import { readAt } from '../../src/repo/reader.ts';
import { commitAll, git, initRepo, tempDir, write } from '../helpers/git.ts';

/** origin (bare, default branch `trunk`) and a clone with a feature branch; trunk moves on after. */
function setup(): { origin: string; clone: string; forkPoint: string } {
  const root = tempDir();
  const origin = path.join(root, 'origin.git');
  git(root, ['init', '-q', '--bare', '-b', 'trunk', origin]);
  const seed = initRepo('trunk', path.join(root, 'seed'));
  write(seed, 'src/app.ts', 'export const a = 1;\n');
  write(seed, '.gitattributes', 'dist/** linguist-generated\nvendor/** linguist-vendored\n*.lock -diff\nkeep.gen linguist-generated=false\n');
  const forkPoint = commitAll(seed, 'base');
  git(seed, ['remote', 'add', 'origin', origin]);
  git(seed, ['push', '-q', 'origin', 'trunk']);
  const clone = path.join(root, 'clone');
  git(root, ['clone', '-q', origin, clone]);
  // trunk moves on in origin after the feature branched off
  write(seed, 'trunk-only.txt', 'later\n');
  commitAll(seed, 'trunk moves on');
  git(seed, ['push', '-q', 'origin', 'trunk']);
  git(clone, ['fetch', '-q', 'origin']);
  git(clone, ['checkout', '-q', '-b', 'feature']);
  write(clone, 'src/app.ts', 'export const a = 2;\nexport const b = 3;\n');
  write(clone, 'dist/bundle.js', 'x\n');
  write(clone, 'vendor/lib.js', 'y\n');
  write(clone, 'deps.lock', 'z\n');
  write(clone, 'keep.gen', 'k\n');
  commitAll(clone, 'Change the app\n\nWhy it changes.\n\nCo-authored-by: Claude <noreply@anthropic.com>');
  write(clone, 'docs/read me.md', '# hi\n');
  commitAll(clone, 'Add docs');
  return { origin, clone, forkPoint };
}

describe('loadGitChangeSet', () => {
  let clone: string;
  let forkPoint: string;

  beforeAll(() => {
    ({ clone, forkPoint } = setup());
  });

  it('defaults base to the merge-base with origin/HEAD (a branch named trunk)', async () => {
    const change = await loadGitChangeSet({ cwd: clone });
    expect(change.base).toBe(forkPoint);
    expect(change.head).toBe(git(clone, ['rev-parse', 'HEAD']).trim());
    expect(change.files.map((f) => f.path).sort()).toEqual(
      ['deps.lock', 'dist/bundle.js', 'docs/read me.md', 'keep.gen', 'src/app.ts', 'vendor/lib.js'],
    );
    // `-diff` at the base classifies the file, but its text is still diffed (and scanned) as text
    expect(change.files.find((f) => f.path === 'deps.lock')).toMatchObject({ binary: false, additions: 1, attributes: { noDiff: true } });
    const app = change.files.find((f) => f.path === 'src/app.ts')!;
    expect(app).toMatchObject({ status: 'modified', additions: 2, deletions: 1 });
    expect(app.hunks[0]!.added).toEqual([{ line: 1, content: 'export const a = 2;' }, { line: 2, content: 'export const b = 3;' }]);
  });

  it('reads commits oldest first with author, committer, message and trailers', async () => {
    const { commits } = await loadGitChangeSet({ cwd: clone });
    expect(commits.map((c) => c.message)).toEqual([
      'Change the app\n\nWhy it changes.\n\nCo-authored-by: Claude <noreply@anthropic.com>',
      'Add docs',
    ]);
    expect(commits[0]).toMatchObject({
      author: { name: 'Test Author', email: 'author@example.com' },
      committer: { name: 'Test Committer', email: 'committer@example.com' },
      trailers: [{ key: 'Co-authored-by', value: 'Claude <noreply@anthropic.com>', line: 5 }],
    });
    expect(commits[1]!.sha).toBe(git(clone, ['rev-parse', 'HEAD']).trim());
  });

  it('reads .gitattributes of the base commit, not of the work tree', async () => {
    write(clone, '.gitattributes', 'src/** linguist-generated\n'); // uncommitted: must be ignored
    try {
      const { files } = await loadGitChangeSet({ cwd: clone });
      const attrs = Object.fromEntries(files.map((f) => [f.path, f.attributes]));
      expect(attrs).toEqual({
        'deps.lock': { noDiff: true },
        'dist/bundle.js': { generated: true },
        'docs/read me.md': undefined,
        'keep.gen': { generated: false },
        'src/app.ts': undefined,
        'vendor/lib.js': { vendored: true },
      });
    } finally {
      git(clone, ['checkout', '--', '.gitattributes']);
    }
  });

  it('works from a subdirectory and with explicit --base/--head', async () => {
    const change = await loadGitChangeSet({ cwd: path.join(clone, 'src'), base: 'HEAD~1', head: 'HEAD' });
    expect(change.files.map((f) => [f.path, f.status])).toEqual([['docs/read me.md', 'added']]);
    expect(change.commits.map((c) => c.message)).toEqual(['Add docs']);
  });

  it('uses the upstream when no remote HEAD is recorded', async () => {
    git(clone, ['remote', 'set-head', 'origin', '-d']);
    try {
      git(clone, ['checkout', '-q', '-b', 'tracking', '--track', 'origin/trunk']);
      write(clone, 'up.txt', 'u\n');
      commitAll(clone, 'On top of upstream');
      const change = await loadGitChangeSet({ cwd: clone });
      expect(change.base).toBe(git(clone, ['rev-parse', 'origin/trunk']).trim());
      expect(change.files.map((f) => f.path)).toEqual(['up.txt']);
      // feature has no upstream and origin has no HEAD: a clear error asking for --base
      await expect(loadGitChangeSet({ cwd: clone, head: 'feature' })).rejects.toThrow(/--base/);
    } finally {
      git(clone, ['checkout', '-q', 'feature']);
      git(clone, ['remote', 'set-head', 'origin', 'trunk']);
    }
  });

  it('uses another remote\'s HEAD when there is no origin', async () => {
    const repo = initRepo('trunk');
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    git(repo, ['update-ref', 'refs/remotes/upstream/dev', 'HEAD']);
    git(repo, ['symbolic-ref', 'refs/remotes/upstream/HEAD', 'refs/remotes/upstream/dev']);
    git(repo, ['remote', 'add', 'upstream', 'https://example.invalid/x.git']);
    write(repo, 'b', '2\n');
    commitAll(repo, 'b');
    const change = await loadGitChangeSet({ cwd: repo });
    expect(change.files.map((f) => f.path)).toEqual(['b']);
  });

  it.each([
    ['no remote and no upstream', {}, /Cannot tell which branch.*--base/s],
    ['a base ref that does not exist', { base: 'nope/branch' }, /--base "nope\/branch" does not name a commit/],
    ['a head ref that does not exist', { base: 'HEAD', head: 'missing' }, /--head "missing" does not name a commit/],
    // Not "cannot tell which branch it is based on": the head is what is wrong.
    ['a head ref that does not exist, and no base', { head: 'missing' }, /--head "missing" does not name a commit/],
    ['an option-like ref', { base: '--output=/tmp/x' }, /--base "--output=\/tmp\/x" is not a valid git revision/],
    // Not "fetch it first": the object is there, and is no commit.
    ['a tree', { base: 'HEAD', head: 'HEAD^{tree}' }, /^--head "HEAD\^\{tree\}" names a tree \([0-9a-f]{12}\), not a commit\. Pass a branch, tag or commit/],
    ['a file at a commit', { base: 'HEAD:a' }, /^--base "HEAD:a" names a blob \([0-9a-f]{12}\), not a commit\./],
    ['a commit named by its message', { base: 'HEAD', head: ':/a' }, /^--head ":\/a" names commit [0-9a-f]{12} in a form .*: pass the commit itself, --head [0-9a-f]{40}\.$/],
  ])('fails with a UsageError on %s', async (_name, refs, message) => {
    const repo = initRepo('trunk');
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    const err = await loadGitChangeSet({ cwd: repo, ...refs }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
  });

  it('gives no files and no commits for an empty range', async () => {
    const change = await loadGitChangeSet({ cwd: clone, base: 'HEAD', head: 'HEAD' });
    expect(change).toMatchObject({ files: [], commits: [] });
    expect(change.base).toBe(change.head);
  });

  it('fails with a UsageError when the refs share no history', async () => {
    const repo = initRepo('trunk');
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    git(repo, ['checkout', '-q', '--orphan', 'other']);
    write(repo, 'b', '2\n');
    commitAll(repo, 'b');
    const err = await loadGitChangeSet({ cwd: repo, base: 'trunk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/trunk and HEAD have no common ancestor.*fetch-depth: 0/s);
  });

  it('fails with a UsageError in a repository without commits', async () => {
    const err = await loadGitChangeSet({ cwd: initRepo('trunk'), base: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/no commits yet/);
  });

  it('on an orphan branch with no commits, says the branch has none, not the repository', async () => {
    const repo = initRepo('trunk');
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    git(repo, ['checkout', '-q', '--orphan', 'fresh']);
    const err = await loadGitChangeSet({ cwd: repo, base: 'trunk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('the branch "fresh" has no commits yet (an orphan branch)');
  });

  it('a base of @{u} without an upstream says so, not "fetch @{u}"', async () => {
    const repo = initRepo('trunk');
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    const err = await loadGitChangeSet({ cwd: repo, base: '@{u}' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('names the upstream of the current branch, and it has none');
    expect((err as Error).message).not.toContain('git fetch');
  });

  it('fails with a UsageError outside a repository', async () => {
    const dir = tempDir();
    const err = await loadGitChangeSet({ cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/not inside a git work tree.*--diff/s);
    fs.rmSync(dir, { recursive: true });
  });

  it('a started change is read whenever it is loaded, and one that never is leaves nothing behind', async () => {
    const tmp = tempDir();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // where the sandbox and the spool go
    try {
      const late = startGitChangeSet({ cwd: clone, root: clone, base: forkPoint, head: 'HEAD' });
      const dropped = startGitChangeSet({ cwd: clone, root: clone, base: forkPoint, head: 'HEAD' });
      dropped.dispose();
      await new Promise((resolve) => setTimeout(resolve, 300)); // git diff has long finished
      const seen: string[] = [];
      const change = await late.load({ onFile: (f) => void seen.push(f.path) });
      expect(change.files.map((f) => f.path).sort()).toEqual([...seen].sort());
      expect(seen).toContain('src/app.ts');
      await expect(dropped.load()).rejects.toThrow(/not read/);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('GitRepoReader', () => {
  it('reads a file at a revision, tells absent from unreadable, and follows symlinks at that revision', async () => {
    const repo = initRepo('trunk');
    write(repo, 'docs/plan.md', 'v1\n');
    commitAll(repo, 'one');
    write(repo, 'docs/plan.md', 'v2\n');
    fs.symlinkSync('docs/plan.md', path.join(repo, 'link.md'));
    fs.symlinkSync('../../outside', path.join(repo, 'docs', 'escape.md'));
    commitAll(repo, 'two');
    const reader = new GitRepoReader(repo);
    expect(await reader.entryAt('HEAD', 'docs/plan.md')).toEqual({ kind: 'file', text: 'v2\n' });
    expect(await reader.entryAt('HEAD~1', 'docs/plan.md')).toEqual({ kind: 'file', text: 'v1\n' });
    expect(await reader.entryAt('HEAD', 'docs/missing.md')).toEqual({ kind: 'absent' });
    expect(await reader.entryAt('HEAD', 'docs')).toEqual({ kind: 'other', type: 'directory' });
    expect(await reader.entryAt('HEAD', 'link.md')).toEqual({ kind: 'symlink', target: 'docs/plan.md' });
    expect(await readAt(reader, 'HEAD', 'link.md')).toEqual({ text: 'v2\n', resolvedPath: 'docs/plan.md' });
    await expect(readAt(reader, 'HEAD', 'docs/escape.md')).rejects.toThrow(/points outside the repository/);
    // A revision that does not exist is an error, never "absent" (fail closed).
    await expect(reader.entryAt('no-such-rev', 'docs/plan.md')).rejects.toThrow(/could not read docs\/plan.md at no-such-rev/);
    // Asked in one tick (listed by one ls-tree): each gets its own answer, the same path twice
    // the same, and a path is a name, never pathspec magic.
    const [plan, again, missing, dir, link, old, magic] = await Promise.all([
      reader.entryAt('HEAD', 'docs/plan.md'),
      reader.entryAt('HEAD', 'docs/plan.md'),
      reader.entryAt('HEAD', 'docs/missing.md'),
      reader.entryAt('HEAD', 'docs'),
      reader.entryAt('HEAD', 'link.md'),
      reader.entryAt('HEAD~1', 'docs/plan.md'),
      reader.entryAt('HEAD', ':(top)docs/plan.md'),
    ]);
    expect([plan, again, missing, dir, link, old, magic]).toEqual([
      { kind: 'file', text: 'v2\n' },
      { kind: 'file', text: 'v2\n' },
      { kind: 'absent' },
      { kind: 'other', type: 'directory' },
      { kind: 'symlink', target: 'docs/plan.md' },
      { kind: 'file', text: 'v1\n' },
      { kind: 'absent' },
    ]);
    // A name that ends like another asked path is not that path.
    write(repo, 'a\tplan.md', 'tabbed\n');
    commitAll(repo, 'three');
    const [tabbed, bare] = await Promise.all([reader.entryAt('HEAD', 'a\tplan.md'), reader.entryAt('HEAD', 'plan.md')]);
    expect([tabbed, bare]).toEqual([{ kind: 'file', text: 'tabbed\n' }, { kind: 'absent' }]);
    const failed = await Promise.allSettled([reader.entryAt('no-such-rev', 'a.md'), reader.entryAt('no-such-rev', 'b.md')]);
    expect(failed.map((r) => (r.status === 'rejected' ? String(r.reason) : 'resolved'))).toEqual([
      expect.stringMatching(/could not read a\.md at no-such-rev/),
      expect.stringMatching(/could not read b\.md at no-such-rev/),
    ]);
  });
});
