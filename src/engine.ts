// The engine: rules x change set -> Report. Pure: no I/O, no clock, no environment. The rules are
// handed in by the composition root (src/app.ts); the engine knows no registry.
import type { ChangeSet, Finding, PolicyOrigin, Provenance, ReadKind, Report, Severity, Unread } from './model.ts';
import type { ResolvedPolicy } from './policy/resolve.ts';
import { sortFindings } from './report/findings.ts';
import type { AnyRule, PrField, RuleContext, Violation } from './rule.ts';
import { deferFinding, missingFields } from './deferral.ts';
import { PLACEHOLDER, renderMessage, SEVERITY_RANK } from './rule-kit/index.ts';
import { maskSecrets } from './mask.ts';
import { type RuleRun, ruleRuns } from './policy/overrides.ts';
import { aiPendingNote, aiUndecided, findingKey, onlyUnderAi, type RawFinding, sameRuns, trackAssisted } from './ai-pending.ts';
import { defaultOptions } from './policy/resolve.ts';
import { PerFileResults } from './per-file.ts';

export interface EngineInput {
  change: ChangeSet;
  policy: ResolvedPolicy;
  /** Every rule that may run, in display order; the policy decides which do. */
  rules: readonly AnyRule[];
  ai: Provenance;
  /** Where the policy came from; by default its path, as an explicit file. */
  origin?: PolicyOrigin;
  /** Repository files rules asked for (Rule.documents), by path. */
  documents?: Record<string, string>;
  /** Repository files rules asked for at the base (Rule.baseDocuments), by path. */
  baseDocuments?: Record<string, string>;
  /** Notes from the source or the entry (e.g. "embedded default policy"), kept in the report. */
  notes?: string[];
  /**
   * Receives the raw secrets the rules reported, so the composition root can mask them in text
   * outside the report (error messages, logs). They never enter the report.
   */
  onSecrets?: (secrets: readonly string[]) => void;
  /**
   * PR fields the entry could not provide (a local check without --pr-body / --label): findings
   * that depend on them become notices "decided on the pull request" (src/deferral.ts).
   */
  unavailable?: readonly PrField[];
  /** Results of the rules' per-file phases computed while the change streamed in (src/per-file.ts). */
  perFile?: PerFileResults;
}

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

const ALL_KINDS: readonly ReadKind[] = ['files', 'lines', 'commits'];

/**
 * Fail closed in one place: what the source could not read is an error finding in every enabled
 * rule whose verdict depends on it (RuleMeta.reads; a rule that does not say depends on all).
 */
export function unreadFindings(rule: AnyRule, unread: readonly Unread[]): Finding[] {
  const reads = rule.meta.reads ?? ALL_KINDS;
  return unread
    .filter((u) => reads.includes(u.kind))
    .map((u) => {
      const finding: Finding = {
        ruleId: rule.meta.id,
        severity: 'error',
        message: `Could not read ${u.what}: not checked by ${rule.meta.id}. ${u.reason}`,
      };
      if (u.path !== undefined) finding.path = u.path;
      return finding;
    });
}

function toFinding(rule: AnyRule, severity: Severity, v: Violation): Finding {
  const template = rule.meta.messages[v.messageId];
  if (template === undefined) {
    throw new Error(`rule ${rule.meta.id} reported unknown message id "${v.messageId}"`);
  }
  const message = renderMessage(template, v.data);
  const unfilled = [...message.matchAll(PLACEHOLDER)].map((m) => m[1]);
  if (unfilled.length > 0) {
    throw new Error(`rule ${rule.meta.id} left {{${unfilled.join('}}, {{')}}} unfilled in message "${v.messageId}"`);
  }
  const finding: Finding = { ruleId: rule.meta.id, severity: v.severity ?? severity, message };
  if (v.path !== undefined) finding.path = v.path;
  if (v.line !== undefined) finding.line = v.line;
  if (v.endLine !== undefined) finding.endLine = v.endLine;
  if (v.fingerprint !== undefined) finding.fingerprint = v.fingerprint;
  if (v.confidence !== undefined) finding.confidence = v.confidence;
  return finding;
}

