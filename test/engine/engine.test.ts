import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import type { ChangeSet, Provenance } from '../../src/model.ts';
import { policyFromText } from '../../src/policy/index.ts';
import type { Rule } from '../../src/rule.ts';
import { demoRules, sizeRule, throwingRule } from '../policy/fixtures.ts';

const human: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };
const aiFlag: Provenance = { assisted: true, agents: [], evidence: [], source: 'flag' };

function changeOf(lines: number): ChangeSet {
  return {
    base: 'b',
    head: 'h',
    commits: [],
    files: [{ path: 'a.ts', status: 'modified', binary: false, submodule: false, additions: lines, deletions: 1, hunks: [] }],
  };
}

describe('engine', () => {
  const policy = policyFromText(
    'version: 1\nrules:\n  demo-size:\n    max-lines: 100\n    ai:\n      severity: error\n      max-lines: 50\n',
    'p.yml',
    demoRules,
  );

  it('applies options, renders messages and counts stats', () => {
    const r = runEngine({ change: changeOf(150), policy, ai: human, rules: demoRules });
    expect(r.findings).toEqual([{ ruleId: 'demo-size', severity: 'warning', message: 'Change has 151 lines (limit 100).' }]);
    expect(r.conclusion).toBe('success');
    expect(r.stats).toEqual({ files: 1, additions: 150, deletions: 1 });
    expect(r.policy).toEqual({ path: 'p.yml', source: 'explicit' });
  });

  it('applies the ai: block when the change is AI-assisted', () => {
    expect(runEngine({ change: changeOf(70), policy, ai: human, rules: demoRules }).findings).toHaveLength(0);
    const r = runEngine({ change: changeOf(70), policy, ai: aiFlag, rules: demoRules });
    expect(r.findings[0]).toMatchObject({ severity: 'error', message: 'Change has 71 lines (limit 50).' });
    expect(r.conclusion).toBe('failure');
  });

  it('turns a throwing rule into an error finding naming the rule (fail closed)', () => {
    const p = policyFromText('version: 1\nrules:\n  demo-throws: notice\n', 'p.yml', demoRules);
    const r = runEngine({ change: changeOf(1), policy: p, ai: human, rules: [throwingRule] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'demo-throws', severity: 'error' });
    expect(r.findings[0]!.message).toContain('boom');
    expect(r.conclusion).toBe('failure');
  });

  it('skips rules set to off', () => {
    const p = policyFromText('version: 1\nextends: recommended\nrules:\n  demo-throws: off\n  demo-size: off\n', 'p.yml', demoRules);
    expect(runEngine({ change: changeOf(1000), policy: p, ai: human, rules: demoRules }).findings).toEqual([]);
  });

  it('masks secrets a rule reports out of every message, evidence and note', () => {
    const secret = 'sk_live_abcdefghijklmnop123456';
    const leaky: Rule = {
      meta: { ...sizeRule.meta, id: 'leaky', messages: { m: 'found {{v}} here' } },
      check: () => [{ messageId: 'm', data: { v: secret }, secrets: [secret] }],
    };
    const p = policyFromText('version: 1\nextends: recommended\n', null, [leaky]);
    const ai: Provenance = { ...aiFlag, evidence: [{ signal: 'pr-body', agent: 'x', where: 'PR body', text: `key ${secret}` }] };
    const r = runEngine({ change: changeOf(1), policy: p, ai, rules: [leaky], notes: [`note ${secret}`] });
    const json = JSON.stringify(r);
    expect(json).not.toContain(secret);
    expect(r.findings[0]!.message).toBe('found sk_l…[redacted] here');
    expect(r.policy).toEqual({ path: null, source: 'default' });
  });
});
