// `--diff` attacks on the structure of a diff: hunks cut off or longer than their header,
// header lines after hunks, combined diffs of merges, format-patch From lines, empty input.
import { describe, expect, it } from 'vitest';
import { Repo } from '../helpers/repo.ts';
import { checkDiff, checkStdin, fakeToken } from './diff-helpers.ts';

const TOKEN = fakeToken();

const HUNK = ['diff --git a/src/config.ts b/src/config.ts', 'index 1111111..2222222 100644', '--- a/src/config.ts',
  '+++ b/src/config.ts', '@@ -1,2 +1,3 @@', ' export const a = 1;', `+export const token = "${TOKEN}";`, ' export const b = 2;'];

function expectSecretFound(r: ReturnType<typeof checkDiff>): void {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.rules).toContain('secret-leakage');
  expect(r.stdout).not.toContain(TOKEN);
}

describe('hunks are read in full or refused', () => {
  it('a hunk cut off mid-way is exit 2 with file:line, as git apply says "corrupt patch"', () => {
    const r = checkDiff(`${HUNK.slice(0, 7).join('\n')}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prguard: .*change\.diff:7: corrupt patch: the hunk at line 5 of .* expects 1 more line, but the input ends/);
    expect(r.stdout).toBe('');
  });

  it('a hunk cut off by the next file is exit 2 at the line that cannot belong to it', () => {
    const r = checkDiff([...HUNK.slice(0, 6), 'diff --git a/b b/b', '--- a/b', '+++ b/b', '@@ -1 +1 @@', '-x', '+y', ''].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/change\.diff:7: corrupt patch/);
  });

  it('a diff cut off right after a file\'s --- and +++ lines is exit 2, not an unchanged file', () => {
    for (const cut of [HUNK.slice(0, 4), [...HUNK, ...HUNK.slice(0, 4).map((l) => l.replace(/config/g, 'other'))]]) {
      const r = checkDiff(`${cut.join('\n')}\n`);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/change\.diff:(1|9): corrupt patch: "src\/(config|other)\.ts" has its --- and \+\+\+ lines but no hunk after them \(was the diff cut off\?\)/);
    }
    // A header with only its index line is what `git diff -w` writes for a whitespace-only change.
    const w = checkDiff(`${HUNK.slice(0, 2).join('\n')}\n`);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
  });

  it('a diff cut off right after a `diff --git` line (or inside the line after it) is exit 2, not an unchanged file', () => {
    // git always writes a header line after `diff --git` (index, mode, rename, Binary files...).
    for (const [cut, line, file] of [
      [`${HUNK[0]}\n`, 1, 'config'],
      [`${HUNK[0]}\nind`, 1, 'config'],
      [`${HUNK.join('\n')}\ndiff --git a/src/other.ts b/src/other.ts\n`, 9, 'other'],
      [`${HUNK[0]}\n${HUNK.join('\n')}\n`, 1, 'config'],
    ] as const) {
      const r = checkDiff(cut);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`change.diff:${line}: corrupt patch: "src/${file}.ts" has a \`diff --git\` line and no header or hunk after it (was the diff cut off?)`);
      expect(r.stdout).toBe('');
    }
    // What git writes with no hunk is read: a mode change, a 100% rename, an empty new file, a binary file.
    for (const header of [
      [HUNK[0], 'old mode 100644', 'new mode 100755'],
      ['diff --git a/src/old.ts b/src/config.ts', 'similarity index 100%', 'rename from src/old.ts', 'rename to src/config.ts'],
      [HUNK[0], 'new file mode 100644', 'index 0000000..e69de29'],
      [HUNK[0], 'index 1111111..2222222', 'Binary files a/src/config.ts and b/src/config.ts differ'],
    ]) {
      const r = checkDiff([...header, ''].join('\n'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('added lines beyond the hunk header\'s count are exit 2, not silently dropped from the scan', () => {
    const r = checkDiff([...HUNK, `+const hidden = "${TOKEN}";`, ''].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/change\.diff:9: corrupt patch: a line starting with "\+" looks like part of a hunk/);
    expect(r.stderr).not.toContain(TOKEN.slice(8));
  });

  it('a malformed hunk header is exit 2', () => {
    const r = checkDiff([...HUNK.slice(0, 4), '@@ -1,2 +1,3', ...HUNK.slice(5), ''].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/change\.diff:5: corrupt patch: .* is not a valid hunk header/);
  });
});

describe('file headers after hunks never erase them', () => {
  it('a trailing "Binary files … differ" line does not turn the scanned file binary', () => {
    expectSecretFound(checkDiff([...HUNK, 'Binary files a/src/config.ts and b/src/config.ts differ', ''].join('\n')));
  });

  it('a second entry for the same path (deleted file mode) cannot hide the hunks already read: exit 2', () => {
    const again = ['diff --git a/src/config.ts b/src/config.ts', 'deleted file mode 100644', 'index 2222222..0000000'];
    const r = checkDiff([...HUNK, ...again, ''].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/change\.diff:9: "src\/config\.ts" is named a second time in one diff \(first at line 1\)/);
  });

  it('"deleted file mode" right after the hunks (no new diff line) is ignored', () => {
    expectSecretFound(checkDiff([...HUNK, 'deleted file mode 100644', ''].join('\n')));
  });
});

describe('combined diffs of merges', () => {
  it('an evil merge (a line only the merge adds) is read from `git show --cc`', () => {
    const repo = Repo.init();
    repo.commit('init', { 'src/a.ts': 'one\ntwo\nthree\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'src/a.ts': 'one\ntwo\nthree\nside\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'src/a.ts': 'main\none\ntwo\nthree\n' });
    repo.git('merge', '-q', '--no-commit', 'side');
    repo.write('src/a.ts', `main\none\ntwo\nconst t = "${TOKEN}";\nthree\nside\n`);
    repo.commit('merge');
    const show = repo.git('show', '--cc', '--format=', 'HEAD');
    repo.remove();
    expect(show).toMatch(/^diff --cc src\/a\.ts/);
    expectSecretFound(checkDiff(show));
  });

  it('a cut-off combined hunk is exit 2', () => {
    const r = checkDiff(['diff --cc src/a.ts', 'index 1,2..3', '--- a/src/a.ts', '+++ b/src/a.ts', '@@@ -1,2 -1,2 +1,3 @@@', '  one', '++two', ''].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/change\.diff:7: corrupt patch/);
  });
});

describe('format-patch mailboxes', () => {
  const mail = (body: string[]) => [
    `From ${'1'.repeat(40)} Mon Sep 17 00:00:00 2001`, 'From: Ada <ada@example.com>', 'Date: Mon, 1 Jan 2024 00:00:00 +0000',
    'Subject: [PATCH] change', '', ...body, '---', ' src/x.ts | 1 +', '', 'diff --git a/src/x.ts b/src/x.ts',
    '--- a/src/x.ts', '+++ b/src/x.ts', '@@ -1 +1,2 @@', ' a', '+b', '-- ', '2.43.0', ''].join('\n');

  it('a message line "From <40 hex> …" does not hide the rest of the message from the scan', () => {
    expectSecretFound(checkDiff(mail(['Explain.', `From ${'a'.repeat(40)} is where it started`, `token ${TOKEN}`])));
  });

  it('even a git-style From line inside the message (no empty line before it) stays message text', () => {
    expectSecretFound(checkDiff(mail(['Explain.', `From ${'a'.repeat(40)} Mon Sep 17 00:00:00 2001`, `token ${TOKEN}`])));
  });
});

describe('commit logs', () => {
  function log(...args: string[]): string {
    const repo = Repo.init();
    repo.commit('init', { 'src/a.ts': 'a\n' });
    repo.commit('one', { 'src/a.ts': 'a\nb\n' });
    repo.commit(`two\n\nSigned-off-by: x\ntoken ${TOKEN}`, { 'src/a.ts': 'a\nb\nc\n' });
    const out = repo.git(...args);
    repo.remove();
    return out;
  }

  it('`git log -p` with several commits is exit 2 (its messages would go unchecked), naming format-patch', () => {
    const r = checkDiff(log('log', '-p', 'HEAD~2..HEAD'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/git log -p.*git format-patch --stdout/);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('the same range as `git format-patch --stdout` is read, message included', () => {
    expectSecretFound(checkDiff(log('format-patch', '--stdout', 'HEAD~2..HEAD')));
  });
});

describe('empty input', () => {
  it('an empty diff file is a note, "the diff is empty: nothing was checked"', () => {
    const r = checkDiff('');
    expect(r.code).toBe(0);
    expect(r.notes).toContain('the diff is empty: nothing was checked');
  });

  it('empty standard input (a failed `git diff` upstream) is exit 2, not a silent pass', () => {
    const r = checkStdin('');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input is empty: nothing to check/);
    expect(r.stdout).toBe('');
  });

  it('whitespace-only standard input is exit 2 too', () => {
    expect(checkStdin('\n\n  \n').code).toBe(2);
  });
});

describe('binary patches (git diff --binary) are read, not only labelled', () => {
  /** A real repository's `git diff --binary` (or format-patch --binary) of what `edit` does on a branch. */
  function binaryDiff(edit: (repo: Repo) => void, command: 'diff' | 'format-patch' = 'diff'): string {
    const repo = Repo.init('main');
    try {
      repo.commit('base', { 'README.md': '# x\n', 'assets/old.bin': Buffer.from('\0old content that stays\0') });
      repo.git('checkout', '-q', '-b', 'feature');
      edit(repo);
      return command === 'diff' ? repo.git('diff', '--binary', 'main', 'feature') : repo.git('format-patch', '--binary', '--stdout', 'main..feature');
    } finally {
      repo.remove();
    }
  }

  it('a token in a new binary file (a NUL byte, or UTF-16) is found on its line', () => {
    const diff = binaryDiff((repo) => {
      repo.commit('add', {
        'config/app.cfg': Buffer.from(`a=1\n\0\ntoken=${TOKEN}\n`),
        'tools/setup.ps1': Buffer.from(`\ufeff# setup\r\n$t = "${TOKEN}"\r\n`, 'utf16le'),
      });
    });
    expect(diff).toContain('GIT binary patch');
    const r = checkDiff(diff);
    expectSecretFound(r);
    expect(r.paths.filter((p) => p !== '')).toEqual(['config/app.cfg', 'tools/setup.ps1']);
  });

  it('a binary file one patch of a series added and the next removed is scanned as history', () => {
    const mbox = binaryDiff((repo) => {
      repo.commit('add', { 'config/app.cfg': Buffer.from(`a=1\n\0\ntoken=${TOKEN}\n`) });
      repo.git('rm', '-q', 'config/app.cfg');
      repo.commit('remove');
    }, 'format-patch');
    const r = checkDiff(mbox);
    expectSecretFound(r);
    expect(JSON.parse(r.stdout).findings.find((f: { path?: string }) => f.path === 'config/app.cfg').message).toMatch(/as added by commit [0-9a-f]{7}/);
  });

  it('a binary delta (content the diff file does not hold) is an error where secrets live, a notice elsewhere', () => {
    const body = Buffer.concat([Buffer.from('\0'), Buffer.from(Array.from({ length: 8192 }, (_, i) => 65 + (i % 26)))]);
    const repo = Repo.init('main');
    let diff: string;
    try {
      repo.commit('base', { '.env.local': body, 'assets/big.bin': body });
      repo.commit('tweak', { '.env.local': Buffer.concat([body, Buffer.from('B=2\n')]), 'assets/big.bin': Buffer.concat([body, Buffer.from('tail')]) });
      diff = repo.git('diff', '--binary', 'HEAD~1', 'HEAD');
    } finally {
      repo.remove();
    }
    expect(diff.split('\n').filter((l) => /^(literal|delta) /.test(l)).map((l) => l.split(' ')[0])).toEqual(['delta', 'delta', 'delta', 'delta']);
    const r = checkDiff(diff);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; path?: string; severity: string; message: string }[] }).findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(findings.map((f) => [f.path, f.severity])).toEqual([['.env.local', 'error'], ['assets/big.bin', 'notice']]);
    expect(findings[0]!.message).toContain('a binary delta against the old content');
    expect(r.code).toBe(1);
  });
});
