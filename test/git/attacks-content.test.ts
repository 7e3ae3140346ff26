// Content, not labels: files git calls binary still have their new content read for the
// scanners (FileChange.contentScan), and added and deleted text is there for every file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SCAN_LIMIT, loadGitChangeSet } from '../../src/git/index.ts';
import { PrintableRuns, printableRuns } from '../../src/diff/strings.ts';
import type { FileChange } from '../../src/model.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

const repos: Repo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

function repoWithBase(files: Record<string, string | Buffer> = {}): { repo: Repo; base: string } {
  const repo = Repo.init('main');
  repos.push(repo);
  return { repo, base: repo.commit('base', { 'README.md': '# x\n', ...files }) };
}

const byPath = (files: FileChange[], path: string): FileChange => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} not in ${files.map((x) => x.path).join(', ')}`);
  return f;
};

describe('content scan of binary files', () => {
  it('a NUL byte in .env.production cannot hide a token from the scanners', async () => {
    const { repo, base } = repoWithBase();
    const token = sample('github-classic-pat', rng(3));
    const head = repo.commit('env', { '.env.production': Buffer.from(`A=1\n\0\nGITHUB_TOKEN=${token.text}\n`) });
    const change = await loadGitChangeSet({ cwd: repo.dir, base, head });
    const env = byPath(change.files, '.env.production');
    expect(env.binary).toBe(true);
    expect(env.contentScan).toEqual({ lines: [{ line: 3, content: `GITHUB_TOKEN=${token.text}` }] });
  });

  it('a modified binary file is scanned whole at the head, a deleted one not at all', async () => {
    const { repo, base } = repoWithBase({ 'a.bin': Buffer.from('\0old-content-here\0'), 'gone.bin': Buffer.from('\0deleted stuff\0') });
    repo.git('rm', '-q', 'gone.bin');
    const head = repo.commit('edit', { 'a.bin': Buffer.from('\0new-content-here\0\x01\x02short\0') });
    const { files } = await loadGitChangeSet({ cwd: repo.dir, base, head });
    expect(byPath(files, 'a.bin').contentScan).toEqual({ lines: [{ line: 1, content: 'new-content-here' }] });
    expect(byPath(files, 'gone.bin').contentScan).toBeUndefined();
  });

  it('a UTF-16 file (which git calls binary for its zero bytes) cannot hide a token: it is read as text, on its lines', async () => {
    const { repo, base } = repoWithBase();
    const token = sample('github-classic-pat', rng(8));
    const text = `# settings\r\nkey = value\r\nGITHUB_TOKEN=${token.text}\r\n`;
    const be = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    const head = repo.commit('utf-16', { 'config/settings.ini': Buffer.from(`\ufeff${text}`, 'utf16le'), 'tools/setup.ps1': be });
    const change = await loadGitChangeSet({ cwd: repo.dir, base, head });
    for (const path of ['config/settings.ini', 'tools/setup.ps1']) {
      expect(byPath(change.files, path).binary, path).toBe(true);
      expect(byPath(change.files, path).contentScan, path).toEqual({
        lines: [{ line: 1, content: '# settings' }, { line: 2, content: 'key = value' }, { line: 3, content: `GITHUB_TOKEN=${token.text}` }],
      });
    }
    const r = runCli(['check', '--base', base, '--head', head, '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(token.text);
    const found = (JSON.parse(r.stdout) as { findings: { ruleId: string; path?: string; line?: number }[] }).findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(found.map((f) => [f.path, f.line])).toEqual([['config/settings.ini', 3], ['tools/setup.ps1', 3]]);
  });

  it('a binary file with a newline in its name is still read', async () => {
    const { repo, base } = repoWithBase();
    const head = repo.commit('odd', { 'odd\nname.bin': Buffer.from('\0password=hunter2hunter2\0') });
    const { files } = await loadGitChangeSet({ cwd: repo.dir, base, head });
    expect(byPath(files, 'odd\nname.bin').contentScan).toEqual({ lines: [{ line: 1, content: 'password=hunter2hunter2' }] });
  });

  it('a binary file over the size limit says it was skipped, and why', async () => {
    const { repo, base } = repoWithBase();
    const big = Buffer.alloc(CONTENT_SCAN_LIMIT + 1, 0x41);
    big[0] = 0;
    const head = repo.commit('big', { 'big.bin': big, 'small.bin': Buffer.from('\0small but scanned\0') });
    const { files } = await loadGitChangeSet({ cwd: repo.dir, base, head });
    expect(byPath(files, 'big.bin').contentScan).toEqual({ skipped: expect.stringMatching(/larger \(8\.0 MiB\) than the 8\.0 MiB content-scan limit/) });
    expect(byPath(files, 'small.bin').contentScan).toEqual({ lines: [{ line: 1, content: 'small but scanned' }] });
  });

  it('text files are diffed as text and get no content scan', async () => {
    const { repo, base } = repoWithBase();
    const head = repo.commit('text', { 'src/a.ts': 'export const a = 1;\n' });
    const { files } = await loadGitChangeSet({ cwd: repo.dir, base, head });
    expect(byPath(files, 'src/a.ts')).toMatchObject({ binary: false, additions: 1 });
    expect(byPath(files, 'src/a.ts').contentScan).toBeUndefined();
  });
});

