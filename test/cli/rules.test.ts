// pr-size, tests-touched and protected-paths end to end: real repositories, the built CLI.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  path?: string;
  line?: number;
}

function findings(repo: Repo, ...args: string[]): { code: number; findings: JsonFinding[] } {
  const r = runCli(['check', '--base', 'HEAD~1', '--format', 'json', ...args], { cwd: repo.dir });
  expect(r.stderr).toBe('');
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings };
}

describe('the core rules on a real repository', () => {
  let repo: Repo;
  let initial: string;
  beforeAll(() => {
    repo = Repo.init();
    initial = repo.commit('initial', {
      'src/cart.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n',
      'src/cart.test.ts': "import { total } from './cart';\ntest('sums', () => expect(total([1, 2])).toBe(3));\n",
      '.github/prguard.yml': 'version: 1\nextends: recommended\n',
      '.gitattributes': 'gen/** linguist-generated\n',
    });
  });
  afterEach(() => repo.git('reset', '-q', '--hard', initial));
  afterAll(() => repo.remove());

  it('protects the policy file in force', () => {
    repo.commit('relax the policy', {
      '.github/prguard.yml': 'version: 1\nextends: recommended\nrules:\n  tests-touched: off\n',
    });
    const r = findings(repo);
    expect(r.code).toBe(1);
    expect(r.findings).toContainEqual(expect.objectContaining({ ruleId: 'protected-paths', severity: 'error', path: '.github/prguard.yml' }));
  });

  it('points a focus marker at its added line, and accepts the test change', () => {
    repo.commit('focus', {
      'src/cart.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0) || 0;\n',
      'src/cart.test.ts': "import { total } from './cart';\ntest.only('sums', () => expect(total([1, 2])).toBe(3));\n",
    });
    const r = findings(repo);
    expect(r.findings.filter((f) => f.ruleId === 'tests-touched')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'src/cart.test.ts', line: 2, message: expect.stringContaining('`test.only(`') }),
    ]);
  });

  it('does not count lockfiles and generated files toward pr-size', () => {
    const big = Array.from({ length: 600 }, (_, i) => `line ${i}`).join('\n');
    repo.commit('deps and codegen', { 'package-lock.json': `${big}\n`, 'gen/api.ts': `${big}\n`, 'src/cart.test.ts': 'test("x", () => {});\n' });
    expect(findings(repo).findings.filter((f) => f.ruleId === 'pr-size')).toEqual([]);
    repo.commit('hand-written', { 'src/big.test.ts': `${big}\n` });
    const size = findings(repo).findings.filter((f) => f.ruleId === 'pr-size');
    expect(size).toHaveLength(1);
    expect(size[0]!.message).toContain('changes 600 lines');
  });

  it('reports an untested source change, and an AI-blocked path with its agent', () => {
    repo.write('.github/prguard.yml', [
      'version: 1',
      'extends: recommended',
      'rules:',
      '  protected-paths:',
      '    paths:',
      '      - pattern: /src/',
      '        reason: core code',
      '        ai: block',
    ].join('\n') + '\n');
    repo.commit('policy');
    repo.commit('change the cart', { 'src/cart.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0) + 0;\n' });
    const human = findings(repo, '--ai', 'no');
    // Only the rules under test: ai-disclosure also asks these bare commits for a disclosure.
    const core = human.findings.filter((f) => ['pr-size', 'tests-touched', 'protected-paths'].includes(f.ruleId));
    expect(core.map((f) => [f.ruleId, f.path ?? ''])).toEqual([
      ['tests-touched', ''],
      ['protected-paths', 'src/cart.ts'],
    ]);
    const ai = findings(repo, '--ai', 'yes');
    expect(ai.code).toBe(1);
    expect(ai.findings.find((f) => f.ruleId === 'protected-paths')?.message).toContain('may not be changed by an AI-assisted change: core code');
  });
});
