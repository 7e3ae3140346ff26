// Every GitHub payload is built from the engine's report, after its masking stage: a secret a
// rule reports reaches no check-run output, annotation, comment, job summary or fallback
// annotation — including when the payload is cut to a size limit.
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import { commentBody, jobSummary, planCheckRun, planFallbackAnnotations } from '../../src/github/payloads.ts';
import type { ChangeSet, Provenance } from '../../src/model.ts';
import { policyFromText } from '../../src/policy/index.ts';
import type { Rule } from '../../src/rule.ts';
import { sizeRule } from '../policy/fixtures.ts';

const secret = 'ghp_R2d2C3poBb8Yoda0Luke1Leia2Han3Solo4';
const leaky: Rule = {
  meta: { ...sizeRule.meta, id: 'leaky', defaultSeverity: 'error', messages: { m: 'token {{v}} in `{{path}}`' } },
  // Many findings, so that the payloads are cut to their limits as well.
  check: () =>
    Array.from({ length: 600 }, (_, i) => ({
      messageId: 'm',
      data: { v: secret, path: `src/f${i}.ts` },
      path: `src/f${i}.ts`,
      line: i + 1,
      secrets: [secret],
    })),
};
const change: ChangeSet = { base: 'b', head: 'h', commits: [], files: [] };
const ai: Provenance = { assisted: true, agents: ['x'], evidence: [{ signal: 'pr-body', agent: 'x', where: 'PR body', text: secret }], source: 'detected' };
const report = runEngine({
  change,
  policy: policyFromText('version: 1\nextends: recommended\n', null, [leaky]),
  ai,
  rules: [leaky],
  notes: [`a note quoting ${secret}`],
});

describe('GitHub payloads never carry a secret', () => {
  const plan = planCheckRun(report, { failOn: 'error' });
  const payloads: [string, string][] = [
    ['check run create', JSON.stringify(plan.first)],
    ['check run updates', JSON.stringify(plan.updates)],
    ['sticky comment', commentBody(report, 'prguard')],
    ['job summary', jobSummary(report, 'prguard', [])],
    ['fallback annotations', JSON.stringify(planFallbackAnnotations(report))],
  ];

  it('the report has the findings, masked', () => {
    expect(report.findings).toHaveLength(600);
    expect(report.findings[0]!.message).toMatch(/^token ghp_…\[redacted\] in/);
  });

  it.each(payloads)('%s', (_name, text) => {
    expect(text).toContain('leaky');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(8, 20));
  });
});
