// Findings only the pull request can decide: declared as data by each rule, applied by the engine.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { runEngine } from '../../src/engine.ts';
import type { PullRequest } from '../../src/model.ts';
import { defaultPolicy, policyFromText } from '../../src/policy/index.ts';
import { defaultOptions } from '../../src/policy/resolve.ts';
import type { PrField } from '../../src/rule.ts';
import { aiAssisted, change, commit, context, file, pr } from '../helpers/change.ts';

const FIELDS: PrField[] = ['title', 'body', 'labels', 'reviews'];

/** A pull request that records which of its fields are read. */
function recordingPr(read: Set<string>, base: PullRequest): PullRequest {
  return new Proxy(base, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** A change that walks every rule's paths: core and protected files, a workflow, commits, a body. */
function busyChange(read: Set<string>) {
  const body = '## AI Authorship Statement\n- [ ] no\n- [ ] yes\n\n## Change Type\n- [x] Core code\n';
  return change({
    files: [file('src/auth/a.ts', { added: 40 }), file('.github/workflows/ci.yml', { added: 2 }), file('docs/x.md', { added: 1 })],
    commits: [commit('Change auth\n\nSigned-off-by: Claude <noreply@anthropic.com>\n')],
    pr: recordingPr(read, pr({ body, labels: ['x'] })),
  });
}

describe('rules declare the PR data they read', () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s declares every PR field it reads', (_id, rule) => {
    const read = new Set<string>();
    for (const assisted of [false, true]) {
      const ctx = context({ core: { auth: ['src/auth/**'] }, ...(assisted ? { ai: aiAssisted(['Claude']) } : {}) });
      rule.check(busyChange(read), defaultOptions(rule), ctx);
    }
    const declared = new Set([...(rule.meta.pullRequest?.needs ?? []), ...(rule.meta.pullRequest?.scans ?? [])]);
    const undeclared = FIELDS.filter((f) => read.has(f) && !declared.has(f));
    expect(undeclared, `${rule.meta.id} reads ${undeclared.join(', ')} without declaring it in meta.pullRequest`).toEqual([]);
  });
});

describe('the engine defers what needs missing PR data', () => {
  const ai = { assisted: false, agents: [], evidence: [], source: 'none' as const };
  const policy = policyFromText(
    'version: 1\nextends: recommended\nrules:\n  ai-disclosure: error\n  protected-paths:\n    paths:\n      - pattern: /src/auth/\n        allow-labels: [security]\n',
    'p.yml',
    allRules,
  );
  const c = change({ files: [file('src/auth/a.ts', { added: 1 }), file('.github/workflows/ci.yml', { added: 1 })], commits: [commit('x\n')] });

  it('turns a finding that needs the description or the labels into a notice, and keeps the rest', () => {
    const report = runEngine({ change: c, policy, rules: allRules, ai, unavailable: ['body', 'labels', 'reviews'] });
    const byRule = (id: string, path?: string) => report.findings.filter((f) => f.ruleId === id && (path === undefined || f.path === path));
    expect(byRule('ai-disclosure').map((f) => [f.severity, f.deferred])).toEqual([['notice', ['body']]]);
    expect(byRule('ai-disclosure')[0]!.message).toMatch(/^Decided on the pull request, whose description this check does not have \(--pr-body FILE checks it here\); it would be an error/);
    expect(byRule('protected-paths', 'src/auth/a.ts').map((f) => [f.severity, f.deferred])).toEqual([['notice', ['labels']]]);
    // No label unlocks the workflows in this policy: the pull request would fail it too.
    expect(byRule('protected-paths', '.github/workflows/ci.yml').map((f) => [f.severity, f.deferred])).toEqual([['error', undefined]]);
    expect(report.conclusion).toBe('failure');
  });

  it('decides everything when the entry has the PR data (the Action)', () => {
    const report = runEngine({ change: c, policy, rules: allRules, ai });
    expect(report.findings.filter((f) => f.deferred)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'ai-disclosure').map((f) => f.severity)).toEqual(['error']);
  });

  it('defers nothing of the default policy for a change that needs no PR data', () => {
    const plain = change({ files: [file('README.md', { added: 1 })], commits: [commit('Docs\n\nAssisted-by: none\n')] });
    const report = runEngine({ change: plain, policy: defaultPolicy(allRules), rules: allRules, ai, unavailable: FIELDS });
    expect(report.findings.some((f) => f.deferred && f.ruleId !== 'ai-disclosure')).toBe(false);
  });
});
