// Per-directory overrides: findings on a path take the configuration of the overrides matching
// it; whole-change findings that of the overrides every changed file matches, and say so.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { runEngine } from '../../src/engine.ts';
import { PolicyError } from '../../src/errors.ts';
import { describePolicy } from '../../src/policy/describe.ts';
import { policyFromText } from '../../src/policy/index.ts';
import { formatDescribedText } from '../../src/commands/policy-print.ts';
import { change, commit, file } from '../helpers/change.ts';
import { Repo, runCli } from '../helpers/repo.ts';

const ai = { assisted: false, agents: [], evidence: [], source: 'none' as const };

const POLICY = `version: 1
rules:
  pr-size:
    severity: error
    max-lines: 1000
  protected-paths:
    paths:
      - pattern: /src/
overrides:
  - files: ["packages/legacy/**"]
    rules:
      pr-size:
        max-lines: 5
  - files: ["src/legacy/**"]
    rules:
      protected-paths: warning
  - files: ["src/generated/**"]
    rules:
      protected-paths: off
`;

const policy = policyFromText(POLICY, 'p.yml', allRules);
const run = (files: ReturnType<typeof file>[]) => runEngine({ change: change({ files, commits: [commit('x\n')] }), policy, rules: allRules, ai });
const summary = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.ruleId} ${f.severity} ${f.path ?? '-'}`);

describe('overrides', () => {
  it('applies a whole-change override when every changed file is in it, and says which', () => {
    const r = run([file('packages/legacy/a.js', { added: 10 })]);
    expect(summary(r)).toEqual(['pr-size error -']);
    expect(r.findings[0]!.message).toContain('(Policy overrides[0] (files: packages/legacy/**) applied: every changed file is in it.)');
  });

  it('keeps the policy entry for a whole-change rule when the change reaches outside the override', () => {
    const r = run([file('packages/legacy/a.js', { added: 10 }), file('docs/x.md', { added: 1 })]);
    expect(summary(r)).toEqual([]);
  });

  it('applies path overrides to findings by path: severity, off, and the entry elsewhere', () => {
    const r = run([file('src/a.ts', { added: 1 }), file('src/legacy/b.ts', { added: 1 }), file('src/generated/c.ts', { added: 1 })]);
    expect(summary(r)).toEqual(['protected-paths error src/a.ts', 'protected-paths warning src/legacy/b.ts']);
    expect(r.rules).toContain('protected-paths');
  });

  it('a file renamed into a directory whose override turns the rule off keeps the finding of its old path', () => {
    const r = run([file('src/generated/auth.ts', { status: 'renamed', oldPath: 'src/auth.ts', added: 0 })]);
    expect(summary(r)).toEqual(['protected-paths error src/generated/auth.ts']);
  });

  it('a rename out of an override keeps the worse of the two paths, once', () => {
    const into = run([file('src/legacy/a.ts', { status: 'renamed', oldPath: 'src/a.ts', added: 1 })]);
    expect(summary(into)).toEqual(['protected-paths error src/legacy/a.ts']);
    const outOf = run([file('src/a.ts', { status: 'renamed', oldPath: 'src/legacy/a.ts', added: 1 })]);
    expect(summary(outOf)).toEqual(['protected-paths error src/a.ts']);
  });

  it('a whole-change override does not apply when a rename comes from outside it', () => {
    const r = run([file('packages/legacy/a.js', { status: 'renamed', oldPath: 'lib/a.js', added: 10 })]);
    expect(summary(r)).toEqual([]);
  });

  it('a copy into an override directory goes by its new path only (copying changes no source)', () => {
    const r = run([file('src/generated/auth.ts', { status: 'copied', oldPath: 'src/auth.ts', added: 1 })]);
    expect(summary(r)).toEqual([]);
  });

  it('validates override entries like rules, with did-you-mean and rule checks', () => {
    const bad = `version: 1\noverrides:\n  - files: ["a/**"]\n    rules:\n      pr-size:\n        max-line: 3\n      protected-paths:\n        paths:\n          - pattern: "a[b"\n`;
    let problems: string[] = [];
    try {
      policyFromText(bad, 'p.yml', allRules);
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      problems = err.problems.map((p) => `${p.line}: ${p.message}`);
    }
    expect(problems[0]).toContain('6: unknown option under overrides.0.rules.pr-size: "max-line" — did you mean "max-lines"?');
    expect(() => policyFromText('version: 1\noverrides:\n  - files: []\n    rules: {}\n', 'p.yml', allRules)).toThrow(PolicyError);
  });

  it('is printed by policy print with where each override starts', () => {
    const text = formatDescribedText(describePolicy(POLICY, 'p.yml', allRules));
    expect(text).toContain('overrides: 3, applied in order over the rules above');
    expect(text).toContain('  [0] files: packages/legacy/**  p.yml:10');
    expect(text).toMatch(/max-lines +5 +p\.yml:13/);
    expect(text).toMatch(/\[2\] files: src\/generated\/\*\* {2}p\.yml:17\n +protected-paths +off/);
  });
});

describe('overrides and the ai: block, with the built CLI', () => {
  const policyWith = (legacy: string) => `version: 1
rules:
  tests-touched:
    severity: warning
    ai:
      severity: error
overrides:
  - files: ["packages/legacy/**"]
    rules:
      tests-touched: ${legacy}
`;
  const check = (policyText: string, path: string, aiFlag: 'yes' | 'no') => {
    const repo = Repo.init();
    repo.commit('base', { '.github/prguard.yml': policyText, [path]: 'export const a = 1;\n' });
    repo.commit('change', { [path]: 'export const a = 2;\n' });
    const out = runCli(['check', '--base', 'HEAD~1', '--ai', aiFlag, '--format', 'json'], { cwd: repo.dir });
    return (JSON.parse(out.stdout) as { findings: { ruleId: string; severity: string }[] }).findings.filter((f) => f.ruleId === 'tests-touched').map((f) => f.severity);
  };

  it("an override's off drops the rule for AI-assisted changes too; the entry's ai: block still applies elsewhere", () => {
    expect(check(policyWith('off'), 'packages/legacy/a.ts', 'yes')).toEqual([]);
    expect(check(policyWith('off'), 'packages/legacy/a.ts', 'no')).toEqual([]);
    expect(check(policyWith('off'), 'src/a.ts', 'yes')).toEqual(['error']);
    expect(check(policyWith('off'), 'src/a.ts', 'no')).toEqual(['warning']);
  });

  it("the override's own ai: block can turn it back on for AI-assisted changes; another severity keeps the entry's ai: one", () => {
    expect(check(policyWith('{ severity: off, ai: { severity: error } }'), 'packages/legacy/a.ts', 'yes')).toEqual(['error']);
    expect(check(policyWith('{ severity: off, ai: { severity: error } }'), 'packages/legacy/a.ts', 'no')).toEqual([]);
    expect(check(policyWith('notice'), 'packages/legacy/a.ts', 'yes')).toEqual(['error']);
    expect(check(policyWith('notice'), 'packages/legacy/a.ts', 'no')).toEqual(['notice']);
  });
});
