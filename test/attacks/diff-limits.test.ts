// `--diff` and policy attacks on resources: lines without end, inputs too big, globs and YAML
// aliases that explode. Each ends in a bounded time and memory, with a documented exit code.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, GIT_ENV, NEW_FILE_DIFF, runCli, tempDir } from '../helpers/repo.ts';
import { checkDiff, fakeToken, parseResult } from './diff-helpers.ts';

const MIB = 1024 * 1024;

/** The built CLI with a small V8 heap: buffering input without bound would abort it. */
function smallHeap(args: string[], input: Buffer | string, cwd = tempDir('prguard-attack-')) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=96', CLI, ...args], {
    cwd, input, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', maxBuffer: 64 * MIB, timeout: 120_000,
  });
  return { code: r.status ?? -1, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('lines without end', () => {
  it('a newline-free stream on --diff - is not buffered without bound (96 MiB heap, 160 MiB line)', () => {
    const r = smallHeap(['check', '--diff', '-'], Buffer.alloc(160 * MIB, 'a'));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not look like a unified diff/);
  });

  it('a 20 MiB added line is cut to its first 8 MiB with a note, and a token at its start is still found', () => {
    const token = fakeToken(11);
    const line = `+const t = "${token}"; ${'x'.repeat(20 * MIB)}`;
    const diff = ['diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1 +1,2 @@', ' a', line, ''].join('\n');
    const r = parseResult(smallHeap(['check', '--diff', '-', '--format', 'json'], diff));
    expect(r.code).toBe(1);
    expect(r.notes).toContain('line 6 of the diff (in "src/a.ts") is longer than 8388608 bytes: only its first 8388608 bytes were read');
    expect(r.rules).toContain('secret-leakage');
    expect(r.stdout).not.toContain(token);
  });

  it('a token padded past the 8 MiB a line is read to fails the check: the unread rest is not a pass', () => {
    const token = fakeToken(12);
    const line = `+const pad = "${'x'.repeat(9 * MIB)}"; const t = "${token}";`;
    const diff = ['diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1 +1,2 @@', ' a', line, ''].join('\n');
    const r = parseResult(smallHeap(['check', '--diff', '-', '--format', 'json'], diff));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(token);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; path?: string; line?: number; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'secret-leakage').map((f) => [f.severity, f.path, f.line, f.message.slice(0, 40)])).toEqual([
      ['error', 'src/a.ts', 2, 'src/a.ts:2 was read only in part: it hol'],
    ]);
  });

  it('a token padded past 8 MiB in a line of a format-patch commit message fails the check too', () => {
    const token = fakeToken(13);
    const mbox = [
      `From ${'1'.repeat(40)} Mon Sep 17 00:00:00 2001`, 'From: Ada <ada@example.com>', 'Subject: [PATCH] change', '',
      `note ${'x'.repeat(9 * MIB)} ${token}`, '---', 'diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1 +1,2 @@', ' a', '+b', '',
    ].join('\n');
    const r = parseResult(smallHeap(['check', '--diff', '-', '--format', 'json'], mbox));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(token);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; path?: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'secret-leakage').map((f) => [f.severity, f.path, f.message.slice(0, 55)])).toEqual([
      ['error', undefined, 'the message of commit 1111111 was read only in part: it'],
    ]);
  });
});

