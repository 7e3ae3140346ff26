// Pure payload builders for GitHub: check-run output and annotation batches, the sticky
// comment body, the step verdict. No octokit here, so tests (and the no-leak test) run them as is.
import type { Finding, Report, Severity } from '../model.ts';
import { countBySeverity, failsUnder, findingCounts, worstFirst, type FailOn } from '../report/findings.ts';
import { formatMarkdown } from '../report/markdown.ts';
import { printableLines } from '../report/printable.ts';
import { clipBytes } from './bytes.ts';

export type { FailOn } from '../report/findings.ts';
export type CheckConclusion = 'success' | 'failure' | 'neutral';
export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** GitHub's limits (REST Checks API and job summaries). */
export const LIMITS = {
  annotationsPerRequest: 50,
  /** Annotations we send at most, so a huge PR does not take hundreds of requests. */
  maxAnnotations: 1000,
  /** GitHub counts these in UTF-8 bytes, not characters. */
  checkSummaryBytes: 65535,
  checkTitleBytes: 255,
  annotationMessageBytes: 65535,
  commentChars: 65536,
  /** The job summary upload limit is 1 MiB; keep a margin for what the runner adds. */
  jobSummaryBytes: 1024 * 1024 - 4096,
} as const;

export const ANNOTATION_LEVEL: Record<Severity, AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice',
};

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  message: string;
  title: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations: Annotation[];
}

export interface CheckRunPlan {
  conclusion: CheckConclusion;
  /** The create call's output (carries the first batch of annotations). */
  first: CheckRunOutput;
  /** One update call each, carrying the following batches. */
  updates: CheckRunOutput[];
  /** Findings with a location that were not sent as annotations (over `maxAnnotations`). */
  annotationsLeftOut: number;
}

/** Check conclusion: failure when `fail-on` fails the step, neutral for unheeded errors. */
export function checkConclusion(report: Report, failOn: FailOn): CheckConclusion {
  if (failsUnder(report, failOn)) return 'failure';
  return countBySeverity(report.findings).error > 0 ? 'neutral' : 'success';
}

/**
 * An annotation for a finding with a path; a file-level finding is shown on line 1. GitHub shows
 * the message as text beside the code: a file name it quotes is shown with its control and
 * invisible characters escaped (printable.ts), as in every report a person reads (a bidi override
 * in `src/\u202egnp.ts` would show as `src/st.png`); `path` is the file's own name, which GitHub
 * needs exact to place the annotation.
 */
export function toAnnotation(f: Finding): Annotation | null {
  if (!f.path) return null;
  const start = f.line ?? 1;
  const end = f.endLine !== undefined && f.endLine >= start ? f.endLine : start;
  return {
    path: f.path,
    start_line: start,
    end_line: end,
    annotation_level: ANNOTATION_LEVEL[f.severity],
    message: clipBytes(printableLines(f.message), LIMITS.annotationMessageBytes, ' … (cut: GitHub allows 65,535 bytes per annotation)'),
    title: clipBytes(f.line === undefined ? `prguard ${f.ruleId} (whole file)` : `prguard ${f.ruleId}`, LIMITS.checkTitleBytes, '…'),
  };
}

export interface CheckRunOptions {
  failOn: FailOn;
  maxAnnotations?: number;
  ruleDocsUrl?: (ruleId: string) => string;
}

export function planCheckRun(report: Report, options: CheckRunOptions): CheckRunPlan {
  const all = worstFirst(report.findings)
    .map(toAnnotation)
    .filter((a): a is Annotation => a !== null);
  const cap = options.maxAnnotations ?? LIMITS.maxAnnotations;
  const sent = all.slice(0, cap);
  const leftOut = all.length - sent.length;
  const preface: string[] = [];
  if (leftOut > 0) preface.push(`${leftOut} findings are not shown as line annotations (limit ${cap}); all are listed below.`);
  const summary = clipBytes(
    formatMarkdown(report, {
      maxLength: LIMITS.checkSummaryBytes,
      unit: 'bytes',
      preface,
      ...(options.ruleDocsUrl ? { ruleDocsUrl: options.ruleDocsUrl } : {}),
    }),
    LIMITS.checkSummaryBytes,
    '\n\n… (cut: GitHub allows 65,535 bytes in a check-run summary; the job summary has the full report)',
  );
  const title = clipBytes(
    `${report.conclusion === 'failure' ? 'Failed' : 'Passed'}: ${findingCounts(report.findings)}`,
    LIMITS.checkTitleBytes,
    '…',
  );
  const batches: Annotation[][] = [];
  for (let i = 0; i < sent.length; i += LIMITS.annotationsPerRequest) {
    batches.push(sent.slice(i, i + LIMITS.annotationsPerRequest));
  }
  const [head = [], ...rest] = batches;
  return {
    conclusion: checkConclusion(report, options.failOn),
    first: { title, summary, annotations: head },
    updates: rest.map((annotations) => ({ title, summary, annotations })),
    annotationsLeftOut: leftOut,
  };
}

/** The hidden marker that identifies our sticky comment (one per check name). */
export function commentMarker(checkName: string): string {
  return `<!-- prguard:sticky ${checkName.replace(/--+/g, '-').replace(/>/g, '')} -->`;
}

export function commentBody(report: Report, checkName: string): string {
  const marker = commentMarker(checkName);
  const body = formatMarkdown(report, { maxLength: LIMITS.commentChars - marker.length - 1, title: checkName });
  return `${marker}\n${body}`;
}

export function jobSummary(report: Report, checkName: string, preface: string[] = []): string {
  return formatMarkdown(report, { maxLength: LIMITS.jobSummaryBytes, unit: 'bytes', title: checkName, preface });
}

export interface WorkflowAnnotation {
  level: Severity;
  message: string;
  properties: { title: string; file: string; startLine: number; endLine: number };
}

export interface FallbackPlan {
  annotations: WorkflowAnnotation[];
  /** Findings with a location that GitHub would not show (more than `perKind` of a kind). */
  notShown: number;
}

/** The step's annotations of each kind that prguard writes itself, besides the findings'. */
export interface OwnAnnotations {
  /** What was not shown, a skipped comment (default 1). */
  notices?: number;
  /** The failed step's verdict (`core.setFailed`), when it fails. */
  errors?: number;
  /** Why there is no check run, when that was not expected; what the SARIF file left out. */
  warnings?: number;
}

/**
 * Workflow-command annotations for when the check run is refused (fork PR, read-only token).
 * GitHub shows at most 10 per kind for a step, so the worst come first and each kind is capped,
 * less the slots left for prguard's own annotations of that kind (`own`): the 11th error of a
 * step, which was the failed step's verdict line, is not shown.
 */
export function planFallbackAnnotations(report: Report, options: { perKind?: number; own?: OwnAnnotations } = {}): FallbackPlan {
  const perKind = options.perKind ?? 10;
  const own = options.own ?? {};
  const cap: Record<Severity, number> = { error: perKind - (own.errors ?? 0), warning: perKind - (own.warnings ?? 0), notice: perKind - (own.notices ?? 1) };
  const taken: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: WorkflowAnnotation[] = [];
  let notShown = 0;
  for (const f of worstFirst(report.findings)) {
    const a = toAnnotation(f);
    if (!a) continue;
    if (taken[f.severity] >= cap[f.severity]) {
      notShown++;
      continue;
    }
    taken[f.severity]++;
    annotations.push({
      level: f.severity,
      message: a.message,
      properties: { title: a.title, file: a.path, startLine: a.start_line, endLine: a.end_line },
    });
  }
  return { annotations, notShown };
}
