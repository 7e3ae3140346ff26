// `prguard policy print|validate`, and the note for a guard rule left off by omission.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { formatDescribedText } from '../../src/commands/policy-print.ts';
import { describePolicy } from '../../src/policy/describe.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { runMain } from './in-process.ts';

const POLICY = [
  'version: 1',
  'extends: recommended',
  'core:',
  '  auth: ["src/auth/**"]',
  'rules:',
  '  pr-size:',
  '    severity: error',
  '    max-lines: 600',
  '    ai:',
  '      max-lines: 300',
  '  secret-leakage: warning',
  '',
].join('\n');

function workspace(policy?: string): string {
  const dir = tempDir('prguard-policy-');
  if (policy !== undefined) {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'prguard.yml'), policy);
  }
  return dir;
}

describe('describePolicy', () => {
  it('says where every value came from', () => {
    const d = describePolicy(POLICY, 'p.yml', allRules);
    const size = d.rules.find((r) => r.id === 'pr-size')!;
    expect(size).toMatchObject({ runs: true, severity: 'error', severityFrom: 'p.yml:7' });
    expect(size.options.find((o) => o.key === 'max-lines')).toEqual({ key: 'max-lines', value: 600, from: 'p.yml:8' });
    expect(size.options.find((o) => o.key === 'max-files')?.from).toBe('default');
    expect(size.ai).toEqual([{ key: 'max-lines', value: 300, from: 'p.yml:10' }]);
    expect(d.rules.find((r) => r.id === 'secret-leakage')).toMatchObject({ severity: 'warning', severityFrom: 'p.yml:11' });
    expect(d.rules.find((r) => r.id === 'tests-touched')).toMatchObject({ runs: true, severityFrom: 'extends: recommended' });
    expect(d.core).toEqual([{ key: 'auth', value: ['src/auth/**'], from: 'p.yml:4' }]);
    expect(d.notes).toEqual([]);
  });

  it('shows who may waive and the owners a core module names (a lead reads who can bypass what)', () => {
    const text = 'version: 1\ncore:\n  auth: { paths: ["src/auth/**"], owners: ["@alice"] }\n  billing: ["src/billing/**"]\nwaivers:\n  by: ["@lead"]\n';
    const d = describePolicy(text, 'p.yml', allRules);
    expect(d.owners).toEqual([{ key: 'auth', value: ['@alice'], from: 'p.yml:3' }]);
    expect(d.waivers).toEqual({ by: ['@lead'], rules: ['pr-size', 'tests-touched', 'ai-disclosure', 'core-changes', 'review-quorum'], from: 'p.yml:5' });
    const printed = formatDescribedText(d);
    expect(printed).toContain('  owners:\n    auth  ["@alice"]  p.yml:3\n  owners of billing: from CODEOWNERS at the base\n');
    expect(printed).toContain('waivers: @lead may waive pr-size, tests-touched, ai-disclosure, core-changes, review-quorum  p.yml:5\n');
    expect(formatDescribedText(describePolicy('version: 1\n', 'p.yml', allRules))).toContain('waivers: nobody may waive a finding');
  });

  it('shows the provenance setting (it decides which ai: blocks apply) and the policy tests directory', () => {
    const d = describePolicy('version: 1\nprovenance:\n  review-suggestions: false\ntests: policy-tests\n', 'p.yml', allRules);
    expect(d.provenance).toEqual({ reviewSuggestions: false, from: 'p.yml:3' });
    expect(d.tests).toEqual({ dir: 'policy-tests', from: 'p.yml:4' });
    const printed = formatDescribedText(d);
    expect(printed).toContain('provenance: committed suggestions of AI review bots do not make a change AI-assisted  p.yml:3\n');
    expect(printed).toContain('policy tests: policy-tests  p.yml:4\n');
    const defaults = formatDescribedText(describePolicy('version: 1\n', 'p.yml', allRules));
    expect(defaults).toContain('provenance: committed suggestions of AI review bots make a change AI-assisted  default\n');
    expect(defaults).toContain('policy tests: .github/prguard-tests  default\n');
  });

  it('says an opt-in rule is off because recommended leaves it off, not for want of extends', () => {
    const d = describePolicy('version: 1\nextends: recommended\n', 'p.yml', allRules);
    expect(d.rules.find((r) => r.id === 'review-quorum')).toMatchObject({ runs: false, severityFrom: 'not listed: opt-in, "extends: recommended" leaves it off' });
  });

  it('marks rules a policy without extends leaves out, and notes the guard rules', () => {
    const d = describePolicy('version: 1\nrules:\n  pr-size: error\n', 'p.yml', allRules);
    expect(d.rules.filter((r) => r.runs).map((r) => r.id)).toEqual(['pr-size']);
    expect(d.rules.find((r) => r.id === 'tests-touched')).toMatchObject({ runs: false, severity: 'off' });
    expect(d.notes.join('\n')).toContain('secret-leakage and protected-paths do not run');
  });

  it('has no note when the guard rules are turned off on purpose', () => {
    const d = describePolicy('version: 1\nrules:\n  secret-leakage: off\n  protected-paths: off\n', 'p.yml', allRules);
    expect(d.notes).toEqual([]);
    expect(describePolicy('version: 1\nrules:\n  secret-leakage: off\n', 'p.yml', allRules).notes.join('')).toContain(
      'protected-paths does not run',
    );
  });
});

