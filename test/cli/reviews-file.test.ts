// `check --reviews FILE` reads what `gh api repos/O/R/pulls/N/reviews` prints, as the Action reads
// the same list from GitHub: a review by a deleted account (`"user": null`) is a review by nobody;
// team owners cannot be matched locally, and the notice says why.
import { describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

const POLICY = 'version: 1\ncore:\n  auth:\n    paths: ["src/auth/**"]\n    owners: ["@alice"]\nrules:\n  review-quorum: error\n';

function coreChange(): { repo: Repo; head: string } {
  const repo = Repo.init();
  repo.commit('base', { '.github/prguard.yml': POLICY, 'src/auth/session.ts': 'export const TTL = 3600;\n' });
  const head = repo.commit('Shorten sessions', { 'src/auth/session.ts': 'export const TTL = 900;\n' });
  return { repo, head };
}

const review = (user: { login: string; type: string } | null, commit: string, state = 'APPROVED') => ({
  user,
  state,
  commit_id: commit,
  submitted_at: '2024-05-01T10:00:00Z',
  author_association: user === null ? 'NONE' : 'MEMBER',
});

describe('check --reviews with the reviews GitHub lists', () => {
  it('a review by a deleted account ("user": null) is not counted, and the others still are', () => {
    const { repo, head } = coreChange();
    const bob = review({ login: 'bob', type: 'User' }, head);
    repo.write('reviews.json', JSON.stringify([review(null, head), bob]));
    const out = runCli(['check', '--base', 'HEAD~1', '--reviews', 'reviews.json'], { cwd: repo.dir });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('has 1 (@bob, on the current head)');
    expect(out.stdout).toContain('Not counted: a review by an account GitHub no longer names');
    // As --paginate prints it (one array per page), with the owner's approval on the second page.
    const pages = `${JSON.stringify([review(null, head), bob])}\n${JSON.stringify([review({ login: 'alice', type: 'User' }, head)])}\n`;
    repo.write('reviews.json', pages);
    const met = runCli(['check', '--base', 'HEAD~1', '--reviews', 'reviews.json'], { cwd: repo.dir });
    expect(met.stdout).not.toContain('This pull request needs');
    expect(met.code).toBe(0);
  });

  it('a team owner locally: the notice says no membership is read here, not that a token failed', () => {
    const repo = Repo.init();
    repo.commit('base', {
      '.github/prguard.yml': 'version: 1\ncore:\n  auth: ["src/auth/**"]\nrules:\n  review-quorum: error\n',
      '.github/CODEOWNERS': '/src/auth/ @acme/auth-team\n',
      'src/auth/session.ts': 'a\n',
    });
    const head = repo.commit('change', { 'src/auth/session.ts': 'b\n' });
    repo.write('reviews.json', JSON.stringify([review({ login: 'bob', type: 'User' }, head), review({ login: 'tess', type: 'User' }, head)]));
    const out = runCli(['check', '--base', 'HEAD~1', '--reviews', 'reviews.json'], { cwd: repo.dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('Team membership of @acme/auth-team could not be read, so only user owners were counted: no team membership was read');
    expect(out.stdout).toContain('a local check reads none');
  });

  it('an empty file (a failed download) is a usage error, not a pull request without reviews', () => {
    const { repo } = coreChange();
    repo.write('reviews.json', ' \n');
    const out = runCli(['check', '--base', 'HEAD~1', '--reviews', 'reviews.json'], { cwd: repo.dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--reviews reviews.json is empty');
    repo.write('reviews.json', '[]\n');
    expect(runCli(['check', '--base', 'HEAD~1', '--reviews', 'reviews.json'], { cwd: repo.dir }).stdout).toContain('has 0.');
  });

  it('an entry that is not a review is still a usage error naming it', () => {
    const { repo, head } = coreChange();
    for (const [entry, says] of [
      [null, 'review 2 is not an object'],
      [{ user: { login: 'bob', type: 'User' }, commit_id: head }, 'review 2 has no state'],
      [{ user: { type: 'User' }, state: 'APPROVED' }, 'review 2 has no user.login'],
    ] as const) {
      repo.write('reviews.json', JSON.stringify([review({ login: 'carol', type: 'User' }, head), entry]));
      const out = runCli(['check', '--base', 'HEAD~1', '--reviews', 'reviews.json'], { cwd: repo.dir });
      expect(out.code).toBe(2);
      expect(out.stderr).toContain(`--reviews reviews.json: ${says}`);
    }
  });
});
