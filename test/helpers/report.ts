// A Report fixture for formatter and publisher tests.
import type { Finding, Report } from '../../src/model.ts';

export function makeReport(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    version: 1,
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    findings,
    stats: { files: 3, additions: 10, deletions: 2 },
    ai: { assisted: false, agents: [], evidence: [], source: 'none' },
    policy: { path: '.github/prguard.yml', source: 'base' },
    rules: [],
    notes: [],
    ...extra,
  };
}
