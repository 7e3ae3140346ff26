// Push ranges resolved against real repositories with a bare remote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePushRanges } from '../../src/git/push-ranges.ts';
import { parsePushedRefs } from '../../src/hooks/push-refs.ts';
import { Repo } from '../helpers/repo.ts';

const Z = '0'.repeat(40);

describe('resolvePushRanges', () => {
  let repo: Repo;
  let main1: string;
  let main2: string;
  beforeAll(() => {
    repo = Repo.init('trunk');
    main1 = repo.commit('one', { 'a.txt': '1\n' });
    repo.addOrigin('trunk');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature work', { 'b.txt': 'b\n' });
    repo.git('checkout', '-q', 'trunk');
    main2 = repo.commit('two', { 'a.txt': '2\n' });
  });
  afterAll(() => repo.remove());

  const plan = (lines: string, remote = 'origin') => resolvePushRanges(parsePushedRefs(lines), remote, repo.dir);

  it('compares a new branch with its merge-base with the remote default branch (origin/HEAD)', async () => {
    const head = repo.git('rev-parse', 'feature').trim();
    const p = await plan(`refs/heads/feature ${head} refs/heads/feature ${Z}`);
    expect(p.skipped).toEqual([]);
    expect(p.ranges).toEqual([
      expect.objectContaining({ base: main1, head, baseLabel: 'merge-base with origin/HEAD' }),
    ]);
  });

  it('compares an update of the default branch with what the remote has (its merge-base)', async () => {
    const p = await plan(`refs/heads/trunk ${main2} refs/heads/trunk ${main1}`);
    expect(p.ranges).toEqual([expect.objectContaining({ base: main1, head: main2, baseLabel: 'merge-base with origin/HEAD' })]);
  });

  it('checks an existing branch over the whole range its pull request shows, not only the new commits', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    repo.git('checkout', '-q', 'feature');
    const more = repo.commit('more feature work', { 'c.txt': 'c\n' });
    repo.git('checkout', '-q', 'trunk');
    const p = await plan(`refs/heads/feature ${more} refs/heads/feature ${feature}`);
    expect(p.ranges).toEqual([expect.objectContaining({ base: main1, head: more, baseLabel: 'merge-base with origin/HEAD' })]);
    repo.git('branch', '-f', 'feature', feature);
  });

  it('without a known default branch, compares an existing branch with what the remote has', async () => {
    repo.git('remote', 'set-head', 'origin', '-d');
    try {
      const p = await plan(`refs/heads/trunk ${main2} refs/heads/trunk ${main1}`);
      expect(p.ranges).toEqual([expect.objectContaining({ base: main1, head: main2, baseLabel: 'trunk on origin' })]);
    } finally {
      repo.git('remote', 'set-head', 'origin', 'trunk');
    }
  });

  it('uses the merge-base on a force push, so upstream commits picked up by a rebase are not blamed', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    repo.git('checkout', '-q', '-b', 'rebased', 'trunk');
    const rebased = repo.commit('feature work, rebased', { 'b.txt': 'b\n' });
    repo.git('checkout', '-q', 'trunk');
    const p = await plan(`refs/heads/rebased ${rebased} refs/heads/feature ${feature}`);
    expect(p.ranges[0]).toMatchObject({ base: main1, head: rebased, baseLabel: 'merge-base with origin/HEAD' });
  });

  it('checks several refs and skips deletions, tags and branches with nothing new', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    const p = await plan(
      [
        `refs/heads/feature ${feature} refs/heads/feature ${Z}`,
        `refs/heads/trunk ${main2} refs/heads/trunk ${main1}`,
        `(delete) ${Z} refs/heads/old ${main1}`,
        `refs/tags/v1 ${main2} refs/tags/v1 ${Z}`,
        `refs/heads/trunk ${main1} refs/heads/copy ${Z}`,
      ].join('\n'),
    );
    expect(p.ranges.map((r) => r.ref.remoteRef)).toEqual(['refs/heads/feature', 'refs/heads/trunk']);
    expect(p.skipped.map((s) => [s.ref.remoteRef, s.reason])).toEqual([
      ['refs/heads/old', 'deletion, nothing to check'],
      ['refs/tags/v1', 'tag of commits already on origin or pushed with a branch checked here'],
      ['refs/heads/copy', 'no new commits (already on origin)'],
    ]);
  });

  it('checks a tag that brings commits the remote lacks, as a branch there would be, and skips one of a commit it has', async () => {
    repo.git('tag', '-a', 'v2', '-m', 'v2', main2);
    repo.git('tag', 'v1', main1);
    try {
      const tagObject = repo.git('rev-parse', 'v2').trim();
      const p = await plan([`refs/tags/v2 ${tagObject} refs/tags/v2 ${Z}`, `refs/tags/v1 ${main1} refs/tags/v1 ${Z}`].join('\n'));
      expect(p.ranges).toEqual([expect.objectContaining({ base: main1, head: main2, baseLabel: 'merge-base with origin/HEAD' })]);
      expect(p.skipped.map((s) => [s.ref.remoteRef, s.reason])).toEqual([['refs/tags/v1', 'tag of a commit already on origin']]);
    } finally {
      repo.git('tag', '-d', 'v1', 'v2');
    }
  });

  it('treats a remote tip missing locally like a new branch', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    const p = await plan(`refs/heads/feature ${feature} refs/heads/feature ${'e'.repeat(40)}`);
    expect(p.ranges[0]).toMatchObject({ base: main1, baseLabel: 'merge-base with origin/HEAD' });
  });

  /** With origin/main at main1, a push of `feature` is judged from its merge-base with origin/main. */
  async function expectOriginMainBase(): Promise<void> {
    repo.git('update-ref', 'refs/remotes/origin/main', main1);
    try {
      const feature = repo.git('rev-parse', 'feature').trim();
      const p = await plan(`refs/heads/feature ${feature} refs/heads/feature ${Z}`);
      expect(p.ranges[0]).toMatchObject({ base: main1, baseLabel: 'merge-base with origin/main' });
    } finally {
      repo.git('update-ref', '-d', 'refs/remotes/origin/main');
      repo.git('remote', 'set-head', 'origin', 'trunk');
    }
  }

  it('without origin/HEAD, falls back to origin/main', async () => {
    repo.git('remote', 'set-head', 'origin', '-d');
    await expectOriginMainBase();
  });

  it('without a known default branch, uses the newest commit the remote already has', async () => {
    repo.git('remote', 'set-head', 'origin', '-d'); // no origin/HEAD, and no origin/main or master
    try {
      const feature = repo.git('rev-parse', 'feature').trim();
      const p = await plan(`refs/heads/feature ${feature} refs/heads/feature ${Z}`);
      expect(p.ranges[0]).toMatchObject({ base: main1, baseLabel: 'newest commit already on origin' });
    } finally {
      repo.git('remote', 'set-head', 'origin', 'trunk');
    }
  });

  it('judges a push to a URL no remote has from the newest commit any remote has, not as a first push', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    const p = await plan(`refs/heads/feature ${feature} refs/heads/feature ${Z}`, 'https://example.invalid/new.git');
    expect(p.skipped).toEqual([]);
    expect(p.ranges).toEqual([
      expect.objectContaining({ base: main1, head: feature, baseLabel: expect.stringMatching(/^newest commit already on a remote/) }),
    ]);
  });

  it('judges a push to a configured remote\'s URL as a push to that remote', async () => {
    const url = repo.git('config', 'remote.origin.url').trim();
    const feature = repo.git('rev-parse', 'feature').trim();
    const p = await plan(`refs/heads/feature ${feature} refs/heads/feature ${Z}`, url);
    expect(p.ranges).toEqual([expect.objectContaining({ base: main1, head: feature, baseLabel: 'merge-base with origin/HEAD' })]);
  });

  it('skips, with a reason, a push from a repository no remote has a commit of', async () => {
    const lone = Repo.init('main');
    try {
      const head = lone.commit('one', { 'a.txt': '1\n' });
      const p = await resolvePushRanges(parsePushedRefs(`refs/heads/main ${head} refs/heads/main ${Z}`), 'https://example.invalid/new.git', lone.dir);
      expect(p.ranges).toEqual([]);
      expect(p.skipped[0]!.reason).toMatch(/^no commit on https:\/\/example.invalid\/new.git or any other remote to compare with/);
    } finally {
      lone.remove();
    }
  });

  it('tells the top of the work tree with the ranges, from the repository or a directory in it', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    const top = repo.git('rev-parse', '--show-toplevel').trim();
    expect((await plan(`refs/heads/feature ${feature} refs/heads/feature ${Z}`)).root).toBe(top);
    const deletion = await resolvePushRanges(parsePushedRefs(`(delete) ${Z} refs/heads/feature ${feature}`), 'origin', repo.dir);
    expect(deletion.root).toBe(top);
  });

  it('with several branches, answers each from its own merge-base with origin/HEAD', async () => {
    const feature = repo.git('rev-parse', 'feature').trim();
    const p = await plan(
      `refs/heads/feature ${feature} refs/heads/feature ${Z}\nrefs/heads/trunk ${main2} refs/heads/other ${Z}\nrefs/heads/old ${main1} refs/heads/old ${Z}`,
    );
    expect(p.ranges).toEqual([
      expect.objectContaining({ head: feature, base: main1, baseLabel: 'merge-base with origin/HEAD' }),
      expect.objectContaining({ head: main2, base: main1, baseLabel: 'merge-base with origin/HEAD' }),
    ]);
    expect(p.skipped).toEqual([expect.objectContaining({ reason: 'no new commits (already on origin)' })]);
  });

  it('when origin/HEAD shares no history with the pushed branch, tries origin/main next', async () => {
    repo.git('checkout', '-q', '--orphan', 'unrelated');
    const lonely = repo.commit('unrelated', { 'z.txt': 'z\n' });
    repo.git('checkout', '-q', 'trunk');
    repo.git('update-ref', 'refs/remotes/origin/unrelated', lonely);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/unrelated');
    try {
      await expectOriginMainBase();
    } finally {
      repo.git('update-ref', '-d', 'refs/remotes/origin/unrelated');
      repo.git('branch', '-D', '-q', 'unrelated');
    }
  });
});
