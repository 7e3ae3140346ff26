// SARIF 2.1.0 report, for GitHub code scanning (`github/codeql-action/upload-sarif`) and any other
// SARIF consumer. Pure: (report, options) -> string.
//
// Code scanning rejects a result without a location ("expected at least one location"), but many
// prguard findings concern the whole change (a missing AI disclosure, too many lines). Those are
// anchored at line 1 of `pathlessUri` (the policy file in force, by default), and marked with the
// property `prguard/whole-change: true` so that consumers can tell them apart.
//
// A file stays within code scanning's limits (sarif-fit.ts): past 5,000 results, or 10 MB, the
// most severe are kept, and a notification says how many were left out; the verdict
// (`properties.conclusion`, and `properties.findings`) counts every finding. The notes are kept
// within 1 MB of the file, and a notification says how many were left out past it.
import type * as Sarif from 'sarif';
import type { Finding, Report, Severity } from '../model.ts';
import type { RuleMeta } from '../rule.ts';
import { countBySeverity } from './findings.ts';
import { fitNotes, fitResults, leftOutMessage, notesLeftOutMessage, SARIF_LIMITS } from './sarif-fit.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Metadata of the rules to describe in `tool.driver.rules` (normally every registered rule). */
  rules: readonly Pick<RuleMeta, 'id' | 'description' | 'defaultSeverity'>[];
  /** prguard's own version, for `tool.driver.version`. */
  toolVersion: string;
  /** Link to a rule's documentation, for `helpUri`. */
  ruleDocsUrl: (ruleId: string) => string;
  /** Repository-relative file that findings without a path are anchored to. */
  pathlessUri: string;
  /** prguard's home page, for `tool.driver.informationUri`. */
  informationUri?: string;
  /**
   * Told once, in a sentence for each, when findings or notes were left out to keep within code
   * scanning's limits.
   */
  onLeftOut?: (message: string) => void;
  /** Limits other than code scanning's (SARIF_LIMITS), for tests. */
  maxResults?: number;
  maxBytes?: number;
  maxNoteBytes?: number;
}

/** Bytes kept for the notification of what was left out (a sentence of about 400). */
const LEFT_OUT_ROOM = 1024;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

/**
 * A repository-relative path as a relative URI reference (each segment percent-encoded). Paths
 * are git's, separated by `/` on every platform: a backslash is part of a file's name (`a\b.ts`
 * is one file, not `b.ts` in `a/`), so it is encoded as `%5C` like any other reserved character.
 */
export function pathToUri(path: string): string {
  return path
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** `pr-size` -> `PrSize`: SARIF's `name` is an identifier-like display name. */
function ruleName(id: string): string {
  return id.replace(/(^|[-_.])([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

function describeRule(meta: SarifOptions['rules'][number], docsUrl: string): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    helpUri: docsUrl,
    help: { text: `${meta.description}. Documentation: ${docsUrl} (or run \`prguard explain ${meta.id}\`).` },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
  };
}

function location(finding: Finding, pathlessUri: string): Sarif.Location {
  const startLine = finding.path && finding.line && finding.line >= 1 ? finding.line : 1;
  const region: Sarif.Region = { startLine };
  if (finding.path && finding.endLine && finding.endLine >= startLine) region.endLine = finding.endLine;
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(finding.path ?? pathlessUri), uriBaseId: '%SRCROOT%' },
      region,
    },
  };
}

function result(finding: Finding, ruleIndex: Map<string, number>, pathlessUri: string): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: finding.ruleId,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding, pathlessUri)],
  };
  const index = ruleIndex.get(finding.ruleId);
  if (index !== undefined) out.ruleIndex = index;
  if (finding.fingerprint) out.partialFingerprints = { 'prguard/v1': finding.fingerprint };
  if (!finding.path) out.properties = { 'prguard/whole-change': true };
  return out;
}

export function buildSarif(report: Report, options: SarifOptions): Sarif.Log {
  const rules = [...options.rules];
  // A finding from a rule the caller did not describe (e.g. an engine error) still gets metadata.
  const described = new Set(rules.map((r) => r.id));
  for (const f of report.findings) {
    if (!described.has(f.ruleId)) {
      described.add(f.ruleId);
      rules.push({ id: f.ruleId, description: `Findings reported as ${f.ruleId}`, defaultSeverity: f.severity });
    }
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // The notes, within their share of the file; past it, one notification says how many are not.
  const noteBudget = options.maxNoteBytes ?? SARIF_LIMITS.noteBytes;
  const keptNotes = fitNotes(report.notes.map((text): Sarif.Notification => ({ level: 'note', message: { text } })), noteBudget);
  const notesLeftOut = notesLeftOutMessage(report.notes.length, keptNotes.length, noteBudget);
  const notifications = [...keptNotes];
  if (notesLeftOut) notifications.push({ level: 'warning', descriptor: { id: 'prguard/notes-left-out' }, message: { text: notesLeftOut } });
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'prguard',
        version: options.toolVersion,
        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
        rules: rules.map((r) => describeRule(r, options.ruleDocsUrl(r.id))),
      },
    },
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
    results: [],
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    properties: {
      conclusion: report.conclusion,
      policy: report.policy,
      stats: { ...report.stats },
      ai: { assisted: report.ai.assisted, agents: [...report.ai.agents], source: report.ai.source },
      // What the verdict counts, whether or not every finding is a result below.
      findings: countBySeverity(report.findings),
    },
  };
  const log: Sarif.Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  // Within code scanning's limits (sarif-fit.ts): the rest of the file is measured without its
  // results, with room for the notification that says what was left out.
  const toResult = (f: Finding) => result(f, ruleIndex, options.pathlessUri);
  const rest = Buffer.byteLength(JSON.stringify(log, null, 2), 'utf8') + LEFT_OUT_ROOM;
  const fitted = fitResults(report.findings, toResult, (options.maxBytes ?? SARIF_LIMITS.bytes) - rest, options.maxResults);
  run.results = fitted.kept.map(toResult);
  const leftOut = leftOutMessage(report.findings, fitted, report.conclusion);
  run.properties!.resultsLeftOut = report.findings.length - fitted.kept.length;
  run.properties!.notesLeftOut = report.notes.length - keptNotes.length;
  if (leftOut) notifications.unshift({ level: 'warning', descriptor: { id: 'prguard/results-left-out' }, message: { text: leftOut } });
  // One call, whatever was left out: an entry that keeps the last message it is given keeps both.
  const told = [leftOut, notesLeftOut].filter((m) => m !== '');
  if (told.length > 0) options.onLeftOut?.(told.join(' '));
  return log;
}

export function formatSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}