describe('printable runs', () => {
  it('finds runs of at least 8 printable characters with the line they start on', () => {
    expect(printableRuns(Buffer.from('short\0longer-than-8\nx\n\x01\x02tab\there ok\0'))).toEqual([
      { line: 1, content: 'longer-than-8' },
      { line: 3, content: 'tab\there ok' },
    ]);
  });

  it('finds UTF-16 runs, little- and big-endian, at any alignment, and not in zero-padded noise', () => {
    const le = Buffer.from('password=hunter2hunter2', 'utf16le');
    const be = Buffer.from('api-key: q8Zr3kLmN7vX', 'utf16le').swap16();
    const bytes = Buffer.concat([Buffer.from([1, 0xff]), le, Buffer.from([0x0a, 0, 7]), be, Buffer.from('\x01\0a\0b\0c\0\x01'), Buffer.from('short', 'utf16le')]);
    expect(printableRuns(bytes)).toEqual([
      { line: 1, content: 'password=hunter2hunter2' },
      { line: 2, content: 'api-key: q8Zr3kLmN7vX' },
    ]);
  });

  it('joins a run cut across chunks', () => {
    const runs = new PrintableRuns();
    runs.push(Buffer.from('\0abcd'));
    runs.push(Buffer.from('efgh\0'));
    expect(runs.end()).toEqual([{ line: 1, content: 'abcdefgh' }]);
  });

  it('gives the same runs however the content is cut into chunks', () => {
    const random = rng(11);
    // Mostly printable, so that runs of every length occur, some across the cuts.
    // Mostly printable, so that runs of every length occur, some across the cuts; and stretches of
    // UTF-16 (every other byte zero), so that its runs do too.
    const plain = () => (random() < 0.85 ? 32 + Math.floor(random() * 95) : [0, 10, 1, 200][Math.floor(random() * 4)]!);
    const bytes = Buffer.from(Array.from({ length: 4000 }, (_, i) => (Math.floor(i / 60) % 3 === 2 ? (i % 2 ? 0 : plain()) : plain())));
    const whole = printableRuns(bytes);
    expect(whole.length).toBeGreaterThan(50);
    expect(whole.some((r) => !bytes.includes(Buffer.from(r.content, 'latin1')))).toBe(true); // UTF-16 ones among them
    for (let round = 0; round < 20; round++) {
      const runs = new PrintableRuns();
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 12);
        runs.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(runs.end()).toEqual(whole);
    }
  });
});

