// Markdown report: a verdict line, provenance, policy, stats, one table per rule, notes.
// Used by `prguard check --format markdown`, the Action's check-run summary, job summary and
// sticky comment. Pure: (report, options) -> string.
import type { Finding, Report, Severity } from '../model.ts';
import { DEFAULT_POLICY_LABEL } from '../policy/default.ts';
import { defaultRuleDocsUrl } from './docs.ts';
import { countBySeverity, location, plural, provenanceSummary } from './text.ts';

export { countBySeverity };

export interface MarkdownOptions {
  /**
   * Upper bound for the output. When the full report does not fit, findings are dropped
   * least-severe first and a line says how many were left out.
   */
  maxLength?: number;
  /** How `maxLength` is measured: UTF-16 code units (GitHub's "characters") or UTF-8 bytes. */
  unit?: 'chars' | 'bytes';
  /** Link target for a rule's documentation. */
  ruleDocsUrl?: (ruleId: string) => string;
  /** Heading text; defaults to `prguard`. */
  title?: string;
  /** Extra lines shown under the verdict (e.g. "the embedded default policy applies"). */
  preface?: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/** Findings worst first, then by rule, path and line: the order in which they are kept. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.path ?? '').localeCompare(b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

/** "2 errors, 1 warning" or "no findings". */
export function findingCounts(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error'));
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  if (c.notice) parts.push(plural(c.notice, 'notice'));
  return parts.length ? parts.join(', ') : 'no findings';
}

/** Text for a markdown table cell: one line, no pipes, no raw HTML. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** Inline code that survives backticks, pipes and HTML in the text. */
function code(text: string): string {
  return `<code>${cell(text)}</code>`;
}

function provenanceLine(report: Report): string {
  const summary = provenanceSummary(report.ai);
  const prefix = 'AI-assisted:';
  return summary.startsWith(prefix) ? `**${prefix}**${cell(summary.slice(prefix.length))}` : cell(summary);
}

function header(report: Report, options: MarkdownOptions): string[] {
  const verdict =
    report.conclusion === 'failure'
      ? `❌ **Failed** — ${findingCounts(report.findings)}`
      : report.findings.length
        ? `✅ **Passed** — ${findingCounts(report.findings)}`
        : '✅ **Passed** — no findings';
  const s = report.stats;
  return [
    `## ${cell(options.title ?? 'prguard')}`,
    '',
    verdict,
    ...(options.preface?.length ? ['', ...options.preface.map((p) => `> ${cell(p)}`)] : []),
    '',
    `${provenanceLine(report)}<br>`,
    `**Policy:** ${report.policy === DEFAULT_POLICY_LABEL ? DEFAULT_POLICY_LABEL : code(report.policy)}<br>`,
    `**Changed:** ${plural(s.files, 'file')}, +${s.additions} −${s.deletions}`,
  ];
}

function tables(findings: readonly Finding[], docs: (id: string) => string): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  const out: string[] = [];
  for (const [ruleId, list] of byRule) {
    out.push(
      '',
      `### [${cell(ruleId)}](${docs(ruleId)}) — ${findingCounts(list)}`,
      '',
      '| Severity | Location | Message |',
      '| --- | --- | --- |',
    );
    for (const f of list) {
      const where = location(f);
      out.push(`| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${where ? code(where) : '—'} | ${cell(f.message)} |`);
    }
  }
  return out;
}

function notesBlock(notes: readonly string[]): string[] {
  if (!notes.length) return [];
  return ['', '### Notes', '', ...notes.map((n) => `- ${cell(n)}`)];
}

function measure(text: string, unit: 'chars' | 'bytes'): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

function render(report: Report, ordered: Finding[], kept: number, options: MarkdownOptions): string {
  const docs = options.ruleDocsUrl ?? defaultRuleDocsUrl;
  const left = ordered.length - kept;
  const lines = [
    ...header(report, options),
    ...tables(ordered.slice(0, kept), docs),
    ...(left > 0
      ? ['', `_${plural(left, 'more finding')} not shown here (size limit); the JSON report has them all._`]
      : []),
    ...notesBlock(report.notes),
  ];
  return `${lines.join('\n')}\n`;
}

/** Cut at a line boundary so that the text plus `tail` fits `max`. */
function cutLines(text: string, tail: string, max: number, unit: 'chars' | 'bytes'): string {
  const lines = text.split('\n');
  while (lines.length && measure(lines.join('\n') + tail, unit) > max) lines.pop();
  return lines.join('\n') + tail;
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const ordered = sortFindings(report.findings);
  const unit = options.unit ?? 'chars';
  const max = options.maxLength;
  const full = render(report, ordered, ordered.length, options);
  if (max === undefined || measure(full, unit) <= max) return full;
  // Largest number of findings that fits: binary search over the kept prefix.
  let lo = 0;
  let hi = ordered.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (measure(render(report, ordered, mid, options), unit) <= max) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best >= 0) return render(report, ordered, best, options);
  // Even the header and notes alone are too long: cut whole lines and say so.
  const tail = `\n\n_Report truncated (size limit); ${plural(ordered.length, 'finding')} not shown._\n`;
  const cut = cutLines(render(report, ordered, 0, options), tail, max, unit);
  return measure(cut, unit) <= max ? cut : cut.slice(0, max);
}
