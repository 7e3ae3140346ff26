// The pre-push hook's prefetching reader over a real repository: answers read ahead are the
// reader's own answers, kept only for full commit ids.
import { afterAll, describe, expect, it } from 'vitest';
import { PrefetchingReader } from '../../src/commands/prefetch.ts';
import { GitRepoReader } from '../../src/git/reader.ts';
import { Repo } from '../helpers/repo.ts';

describe('PrefetchingReader', () => {
  const repo = Repo.init('main');
  const first = repo.commit('policy', { '.prguard.yml': 'version: 1\n' });
  afterAll(() => repo.remove());

  it('gives what git has at the commit, for files read ahead and absent ones alike', async () => {
    const reader = new PrefetchingReader(new GitRepoReader(repo.dir));
    reader.prefetch(first, ['.prguard.yml', '.github/prguard.yml']);
    expect(await reader.entryAt(first, '.prguard.yml')).toEqual({ kind: 'file', text: 'version: 1\n' });
    expect(await reader.entryAt(first, '.github/prguard.yml')).toEqual({ kind: 'absent' });
    expect(reader.label).toBe(new GitRepoReader(repo.dir).label);
  });

  it('asks again for a ref that can move (a branch, HEAD), and keeps the commit id answers', async () => {
    const reader = new PrefetchingReader(new GitRepoReader(repo.dir));
    expect(await reader.entryAt('HEAD', '.prguard.yml')).toEqual({ kind: 'file', text: 'version: 1\n' });
    repo.commit('edit', { '.prguard.yml': 'version: 1\nextends: recommended\n' });
    expect(await reader.entryAt('HEAD', '.prguard.yml')).toEqual({ kind: 'file', text: 'version: 1\nextends: recommended\n' });
    expect(await reader.entryAt(first, '.prguard.yml')).toEqual({ kind: 'file', text: 'version: 1\n' });
  });

  it('gives a failed read ahead to whoever asks, as the error it was', async () => {
    const reader = new PrefetchingReader(new GitRepoReader(repo.dir));
    const missing = 'f'.repeat(40);
    reader.prefetch(missing, ['.prguard.yml']);
    const direct = await new GitRepoReader(repo.dir).entryAt(missing, '.prguard.yml').then(
      (entry) => ({ entry }),
      (err: Error) => ({ error: err.message }),
    );
    const ahead = await reader.entryAt(missing, '.prguard.yml').then(
      (entry) => ({ entry }),
      (err: Error) => ({ error: err.message }),
    );
    expect(ahead).toEqual(direct);
  });
});