describe('prguard policy print', () => {
  it('prints the discovered policy with file:line origins', async () => {
    const r = await runMain(['policy', 'print'], { cwd: workspace(POLICY) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('policy: .github/prguard.yml (extends: recommended)');
    expect(r.stdout).toMatch(/pr-size +error +\.github\/prguard\.yml:7/);
    expect(r.stdout).toMatch(/max-lines +300 +\.github\/prguard\.yml:10/);
    expect(r.stdout).toContain('rules: 6 of 7 run');
  });

  it('prints the embedded default when there is no policy file, and JSON on request', async () => {
    const r = await runMain(['policy', 'print', '--format', 'json'], { cwd: workspace() });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { file: string | null; rules: { id: string; runs: boolean }[] };
    expect(json.file).toBeNull();
    // Every rule runs under the default, but the opt-in review-quorum (it needs a team's set-up).
    expect(json.rules.filter((x) => x.id !== 'review-quorum').every((x) => x.runs)).toBe(true);
    expect(json.rules.find((x) => x.id === 'review-quorum')?.runs).toBe(false);
  });

  it('rejects an unknown format with a suggestion', async () => {
    const r = await runMain(['policy', 'print', '-f', 'jsn'], { cwd: workspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "json"');
  });
});

describe('prguard policy validate', () => {
  it('exits 0 on a valid policy and 2 on an invalid one, naming the file as given', async () => {
    const dir = workspace(POLICY);
    writeFileSync(join(dir, 'bad.yml'), 'version: 1\nrules:\n  pr-size: eror\n');
    const ok = await runMain(['policy', 'validate'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('.github/prguard.yml: valid (6 of 7 rules run');
    const bad = await runMain(['policy', 'validate', 'bad.yml', '.github/prguard.yml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.yml:3:12: /m);
    expect(bad.stdout).toContain('.github/prguard.yml: valid');
  });

  it('a file it cannot read is one invalid file among the others, which are still validated', async () => {
    const dir = workspace(POLICY);
    const r = await runMain(['policy', 'validate', 'missing.yml', '.github/prguard.yml', '.github'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('.github/prguard.yml: valid');
    expect(r.stderr).toContain('prguard: cannot read policy file missing.yml: the file does not exist');
    expect(r.stderr).toContain('prguard: cannot read policy file .github: it is a directory, not a file');
    expect(r.stderr).toContain('prguard: 2 of 3 policy files invalid');
  });

  it('shows what the file holds with control characters escaped (a pull request\'s policy, in its CI)', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'p.yml'), 'version: 1\nrules:\n  pr-size:\n    "\\e]0;x\\a\\rall valid": 1\n');
    const r = await runMain(['policy', 'validate', 'p.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u001b\u0007\r]/);
    expect(r.stderr).toContain('p.yml:4:5: unknown option under rules.pr-size: "\\u001b]0;x\\u0007\\rall valid"');
    writeFileSync(join(dir, 'p.yml'), 'version: 1\nrules:\n  ai-disclosure:\n    heading: "\\e]0;x\\a\\rHeading"\n');
    const printed = await runMain(['policy', 'print', 'p.yml'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).not.toMatch(/[\u001b\u0007\r]/);
    expect(printed.stdout).toContain('heading          \\e]0;x\\x07\\rHeading');
  });

  it('says what to write instead of a value of the wrong type, through the built CLI', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'p.yml'), 'version: 1\ncore:\n  auth: src/auth/**\nrules:\n  pr-size:\n    ai: error\n  tests-touched:\n    weakened-tests: yes\n');
    const r = runCli(['policy', 'validate', 'p.yml'], { cwd: dir });
    expect(r.stderr).toBe(
      'p.yml:3:9: core.auth must be an array, not a single value: write it as a list, ["src/auth/**"]\n' +
        'p.yml:6:9: rules.pr-size.ai must be an object, not a severity: write ai: { severity: error }\n' +
        'p.yml:8:21: rules.tests-touched.weakened-tests must be a boolean, not the text "yes": write true\n' +
        'prguard: 1 of 1 policy file invalid\n',
    );
    expect(r.code).toBe(2);
  });

  it('fails closed when there is nothing to validate', async () => {
    const r = await runMain(['policy', 'validate'], { cwd: workspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no policy file to validate');
  });

  it('refuses --format outside policy print, rather than ignoring it', async () => {
    const r = await runMain(['policy', 'test', '--format', 'json'], { cwd: workspace(POLICY) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format is for policy print');
    expect(r.stdout).toBe('');
  });

  it('suggests the subcommand', async () => {
    const r = await runMain(['policy', 'valdate'], { cwd: workspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "validate"');
  });
});
