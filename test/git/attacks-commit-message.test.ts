// A commit message that hides its end from git log: a NUL byte (a commit written with git
// hash-object may hold one) and git log shows the message only up to it, while the push sends it all.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

const repos: Repo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

describe('a commit message with a NUL byte', () => {
  it('is read whole: a token and an AI trailer after the NUL are found', () => {
    const repo = Repo.init('main');
    repos.push(repo);
    repo.commit('base', { '.github/prguard.yml': 'version: 1\nextends: recommended\nrules:\n  tests-touched: off\n', 'src/a.ts': 'a\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = sample('github-classic-pat', rng(51));
    repo.write('src/a.ts', 'b\n').git('add', '-A');
    const tree = repo.git('write-tree').trim();
    const parent = repo.git('rev-parse', 'HEAD').trim();
    const object = [
      `tree ${tree}`, `parent ${parent}`, 'author Ada <ada@example.com> 1700000000 +0000', 'committer Ada <ada@example.com> 1700000000 +0000', '',
      'Tidy a', '\0', `deploy with ${token.text}`, '', 'Co-authored-by: Claude <noreply@anthropic.com>', '',
    ].join('\n');
    const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: object, encoding: 'utf8' }).trim();
    repo.git('update-ref', 'refs/heads/feature', sha);
    expect(repo.git('log', '-1', '--format=%B', sha).trim()).toBe('Tidy a'); // what git log shows
    const res = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    const report = JSON.parse(res.stdout) as { findings: Finding[]; ai: { assisted: boolean } };
    expect(res.stdout).not.toContain(token.secret);
    expect(report.ai.assisted).toBe(true);
    const secrets = report.findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(secrets.map((f) => [f.severity, /in the message of commit [0-9a-f]{7} \(line 3\)/.test(f.message)])).toEqual([['error', true]]);
    expect(res.code).toBe(1);
  });
});

describe('a message in UTF-16 or UTF-32', () => {
  /** A commit object on main whose message is `message` in `encoding`, declared in its header or not. */
  function wideCommit(repo: Repo, message: string, encoding: 'utf16le' | 'utf16be' | 'utf32le', declared?: string): string {
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    const parent = repo.git('rev-parse', 'HEAD').trim();
    const header = [`tree ${tree}`, `parent ${parent}`, 'author Ada <ada@example.com> 1700000000 +0000', 'committer Ada <ada@example.com> 1700000000 +0000'];
    if (declared) header.push(`encoding ${declared}`);
    const bytes = Buffer.from(message, 'utf16le');
    let body: Buffer;
    if (encoding === 'utf16le') body = bytes;
    else if (encoding === 'utf16be') body = Buffer.from(bytes).swap16();
    else body = Buffer.concat([...message].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0])));
    const object = Buffer.concat([Buffer.from(`${header.join('\n')}\n\n`), body]);
    return execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: repo.dir, input: object, encoding: 'utf8' }).trim();
  }

  it('is read as its text, declared or not: a token in it is found (git log shows its first letter only)', () => {
    const repo = Repo.init('main');
    repos.push(repo);
    repo.commit('base', { '.github/prguard.yml': 'version: 1\nrules:\n  secret-leakage: error\n', 'src/a.ts': 'a\n' });
    const token = sample('github-classic-pat', rng(52));
    const cases = [
      ['utf16le', 'UTF-16LE'],
      ['utf16be', 'UTF-16BE'],
      ['utf16le', undefined],
      ['utf32le', 'UTF-32LE'],
    ] as const;
    for (const [encoding, declared] of cases) {
      const sha = wideCommit(repo, `Tidy a\n\ndeploy with ${token.text}\n`, encoding, declared);
      expect(repo.git('log', '-1', '--format=%B', sha).trim().length).toBeLessThanOrEqual(1); // what git log shows
      const res = runCli(['check', '--base', 'main', '--head', sha, '--format', 'json'], { cwd: repo.dir });
      const report = JSON.parse(res.stdout) as { findings: Finding[] };
      expect(res.stdout).not.toContain(token.secret);
      const secrets = report.findings.filter((f) => f.ruleId === 'secret-leakage').map((f) => /in the message of commit [0-9a-f]{7} \(line 3\)/.test(f.message));
      expect([encoding, declared, secrets]).toEqual([encoding, declared, [true]]);
      expect(res.code).toBe(1);
    }
  });
});
