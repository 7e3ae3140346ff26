// One copy of what every formatter and publisher needs about findings: counts by severity, the
// one sort order, and the words for them.
import type { Finding, Report, Severity } from '../model.ts';
import { compareText, plural, SEVERITY_RANK } from '../rule-kit/index.ts';

/** How many findings there are of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** What fails a check: the CLI's `--fail-on`, the Action's `fail-on` input. */
export type FailOn = 'error' | 'warning' | 'never';

/** Does the report fail under `fail-on`? Exit code 1 of the CLI and a failed step of the Action are this. */
export function failsUnder(report: Pick<Report, 'findings'>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const c = countBySeverity(report.findings);
  return failOn === 'warning' ? c.error + c.warning > 0 : c.error > 0;
}

/**
 * The report as `fail-on` judges it: its `conclusion` (the verdict of every format, the JSON
 * report's, the summaries' and the check title's) is `failure` exactly when the check fails, so
 * a warning under `fail-on: warning` is not shown as "Passed" on a failing check.
 */
export function withVerdict(report: Report, failOn: FailOn): Report {
  return { ...report, conclusion: failsUnder(report, failOn) ? 'failure' : 'success' };
}

/**
 * Why the verdict is not the errors' own, in words for after it: a failure without an error
 * (`fail-on: warning`), or a pass with errors (`fail-on: never`); '' otherwise.
 */
export function failOnReason(report: Pick<Report, 'findings' | 'conclusion'>): string {
  const errors = report.findings.some((f) => f.severity === 'error');
  if (report.conclusion === 'failure') return errors ? '' : ' (warnings fail this check)';
  return errors ? ' (errors do not fail this check)' : '';
}

/**
 * The one order findings are listed in, everywhere (engine, text, markdown, SARIF): by rule (in
 * `ruleOrder`, the registry's display order, when given; else by id), then worst first, then by
 * path and line. Grouping by rule is then contiguous in every format.
 */
export function sortFindings(findings: readonly Finding[], ruleOrder?: readonly string[]): Finding[] {
  const order = new Map(ruleOrder?.map((id, i) => [id, i]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) =>
      rank(a.ruleId) - rank(b.ruleId) ||
      compareText(a.ruleId, b.ruleId) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareText(a.path ?? '', b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

/** The same findings, worst first; within a severity, in their listed order. */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/**
 * The `count` worst findings, in their listed order: what a size limit keeps (it drops notices
 * before warnings before errors).
 */
export function keepWorst(findings: readonly Finding[], count: number): Finding[] {
  if (count >= findings.length) return [...findings];
  const kept = new Set(worstFirst(findings).slice(0, Math.max(0, count)));
  return findings.filter((f) => kept.has(f));
}

/** "2 errors, 1 warning" or "no findings". */
export function findingCounts(findings: readonly Finding[]): string {
  return severityCounts(countBySeverity(findings));
}

/** Counts by severity as findingCounts words them. */
export function severityCounts(c: Record<Severity, number>): string {
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error'));
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  if (c.notice) parts.push(plural(c.notice, 'notice'));
  return parts.length ? parts.join(', ') : 'no findings';
}

/** `path:line`, `path`, or '' for a whole-change finding. */
export function location(f: Finding): string {
  if (!f.path) return '';
  return f.line !== undefined ? `${f.path}:${f.line}` : f.path;
}

export { plural };

/** The policy in force, as a reader sees it: its path, or "embedded default". */
export function policyLabel(policy: Report['policy']): string {
  return policy.path ?? 'embedded default';
}
