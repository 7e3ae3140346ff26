// Human-readable output: findings grouped by rule, the change's stats and a one-line verdict.
import type { Provenance, Report } from '../model.ts';
import { countBySeverity, failOnReason, location, plural, policyLabel } from './findings.ts';
import { printable as shown } from './printable.ts';

export interface TextOptions {
  color?: boolean;
}

type Paint = (code: string, s: string) => string;

const SEVERITY_COLOR = { error: '31', warning: '33', notice: '36' } as const;

/** One line naming whether the change is AI-assisted and on what evidence. */
export function provenanceSummary(ai: Provenance): string {
  const agents = ai.agents.length > 0 ? ` — ${ai.agents.join(', ')}` : '';
  const first = ai.evidence[0];
  const more = ai.evidence.length > 1 ? ` (+${ai.evidence.length - 1} more)` : '';
  // Cut on a character: half of a surrogate pair (an emoji's) is no character at all.
  const quoted = first && first.text.length > 60 ? `${first.text.slice(0, 59).replace(/[\uD800-\uDBFF]$/, '')}…` : first?.text;
  const why = first ? `: ${first.signal} in ${first.where} ("${quoted}")${more}` : '';
  if (ai.source === 'flag') {
    // The flag wins, but what the detector saw is still worth a reader's eye.
    const seen = first ? `; detected${agents}${why}` : '';
    return `AI-assisted: ${ai.assisted ? 'yes (--ai yes' : 'no (--ai no'}${seen})`;
  }
  if (!ai.assisted) return 'AI-assisted: no evidence found';
  return `AI-assisted: yes${agents}${why}`;
}

/**
 * The report for a terminal. What comes from the change (paths, messages quoting commits,
 * notes) is passed through `shown` (printable.ts), so that it cannot carry an escape sequence or
 * a line of its own into the output.
 */
export function formatText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_c, s) => s;
  const { stats } = report;
  const lines: string[] = [];
  lines.push(
    `${paint('1', 'prguard')} · ${plural(stats.files, 'file')} changed (+${stats.additions} −${stats.deletions}) · policy: ${shown(policyLabel(report.policy))}`,
  );
  lines.push(shown(provenanceSummary(report.ai)));
  lines.push(`rules run: ${report.rules.length > 0 ? report.rules.join(', ') : 'none (the policy turns every rule off)'}`);
  for (const note of report.notes) lines.push(paint('2', `note: ${shown(note)}`));
  // Every audited waiver, as the markdown and JSON reports list them.
  for (const w of report.waivers ?? []) {
    lines.push(shown(`waived: ${w.ruleId} by @${w.by} (${w.reason}; ${plural(w.findings, 'finding')}, ${w.at}${w.url ? `, ${w.url}` : ''})`));
  }

  let current = '';
  for (const f of report.findings) {
    if (f.ruleId !== current) {
      current = f.ruleId;
      lines.push('', paint('1', shown(current)));
    }
    const sev = paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
    const where = shown(location(f));
    lines.push(`  ${sev}  ${where ? `${paint('4', where)}  ` : ''}${shown(f.message)}`);
  }

  const { error: errors, warning: warnings, notice: notices } = countBySeverity(report.findings);
  lines.push('');
  if (report.findings.length === 0) {
    lines.push(paint('32', '✔ No findings: passing'));
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    if (notices > 0) parts.push(plural(notices, 'notice'));
    const deferred = report.findings.filter((f) => f.deferred).length;
    const later = deferred > 0 ? ` · ${deferred} decided on the pull request` : '';
    // The verdict is the report's conclusion (the CLI sets it from --fail-on): a warning can fail
    // the check, and an error can leave it passing.
    const why = failOnReason(report) || (report.conclusion === 'failure' ? '' : ' (no errors)');
    lines.push(
      report.conclusion === 'failure'
        ? paint('31', `✖ ${parts.join(', ')}: failing${why}${later}`)
        : paint('33', `⚠ ${parts.join(', ')}: passing${why}${later}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
