// What of a report fits in one SARIF upload to GitHub code scanning (docs: "SARIF support for code
// scanning", and "SARIF results exceed one or more limits"). An upload with more than 25,000
// results in a run is rejected, and of fewer only the top 5,000 are kept; a gzip-compressed file
// over 10 MB is rejected too. Rejected, code scanning shows nothing of the change; cut by GitHub,
// it is not said which. So prguard keeps the most severe findings itself (errors, then warnings,
// then notices), at most 5,000 and within a byte budget, and the run says how many it left out
// and that the verdict counts them all. The report's notes (the run's notifications) have no
// limit of their own in those documents (runs, results, rules, tool extensions, locations, thread
// flow locations and tags do), but they count toward the 10 MB: they are kept in order within
// 1 MB, and a notification says how many were left out, so that no number of notes can crowd the
// results out of the file or push it past the limit. Pure.
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../model.ts';
import { countBySeverity, findingCounts, plural, severityCounts, worstFirst } from './findings.ts';

export const SARIF_LIMITS = {
  /** Results per run that code scanning keeps (it rejects a run of more than 25,000). */
  results: 5000,
  /**
   * The file's size before compression, in UTF-8 bytes. GitHub takes 10 MB gzip-compressed;
   * gzip never makes JSON larger (at worst a few bytes per 64 KiB, stored), so a file under
   * 10 MB uncompressed is under it compressed, with a margin for the upload's own framing.
   */
  bytes: 9_500_000,
  /** The notes' share of `bytes` (their notifications, as written): the rest is the results'. */
  noteBytes: 1_000_000,
} as const;

/**
 * An array item's size where it is written, `indent` spaces in (each of its lines indented so
 * much more), with the `,\n` between two items.
 */
function itemBytes(item: unknown, indent: number): number {
  const text = JSON.stringify(item, null, 2);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return Buffer.byteLength(text, 'utf8') + lines * indent + 2;
}

/** A result's size inside `runs[0].results`. */
const resultBytes = (result: Sarif.Result): number => itemBytes(result, 8);

/** A notification's size inside `runs[0].invocations[0].toolExecutionNotifications`. */
export const notificationBytes = (notification: Sarif.Notification): number => itemBytes(notification, 12);

export interface FittedResults {
  /** The findings kept, in the report's order. */
  kept: Finding[];
  /** The findings left out, by severity. */
  leftOut: Record<Severity, number>;
}

/**
 * The findings a SARIF file keeps: worst first, while they fit `maxResults` and `budget` bytes (the
 * rest of the file measured apart). Stops at the first that does not fit, so that no notice is
 * kept in place of a warning or an error.
 */
export function fitResults(
  findings: readonly Finding[],
  toResult: (f: Finding) => Sarif.Result,
  budget: number,
  maxResults: number = SARIF_LIMITS.results,
): FittedResults {
  const keep = new Set<Finding>();
  let used = 0;
  for (const f of worstFirst(findings)) {
    if (keep.size >= maxResults) break;
    used += resultBytes(toResult(f));
    if (used > budget) break;
    keep.add(f);
  }
  const kept = keep.size === findings.length ? [...findings] : findings.filter((f) => keep.has(f));
  return { kept, leftOut: countBySeverity(findings.filter((f) => !keep.has(f))) };
}

/**
 * What the run says of the findings it left out: how many of which severity, why, and that the
 * verdict is the report's, which counts every finding. '' when none was left out.
 */
export function leftOutMessage(findings: readonly Finding[], fitted: FittedResults, conclusion: string): string {
  const left = fitted.leftOut.error + fitted.leftOut.warning + fitted.leftOut.notice;
  if (left === 0) return '';
  return (
    `${left} of ${plural(findings.length, 'finding')} (${severityCounts(fitted.leftOut)}) are not in this SARIF file: GitHub code ` +
    `scanning keeps at most ${SARIF_LIMITS.results} results per run and 10 MB per upload, so it holds the ${fitted.kept.length} most severe. ` +
    `The verdict counts all ${findings.length} (${findingCounts(findings)}): ${conclusion}. The JSON report lists every finding.`
  );
}

/**
 * The notifications a SARIF file keeps of the report's notes: in order, while they fit `budget`
 * bytes (SARIF_LIMITS.noteBytes); stops at the first that does not fit, so that the notes kept
 * are the report's first ones, in its order.
 */
export function fitNotes(notes: readonly Sarif.Notification[], budget: number = SARIF_LIMITS.noteBytes): Sarif.Notification[] {
  let used = 0;
  let kept = 0;
  for (const n of notes) {
    used += notificationBytes(n);
    if (used > budget) break;
    kept++;
  }
  return kept === notes.length ? [...notes] : notes.slice(0, kept);
}

/** What the run says of the notes it left out ('' when none was): how many, why, and where they all are. */
export function notesLeftOutMessage(total: number, kept: number, budget: number = SARIF_LIMITS.noteBytes): string {
  const left = total - kept;
  if (left <= 0) return '';
  return (
    `${left} of ${plural(total, 'note')} are not in this SARIF file: it keeps the first ${kept}, within ${Math.round(budget / 1000)} kB of notes, ` +
    'so that the results fit GitHub code scanning\'s 10 MB per upload. The text and JSON reports list every note.'
  );
}
