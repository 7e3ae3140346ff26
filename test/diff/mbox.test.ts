// `git format-patch --stdout` mailboxes: commits with trailers, and files merged across patches.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ParsedPatch, parsePatch } from '../../src/diff/index.ts';
import { cleanSubject, decodeHeader } from '../../src/diff/mail.ts';
import { git, initRepo, write } from '../helpers/git.ts';

const LONG_SUBJECT = 'Ünïcödé subject that is long enough for format-patch to fold it over several header lines';

describe('format-patch mailbox from a real repository', () => {
  let repo: string;
  let parsed: ParsedPatch;
  let shas: string[];

  beforeAll(() => {
    repo = initRepo();
    write(repo, 'a.txt', 'a1\na2\na3\n');
    write(repo, 'old.txt', 'o1\no2\no3\no4\no5\no6\n');
    write(repo, 'doomed.txt', 'd\n');
    write(repo, 'script.sh', 'echo\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'base']);
    const commit = (message: string, author: string): void => {
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '--author', author, '-F', '-'], message);
    };
    write(repo, 'a.txt', 'a1\nA2\na3\n');
    write(repo, 'new.txt', 'n1\n');
    fs.renameSync(path.join(repo, 'old.txt'), path.join(repo, 'mid.txt'));
    fs.chmodSync(path.join(repo, 'script.sh'), 0o755);
    commit('Add the thing\n\nBody line one.\nBody line two.\n\nCo-authored-by: Claude <noreply@anthropic.com>\nSigned-off-by: Jörg Müller <j@example.com>\n', 'Jörg Müller <j@example.com>');
    write(repo, 'new.txt', 'n1\nn2\n');
    fs.renameSync(path.join(repo, 'mid.txt'), path.join(repo, 'final.txt'));
    write(repo, 'final.txt', 'o1\no2\no3\no4\no5\nO6\n');
    fs.rmSync(path.join(repo, 'doomed.txt'));
    write(repo, 'tmp.txt', 't\n');
    commit(`${LONG_SUBJECT}\n`, '"Doe, Jane" <jane@example.com>');
    fs.rmSync(path.join(repo, 'tmp.txt'));
    write(repo, 'a.txt', 'a1\nA2\na3\na4\n');
    commit('Third\n\nA body with a --- inside a line.\n\nAssisted-by: Copilot\n', 'Plain Name <p@example.com>');
    const mbox = git(repo, ['format-patch', '--stdout', '-M', 'HEAD~3..HEAD']);
    parsed = parsePatch(mbox);
    shas = git(repo, ['rev-list', '--reverse', 'HEAD~3..HEAD']).trim().split('\n');
  });

  it('reads one commit per patch with sha, author and message as git stores them', () => {
    expect(parsed.commits.map((c) => c.sha)).toEqual(shas);
    expect(parsed.commits.map((c) => c.author)).toEqual([
      { name: 'Jörg Müller', email: 'j@example.com' },
      { name: 'Doe, Jane', email: 'jane@example.com' },
      { name: 'Plain Name', email: 'p@example.com' },
    ]);
    for (const [i, c] of parsed.commits.entries()) {
      expect(c.message).toBe(git(repo, ['log', '-1', '--format=%B', shas[i]!]).trimEnd());
    }
    expect(parsed.commits[1]!.message).toBe(LONG_SUBJECT);
  });

  it('parses trailers of each message', () => {
    expect(parsed.commits[0]!.trailers).toEqual([
      { key: 'Co-authored-by', value: 'Claude <noreply@anthropic.com>', line: 6 },
      { key: 'Signed-off-by', value: 'Jörg Müller <j@example.com>', line: 7 },
    ]);
    expect(parsed.commits[1]!.trailers).toEqual([]);
    expect(parsed.commits[2]!.trailers).toEqual([{ key: 'Assisted-by', value: 'Copilot', line: 5 }]);
  });

  it('merges files across patches into the net change of the series', () => {
    const summary = parsed.files.map((f) => [f.path, f.status, f.oldPath, f.additions, f.deletions]);
    expect(summary).toEqual([
      ['a.txt', 'modified', undefined, 2, 1],
      ['final.txt', 'renamed', 'old.txt', 1, 1],
      ['new.txt', 'added', undefined, 2, 0],
      ['script.sh', 'modified', undefined, 0, 0],
      ['doomed.txt', 'deleted', undefined, 0, 1],
    ]);
    expect(parsed.files.find((f) => f.path === 'script.sh')!.modeChange).toEqual({ oldMode: '100644', newMode: '100755' });
    const a = parsed.files[0]!;
    expect(a.hunks.flatMap((h) => h.added.map((l) => l.content))).toEqual(['A2', 'a4']);
  });
});

describe('mail helpers', () => {
  it.each([
    ['=?UTF-8?q?J=C3=B6rg_M=C3=BCller?=', 'Jörg Müller'],
    ['=?UTF-8?b?SsO2cmc=?= <j@x>', 'Jörg <j@x>'],
    ['=?UTF-8?q?a?= =?UTF-8?q?b?=', 'ab'],
    ['plain text', 'plain text'],
  ])('decodeHeader(%s)', (input, expected) => expect(decodeHeader(input)).toBe(expected));

  it.each([
    ['[PATCH] Fix it', 'Fix it'],
    ['[PATCH 2/7] Fix it', 'Fix it'],
    ['[PATCH v2 1/3] [RFC] Fix it', 'Fix it'],
    ['Fix [the] thing', 'Fix [the] thing'],
  ])('cleanSubject(%s)', (input, expected) => expect(cleanSubject(input)).toBe(expected));

  it('a hand-written patch without `---` ends the message at the diff', () => {
    const text = [
      'From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001',
      'From: A <a@x>',
      'Subject: [PATCH] Do it',
      '',
      'Why.',
      '',
      'Co-authored-by: Bot <b@x>',
      'diff --git a/f b/f',
      '--- a/f',
      '+++ b/f',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '-- ',
      '2.39.5',
      '',
    ].join('\n');
    const p = parsePatch(text);
    expect(p.commits).toEqual([{
      sha: '0123456789abcdef0123456789abcdef01234567',
      author: { name: 'A', email: 'a@x' },
      committer: { name: 'A', email: 'a@x' },
      message: 'Do it\n\nWhy.\n\nCo-authored-by: Bot <b@x>',
      trailers: [{ key: 'Co-authored-by', value: 'Bot <b@x>', line: 5 }],
    }]);
    expect(p.files.map((f) => [f.path, f.additions, f.deletions])).toEqual([['f', 1, 1]]);
  });
});
