// review-quorum reads CODEOWNERS at the base as GitHub does: every changed file needs one of its own
// code owners, and a line GitHub skips (an invalid owner or pattern) leaves the earlier lines standing.
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/model.ts';
import { reviewQuorum } from '../../rules/review-quorum/index.ts';
import { parseCodeowners, ownersOf } from '../../src/rule-kit/codeowners.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';
import { Repo, runCli } from '../helpers/repo.ts';

const HEAD = 'h'.repeat(40);
const core = { auth: ['src/auth/**'] };
const approved = (login: string): Review => ({ login, type: 'User', state: 'APPROVED', commitId: HEAD, submittedAt: '2024-05-01T10:00:00Z' });

function run(files: string[], logins: string[], codeowners: string) {
  const c = change({
    head: HEAD,
    files: files.map((p) => file(p, { added: 1 })),
    commits: [commit('Change\n', { author: { name: 'Ada', email: 'ada@example.com', login: 'ada' } })],
    pr: pr({ author: { login: 'ada', type: 'User' }, reviews: logins.map(approved) }),
  });
  return runRule(reviewQuorum, c, {}, { core, baseDocuments: { '.github/CODEOWNERS': codeowners } });
}

describe('review-quorum: each file of a module needs one of its own code owners', () => {
  const codeowners = '/src/auth/ @alice\n*.md @docs-writer\n';
  const files = ['src/auth/session.ts', 'src/auth/README.md'];

  it("the owner of one file does not approve the module's other files", () => {
    const [v] = run(files, ['bob', 'docs-writer'], codeowners);
    expect(v!.messageId).toBe('unmet');
    expect(v!.message).toContain('Missing: an approval from an owner of auth (@alice for src/auth/session.ts)');
    expect(v!.message).toContain(
      'one from an owner of auth, whose files need an owner each (@alice for src/auth/session.ts; @docs-writer for src/auth/README.md)',
    );
  });

  it('an owner of each group meets it', () => {
    expect(run(files, ['bob', 'docs-writer', 'alice'], codeowners)).toEqual([]);
    expect(run(['src/auth/session.ts'], ['bob', 'alice'], codeowners)).toEqual([]);
  });

  it('a file the last matching line un-owns needs no owner; the owned ones still do', () => {
    const unowned = '/src/auth/ @alice\n/src/auth/generated/\n';
    expect(run(['src/auth/session.ts', 'src/auth/generated/x.ts'], ['bob', 'alice'], unowned)).toEqual([]);
    expect(run(['src/auth/generated/x.ts'], ['bob', 'carl'], unowned)[0]!.message).toContain('auth (no owner known');
  });

  it('a file owned only by an e-mail address cannot get an owner approval prguard can see', () => {
    const [v] = run(files, ['bob', 'alice'], '/src/auth/ @alice\n*.md docs@example.com\n');
    expect(v!.message).toContain('no owner prguard can match');
  });
});

describe('CODEOWNERS lines GitHub skips', () => {
  it.each([
    ['an owner without @', '/src/auth/ @docs-writer TODO\n'],
    ['an owner that is neither a user, a team nor an e-mail', '/src/auth/ @docs-writer @acme/team/extra\n'],
    ['the pattern `/` (it matches nothing)', '/ @docs-writer\n'],
    ['a `[ ]` character range', '/src/auth/[s]ession.ts @docs-writer\n'],
    ['an escaped leading `#`', '\\#x @docs-writer\n'],
  ])('%s: the line is skipped and an earlier line still owns the file', (_, line) => {
    const parsed = parseCodeowners(`* @alice\n${line}`);
    expect(parsed.problems.map((p) => p.line)).toEqual([2]);
    expect(ownersOf(parsed, 'src/auth/session.ts')).toEqual(['@alice']);
    expect(run(['src/auth/session.ts'], ['bob', 'docs-writer'], `* @alice\n${line}`)[0]!.message).toContain(
      'Missing: an approval from an owner of auth',
    );
  });

  it('valid owners are kept: users, teams, e-mail addresses', () => {
    const parsed = parseCodeowners('* @Alice_1 @acme/auth.team-x dev@example.com\n');
    expect(parsed.problems).toEqual([]);
    expect(ownersOf(parsed, 'a.ts')).toEqual(['@Alice_1', '@acme/auth.team-x', 'dev@example.com']);
  });
});

describe('review-quorum with the built CLI and a real repository', () => {
  it('an approval from the owner of the README only does not approve the module', () => {
    const repo = Repo.init();
    repo.commit('base', {
      '.github/prguard.yml': 'version: 1\ncore:\n  auth: ["src/auth/**"]\nrules:\n  review-quorum: error\n',
      '.github/CODEOWNERS': '/src/auth/ @alice\n*.md @docs-writer\n',
      'src/auth/session.ts': 'a\n',
      'src/auth/README.md': 'r\n',
    });
    const head = repo.commit('change', { 'src/auth/session.ts': 'b\n', 'src/auth/README.md': 'r2\n' });
    const review = (login: string) => ({ user: { login, type: 'User' }, state: 'APPROVED', commit_id: head, submitted_at: '2024-05-01T10:00:00Z' });
    repo.write('reviews.json', JSON.stringify([review('bob'), review('docs-writer')]));
    const out = runCli(['check', '--base', 'HEAD~1', '--head', 'HEAD', '--reviews', 'reviews.json'], { cwd: repo.dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('Missing: an approval from an owner of auth (@alice for src/auth/session.ts)');
    repo.write('reviews.json', JSON.stringify([review('bob'), review('docs-writer'), review('alice')]));
    expect(runCli(['check', '--base', 'HEAD~1', '--head', 'HEAD', '--reviews', 'reviews.json'], { cwd: repo.dir }).code).toBe(0);
  });
});