describe('inputs over the stated size', () => {
  const big = `${NEW_FILE_DIFF}${'+x\n'.repeat(0)}`.replace('+three', `+three\n${'+line\n'.repeat(400)}`).replace('+1,3', '+1,403');

  it('over --max-diff-bytes is exit 2 with a message naming the option', () => {
    const r = checkDiff(big, ['--max-diff-bytes', '1K']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is larger than 1024 bytes, the most prguard reads: nothing was checked.*--max-diff-bytes/);
    expect(checkDiff(big, ['--max-diff-bytes', '1M']).code).toBe(0);
  });

  it('PRGUARD_MAX_DIFF_BYTES sets the same limit; a bad value is exit 2', () => {
    expect(checkDiff(big, [], { PRGUARD_MAX_DIFF_BYTES: '1024' }).code).toBe(2);
    const bad = checkDiff(big, ['--max-diff-bytes', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-diff-bytes takes a positive number of bytes/);
  });

  it('more added and deleted lines than --max-diff-lines is exit 2 naming the option', () => {
    const r = checkDiff(big, ['--max-diff-lines', '100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than 100 added and deleted lines.*--max-diff-lines/);
  });
});

describe('policy globs and YAML that explode', () => {
  function withPolicy(policy: string, diff: string): ReturnType<typeof parseResult> & { signal: NodeJS.Signals | null } {
    const dir = tempDir('prguard-attack-');
    writeFileSync(join(dir, 'policy.yml'), policy);
    writeFileSync(join(dir, 'change.diff'), diff);
    const r = spawnSync(process.execPath, [CLI, 'check', '--diff', 'change.diff', '--policy', 'policy.yml', '--format', 'json'], {
      cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', timeout: 60_000,
    });
    return { ...parseResult({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }), signal: r.signal };
  }

  it('a backtracking glob (**/*a*a*a*a*a*a*a*a*b) in core, exclusions and test patterns ends at once on a long path', () => {
    const name = `b/${'a'.repeat(4000)}`; // "b/" passes the prefilter: the matcher runs
    const diff = NEW_FILE_DIFF.replaceAll('src/x.ts', name);
    const glob = '"**/*a*a*a*a*a*a*a*a*b"';
    const policy = [
      'version: 1', 'extends: recommended', `core:\n  bomb: [${glob}]`, 'rules:',
      `  pr-size:\n    exclude: [${glob}]`, `  tests-touched:\n    tests: [${glob}]\n    source: [${glob}]`,
      `  secret-leakage:\n    exclude: [${glob}]`, `  protected-paths:\n    paths:\n      - pattern: ${glob}`, '',
    ].join('\n');
    const r = withPolicy(policy, diff);
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });

  it('a YAML alias bomb in the policy is a file:line:col policy error (exit 2)', () => {
    const rows = ['version: 1', 'x0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) rows.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const r = withPolicy(`${rows.join('\n')}\n`, NEW_FILE_DIFF);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy\.yml:\d+:\d+: YAML aliases expand this value to more than 10000 nodes/);
    expect(r.stderr).not.toMatch(/internal error/i);
  });

  it('an alias that names no anchor is a file:line:col policy error (exit 2)', () => {
    const r = withPolicy('version: 1\ncore: *nowhere\n', NEW_FILE_DIFF);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy\.yml:2:7: YAML alias \*nowhere names no anchor/);
  });

  it('an alias cycle is a file:line:col policy error (exit 2)', () => {
    const r = withPolicy('version: 1\ncore: &c\n  loop: [*c]\n', NEW_FILE_DIFF);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy\.yml:3:10: YAML alias \*c refers to a node that contains it/);
  });
});

describe('globs that cannot run in linear time', () => {
  it('a negated extglob in core: is a file:line:col policy error (exit 2)', () => {
    const dir = tempDir('prguard-attack-');
    writeFileSync(join(dir, 'policy.yml'), 'version: 1\ncore:\n  auth: ["src/auth/**", "src/!(public)/**"]\n');
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = spawnSync(process.execPath, [CLI, 'check', '--diff', 'change.diff', '--policy', 'policy.yml'], {
      cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/policy\.yml:3:25: core\.auth: the glob segment "!\(public\)" cannot be matched in linear time/);
  });
});

describe('limits are flags of --diff only', () => {
  it('--max-diff-bytes without --diff is a usage error, not silently ignored', () => {
    const r = runCli(['check', '--max-diff-bytes', '1K'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-diff-bytes limits what --diff reads');
  });
});
