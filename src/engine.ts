// The engine: rules x change set -> Report. Pure: no I/O, no clock, no environment.
import type { ChangeSet, Finding, Provenance, Report, Severity } from './model.ts';
import { DEFAULT_POLICY_LABEL } from './policy/default.ts';
import type { ResolvedPolicy } from './policy/resolve.ts';
import type { AnyRule, RuleContext, Violation } from './rule.ts';
import { allRules } from '../rules/index.ts';
import { maskSecrets } from './mask.ts';

export interface EngineInput {
  change: ChangeSet;
  policy: ResolvedPolicy;
  ai: Provenance;
  /** Repository files rules asked for (Rule.documents), by path. */
  documents?: Record<string, string>;
  /** Repository files rules asked for at the base commit (Rule.baseDocuments), by path. */
  baseDocuments?: Record<string, string>;
  rules?: readonly AnyRule[];
  /** Notes from the source or the entry (e.g. "embedded default policy"), kept in the report. */
  notes?: string[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The options and severity a rule runs with, given whether the change is AI-assisted. */
export function effectiveRule(
  policy: ResolvedPolicy,
  id: string,
  aiAssisted: boolean,
): { severity: Severity | 'off'; options: Record<string, unknown> } | undefined {
  const entry = policy.rules[id];
  if (!entry) return undefined;
  if (!aiAssisted) return { severity: entry.severity, options: entry.options };
  const { severity, ...overrides } = entry.aiOptions;
  return {
    severity: (severity as Severity | 'off' | undefined) ?? entry.severity,
    options: { ...entry.options, ...overrides },
  };
}

function render(template: string, data: Violation['data']): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) =>
    data && key in data ? String(data[key]) : whole,
  );
}

function toFinding(rule: AnyRule, severity: Severity, v: Violation): Finding {
  const template = rule.meta.messages[v.messageId];
  if (template === undefined) {
    throw new Error(`rule ${rule.meta.id} reported unknown message id "${v.messageId}"`);
  }
  const finding: Finding = { ruleId: rule.meta.id, severity: v.severity ?? severity, message: render(template, v.data) };
  if (v.path !== undefined) finding.path = v.path;
  if (v.line !== undefined) finding.line = v.line;
  if (v.endLine !== undefined) finding.endLine = v.endLine;
  if (v.fingerprint !== undefined) finding.fingerprint = v.fingerprint;
  if (v.confidence !== undefined) finding.confidence = v.confidence;
  return finding;
}

export function runEngine(input: EngineInput): Report {
  const { change, policy, ai } = input;
  const rules = input.rules ?? allRules;
  const context: RuleContext = {
    ai,
    core: policy.core,
    policyPath: policy.source,
    documents: input.documents ?? {},
    baseDocuments: input.baseDocuments ?? {},
  };
  const findings: Finding[] = [];
  const secrets: string[] = [];
  for (const rule of rules) {
    const effective = effectiveRule(policy, rule.meta.id, ai.assisted);
    if (!effective || effective.severity === 'off') continue;
    let violations: Violation[];
    try {
      violations = rule.check(change, effective.options, context);
      for (const v of violations) {
        if (v.secrets) secrets.push(...v.secrets);
        findings.push(toFinding(rule, effective.severity, v));
      }
    } catch (err) {
      // Fail closed: a rule that cannot run must not let the change pass silently.
      const reason = err instanceof Error ? err.message : String(err);
      findings.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message:
          `Rule ${rule.meta.id} failed to run (${reason}). prguard fails closed so the change is not ` +
          `passed unchecked; please report this, or set the rule to "off" in the policy to skip it.`,
      });
    }
  }
  const order = new Map(rules.map((r, i) => [r.meta.id, i]));
  findings.sort(
    (a, b) =>
      (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.path ?? '').localeCompare(b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  let additions = 0;
  let deletions = 0;
  for (const f of change.files) {
    additions += f.additions;
    deletions += f.deletions;
  }
  const report: Report = {
    version: 1,
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    findings,
    stats: { files: change.files.length, additions, deletions },
    ai,
    policy: policy.source ?? DEFAULT_POLICY_LABEL,
    notes: [...(input.notes ?? []), ...(change.notes ?? [])],
  };
  return maskSecrets(report, secrets);
}