/** Run `rule` once per configuration and keep each finding where its configuration applies, with the PR fields it lacks. */
function runRule(
  rule: AnyRule,
  change: ChangeSet,
  runs: readonly RuleRun[],
  context: RuleContext,
  perFile: PerFileResults,
  unavailable: ReadonlySet<PrField>,
  secrets: string[],
): RawFinding[] {
  const out: RawFinding[] = [];
  // A finding on a renamed file may come from the runs of both its paths: the worse one is kept.
  const kept = new Map<string, RawFinding>();
  for (const run of runs) {
    const severity: Severity = run.severity;
    const options = run.options;
    const ctx: RuleContext = rule.file ? { ...context, perFile: (file) => perFile.resultFor(rule, options, file) } : context;
    const violations = rule.check(change, options, ctx);
    // Secrets first: a rule that fails half-way still has every secret it saw masked.
    for (const v of violations) if (v.secrets) secrets.push(...v.secrets);
    for (const v of violations) {
      if (!run.owns(v.path, v.line)) continue;
      const finding = toFinding(rule, severity, v);
      if (v.path === undefined && run.appliedLabel) finding.message += ` (Policy ${run.appliedLabel} applied: every changed file is in it.)`;
      const raw: RawFinding = { finding, missing: missingFields(rule, v, unavailable) };
      if (v.path !== undefined) {
        const same = findingKey(finding);
        const before = kept.get(same);
        if (before !== undefined) {
          if (SEVERITY_RANK[before.finding.severity] <= SEVERITY_RANK[finding.severity]) continue;
          out.splice(out.indexOf(before), 1);
        }
        kept.set(same, raw);
      }
      out.push(raw);
    }
  }
  return out;
}

export function runEngine(input: EngineInput): Report {
  const { change, policy, ai, rules } = input;
  const context: RuleContext = {
    ai,
    core: policy.core,
    coreOwners: policy.coreOwners ?? {},
    policyPath: policy.source,
    documents: input.documents ?? {},
    baseDocuments: input.baseDocuments ?? {},
  };
  const findings: Finding[] = [];
  const secrets: string[] = [];
  const ran: string[] = [];
  const unavailable = new Set(input.unavailable ?? []);
  const overrides = policy.overrides ?? [];
  const perFile = input.perFile ?? new PerFileResults(rules, () => []);
  // Not AI-assisted as far as the commits and branch tell, but the PR description that could
  // disclose AI use is not here (a local check): what the `ai:` overrides would add is reported
  // too, as notices decided on the pull request, never dropped (src/ai-pending.ts).
  const pending = aiUndecided(ai, unavailable);
  let pendingCount = 0;
  for (const rule of rules) {
    const runsWhen = (assisted: boolean) => ruleRuns(rule, policy.rules[rule.meta.id], change.files, overrides, assisted, () => defaultOptions(rule));
    const actual = runsWhen(ai.assisted);
    const hypothetical = pending ? runsWhen(true) : [];
    if (actual.length === 0 && hypothetical.length === 0) continue;
    if (actual.length > 0) ran.push(rule.meta.id);
    findings.push(...unreadFindings(rule, actual.length > 0 ? (change.unread ?? []) : []));
    try {
      const tracked = trackAssisted(ai);
      const own = runRule(rule, change, actual, { ...context, ai: tracked.ai }, perFile, unavailable, secrets);
      for (const r of own) findings.push(deferFinding(r.finding, r.missing));
      // The ai: runs, only when they can differ: other options or severity, or a rule that reads whether the change is AI-assisted.
      if (pending && (tracked.read() || !sameRuns(actual, hypothetical))) {
        const aiContext: RuleContext = { ...context, ai: { ...ai, assisted: true } };
        const added = onlyUnderAi(own, runRule(rule, change, hypothetical, aiContext, perFile, unavailable, secrets));
        pendingCount += added.length;
        findings.push(...added);
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
  let additions = 0;
  let deletions = 0;
  for (const f of change.files) {
    additions += f.additions;
    deletions += f.deletions;
  }
  const origin: PolicyOrigin = input.origin ?? { path: policy.source, source: policy.source === null ? 'default' : 'explicit' };
  const report: Report = {
    version: 1,
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    findings: sortFindings(findings, rules.map((r) => r.meta.id)),
    stats: { files: change.files.length, additions, deletions },
    ai,
    policy: origin,
    rules: ran,
    notes: [...(input.notes ?? []), ...(change.notes ?? []), ...(pendingCount > 0 ? [aiPendingNote(pendingCount)] : [])],
  };
  input.onSecrets?.(secrets);
  return maskSecrets(report, secrets);
}
