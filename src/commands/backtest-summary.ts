// What a backtest found, aggregated: per rule, the PRs it flagged at error and at warning, split
// AI-assisted vs not, those it could not decide without the PR's own data, and the PRs that would
// have been blocked. Pure: built from per-PR verdicts, formatted by backtest-format.ts.
import type { Report, Severity } from '../model.ts';
import type { MergedPr } from './backtest-history.ts';

export interface PrVerdict {
  pr: MergedPr;
  ai: boolean;
  blocked: boolean;
  /** The worst decided severity per rule that reported something. */
  rules: Record<string, Severity>;
  /** Rules with findings decided on the pull request (its description, labels, reviews). */
  pending: string[];
  /** The rules that ran on it (the report's `rules`): a rule the policy turns off is not among them. */
  ran: string[];
}

export interface RuleSummary {
  rule: string;
  error: { ai: string[]; human: string[] };
  warning: { ai: string[]; human: string[] };
  pending: string[];
  /** How many of the checked PRs it ran on: 0 is a rule the policy does not run, not one that found nothing. */
  ran: number;
}

export interface PolicySummary {
  policy: string;
  checked: number;
  ai: number;
  blocked: { all: string[]; ai: string[]; human: string[] };
  rules: RuleSummary[];
}

/** "#123", or the merge commit's short sha for a PR without a number. */
export function prLabel(pr: MergedPr): string {
  return pr.number !== undefined ? `#${pr.number}` : pr.sha.slice(0, 7);
}

/**
 * `undecided`: the rules whose verdict needs PR data the backtest does not have (review-quorum and
 * the reviews): a notice of theirs is what the PR would decide (the approvals a change will need),
 * counted under "decided on the PR" as a deferred finding is, never as a pass.
 */
export function verdictOf(pr: MergedPr, report: Report, undecided: ReadonlySet<string> = new Set()): PrVerdict {
  const rules: Record<string, Severity> = {};
  const pending = new Set<string>();
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  for (const f of report.findings) {
    if (f.deferred || (f.severity === 'notice' && undecided.has(f.ruleId))) {
      pending.add(f.ruleId);
      continue;
    }
    const now = rules[f.ruleId];
    if (now === undefined || rank[f.severity] < rank[now]) rules[f.ruleId] = f.severity;
  }
  return { pr, ai: report.ai.assisted, blocked: report.conclusion === 'failure', rules, pending: [...pending], ran: [...report.rules] };
}

export function summarise(policy: string, verdicts: readonly PrVerdict[], ruleOrder: readonly string[]): PolicySummary {
  const rules: RuleSummary[] = ruleOrder.map((rule) => ({ rule, error: { ai: [], human: [] }, warning: { ai: [], human: [] }, pending: [], ran: 0 }));
  const byId = new Map(rules.map((r) => [r.rule, r]));
  const blocked: PolicySummary['blocked'] = { all: [], ai: [], human: [] };
  for (const v of verdicts) {
    const label = prLabel(v.pr);
    const side = v.ai ? 'ai' : 'human';
    if (v.blocked) {
      blocked.all.push(label);
      blocked[side].push(label);
    }
    for (const [rule, severity] of Object.entries(v.rules)) {
      const r = byId.get(rule);
      if (r && (severity === 'error' || severity === 'warning')) r[severity][side].push(label);
    }
    for (const rule of v.pending) byId.get(rule)?.pending.push(label);
    for (const rule of v.ran) {
      const r = byId.get(rule);
      if (r) r.ran++;
    }
  }
  return { policy, checked: verdicts.length, ai: verdicts.filter((v) => v.ai).length, blocked, rules };
}

/** A rule the policy ran on none of the PRs it checked: "off", not a count of 0 (which reads as "found nothing"). */
export function notRun(rule: RuleSummary, s: PolicySummary): boolean {
  return s.checked > 0 && rule.ran === 0;
}

/** PRs whose verdict differs between two policies. */
export function verdictChanges(a: readonly PrVerdict[], b: readonly PrVerdict[]): { newlyBlocked: string[]; noLongerBlocked: string[] } {
  const newlyBlocked: string[] = [];
  const noLongerBlocked: string[] = [];
  a.forEach((va, i) => {
    const vb = b[i];
    if (!vb || va.blocked === vb.blocked) return;
    (vb.blocked ? newlyBlocked : noLongerBlocked).push(prLabel(va.pr));
  });
  return { newlyBlocked, noLongerBlocked };
}
