import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_FILE_DIFF, Repo, runCli, tempDir } from '../helpers/repo.ts';

const STRICT_POLICY = 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 1\n';

describe('prguard check on a real git repository', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = Repo.init('trunk');
    repo.commit('initial', { 'README.md': '# demo\n' });
    repo.addOrigin('trunk');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('add code', { 'src/a.ts': 'export const a = 1;\nexport const b = 2;\n' });
  });
  afterAll(() => repo.remove());

  it('uses the embedded default policy and the merge-base with origin/HEAD, and says so', () => {
    const r = runCli(['check'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('policy: embedded default');
    expect(r.stdout).toContain('the embedded default policy applies');
    expect(r.stdout).toContain('1 file changed (+2 −0)');
    expect(r.code).toBe(0);
  });

  it('an empty range passes and says so: the head is already in the base', () => {
    const r = runCli(['check', '--base', 'feature'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 files changed');
    expect(r.stdout).toMatch(/note: nothing to check: the head [0-9a-f]{12} is already in the base, so the range has no commit and no change/);
    // A range with commits says nothing of the kind.
    expect(runCli(['check'], { cwd: repo.dir }).stdout).not.toContain('nothing to check');
  });

  it('a merge that brings nothing passes and says that no file was checked, in text and JSON', () => {
    repo.git('checkout', '-q', '-b', 'side', 'trunk');
    repo.commit('side work', { 'src/side.ts': 'export const side = 1;\n' });
    // `-s ours` records the merge and keeps trunk's tree: the range's commits add up to no change.
    repo.git('checkout', '-q', '-b', 'empty-merge', 'trunk');
    repo.git('merge', '-q', '--no-ff', '-s', 'ours', '-m', 'merge side, keeping trunk', 'side');
    repo.git('checkout', '-q', 'feature');
    const r = runCli(['check', '--base', 'trunk', '--head', 'empty-merge'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 files changed');
    expect(r.stdout).toContain('note: nothing to check: the range changes no file (its 2 commits add up to no change');
    expect(r.stdout).toContain('so this pass checked no file');
    const json = JSON.parse(runCli(['check', '--base', 'trunk', '--head', 'empty-merge', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.conclusion).toBe('success');
    expect(json.notes.filter((n: string) => n.startsWith('nothing to check: the range changes no file'))).toHaveLength(1);
    // A range that changes a file says nothing of the kind.
    expect(runCli(['check', '--base', 'trunk', '--head', 'side'], { cwd: repo.dir }).stdout).not.toContain('nothing to check');
  });

  it('exits 1 on an error finding and groups it under its rule', () => {
    repo.write('strict.yml', STRICT_POLICY);
    const r = runCli(['check', '--policy', 'strict.yml'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\npr-size\n {2}error/);
    expect(r.stdout).toContain('failing');
  });

  it('applies the ai: block with --ai yes', () => {
    repo.write('ai.yml', 'version: 1\nrules:\n  pr-size:\n    max-lines: 100\n    ai:\n      severity: error\n      max-lines: 1\n');
    expect(runCli(['check', '--policy', 'ai.yml', '--ai', 'no'], { cwd: repo.dir }).code).toBe(0);
    const r = runCli(['check', '--policy', 'ai.yml', '--ai', 'yes', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ai.assisted).toBe(true);
  });

  it('prints JSON with the documented shape', () => {
    const r = runCli(['check', '--format', 'json', '--policy', 'strict.yml'], { cwd: repo.dir });
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ version: 1, conclusion: 'failure', stats: { files: 1, additions: 2, deletions: 0 } });
    expect(report.findings[0]).toMatchObject({ ruleId: 'pr-size', severity: 'error' });
    expect(typeof report.findings[0].message).toBe('string');
  });

  it('discovers .github/prguard.yml before .prguard.yml, at the base commit', () => {
    const start = repo.git('rev-parse', 'HEAD').trim();
    const one = repo.commit('loose policy', { '.prguard.yml': 'version: 1\nrules:\n  pr-size: off\n' });
    const two = repo.commit('more code', { 'src/b.ts': 'export const c = 3;\n' });
    expect(runCli(['check', '--base', one, '--head', two], { cwd: repo.dir }).stdout).toContain('policy: .prguard.yml');
    const three = repo.commit('strict policy', { '.github/prguard.yml': STRICT_POLICY });
    const four = repo.commit('even more code', { 'src/c.ts': 'export const d = 4;\nexport const e = 5;\n' });
    const r = runCli(['check', '--base', three, '--head', four], { cwd: join(repo.dir, 'src') });
    expect(r.stdout).toContain('policy: .github/prguard.yml');
    expect(r.code).toBe(1);
    repo.git('reset', '-q', '--hard', start);
  });

  it('a policy file only in the work tree is not in force, and the note says how to try it', () => {
    repo.write('.github/prguard.yml', STRICT_POLICY);
    const r = runCli(['check'], { cwd: repo.dir });
    expect(r.stdout).toContain('policy: embedded default');
    expect(r.stdout).toContain('--policy .github/prguard.yml');
    expect(r.code).toBe(0);
    repo.git('clean', '-qfdx', '.github');
  });

  it('exits 2 with file:line:col on a bad policy and reports no verdict', () => {
    repo.write('bad.yml', 'version: 1\nrules:\n  pr-size:\n    max-line: 3\n');
    const r = runCli(['check', '--policy', 'bad.yml'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.yml:4:5: unknown option under rules.pr-size: "max-line" — did you mean "max-lines"?');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a bad policy at the base says it is the base\'s version, which a change that fixes the file is judged by', () => {
    const start = repo.git('rev-parse', 'HEAD').trim();
    const broken = repo.commit('broken policy', { '.github/prguard.yml': 'version: 1\nrules:\n  pr-sise: error\n' });
    repo.commit('fix the policy', { '.github/prguard.yml': 'version: 1\nextends: recommended\n' });
    const r = runCli(['check', '--base', broken], { cwd: repo.dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'prguard: .github/prguard.yml:3:3: unknown rule "pr-sise" — did you mean "pr-size"? (known rules: pr-size, tests-touched, protected-paths, ai-disclosure, core-changes, secret-leakage, review-quorum)\n' +
        `(.github/prguard.yml as the base commit ${broken.slice(0, 12)} has it: that version judges the change, whatever the change does to the file, ` +
        'so a pull request that repairs it is judged by the broken version too and must be merged past this check. prguard policy validate checks the file in the work tree.)\n',
    );
    expect(r.code).toBe(2);
    // The work tree's file, which the message points to, is valid.
    expect(runCli(['policy', 'validate'], { cwd: repo.dir }).code).toBe(0);
    repo.git('reset', '-q', '--hard', start);
  });

  it('exits 2 on bad usage', () => {
    for (const args of [['check', '--nope'], ['check', '--format', 'xml'], ['check', '--ai', 'maybe'], ['frobnicate'], ['check', 'extra']]) {
      const r = runCli(args, { cwd: repo.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^prguard: /);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('exits 2 naming a bad ref', () => {
    const r = runCli(['check', '--base', 'no-such-ref'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-ref');
  });

  it('colours only on a TTY or with FORCE_COLOR, never with NO_COLOR', () => {
    expect(runCli(['check'], { cwd: repo.dir }).stdout).not.toContain('\u001b[');
    expect(runCli(['check'], { cwd: repo.dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runCli(['check'], { cwd: repo.dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

describe('prguard check without a usable base', () => {
  it('explains how to pass --base when no remote default branch is known', () => {
    const repo = Repo.init();
    repo.commit('one', { 'a.txt': 'a\n' });
    const r = runCli(['check'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base');
    repo.remove();
  });

  it('refuses to run outside a repository without --diff', () => {
    const r = runCli(['check'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not inside a git repository');
  });
});

describe('prguard check --diff', () => {
  const diff = NEW_FILE_DIFF;

  it('reads a diff file without any repository', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), diff);
    writeFileSync(join(dir, 'p.yml'), 'version: 1\nrules:\n  pr-size:\n    severity: error\n    max-lines: 2\n');
    const r = runCli(['check', '--diff', 'change.diff', '--policy', 'p.yml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).stats).toEqual({ files: 1, additions: 3, deletions: 0 });
  });

  it('reads standard input with --diff -', () => {
    const r = runCli(['check', '--diff', '-', '--format', 'json'], { cwd: tempDir(), input: diff });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.additions).toBe(3);
  });

  it('exits 2 on an unreadable diff file', () => {
    const r = runCli(['check', '--diff', 'missing.diff'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.diff');
  });

  it('rejects --diff with --base', () => {
    expect(runCli(['check', '--diff', '-', '--base', 'x'], { cwd: tempDir(), input: diff }).code).toBe(2);
  });
});

describe('a change that edits the policy file', () => {
  it('is judged by the policy at the base, and protected-paths flags the edit', () => {
    const repo = Repo.init();
    repo.commit('policy', { '.github/prguard.yml': 'version: 1\nrules:\n  protected-paths: error\n  pr-size:\n    severity: error\n    max-lines: 1\n' });
    repo.addOrigin();
    repo.git('checkout', '-q', '-b', 'weaken');
    repo.commit('switch everything off', {
      '.github/prguard.yml': 'version: 1\nrules:\n  protected-paths: off\n  pr-size: off\n',
      'src/a.ts': 'a\nb\nc\n',
    });
    const r = runCli(['check', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.notes.join('\n')).toContain('this change edits .github/prguard.yml: it is judged by the policy at the base');
    const rules = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).toContain('protected-paths');
    expect(rules).toContain('pr-size');
    // --policy tries the edited file explicitly.
    const tried = runCli(['check', '--format', 'json', '--policy', '.github/prguard.yml'], { cwd: repo.dir });
    expect(JSON.parse(tried.stdout).findings).toEqual([]);
    repo.remove();
  });

  it('shows --policy as the user gave it from a subdirectory', () => {
    const repo = Repo.init();
    repo.commit('one', { 'conf/p.yml': 'version: 1\n', 'src/x.ts': 'x\n' });
    repo.addOrigin();
    const r = runCli(['check', '--format', 'json', '--policy', '../conf/p.yml'], { cwd: join(repo.dir, 'src') });
    expect(JSON.parse(r.stdout).policy).toEqual({ path: '../conf/p.yml', source: 'explicit' });
    repo.remove();
  });
});

describe('unreadable inputs are explained, not coded', () => {
  it.each([
    [['check', '--diff', '-', '--pr-body', 'nope.md'], 'cannot read PR body file nope.md: the file does not exist'],
    [['check', '--diff', '-', '--policy', '.'], 'it is a directory, not a file'],
    // A device that never ends is refused at the bound, not read until memory runs out.
    [['check', '--diff', '-', '--policy', '/dev/zero'], 'cannot read policy file /dev/zero: it is larger than 64 MiB'],
    [['check', '--diff', '-', '--pr-body', '/dev/zero'], 'cannot read PR body file /dev/zero: it is larger than 64 MiB'],
    [['check', '--diff', '-', '--reviews', '/dev/zero'], 'cannot read reviews file /dev/zero: it is larger than 64 MiB'],
    [['policy', 'validate', '/dev/zero'], 'cannot read policy file /dev/zero: it is larger than 64 MiB'],
  ])('%j', (args, message) => {
    const r = runCli(args, { cwd: tempDir(), input: NEW_FILE_DIFF });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('standard input is read to the same bound: --pr-body - past 64 MiB is exit 2, not V8 out of memory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = runCli(['check', '--diff', 'change.diff', '--pr-body', '-'], { cwd: dir, input: 'x'.repeat(64 * 1024 * 1024 + 1) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prguard: cannot read PR body file from standard input: it is larger than 64 MiB, more than prguard reads from such a file (is it the file you meant?)\n');
  });

  // Standard input is read once: the second flag would get nothing, and the check would run on a
  // PR body holding the reviews JSON, or on a policy swallowed by the PR body.
  it.each([
    [['--diff', 'change.diff', '--pr-body', '-', '--reviews', '-'], '--pr-body - and --reviews -'],
    [['--diff', 'change.diff', '--policy', '-', '--pr-body', '-'], '--pr-body - and --policy -'],
    [['--diff', '-', '--policy', '-'], '--diff - and --policy -'],
    [['--diff', '-', '--reviews', '-'], '--diff - and --reviews -'],
    [['--diff', '-', '--pr-body', '-'], '--diff - and --pr-body -'],
  ])('two flags cannot both read standard input: %j', (args, flags) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = runCli(['check', ...args], { cwd: dir, input: '[]\n' });
    expect(r.stderr).toBe(`prguard: ${flags} cannot both read standard input: give all but one of them a file\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('one flag reading standard input is fine: --reviews -', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    const r = runCli(['check', '--diff', 'change.diff', '--reviews', '-', '--format', 'json'], { cwd: dir, input: '[]\n' });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });
});

describe('where there is no work tree, the message says which case it is', () => {
  it('a bare repository and a .git directory are named as such, not "not inside a git repository"', () => {
    const repo = Repo.init();
    repo.commit('one', { 'a.txt': 'a\n' });
    const bare = repo.addOrigin();
    const inBare = runCli(['check', '--base', 'main', '--head', 'main'], { cwd: bare });
    expect(inBare.code).toBe(2);
    expect(inBare.stderr).toBe(`prguard: ${bare} is a bare repository: it has no work tree to read a change from. Run prguard in a clone's work tree, or pass --diff FILE.\n`);
    const gitDir = join(repo.dir, '.git');
    const inGitDir = runCli(['check'], { cwd: gitDir });
    expect(inGitDir.code).toBe(2);
    expect(inGitDir.stderr).toContain(`prguard: ${gitDir} is inside a .git directory, not in the work tree.`);
    const pushed = runCli(['pre-push', 'origin'], { cwd: bare, input: '' });
    expect(pushed.code).toBe(2);
    expect(pushed.stderr).toContain('is a bare repository');
    repo.remove();
  });
});
