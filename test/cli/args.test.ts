// CLI argument errors read like the rest of prguard: did-you-mean for flags, severities and
// nested policy keys; no raw Node parse error; policy paths as the user wrote them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { PolicyError } from '../../src/errors.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import { Repo, tempDir } from '../helpers/repo.ts';
import { runMain } from './in-process.ts';

describe('unknown and malformed flags', () => {
  it.each([
    [['check', '--labels', 'x'], 'unknown option --labels for prguard check — did you mean --label?'],
    [['check', '-labels', 'x'], 'unknown option -labels for prguard check — did you mean --label?'],
    [['check', '--fail-onn', 'never'], 'did you mean --fail-on?'],
    [['check', '-z'], 'unknown option -z for prguard check.'],
    [['check', '--base'], '--base needs a value.'],
    [['check', '--head', '-x'], '--head needs a value, but the next argument starts with "-"'],
    [['init', '--force=yes'], '--force is a switch and takes no value.'],
    // An empty file name named the working directory: "cannot read policy file : it is a directory".
    [['check', '--policy='], '--policy needs a value, not an empty one.'],
    [['check', '--pr-body', ''], '--pr-body needs a value, not an empty one.'],
    [['check', '--label', 'a', '--label', ''], '--label needs a value, not an empty one.'],
    [['backtest', '--compare='], '--compare needs a value, not an empty one.'],
    [['policy', 'test', '--dir', ''], '--dir needs a value, not an empty one.'],
  ])('%j', async (argv, message) => {
    const r = await runMain(argv, { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`Run "prguard ${argv[0]} --help".`);
    expect(r.stderr).not.toMatch(/To specify a positional|'--/);
  });

  it('still takes a value that looks like a flag after =, and values after a string flag', async () => {
    const repo = Repo.init('main');
    const base = repo.commit('a', { 'a.txt': 'a\n' });
    repo.commit('b', { 'a.txt': 'b\n' });
    const r = await runMain(['check', '--base', base, '--pr-title=--labels', '-fjson'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    repo.remove();
  });
});

describe('policy problems with did-you-mean', () => {
  const problems = (text: string): string[] => {
    try {
      parsePolicy(text, 'p.yml', allRules);
    } catch (err) {
      if (err instanceof PolicyError) return err.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
      throw err;
    }
    return [];
  };

  it('suggests the severity', () => {
    expect(problems('version: 1\nrules:\n  pr-size: eror\n')).toEqual([
      '3:12: rules.pr-size must be one of "error", "warning", "notice", "off", not "eror" — did you mean "error"?',
    ]);
    expect(problems('version: 1\nrules:\n  pr-size:\n    ai:\n      severity: warnng\n')[0]).toContain('did you mean "warning"?');
  });

  it('suggests a nested key inside a protected-paths entry', () => {
    const [problem] = problems('version: 1\nrules:\n  protected-paths:\n    paths:\n      - pattern: /src/\n        allow-label: [x]\n');
    expect(problem).toContain('6:9: unknown option under rules.protected-paths.paths.0: "allow-label" — did you mean "allow-labels"?');
  });

  it('prints a --policy path as the user gave it', async () => {
    const repo = Repo.init('main');
    const base = repo.commit('a', { 'a.txt': 'a\n' });
    repo.commit('b', { 'a.txt': 'b\n' });
    writeFileSync(join(repo.dir, 'bad.yml'), 'version: 1\nrules:\n  pr-size: eror\n');
    const r = await runMain(['check', '--base', base, '--policy', './bad.yml'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prguard: \.\/bad\.yml:3:12: /);
    repo.remove();
  });

  it('prints a --diff path as the user gave it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.diff'), 'diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -1,2 +1,2 @@\n-a\n+b\n');
    const r = await runMain(['check', '--diff', 'cut.diff'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prguard: cut\.diff:\d+: /);
    const big = await runMain(['check', '--diff', './cut.diff', '--max-diff-bytes', '10'], { cwd: dir });
    expect(big.stderr).toMatch(/^prguard: \.\/cut\.diff is larger than /);
  });
});
