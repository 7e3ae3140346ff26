// What the `ai:` overrides would add when the entry cannot tell whether the change is AI-assisted.
// Nothing in the commits or the branch says AI, but the PR description, which may disclose AI use
// (the AI Authorship Statement's box, an `Assisted-by:` line), is not there: a local check or a
// push. Then a rule's findings under its `ai:` block that its own run does not have are reported as
// notices "decided on the pull request", so they are shown, never silently passed, and a push is
// not blocked by what the PR may well not disclose. Pure.
import type { Finding, Provenance } from './model.ts';
import type { RuleRun } from './policy/overrides.ts';
import type { PrField } from './rule.ts';
import { deferUnderAi } from './deferral.ts';
import { SEVERITY_RANK } from './rule-kit/index.ts';

/** A finding before deferral, with the PR fields it depends on that the entry lacks. */
export interface RawFinding {
  finding: Finding;
  missing: PrField[];
}

/** Not AI-assisted on the evidence, no `--ai` flag, and no PR description to read a disclosure from. */
export function aiUndecided(ai: Provenance, unavailable: ReadonlySet<PrField>): boolean {
  return !ai.assisted && ai.source !== 'flag' && unavailable.has('body');
}

/** Provenance whose `assisted` records whether a rule read it (a rule that did may decide differently under AI). */
export function trackAssisted(ai: Provenance): { ai: Provenance; read: () => boolean } {
  let read = false;
  const tracked = { ...ai };
  Object.defineProperty(tracked, 'assisted', {
    enumerable: true,
    get: () => {
      read = true;
      return ai.assisted;
    },
  });
  return { ai: tracked, read: () => read };
}

/** Same severities and options in the same order: the `ai:` runs would report the same. */
export function sameRuns(a: readonly RuleRun[], b: readonly RuleRun[]): boolean {
  const key = (runs: readonly RuleRun[]) => JSON.stringify(runs.map((r) => [r.severity, r.options, r.appliedLabel ?? null]));
  return key(a) === key(b);
}

/** Where and what a finding says: two findings with the same key are the same finding, at some severity. */
export const findingKey = (f: Pick<Finding, 'path' | 'line' | 'message'>): string => `${f.path ?? ''}\u0000${f.line ?? ''}\u0000${f.message}`;

/**
 * The findings of the `ai:` runs that the rule's own runs lack (or report at a lower severity), as
 * notices naming what would decide them. One that needs the PR description anyway and that the
 * own runs already report (deferred) is left to that notice.
 */
export function onlyUnderAi(own: readonly RawFinding[], underAi: readonly RawFinding[]): Finding[] {
  // The worst severity the own runs report for each finding (SEVERITY_RANK: 0 is an error).
  const seen = new Map<string, number>();
  for (const r of own) {
    const key = findingKey(r.finding);
    seen.set(key, Math.min(seen.get(key) ?? Infinity, SEVERITY_RANK[r.finding.severity]));
  }
  const out: Finding[] = [];
  for (const r of underAi) {
    const have = seen.get(findingKey(r.finding));
    if (have !== undefined && (have <= SEVERITY_RANK[r.finding.severity] || r.missing.includes('body'))) continue;
    if (r.finding.severity === 'notice') continue;
    out.push(deferUnderAi(r.finding, r.missing));
  }
  return out;
}

/** The report's note when the `ai:` overrides would add findings. */
export function aiPendingNote(count: number): string {
  return (
    `AI-assisted is decided on the pull request: no AI trace in the commits or the branch, but the PR description (not given) may ` +
    `disclose AI use, and then the policy's \`ai:\` overrides apply; ${count} notice${count === 1 ? '' : 's'} below say${count === 1 ? 's' : ''} ` +
    `what they would add (--pr-body FILE or --ai yes|no decides it here)`
  );
}
