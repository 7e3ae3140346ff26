// Markdown report: a verdict line, provenance, policy, stats, one table per rule, notes.
// Used by `prguard check --format markdown`, the Action's check-run summary, job summary and
// sticky comment. Pure: (report, options) -> string.
import type { Finding, Report, Severity } from '../model.ts';
import { defaultRuleDocsUrl } from './docs.ts';
import { failOnReason, findingCounts, keepWorst, location, plural, policyLabel } from './findings.ts';
import { printable } from './printable.ts';
import { provenanceSummary } from './text.ts';

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

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/**
 * Markdown that renders `text` as itself, on one line: no raw HTML, no control character, and no
 * link, image, emphasis, strikethrough, code span or math made of a file name or a message (a path such
 * as `docs/[Sign in](https://evil.example).md`, or a bare `https://evil.example` or
 * `www.evil.example`, shows as that text under prguard's name, never as a link).
 */
export function markdownText(text: string, oneLine = false): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    // GitHub makes links of bare URLs and www. names (GFM's autolink literals) from the raw text;
    // a character reference in place of the `:` or the `.` shows the same text and links nothing.
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(www)\./gi, '$1&#46;')
    // GitHub renders `$…$` and `$$…$$` as math (MathJax: `$\Huge\color{green}\text{Passed}$` in a
    // commit message would show as large green text under prguard's name), and a backslash does
    // not escape a dollar sign there: GitHub's documented escape is a span around it.
    .replace(/\$/g, () => '<span>$</span>');
  // A lone carriage return ends a line in Markdown as a newline does (a file named
  // `x\r## Passed` would start a heading of its own), and escape sequences and bidirectional
  // overrides reach a terminal or reorder what a reader sees: all are shown escaped
  // (printable.ts), as in the text report; a written line break stays one, but in a name
  // (`oneLine`) it is shown as `\n` too.
  return oneLine ? printable(escaped) : escaped.split(/\r?\n/).map(printable).join('<br>');
}

/**
 * Text for a markdown table cell: one line, no pipes, no markup, no @mention (a file named
 * `@org/team.md` must not notify a team from a bot's comment) and no issue reference (a commit
 * message naming `#12`, `GH-12` or `other/repo#12` must not make the bot's comment cross-reference
 * that issue): a zero-width space follows each `@`, each `#` before a digit and each `GH-` before one.
 */
function cell(text: string): string {
  return markdownText(text)
    .replace(/@(?=[\w-])/g, '@&#8203;')
    .replace(/(?<!&)#(?=\d)/g, '#&#8203;')
    .replace(/\bGH-(?=\d)/gi, '$&&#8203;');
}

/**
 * Inline code that survives backticks, pipes and HTML in the text (GitHub links no mention in code).
 * It holds a name (a path, a rule id), which is one line: a newline in a file name is shown as
 * `\n`, as the text report shows it, not as a line break that makes two names of one.
 */
function code(text: string): string {
  return `<code>${markdownText(text, true)}</code>`;
}

function provenanceLine(report: Report): string {
  const summary = provenanceSummary(report.ai);
  const prefix = 'AI-assisted:';
  return summary.startsWith(prefix) ? `**${prefix}**${cell(summary.slice(prefix.length))}` : cell(summary);
}

function header(report: Report, options: MarkdownOptions): string[] {
  // The verdict is the conclusion, which follows fail-on: say so when it is not the errors'.
  const verdict =
    report.conclusion === 'failure'
      ? `❌ **Failed** — ${findingCounts(report.findings)}${failOnReason(report)}`
      : report.findings.length
        ? `✅ **Passed** — ${findingCounts(report.findings)}${failOnReason(report)}`
        : '✅ **Passed** — no findings';
  const s = report.stats;
  return [
    `## ${cell(options.title ?? 'prguard')}`,
    '',
    verdict,
    ...(options.preface?.length ? ['', ...options.preface.map((p) => `> ${cell(p)}`)] : []),
    '',
    `${provenanceLine(report)}<br>`,
    `**Policy:** ${report.policy.path === null ? policyLabel(report.policy) : code(report.policy.path)}<br>`,
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

/** Every audited waiver: rule, who, reason, link, time. */
function waiversBlock(report: Report): string[] {
  const waivers = report.waivers ?? [];
  if (!waivers.length) return [];
  return [
    '',
    '### Waivers',
    '',
    '| Rule | By | Reason | When |',
    '| --- | --- | --- | --- |',
    ...waivers.map((w) => {
      const when = w.url ? `[${cell(w.at)}](${encodeURI(w.url)})` : cell(w.at);
      return `| ${code(w.ruleId)} | @${cell(w.by)} | ${cell(w.reason)} (${plural(w.findings, 'finding')}) | ${when} |`;
    }),
  ];
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
    ...tables(keepWorst(ordered, kept), docs),
    ...(left > 0
      ? ['', `_${plural(left, 'more finding')} not shown here (size limit); the JSON report has them all._`]
      : []),
    ...waiversBlock(report),
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
  const ordered = report.findings;
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
