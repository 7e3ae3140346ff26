// Audited waivers: `/prguard waive <rule-id> <reason>` in a PR comment by someone the policy's
// `waivers.by` names turns that rule's findings into notices marked waived. Pure: applied to the
// Report after the engine, over the comments and team membership in the ChangeSet.
import type { ChangeSet, Finding, IssueComment, Report, Waiver } from '../model.ts';
import type { WaiverPolicy } from '../policy/resolve.ts';
import { sortFindings } from '../report/findings.ts';
import { authorsOf } from '../rule-kit/people.ts';

export const WAIVE_COMMAND = '/prguard waive';
/** A command line: up to three spaces of indent (four make a Markdown code block), then the command. */
const COMMAND_LINE = /^ {0,3}\/prguard[ \t]+waive\b[ \t]*(\S*)[ \t]*(.*)$/;
/** A Markdown code fence: three or more backticks or tildes, indented by up to three spaces. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The lines of a comment that are prose: not in a fenced code block (one a comment that shows the
 * syntax puts its example in, which waives nothing). Quoted lines (`> /prguard waive`) and
 * indented code do not match COMMAND_LINE.
 */
function proseLines(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const m = FENCE.exec(line);
    if (fence === undefined) {
      if (m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`'))) fence = m[1]!;
      else out.push(line);
    } else if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.slice(m[0].length).trim() === '') {
      fence = undefined;
    }
  }
  return out;
}

export interface WaiveRequest {
  comment: IssueComment;
  ruleId: string;
  reason: string;
}

/** Every waive command in the comments, oldest comment first. */
export function waiveRequests(comments: readonly IssueComment[]): WaiveRequest[] {
  const sorted = [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  const out: WaiveRequest[] = [];
  for (const comment of sorted) {
    for (const line of proseLines(comment.body)) {
      const m = COMMAND_LINE.exec(line);
      if (m) out.push({ comment, ruleId: m[1]!, reason: m[2]!.trim() });
    }
  }
  return out;
}

function mayWaive(login: string, by: readonly string[], teams: Record<string, string[]> | undefined): boolean | 'unknown' {
  const l = login.toLowerCase();
  let unknown = false;
  for (const who of by) {
    if (!who.includes('/')) {
      if (who.slice(1).toLowerCase() === l) return true;
      continue;
    }
    const members = teams?.[who.slice(1).toLowerCase()];
    if (members === undefined) unknown = true;
    else if (members.some((m) => m.toLowerCase() === l)) return true;
  }
  return unknown ? 'unknown' : false;
}

/** Why a waive request does not apply, or null when it does. */
function ignoredBecause(req: WaiveRequest, change: ChangeSet, policy: WaiverPolicy, known: ReadonlySet<string>): string | null {
  const login = req.comment.login;
  if (req.ruleId === '') return `it names no rule (write ${WAIVE_COMMAND} <rule-id> <reason>)`;
  if (!known.has(req.ruleId)) return `"${req.ruleId}" is not a rule that ran on this change`;
  if (!policy.rules.includes(req.ruleId)) {
    return `${req.ruleId} may not be waived (waivers.rules: ${policy.rules.join(', ') || 'none'})`;
  }
  if (req.reason === '') return `it gives no reason (write ${WAIVE_COMMAND} ${req.ruleId} <reason>)`;
  const editors = req.comment.editedBy;
  if (editors === null) return 'the comment was edited, and who edited it could not be read (post the waiver as a new comment)';
  const other = editors?.find((e) => e.toLowerCase() !== login.toLowerCase());
  if (other !== undefined) return `@${other} edited the comment, not its author @${login} (post the waiver as a new comment)`;
  const role = authorsOf(change).get(login.toLowerCase());
  if (role) return `@${login} is ${role} of this change, and nobody waives checks on their own change`;
  const allowed = mayWaive(login, policy.by, change.pr?.teams);
  if (allowed === 'unknown') {
    return (
      `@${login} is not named in waivers.by, and the team membership there could not be read (give the Action ` +
      'an `owners-token` with organization members: read)'
    );
  }
  if (!allowed) return `@${login} may not waive (waivers.by: ${policy.by.join(', ') || 'nobody'})`;
  return null;
}

function waivedFinding(f: Finding, w: Waiver): Finding {
  return {
    ...f,
    severity: 'notice',
    message: `Waived by @${w.by} (${w.reason}): ${f.message}`,
    waived: { severity: f.severity, by: w.by },
  };
}

/**
 * Apply the waivers in the PR's comments to a report: the waived rule's findings become notices,
 * `report.waivers` lists what was applied, and each ignored command gets a note saying why.
 */
export function applyWaivers(report: Report, change: ChangeSet, policy: WaiverPolicy | undefined): Report {
  const comments = change.pr?.comments;
  if (comments === undefined) return report;
  const rules: WaiverPolicy = policy ?? { by: [], rules: [] };
  const known = new Set(report.rules);
  const waivers: Waiver[] = [];
  const notes: string[] = [];
  for (const req of waiveRequests(comments)) {
    const why = ignoredBecause(req, change, rules, known);
    const where = req.comment.url ? ` (${req.comment.url})` : '';
    if (why !== null) {
      notes.push(`waiver by @${req.comment.login}${where} ignored: ${why}`);
      continue;
    }
    if (waivers.some((w) => w.ruleId === req.ruleId)) continue; // the first waiver of a rule is the one on record
    const waiver: Waiver = {
      ruleId: req.ruleId,
      by: req.comment.login,
      reason: req.reason,
      at: req.comment.updatedAt ?? req.comment.createdAt,
      findings: report.findings.filter((f) => f.ruleId === req.ruleId).length,
    };
    if (req.comment.url) waiver.url = req.comment.url;
    waivers.push(waiver);
  }
  const findings = sortFindings(
    report.findings.map((f) => {
      const w = waivers.find((x) => x.ruleId === f.ruleId);
      return w ? waivedFinding(f, w) : f;
    }),
    report.rules,
  );
  return {
    ...report,
    findings,
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    notes: [...report.notes, ...notes],
    waivers,
  };
}
