// Findings that only the pull request can decide. A rule declares the PR fields its verdict needs
// (RuleMeta.pullRequest.needs, or a finding its own Violation.needs); where the entry lacks them
// (a local check without --pr-body / --label), the finding becomes a notice "decided on the pull
// request", so a push is not blocked by what the PR may well satisfy. Pure.
import type { Finding } from './model.ts';
import type { AnyRule, PrField, Violation } from './rule.ts';

const WORDS: Record<PrField, { what: string; how: string }> = {
  title: { what: 'title', how: '--pr-title TEXT' },
  body: { what: 'description', how: '--pr-body FILE' },
  labels: { what: 'labels', how: '--label NAME' },
  reviews: { what: 'reviews', how: '' },
};

/** The PR fields `v` depends on that the entry could not provide. */
export function missingFields(rule: AnyRule, v: Violation, unavailable: ReadonlySet<PrField>): PrField[] {
  const needs = v.needs ?? rule.meta.pullRequest?.needs ?? [];
  return needs.filter((f) => unavailable.has(f));
}

export function deferFinding(finding: Finding, missing: readonly PrField[]): Finding {
  if (missing.length === 0 || finding.severity === 'notice') return finding;
  const what = missing.map((f) => WORDS[f].what).join(' and ');
  const how = missing.map((f) => WORDS[f].how).filter((h) => h !== '');
  const hint = how.length > 0 ? ` (${how.join(' and ')} checks it here)` : '';
  return {
    ...finding,
    severity: 'notice',
    message: `Decided on the pull request, whose ${what} this check does not have${hint}; it would be ${finding.severity === 'error' ? 'an error' : 'a warning'} as things stand: ${finding.message}`,
    deferred: [...missing],
  };
}

/**
 * A finding only the rule's `ai:` overrides raise, when the entry cannot tell whether the change is
 * AI-assisted (no AI trace, no PR description to read a disclosure from): a notice saying so.
 */
export function deferUnderAi(finding: Finding, missing: readonly PrField[]): Finding {
  const fields: PrField[] = ['body', ...missing.filter((f) => f !== 'body')];
  const what = fields.map((f) => WORDS[f].what).join(' and ');
  return {
    ...finding,
    severity: 'notice',
    message:
      `Decided on the pull request, whose ${what} this check does not have (--pr-body FILE, or --ai yes|no, decides it here): ` +
      `nothing in the commits or the branch says AI, but if the PR discloses AI use the rule's \`ai:\` overrides apply, and it would be ` +
      `${finding.severity === 'error' ? 'an error' : 'a warning'}: ${finding.message}`,
    deferred: fields,
  };
}
