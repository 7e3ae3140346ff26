// Attacks through .gitattributes, run as an attacker would: a real repository whose pull request
// changes its own attributes, checked by the built CLI (`node dist/cli.js check --base X --head Y`).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

interface JsonReport {
  conclusion: string;
  findings: { ruleId: string; severity: string; message: string; path?: string }[];
  stats: { files: number; additions: number };
  notes: string[];
}

const repos: Repo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const STRICT_POLICY = [
  'version: 1',
  'rules:',
  '  pr-size:',
  '    severity: error',
  '    max-lines: 20',
  '  tests-touched: error',
  '  secret-leakage: error',
  '',
].join('\n');

/** A repository with a strict policy and some source at the base; returns it and the base sha. */
function baseRepo(files: Record<string, string> = {}): { repo: Repo; base: string } {
  const repo = Repo.init('main');
  repos.push(repo);
  const base = repo.commit('base', {
    '.github/prguard.yml': STRICT_POLICY,
    'src/app.ts': 'export const app = 1;\n',
    'test/app.test.ts': "import { it } from 'vitest';\nit('works', () => {});\n",
    ...files,
  });
  return { repo, base };
}

function check(repo: Repo, base: string, head: string): { code: number; report: JsonReport; stderr: string; stdout: string } {
  const res = runCli(['check', '--base', base, '--head', head, '--format', 'json'], { cwd: repo.dir });
  let report: JsonReport;
  try {
    report = JSON.parse(res.stdout) as JsonReport;
  } catch {
    throw new Error(`no JSON report (exit ${res.code}): ${res.stderr}`);
  }
  return { code: res.code, report, stderr: res.stderr, stdout: res.stdout };
}

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i};`).join('\n') + '\n';

describe('attacks through .gitattributes (built CLI, real git)', () => {
  it('a PR adding `* -diff` to .gitattributes cannot hide a token', () => {
    const { repo, base } = baseRepo();
    const token = sample('github-classic-pat', rng(7));
    const head = repo.commit('config', { '.gitattributes': '* -diff\n', 'src/config.ts': `export const key = "${token.text}";\n` });
    const { code, report, stdout } = check(repo, base, head);
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'secret-leakage' && f.path === 'src/config.ts')).toBe(true);
    expect(stdout).not.toContain(token.secret);
  });

  it('a PR adding `* binary` to .gitattributes cannot hide a focused test', () => {
    const { repo, base } = baseRepo();
    const head = repo.commit('focus', {
      '.gitattributes': '* binary\n',
      'test/app.test.ts': "import { it } from 'vitest';\nit.only('works', () => {});\n",
    });
    const { code, report } = check(repo, base, head);
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'tests-touched' && f.path === 'test/app.test.ts')).toBe(true);
  });

  it('a PR marking its own src/** linguist-generated cannot shrink pr-size or skip tests-touched', () => {
    const { repo, base } = baseRepo();
    const head = repo.commit('big', { '.gitattributes': 'src/** linguist-generated\n', 'src/app.ts': lines(40, 'x') });
    const { code, report } = check(repo, base, head);
    expect(code).toBe(1);
    expect(report.stats.additions).toBeGreaterThanOrEqual(40);
    const rules = new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId));
    expect(rules.has('pr-size')).toBe(true);
    expect(rules.has('tests-touched')).toBe(true);
  });

  it('a PR marking its files vendored in a nested .gitattributes cannot shrink pr-size', () => {
    const { repo, base } = baseRepo();
    const head = repo.commit('nested', { 'src/.gitattributes': '* linguist-vendored\n', 'src/app.ts': lines(40, 'y') });
    const { report } = check(repo, base, head);
    expect(report.findings.some((f) => f.ruleId === 'pr-size' && f.severity === 'error')).toBe(true);
  });

  it('the base commit\'s attributes still classify generated files (the base decides)', () => {
    const { repo, base } = baseRepo({ '.gitattributes': 'gen/** linguist-generated\n', 'gen/api.ts': 'export {};\n' });
    const head = repo.commit('regenerate', { 'gen/api.ts': lines(200, 'g') });
    const { code, report } = check(repo, base, head);
    expect(report.findings.filter((f) => f.ruleId === 'pr-size')).toEqual([]);
    expect(code).toBe(0);
  });

  it('a PR removing the base\'s -diff cannot hide its files from the scan either way', () => {
    const { repo, base } = baseRepo({ '.gitattributes': '*.lock -diff\n', 'deps.lock': 'a\n' });
    const token = sample('npm-access-token', rng(11));
    const head = repo.commit('lock', { 'deps.lock': `a\ntoken ${token.text}\n` });
    const { code, report } = check(repo, base, head);
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'secret-leakage' && f.path === 'deps.lock')).toBe(true);
  });

  it('a change to .gitattributes is itself reported', () => {
    const { repo, base } = baseRepo();
    const head = repo.commit('attrs', { '.gitattributes': '*.md linguist-documentation\n' });
    const { report } = check(repo, base, head);
    expect(report.notes.some((n) => n.includes('.gitattributes') && n.includes('base'))).toBe(true);
  });

  it('an uncommitted .gitattributes in the checkout cannot blind the scan', () => {
    const { repo, base } = baseRepo();
    const token = sample('github-classic-pat', rng(13));
    const head = repo.commit('config', { 'src/config.ts': `export const key = "${token.text}";\n` });
    repo.write('.gitattributes', '* -diff\n');
    repo.write('src/.gitattributes', '* -diff\n');
    const { code, report } = check(repo, base, head);
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'secret-leakage')).toBe(true);
  });

  it('a diff driver or textconv configured for the repository is never run', () => {
    const marker = join(tempDir('prguard-marker-'), 'ran');
    const { repo, base } = baseRepo({ '.gitattributes': '*.ts diff=evil\n' });
    repo.git('config', 'diff.evil.command', `touch ${marker}`);
    repo.git('config', 'diff.evil.textconv', `sh -c 'touch ${marker}; echo hidden'`);
    repo.git('config', 'diff.external', `touch ${marker}`);
    const token = sample('github-classic-pat', rng(17));
    const head = repo.commit('config', { 'src/config.ts': `export const key = "${token.text}";\n` });
    const { code, report } = check(repo, base, head);
    expect(existsSync(marker)).toBe(false);
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'secret-leakage' && f.path === 'src/config.ts')).toBe(true);
    rmSync(join(marker, '..'), { recursive: true, force: true });
  });
});