describe('added and deleted text', () => {
  it('is there for every file, however it is named, after the per-file phases have read it', async () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `expect(x${i}).toBe(${i});`).join('\n') + '\n';
    const { repo, base } = repoWithBase({ 'src/app.ts': body(5), 'qa/checks.py': body(5) });
    const head = repo.commit('drop', { 'src/app.ts': body(2), 'qa/checks.py': `${body(2)}extra()\r\n` });
    const seen: string[] = [];
    const { files } = await loadGitChangeSet({
      cwd: repo.dir,
      base,
      head,
      onFile: (f) => void seen.push(...f.hunks.flatMap((h) => h.added.map((l) => `${f.path}:${l.line}:${l.content}`))),
    });
    expect(seen).toEqual(['qa/checks.py:3:extra()']);
    for (const path of ['src/app.ts', 'qa/checks.py']) {
      const file = byPath(files, path);
      expect(file.deletions).toBe(3);
      expect(file.hunks.flatMap((h) => h.deleted)).toEqual([
        { line: 3, content: 'expect(x2).toBe(2);' },
        { line: 4, content: 'expect(x3).toBe(3);' },
        { line: 5, content: 'expect(x4).toBe(4);' },
      ]);
    }
    // Made again from the hunk's text after the release, numbered as before, CR dropped.
    expect(byPath(files, 'qa/checks.py').hunks.flatMap((h) => h.added)).toEqual([{ line: 3, content: 'extra()' }]);
  });

  it('a weakened test the policy names by a custom glob fails locally as on the pull request', () => {
    const { repo, base } = repoWithBase({
      '.github/prguard.yml': "version: 1\nrules:\n  tests-touched:\n    severity: error\n    tests: ['qa/**']\n",
      'qa/check_f.py': 'def test_a():\n    assert f(1) == 1\n    assert f(2) == 2\n    assert f(3) == 3\n',
      'src/f.py': 'x = 1\n',
    });
    const head = repo.commit('weaken', { 'qa/check_f.py': 'def test_a():\n    pass\n', 'src/f.py': 'x = 2\n' });
    const local = runCli(['check', '--base', base, '--head', head, '--format', 'json'], { cwd: repo.dir });
    const diff = join(repo.dir, 'change.diff'); // untracked: not part of the range
    writeFileSync(diff, repo.git('diff', base, head));
    const fromDiff = runCli(['check', '--diff', diff, '--policy', '.github/prguard.yml', '--format', 'json'], { cwd: repo.dir });
    const removed = (out: string) =>
      (JSON.parse(out) as { findings: { path?: string; message: string }[] }).findings.filter((f) => f.path === 'qa/check_f.py');
    expect(removed(local.stdout)).toHaveLength(1);
    expect(removed(local.stdout)[0]!.message).toContain('removes 3 assertions');
    expect(removed(fromDiff.stdout)).toEqual(removed(local.stdout));
    expect(local.code).toBe(1);
  });
});

describe('a line past the length limit', () => {
  it('is read in part with a note naming its file, never silently (what a token padded past 8 MiB hides, the report says it did not read)', async () => {
    const { repo, base } = repoWithBase();
    const token = sample('github-classic-pat', rng(5));
    const head = repo.commit('minified', { 'dist/app.min.js': `${'x'.repeat(9 * 1024 * 1024)};t="${token.text}"\n` });
    const change = await loadGitChangeSet({ cwd: repo.dir, base, head });
    expect(change.notes).toContain('line 7 of the diff (in "dist/app.min.js") is longer than 8388608 bytes: only its first 8388608 bytes were read');
    expect(change.files.find((f) => f.path === 'dist/app.min.js')!.hunks[0]!.cut).toEqual([1]);
  });

  it('fails the check when an added line holds more than was read: the unread rest of a padded line is no pass', () => {
    const { repo, base } = repoWithBase();
    const token = sample('github-classic-pat', rng(6));
    const head = repo.commit('minified', { 'dist/app.min.js': `${'x'.repeat(9 * 1024 * 1024)};t="${token.text}"\n`, 'src/ok.js': 'export const a = 1;\n' });
    const r = runCli(['check', '--base', base, '--head', head, '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(token.text);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; path?: string; line?: number; message: string }[] }).findings;
    const partial = findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ severity: 'error', path: 'dist/app.min.js', line: 1 });
    expect(partial[0]!.message).toContain('dist/app.min.js:1 was read only in part');
    // A path the policy excludes from the scan is not failed for it.
    repo.write('.github/prguard.yml', 'version: 1\nrules:\n  secret-leakage:\n    exclude: ["dist/**"]\n');
    const excluded = runCli(['check', '--base', base, '--head', head, '--policy', '.github/prguard.yml', '--format', 'json'], { cwd: repo.dir });
    const left = (JSON.parse(excluded.stdout) as { findings: { ruleId: string }[] }).findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(left).toEqual([]);
  });

  it('in a commit of the range that a later one removes, is noted too (the history scan reads it in part)', () => {
    const { repo, base } = repoWithBase();
    repo.commit('minified', { 'dist/app.min.js': `${'x'.repeat(9 * 1024 * 1024)};\n` });
    repo.git('rm', '-q', 'dist/app.min.js');
    const head = repo.commit('removed again');
    const r = runCli(['check', '--base', base, '--head', head, '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { notes: string[]; findings: { ruleId: string; path?: string; message: string }[] };
    expect(out.notes).toContain(
      "1 added line in the range's commits (git log -p) is longer than 8388608 bytes: only the first part was scanned for secrets a commit added and a later one removed",
    );
    // What that commit added past the limit stays on the server unread: the check fails for it.
    const partial = out.findings.filter((f) => f.ruleId === 'secret-leakage');
    expect(partial.map((f) => f.path)).toEqual(['dist/app.min.js']);
    expect(partial[0]!.message).toMatch(/^dist\/app\.min\.js:1 as added by commit [0-9a-f]{7} was read only in part/);
    expect(r.code).toBe(1);
  });
});
