// `prguard init` through the built CLI, in a real repository; the written files are validated.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { policyFromText } from '../../src/policy/index.ts';
import { SCHEMA_ID } from '../../src/policy/schema.ts';
import { Repo, ROOT, runCli, tempDir } from '../helpers/repo.ts';

const SECTIONS = [
  'Summary',
  'AI Authorship Statement',
  'Change Type',
  'Plan Document',
  'Verification',
  'Verifiability Checklist',
  'Security Checklist (if external surfaces are touched)',
  'Risk and Rollback',
  'Reviewer Notes',
];

const editorSchema = JSON.parse(readFileSync(join(ROOT, 'policy.schema.json'), 'utf8')) as object;

function initRepo(): Repo {
  const repo = Repo.init();
  repo.commit('one', { 'README.md': '# x\n' });
  return repo;
}

describe('prguard init', () => {
  it('writes a starter policy that passes validation, and the guideline PR template', () => {
    const repo = initRepo();
    const r = runCli(['init'], { cwd: join(repo.dir) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created  .github/prguard.yml');
    expect(r.stdout).toContain('created  .github/pull_request_template.md');

    const policy = readFileSync(join(repo.dir, '.github', 'prguard.yml'), 'utf8');
    expect(policy.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_ID}`);
    // The loader prguard itself uses (ajv + rule validate hooks), and the schema editors use.
    const resolved = policyFromText(policy, '.github/prguard.yml', allRules);
    const validate = new Ajv({ strict: false }).compile(editorSchema);
    expect(validate(parse(policy)), JSON.stringify(validate.errors)).toBe(true);
    // The guideline's core modules, as commented-out examples: no live glob judges real files.
    expect(resolved.core).toEqual({});
    for (const name of ['auth', 'billing', 'orchestration', 'framework', 'domain', 'public-api', 'schema']) {
      expect(policy).toMatch(new RegExp(`^#   ${name}: \\[`, 'm'));
    }
    // The label that unlocks policy and workflow edits, with a comment saying so.
    expect(resolved.rules['protected-paths']!.options.paths).toEqual([
      expect.objectContaining({ pattern: '/.github/prguard.yml', 'allow-labels': ['prguard-policy'] }),
      expect.objectContaining({ pattern: '/.github/workflows/', 'allow-labels': ['prguard-policy'] }),
    ]);
    expect(policy).toContain('unlocks it with the label prguard-policy');
    // Every rule shown at its default severity, every option commented out with its default.
    for (const rule of allRules) {
      expect(policy).toContain(`  ${rule.meta.id}:\n    severity: ${rule.meta.defaultSeverity}\n`);
      expect(policy).toContain(`prguard explain ${rule.meta.id}`);
      for (const key of Object.keys(rule.meta.schema.properties)) {
        expect(policy, `${rule.meta.id}.${key}`).toMatch(new RegExp(`\\n {4}# ${key}:`));
      }
      expect(resolved.rules[rule.meta.id]!.severity).toBe(rule.meta.defaultSeverity);
    }

    const template = readFileSync(join(repo.dir, '.github', 'pull_request_template.md'), 'utf8');
    const headings = template.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(SECTIONS);
    expect(template).toContain('- [ ] This PR does **not** use AI output');
    expect(template).toContain('- [ ] Leaf node (local impact)');
    expect(template).toContain('- [ ] Core code (broad impact, requires line-by-line review)');
    expect(template).toContain('  - Files reviewed line by line by a human:');
    repo.remove();
  });

  it('keeps a policy at .prguard.yml instead of shadowing it with .github/prguard.yml', () => {
    const repo = initRepo();
    const mine = 'version: 1\nextends: recommended\nrules:\n  pr-size: { severity: error, max-lines: 1 }\n';
    repo.commit('policy', { '.prguard.yml': mine });
    const r = runCli(['init'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept     .prguard.yml (exists; prguard init --force overwrites .prguard.yml)');
    expect(existsSync(join(repo.dir, '.github', 'prguard.yml'))).toBe(false);
    expect(readFileSync(join(repo.dir, '.prguard.yml'), 'utf8')).toBe(mine);
    // The example test is about the policy in force, and passes against it.
    expect(readFileSync(join(repo.dir, '.github', 'prguard-tests', 'policy-edit-needs-label.yml'), 'utf8')).toContain('path: .prguard.yml');
    const test = runCli(['policy', 'test'], { cwd: repo.dir });
    expect(test.stdout).toContain('policy test: .prguard.yml');
    expect(test.code).toBe(0);

    // Replaced where it is, with the schema header relative to it.
    repo.write('node_modules/prguard/policy.schema.json', '{}');
    const forced = runCli(['init', '--force'], { cwd: repo.dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('replaced .prguard.yml');
    expect(existsSync(join(repo.dir, '.github', 'prguard.yml'))).toBe(false);
    const written = readFileSync(join(repo.dir, '.prguard.yml'), 'utf8');
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/prguard/policy.schema.json');
    const resolved = policyFromText(written, '.prguard.yml', allRules);
    expect(resolved.rules['protected-paths']!.options.paths).toContainEqual(expect.objectContaining({ pattern: '/.prguard.yml', 'allow-labels': ['prguard-policy'] }));
    repo.remove();
  });

  it('exits 2 in a bare repository or a .git directory, where nothing written is committed', () => {
    const repo = initRepo();
    const bare = tempDir();
    spawnSync('git', ['clone', '-q', '--bare', repo.dir, bare]);
    for (const [cwd, why] of [[bare, `${bare} is a bare repository: it has no work tree to write the policy into`], [join(repo.dir, '.git'), `${join(repo.dir, '.git')} is inside a .git directory, not in the work tree`]] as const) {
      const r = runCli(['init'], { cwd });
      expect(r.stderr).toBe(`prguard: ${why}. Run prguard init in a clone's work tree, where the files are committed.\n`);
      expect(r.code).toBe(2);
      expect(existsSync(join(cwd, '.github'))).toBe(false);
    }
    // Outside any repository it writes here, as its help says.
    const plain = tempDir();
    expect(runCli(['init'], { cwd: plain }).code).toBe(0);
    expect(existsSync(join(plain, '.github', 'prguard.yml'))).toBe(true);
    repo.remove();
  });

  it('points the schema header at the installed package when there is one', () => {
    const repo = initRepo();
    repo.write('node_modules/prguard/policy.schema.json', '{}');
    expect(runCli(['init'], { cwd: repo.dir }).code).toBe(0);
    const first = readFileSync(join(repo.dir, '.github', 'prguard.yml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../node_modules/prguard/policy.schema.json');
    repo.remove();
  });

  it('never overwrites without --force, and overwrites with it', () => {
    const repo = initRepo();
    repo.write('.github/prguard.yml', 'version: 1\n');
    mkdirSync(join(repo.dir, 'docs'));
    writeFileSync(join(repo.dir, 'docs', 'PULL_REQUEST_TEMPLATE.md'), 'mine\n');
    const r = runCli(['init'], { cwd: join(repo.dir, 'docs') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept     .github/prguard.yml (exists; prguard init --force overwrites .github/prguard.yml)');
    expect(r.stdout).toContain('kept     docs/PULL_REQUEST_TEMPLATE.md');
    expect(readFileSync(join(repo.dir, '.github', 'prguard.yml'), 'utf8')).toBe('version: 1\n');
    expect(readFileSync(join(repo.dir, 'docs', 'PULL_REQUEST_TEMPLATE.md'), 'utf8')).toBe('mine\n');

    const forced = runCli(['init', '--force'], { cwd: repo.dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('replaced .github/prguard.yml');
    expect(readFileSync(join(repo.dir, '.github', 'prguard.yml'), 'utf8')).toContain('extends: recommended');
    expect(readFileSync(join(repo.dir, '.github', 'pull_request_template.md'), 'utf8')).toContain('## Reviewer Notes');
    repo.remove();
  });

  it('writes inside the repository only: never through a symlink in a file\'s place or on the way', () => {
    const repo = initRepo();
    const outside = tempDir();
    const target = join(outside, 'dotfile');
    mkdirSync(join(repo.dir, '.github'));
    symlinkSync(target, join(repo.dir, '.github', 'prguard.yml')); // dangling: nothing there yet
    const r = runCli(['init'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept     .github/prguard.yml');
    expect(existsSync(target)).toBe(false);
    writeFileSync(target, 'precious\n');
    expect(runCli(['init', '--force'], { cwd: repo.dir }).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(repo.dir, '.github', 'prguard.yml')).isFile()).toBe(true);

    const linked = initRepo();
    symlinkSync(outside, join(linked.dir, '.github'));
    const out = runCli(['init'], { cwd: linked.dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('prguard: cannot write .github/prguard.yml: .github leads outside the repository (a symlink); write the file by hand\n');
    expect(existsSync(join(outside, 'prguard.yml'))).toBe(false);
    repo.remove();
    linked.remove();
  });

  it('a file where .github must be is exit 2 with a message, not an internal error', () => {
    const repo = initRepo();
    repo.write('.github', 'not a directory\n');
    const r = runCli(['init'], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prguard: cannot write .github/prguard.yml: a file is in the way of the directory .github; move it, or write the file by hand\n');
    repo.remove();
  });
});
