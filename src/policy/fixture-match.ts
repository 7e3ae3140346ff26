// Does a report say what a policy test expects? `pass: true`: no error findings. `findings`:
// every expected finding is reported (path and line when given), and no other error or warning
// is; notices are matched when listed and otherwise free. Pure.
import type { Finding, Report } from '../model.ts';
import type { ExpectedFinding, Fixture } from './fixtures.ts';

function describe(f: { rule?: string; ruleId?: string; severity: string; path?: string; line?: number }): string {
  const where = f.path === undefined ? '' : ` ${f.path}${f.line === undefined ? '' : `:${f.line}`}`;
  return `${f.rule ?? f.ruleId} ${f.severity}${where}`;
}

function matches(e: ExpectedFinding, f: Finding): boolean {
  return e.rule === f.ruleId && e.severity === f.severity && (e.path === undefined || e.path === f.path) && (e.line === undefined || e.line === f.line);
}

/** The mismatches, one line each; empty when the report is as expected. */
export function compareReport(report: Report, expect: Fixture['expect']): string[] {
  if ('pass' in expect) {
    return report.findings.filter((f) => f.severity === 'error').map((f) => `expected a pass, got ${describe(f)}`);
  }
  const used = new Set<number>();
  const problems: string[] = [];
  for (const e of expect.findings) {
    const i = report.findings.findIndex((f, k) => !used.has(k) && matches(e, f));
    if (i === -1) problems.push(`missing  ${describe(e)}`);
    else used.add(i);
  }
  report.findings.forEach((f, k) => {
    if (!used.has(k) && f.severity !== 'notice') problems.push(`unexpected ${describe(f)}`);
  });
  return problems;
}
