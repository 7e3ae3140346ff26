// A backtest as text (a terminal), JSON (scripts) or Markdown (a comment on the policy's PR).
// With --compare, both policies side by side and the PRs whose verdict changes.
import { markdownText } from '../report/markdown.ts';
import { printable } from '../report/printable.ts';
import type { LeftOut, MergedPr } from './backtest-history.ts';
import type { BacktestRun } from './backtest-run.ts';
import { notRun, prLabel, type PolicySummary, verdictChanges } from './backtest-summary.ts';

export interface BacktestReport {
  branch: string;
  prs: MergedPr[];
  leftOut: LeftOut;
  run: BacktestRun;
  summaries: PolicySummary[];
}

const pct = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`);

function count(side: { ai: string[]; human: string[] }): string {
  const all = side.ai.length + side.human.length;
  return all === 0 ? '0' : `${all} (${side.ai.length} AI / ${side.human.length} not)`;
}

function list(labels: readonly string[], max = 20): string {
  if (labels.length === 0) return '';
  return labels.length > max ? `${labels.slice(0, max).join(', ')} and ${labels.length - max} more` : labels.join(', ');
}

function header(r: BacktestReport): string[] {
  const checked = r.summaries[0]?.checked ?? 0;
  const dates = r.prs.length > 0 ? ` (${r.prs.at(-1)!.date.slice(0, 10)} … ${r.prs[0]!.date.slice(0, 10)})` : '';
  const lines = [`prguard backtest · ${r.prs.length} merged PR${r.prs.length === 1 ? '' : 's'} on ${r.branch}${dates}`];
  lines.push(`checked ${checked} in ${r.run.seconds.toFixed(1)} s (${checked > 0 ? (r.run.seconds / checked).toFixed(2) : '0'} s per PR)`);
  const { direct, octopus } = r.leftOut;
  if (direct > 0 || octopus.length > 0) {
    const what = [
      ...(direct > 0 ? [`${direct} direct push${direct === 1 ? '' : 'es'}`] : []),
      ...(octopus.length > 0 ? [`${octopus.length} octopus merge${octopus.length === 1 ? '' : 's'} (${list(octopus.map((s) => s.slice(0, 7)), 5)})`] : []),
    ];
    lines.push(`left out: ${what.join(' and ')} on ${r.branch} in that time, not pull requests`);
  }
  if (r.run.interrupted) lines.push(`interrupted: ${r.run.done} of ${r.prs.length} PRs were processed; the figures cover those`);
  for (const u of r.run.unchecked) lines.push(`not checked: ${prLabel(u.pr)} (${printable(u.reason)}) — not counted as passing or failing`);
  return lines;
}

/** One rule under two policies: errors, warnings and "decided on the PR", each "A → B" ("off" where a policy does not run it). */
function compareCells(a: PolicySummary, b: PolicySummary, i: number): [string, string, string] {
  const [ra, rb] = [a.rules[i]!, b.rules[i]!];
  const [offA, offB] = [notRun(ra, a), notRun(rb, b)];
  const n = (x: { ai: string[]; human: string[] }, off: boolean) => (off ? 'off' : String(x.ai.length + x.human.length));
  const p = (x: string[], off: boolean) => (off ? 'off' : String(x.length));
  return [`${n(ra.error, offA)} → ${n(rb.error, offB)}`, `${n(ra.warning, offA)} → ${n(rb.warning, offB)}`, `${p(ra.pending, offA)} → ${p(rb.pending, offB)}`];
}

function blockedLine(s: PolicySummary): string {
  const human = s.checked - s.ai;
  return `would have blocked ${s.blocked.all.length} of ${s.checked} (${pct(s.blocked.all.length, s.checked)}) · AI-assisted ${s.blocked.ai.length} of ${s.ai} (${pct(s.blocked.ai.length, s.ai)}) · not ${s.blocked.human.length} of ${human} (${pct(s.blocked.human.length, human)})`;
}

export function formatBacktestText(r: BacktestReport): string {
  const lines = header(r);
  const compare = r.summaries.length === 2;
  for (const s of r.summaries) lines.push('', `policy ${s.policy}: ${blockedLine(s)}`);
  const width = Math.max(16, ...r.summaries[0]!.rules.map((x) => x.rule.length + 2));
  const col = 26;
  lines.push('');
  if (!compare) {
    lines.push(`${'rule'.padEnd(width)}${'error'.padEnd(col)}${'warning'.padEnd(col)}decided on the PR`);
    const s = r.summaries[0]!;
    for (const rule of s.rules) {
      if (notRun(rule, s)) lines.push(`${rule.rule.padEnd(width)}off (the policy does not run it)`);
      else lines.push(`${rule.rule.padEnd(width)}${count(rule.error).padEnd(col)}${count(rule.warning).padEnd(col)}${rule.pending.length}`);
    }
  } else {
    const [a, b] = r.summaries as [PolicySummary, PolicySummary];
    lines.push(`${'rule'.padEnd(width)}${'error: A → B'.padEnd(col)}${'warning: A → B'.padEnd(col)}decided on the PR: A → B`);
    a.rules.forEach((ra, i) => {
      const [error, warning, pending] = compareCells(a, b, i);
      lines.push(`${ra.rule.padEnd(width)}${error.padEnd(col)}${warning.padEnd(col)}${pending}`);
    });
    const changes = verdictChanges(r.run.verdicts[0]!, r.run.verdicts[1]!);
    lines.push('', `verdict changes (A: ${a.policy}, B: ${b.policy}):`);
    lines.push(`  blocked under B only: ${list(changes.newlyBlocked) || 'none'}`);
    lines.push(`  blocked under A only: ${list(changes.noLongerBlocked) || 'none'}`);
  }
  lines.push('', 'PRs behind each number:');
  for (const s of r.summaries) {
    if (compare) lines.push(`  policy ${s.policy}:`);
    for (const rule of s.rules) {
      for (const sev of ['error', 'warning'] as const) {
        const all = [...rule[sev].ai, ...rule[sev].human];
        if (all.length > 0) lines.push(`${compare ? '    ' : '  '}${rule.rule} ${sev}: ${list(all)}`);
      }
      if (rule.pending.length > 0) lines.push(`${compare ? '    ' : '  '}${rule.rule} decided on the PR: ${list(rule.pending)}`);
    }
  }
  if (r.summaries.some((s) => s.rules.some((x) => x.pending.length > 0))) {
    lines.push('', '"decided on the PR": the finding depends on the PR description, labels or reviews, which git does not have.');
  }
  return `${lines.join('\n')}\n`;
}

export function formatBacktestMarkdown(r: BacktestReport): string {
  // The header quotes the branch and why a PR was not checked: text, never markup.
  const lines = header(r).map((l, i) => (i === 0 ? `### ${markdownText(l)}` : `_${markdownText(l)}_`));
  const compare = r.summaries.length === 2;
  // A policy is named by its file's path: text in a cell or a bullet, never markup (a `|` would split the table).
  const named = (p: PolicySummary) => markdownText(p.policy, true);
  lines.push('');
  for (const s of r.summaries) lines.push(`- **${named(s)}**: ${blockedLine(s)}`);
  lines.push('');
  if (!compare) {
    lines.push('| rule | error (AI / not) | warning (AI / not) | decided on the PR |', '| --- | --- | --- | --- |');
    const s = r.summaries[0]!;
    for (const rule of s.rules) {
      const cell = (x: { ai: string[]; human: string[] }) => `${x.ai.length + x.human.length} (${x.ai.length} / ${x.human.length})`;
      if (notRun(rule, s)) lines.push(`| \`${rule.rule}\` | off | off | off |`);
      else lines.push(`| \`${rule.rule}\` | ${cell(rule.error)} | ${cell(rule.warning)} | ${rule.pending.length} |`);
    }
  } else {
    const [a, b] = r.summaries as [PolicySummary, PolicySummary];
    const ab = `${named(a)} → ${named(b)}`;
    lines.push(`| rule | errors: ${ab} | warnings: ${ab} | decided on the PR: ${ab} |`, '| --- | --- | --- | --- |');
    a.rules.forEach((ra, i) => {
      const [error, warning, pending] = compareCells(a, b, i);
      lines.push(`| \`${ra.rule}\` | ${error} | ${warning} | ${pending} |`);
    });
    const changes = verdictChanges(r.run.verdicts[0]!, r.run.verdicts[1]!);
    lines.push('', `Blocked only under ${named(b)}: ${list(changes.newlyBlocked) || 'none'}`, '', `Blocked only under ${named(a)}: ${list(changes.noLongerBlocked) || 'none'}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatBacktestJson(r: BacktestReport): string {
  return `${JSON.stringify(
    {
      branch: r.branch,
      prs: r.prs.length,
      done: r.run.done,
      interrupted: r.run.interrupted,
      seconds: Number(r.run.seconds.toFixed(2)),
      leftOut: r.leftOut,
      unchecked: r.run.unchecked.map((u) => ({ pr: prLabel(u.pr), sha: u.pr.sha, reason: u.reason })),
      policies: r.summaries,
      ...(r.summaries.length === 2 ? { changes: verdictChanges(r.run.verdicts[0]!, r.run.verdicts[1]!) } : {}),
      verdicts: r.run.verdicts.map((vs) => vs.map((v) => ({ pr: prLabel(v.pr), sha: v.pr.sha, kind: v.pr.kind, ai: v.ai, blocked: v.blocked, rules: v.rules, pending: v.pending }))),
    },
    null,
    2,
  )}\n`;
}
