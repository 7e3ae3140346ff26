// A local check cannot tell whether a change is AI-assisted when nothing in its commits or branch
// says so and the PR description (which may disclose AI use) is not there: what the `ai:`
// overrides would add is reported as notices decided on the pull request, never silently passed.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { runEngine } from '../../src/engine.ts';
import { policyFromText } from '../../src/policy/index.ts';
import { aiAssisted, change, commit, file } from '../helpers/change.ts';

const NONE = { assisted: false, agents: [], evidence: [], source: 'none' as const };
const policy = policyFromText(
  [
    'version: 1',
    'core:',
    '  auth: ["src/auth/**"]',
    'rules:',
    '  pr-size:',
    '    severity: error',
    '    max-lines: 600',
    '    ai:',
    '      max-lines: 300',
    '  core-changes: error',
    '',
  ].join('\n'),
  'p.yml',
  allRules,
);
const big = change({ files: [file('src/big.ts', { added: 400 })], commits: [commit('Add big\n')] });
const LOCAL = ['title', 'body', 'labels', 'reviews'] as const;

describe('the ai: overrides when the entry cannot tell whether the change is AI-assisted', () => {
  it('a local check without the PR description: what ai: adds is a notice that says why, and the report notes it', () => {
    const report = runEngine({ change: big, policy, rules: allRules, ai: NONE, unavailable: [...LOCAL] });
    const size = report.findings.filter((f) => f.ruleId === 'pr-size');
    expect(size.map((f) => [f.severity, f.deferred])).toEqual([['notice', ['body']]]);
    expect(size[0]!.message).toMatch(/^Decided on the pull request, whose description this check does not have \(--pr-body FILE, or --ai yes\|no, decides it here\)/);
    expect(size[0]!.message).toContain('if the PR discloses AI use');
    expect(size[0]!.message).toContain('it would be an error: This pull request changes 400 lines');
    expect(size[0]!.message).toContain('more than the limit of 300');
    expect(report.notes.some((n) => n.startsWith('AI-assisted is decided on the pull request') && n.includes('1 notice'))).toBe(true);
    expect(report.conclusion).toBe('success');
  });

  it('a rule that reads whether the change is AI-assisted (core-changes on a core file) is run under AI too', () => {
    const core = change({ files: [file('src/auth/login.ts', { added: 3 })], commits: [commit('Fix login\n')] });
    const report = runEngine({ change: core, policy, rules: allRules, ai: NONE, unavailable: [...LOCAL] });
    const cc = report.findings.filter((f) => f.ruleId === 'core-changes');
    // Beside the change type the description must declare (coreUndeclared, decided on the PR too).
    expect(cc.map((f) => [f.severity, f.deferred])).toEqual([['notice', ['body']], ['notice', ['body']]]);
    expect(cc.filter((f) => f.message.includes('it would be an error: This AI-assisted change touches core (auth)'))).toHaveLength(1);
    expect(cc.filter((f) => f.message.includes('does not tick'))).toHaveLength(1);
  });

  it('decided: with the description (the Action), with --ai no, or with AI detected, nothing is pending', () => {
    const action = runEngine({ change: big, policy, rules: allRules, ai: NONE });
    expect(action.findings.filter((f) => f.ruleId === 'pr-size')).toEqual([]);
    expect(action.notes.some((n) => n.startsWith('AI-assisted is decided'))).toBe(false);
    const no = runEngine({ change: big, policy, rules: allRules, ai: { ...NONE, source: 'flag' }, unavailable: [...LOCAL] });
    expect(no.findings.filter((f) => f.ruleId === 'pr-size')).toEqual([]);
    const detected = runEngine({ change: big, policy, rules: allRules, ai: aiAssisted(['Claude Code']), unavailable: [...LOCAL] });
    expect(detected.findings.filter((f) => f.ruleId === 'pr-size').map((f) => f.severity)).toEqual(['error']);
    expect(detected.conclusion).toBe('failure');
  });

  it('adds nothing when the ai: block changes nothing for this change', () => {
    const small = change({ files: [file('src/small.ts', { added: 10 })], commits: [commit('Add small\n')] });
    const report = runEngine({ change: small, policy, rules: allRules, ai: NONE, unavailable: [...LOCAL] });
    expect(report.findings.filter((f) => f.ruleId === 'pr-size')).toEqual([]);
    expect(report.notes.some((n) => n.startsWith('AI-assisted is decided'))).toBe(false);
  });
});
