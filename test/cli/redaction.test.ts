// The redaction boundary outside a report: an error message that quotes a pasted token (a policy
// value, a bad flag) never prints it.
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';
import { rng as secretRng } from '../helpers/rng.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

// A checksum-valid GitHub token, as a real leaked one is.
const TOKEN = sample('github-classic-pat', rng(11)).secret;

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, stdin: process.stdin });
  return { code, stdout, stderr };
}

describe('the masking stage at scale', () => {
  test('does not hang on a diff of 12,000 key lines: every secret is masked, in seconds rather than minutes', () => {
    // Trying every secret on every string of the report was quadratic: 4,000 secret findings took
    // 19 s to mask and 26,000 over ten minutes (a pull request of key lines held the check).
    const random = secretRng(21);
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const keys = Array.from({ length: 12_000 }, () => `AKIA${Array.from({ length: 16 }, () => ALPHABET[Math.floor(random() * 32)]).join('')}`);
    const diff = ['diff --git a/k.txt b/k.txt', 'new file mode 100644', '--- /dev/null', '+++ b/k.txt', `@@ -0,0 +1,${keys.length} @@`, ...keys.map((k, i) => `+key${i} = "${k}"`), ''].join('\n');
    const dir = tempDir();
    const r = runCli(['check', '--diff', '-', '-f', 'json'], { cwd: dir, input: diff, killAfterMs: 60_000 });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'secret-leakage').length).toBeGreaterThan(10_000);
    // Each finding shows the key's first four characters, and no more of it anywhere.
    expect(r.stdout).toContain('`AKIA…`');
    expect(r.stdout).not.toMatch(/AKIA[A-Z2-7]|[A-Z][A-Z2-7]{7}/);
  });
});

describe('error messages pass through the masking stage', () => {
  test('a token pasted as a policy value is not echoed by the policy error', async () => {
    const repo = Repo.init('main');
    repo.commit('one', { 'a.txt': 'a\n' });
    repo.write('p.yml', `version: 1\nextends: recommended\nrules:\n  pr-size: ${TOKEN}\n`);
    const r = await run(['check', '--base', 'HEAD', '--head', 'HEAD', '--policy', 'p.yml'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('p.yml:4');
    expect(r.stderr + r.stdout).not.toContain(TOKEN);
    expect(r.stderr + r.stdout).not.toContain(TOKEN.slice(8));
    repo.remove();
  });

  test('a token that an error message clipped (a long file name cut at 80 characters) shows no more than its prefix', async () => {
    const dir = Repo.init('main');
    const path = `src/${'a'.repeat(48)}/${TOKEN}.txt`;
    dir.write('cut.diff', `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,3 @@\n+x\n`);
    const r = await run(['check', '--diff', 'cut.diff'], dir.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('corrupt patch');
    expect(r.stderr).toContain('ghp_…[redacted]');
    for (let i = 4; i + 8 <= TOKEN.length; i++) expect(r.stderr).not.toContain(TOKEN.slice(i, i + 8));
    dir.remove();
  });

  test('a token given as an unknown command is not echoed', async () => {
    const r = await run([TOKEN], process.cwd());
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(TOKEN);
  });
});

describe('what the policy commands print back is masked', () => {
  test('policy print (text and JSON) shows a token pasted into a glob masked', async () => {
    const repo = Repo.init('main');
    repo.write('.github/prguard.yml', `version: 1\nextends: recommended\nrules:\n  secret-leakage:\n    exclude: ['fixtures/${TOKEN}/**']\n`);
    for (const format of ['text', 'json']) {
      const r = await run(['policy', 'print', '--format', format], repo.dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('fixtures/');
      expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(8));
    }
    repo.remove();
  });

  test('policy test shows a token in a fixture name masked', async () => {
    const repo = Repo.init('main');
    repo.write('.github/prguard.yml', 'version: 1\nextends: recommended\n');
    const diff = ['diff --git a/a.md b/a.md', 'new file mode 100644', '--- /dev/null', '+++ b/a.md', '@@ -0,0 +1 @@', '+a', ''];
    repo.write('.github/prguard-tests/t.yml', `name: leaks ${TOKEN}\ndiff: |\n${diff.map((l) => `  ${l}`).join('\n')}\nexpect:\n  pass: true\n`);
    const r = await run(['policy', 'test'], repo.dir);
    expect(r.stdout).toContain('t.yml');
    expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(8));
    repo.remove();
  });
});

describe('a mistyped command', () => {
  test('gets a did-you-mean', async () => {
    const r = await run(['chekc'], process.cwd());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "chekc". Did you mean "check"?');
  });
});
