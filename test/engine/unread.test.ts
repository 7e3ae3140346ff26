// Fail closed in the engine: what the source could not read (ChangeSet.unread) is an error
// finding in every enabled rule whose verdict depends on it, whatever the rule's severity; a
// rule that does not declare `reads` depends on everything; a rule that is off says nothing.
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import type { ChangeSet, Provenance, Unread } from '../../src/model.ts';
import { defaultPolicy, policyFromText } from '../../src/policy/index.ts';
import type { Rule } from '../../src/rule.ts';
import { allRules } from '../../rules/index.ts';

const human: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };
const lines: Unread = { kind: 'lines', path: 'big.json', what: 'the changed lines of big.json', reason: 'GitHub left them out.' };
const commits: Unread = { kind: 'commits', what: 'commits 251 to 300 of 300', reason: 'The API lists 250.' };

function change(unread: Unread[]): ChangeSet {
  return {
    base: 'b',
    head: 'h',
    commits: [],
    files: [{ path: 'big.json', status: 'modified', binary: false, submodule: false, additions: 5, deletions: 0, hunks: [], patchMissing: true }],
    unread,
  };
}

const quiet = (id: string, reads?: Rule['meta']['reads']): Rule => ({
  meta: { id, description: 'd', defaultSeverity: 'notice', schema: { type: 'object', properties: {} }, messages: {}, ...(reads ? { reads } : {}) },
  check: () => [],
});

describe('unread data', () => {
  it('is an error in each enabled rule that reads it, on its file, so the change cannot pass', () => {
    const r = runEngine({ change: change([lines, commits]), policy: defaultPolicy(allRules), ai: human, rules: allRules });
    expect(r.conclusion).toBe('failure');
    const unread = r.findings.filter((f) => f.message.startsWith('Could not read'));
    expect(unread.map((f) => [f.ruleId, f.severity, f.path ?? null])).toEqual([
      ['tests-touched', 'error', 'big.json'],
      ['ai-disclosure', 'error', null],
      ['secret-leakage', 'error', null],
      ['secret-leakage', 'error', 'big.json'],
    ]);
    expect(unread[0]!.message).toBe('Could not read the changed lines of big.json: not checked by tests-touched. GitHub left them out.');
  });

  it('a rule that is off reports nothing; a rule without `reads` is assumed to read everything', () => {
    const rules = [quiet('paths-only', ['files']), quiet('undeclared')];
    const policy = policyFromText('version: 1\nrules:\n  paths-only: error\n  undeclared: notice\n', 'p.yml', rules);
    const r = runEngine({ change: change([lines]), policy, ai: human, rules });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['undeclared']);
    const off = policyFromText('version: 1\nrules:\n  paths-only: error\n  undeclared: off\n', 'p.yml', rules);
    expect(runEngine({ change: change([lines]), policy: off, ai: human, rules }).findings).toEqual([]);
  });

  it('nothing unread, nothing added', () => {
    const r = runEngine({ change: change([]), policy: defaultPolicy(allRules), ai: human, rules: allRules });
    expect(r.findings.filter((f) => f.message.startsWith('Could not read'))).toEqual([]);
  });
});
