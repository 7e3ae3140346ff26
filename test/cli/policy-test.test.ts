// `prguard policy test`: fixtures of changes and what the policy must say about them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Repo, ROOT } from '../helpers/repo.ts';
import { runMain } from './in-process.ts';

const DIFF = ['diff --git a/src/big.ts b/src/big.ts', 'new file mode 100644', '--- /dev/null', '+++ b/src/big.ts', '@@ -0,0 +1,3 @@', '+a', '+b', '+c', ''].join('\n');

function initialised(): Repo {
  const repo = Repo.init('main');
  return repo;
}

describe('prguard policy test', () => {
  it('passes on the example init writes', async () => {
    const repo = initialised();
    expect((await runMain(['init'], { cwd: repo.dir })).code).toBe(0);
    const r = await runMain(['policy', 'test'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('policy test: .github/prguard.yml against 1 fixture in .github/prguard-tests');
    expect(r.stdout).toContain('  ✔ policy-edit-needs-label.yml');
    expect(r.code).toBe(0);
    repo.remove();
  });

  it('the README\'s second fixture fails under the defaults as the README says, and passes under the tuned policy', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const fixture = /```yaml\n(name: a 400-line change without tests is blocked\n[^`]*)```/.exec(readme)![1]!;
    const repo = initialised();
    expect((await runMain(['init'], { cwd: repo.dir })).code).toBe(0);
    const added = Array.from({ length: 400 }, (_, i) => `+export const v${i} = ${i};`);
    repo.write('.github/prguard-tests/big-change.diff', ['diff --git a/src/retry.ts b/src/retry.ts', 'new file mode 100644', '--- /dev/null', '+++ b/src/retry.ts', '@@ -0,0 +1,400 @@', ...added, ''].join('\n'));
    repo.write('.github/prguard-tests/big-change-blocked.yml', fixture);
    const defaults = await runMain(['policy', 'test'], { cwd: repo.dir });
    expect(defaults.code).toBe(1);
    expect(defaults.stdout).toContain('      missing  pr-size error\n      missing  tests-touched error\n      unexpected tests-touched warning\n  ✔');
    repo.write('.github/prguard.yml', 'version: 1\nextends: recommended\nrules:\n  pr-size: { severity: error, max-lines: 300 }\n  tests-touched: error\n');
    const tuned = await runMain(['policy', 'test'], { cwd: repo.dir });
    expect(tuned.stdout).toContain('2 passed, 0 failed');
    expect(tuned.code).toBe(0);
    repo.remove();
  });

  it('exits 1 naming what is missing and what is unexpected, and reads diff-file beside the fixture', async () => {
    const repo = initialised();
    repo.write('.github/prguard.yml', 'version: 1\nextends: recommended\nrules:\n  pr-size:\n    severity: error\n    max-lines: 2\n');
    repo.write('.github/prguard-tests/big.diff', DIFF);
    repo.write('.github/prguard-tests/a-big.yml', 'name: a big change is blocked\ndiff-file: big.diff\nexpect:\n  findings:\n    - { rule: pr-size, severity: error }\n    - { rule: tests-touched, severity: warning }\n');
    repo.write('.github/prguard-tests/b-wrong.yml', `name: wrongly expected to pass\ndiff: |\n${DIFF.split('\n').map((l) => `  ${l}`).join('\n')}\nexpect:\n  pass: true\n`);
    repo.write('.github/prguard-tests/c-missing.yml', 'name: expects a finding that is not there\ndiff-file: big.diff\npr:\n  labels: [x]\nexpect:\n  findings:\n    - { rule: secret-leakage, severity: error, path: src/big.ts, line: 2 }\n');
    const r = await runMain(['policy', 'test'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('a-big.yml'))).toMatch(/^ {2}✔ /);
    expect(lines.find((l) => l.includes('b-wrong.yml'))).toMatch(/^ {2}✖ /);
    expect(r.stdout).toContain('      expected a pass, got pr-size error');
    expect(r.stdout).toContain('      missing  secret-leakage error src/big.ts:2');
    expect(r.stdout).toContain('      unexpected pr-size error');
    expect(r.stdout).toContain('1 passed, 2 failed');
    repo.remove();
  });

  it('fails closed on a broken fixture, with did-you-mean, and on an empty directory', async () => {
    const repo = initialised();
    mkdirSync(join(repo.dir, 'tests'));
    const empty = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no policy tests (*.yml) in tests');
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), `diff: |\n  ${DIFF.split('\n').join('\n  ')}\nexpcet:\n  pass: true\n`);
    const bad = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('tests/x.yml:11:1: unknown key "expcet" — did you mean "expect"?');
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), `diff: |\n  ${DIFF.split('\n').join('\n  ')}\nexpect:\n  findings:\n    - { rule: pr-sise, severity: eror }\n`);
    const rule = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(rule.stderr).toMatch(/tests\/x\.yml:13:9: unknown rule "pr-sise" in expect.findings\[0\] — did you mean "pr-size"\?/);
    repo.remove();
  });

  it('a broken fixture reads like a broken policy: an alias bomb located, duplicate keys named, syntax errors capped', async () => {
    const repo = initialised();
    mkdirSync(join(repo.dir, 'tests'));
    const levels = Array.from({ length: 6 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array.from({ length: 10 }, () => `*a${i}`).join(', ')}]`);
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), ['diff: ""', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...levels, 'expect: { pass: true }', ''].join('\n'));
    const bomb = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/tests\/x\.yml:\d+:\d+: YAML aliases expand this value to more than 10000 nodes/);
    expect(bomb.stderr).not.toContain('internal error');
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), 'diff: ""\nexpect: { pass: true }\nexpect: { pass: false }\n');
    const dup = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('tests/x.yml:3:1: duplicate key "expect": it is already set at line 2');
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), Array.from({ length: 500 }, (_, i) => `k${i}: [a, b: c: d, {x`).join('\n'));
    const syntax = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(syntax.code).toBe(2);
    expect(syntax.stderr.trim().split('\n')).toHaveLength(6);
    expect(syntax.stderr).toMatch(/and \d+ more YAML syntax errors from here on/);
    repo.remove();
  });

  it('reads fixtures and their diff-file with a bound, and says in words what it could not read', async () => {
    const repo = initialised();
    mkdirSync(join(repo.dir, 'tests', 'dir.yml'), { recursive: true });
    const dir = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('cannot read the policy test tests/dir.yml: it is a directory, not a file');
    expect(dir.stderr).not.toContain('internal error');
    rmSync(join(repo.dir, 'tests', 'dir.yml'), { recursive: true });
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), 'diff-file: missing.diff\nexpect: { pass: true }\n');
    const missing = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('tests/x.yml:1:1: cannot read diff-file missing.diff: the file does not exist');
    // A device that never ends: refused past the 64 MiB every named file is read to, not read forever.
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), 'diff-file: /dev/zero\nexpect: { pass: true }\n');
    const endless = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(endless.code).toBe(2);
    expect(endless.stderr).toContain('cannot read diff-file /dev/zero: it is larger than 64 MiB');
    repo.remove();
  });

  it('a PR title or description that is not text, or a line below 1, is a broken fixture, not one that passes', async () => {
    const repo = initialised();
    mkdirSync(join(repo.dir, 'tests'));
    const diff = `diff: |\n  ${DIFF.split('\n').join('\n  ')}\n`;
    // body as a list was read as "no description", so the fixture checked something else than written.
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), `${diff}pr:\n  title: 3\n  body: [x]\nexpect:\n  findings:\n    - { rule: pr-size, severity: warning, line: 0 }\n`);
    const r = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tests/x.yml:12:3: `pr.title` must be text');
    expect(r.stderr).toContain('tests/x.yml:13:3: `pr.body` must be text');
    expect(r.stderr).toContain('line must be a line number, 1 or more in expect.findings[0]');
    repo.remove();
  });

  it('shows a fixture\'s name and the paths it names with control characters escaped', async () => {
    const repo = initialised();
    mkdirSync(join(repo.dir, 'tests'));
    writeFileSync(join(repo.dir, 'tests', 'x.yml'), `name: "evil\\e[2J\\rall passed"\ndiff: |\n  ${DIFF.split('\n').join('\n  ')}\nexpect:\n  findings:\n    - { rule: secret-leakage, severity: error, path: "src/\\e]0;x\\a.ts" }\n`);
    const r = await runMain(['policy', 'test', '--dir', 'tests'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u001b\r\u0007]/);
    expect(r.stdout).toContain('evil\\e[2J\\rall passed');
    expect(r.stdout).toContain('missing  secret-leakage error src/\\e]0;x\\x07.ts');
    repo.remove();
  });

  it('uses the directory the policy names', async () => {
    const repo = initialised();
    repo.write('.github/prguard.yml', 'version: 1\nextends: recommended\ntests: policy-tests\n');
    repo.write('policy-tests/ok.yml', `diff: |\n  ${DIFF.split('\n').join('\n  ')}\nai: no\nexpect:\n  pass: true\n`);
    const r = await runMain(['policy', 'test'], { cwd: repo.dir });
    expect(r.stdout).toContain('in policy-tests');
    expect(r.code).toBe(0);
    repo.remove();
  });
});
