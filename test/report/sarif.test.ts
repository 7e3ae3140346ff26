// SARIF output validates against the SARIF 2.1.0 JSON schema and carries what code scanning needs.
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.ts';
import type * as Sarif from 'sarif';
import { buildSarif, formatSarif, pathToUri, type SarifOptions } from '../../src/report/sarif.ts';
import { SARIF_LIMITS } from '../../src/report/sarif-fit.ts';
import { validateSarif } from '../helpers/sarif-schema.ts';

const options: SarifOptions = {
  rules: [
    { id: 'pr-size', description: 'Keep pull requests small enough to review', defaultSeverity: 'warning' },
    { id: 'secret-leakage', description: 'No secrets in the change', defaultSeverity: 'error' },
    { id: 'ai-disclosure', description: 'AI-assisted PRs say so', defaultSeverity: 'notice' },
  ],
  toolVersion: '0.1.0',
  ruleDocsUrl: (id) => `https://example.test/rules/${id}/README.md`,
  pathlessUri: '.github/prguard.yml',
  informationUri: 'https://example.test/',
};

function report(findings: Finding[], notes: string[] = []): Report {
  return {
    version: 1,
    conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
    findings,
    stats: { files: 2, additions: 10, deletions: 1 },
    ai: { assisted: true, agents: ['claude'], evidence: [], source: 'detected' },
    policy: { path: '.github/prguard.yml', source: 'base' },
    rules: [],
    notes,
  };
}

const cases: { name: string; findings: Finding[]; notes?: string[] }[] = [
  { name: 'no findings', findings: [] },
  {
    name: 'a line finding with a fingerprint',
    findings: [
      {
        ruleId: 'secret-leakage',
        severity: 'error',
        message: 'AWS key AKIA****ABCD added',
        path: 'src/config.ts',
        line: 12,
        endLine: 12,
        fingerprint: 'abc123',
      },
    ],
  },
  {
    name: 'a file finding without a line, an odd path, a whole-change finding and notes',
    findings: [
      { ruleId: 'pr-size', severity: 'warning', message: '900 lines changed; the limit is 400' },
      { ruleId: 'ai-disclosure', severity: 'notice', message: 'no statement', path: 'docs/my file #1.md' },
      { ruleId: 'engine', severity: 'error', message: 'rule x threw' },
    ],
    notes: ['GitHub omitted the patch of big.json'],
  },
];

describe('formatSarif', () => {
  it.each(cases)('validates against the SARIF 2.1.0 schema: $name', ({ findings, notes }) => {
    const log = JSON.parse(formatSarif(report(findings, notes), options)) as unknown;
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a log the schema forbids (the validator is live)', () => {
    const log = buildSarif(report([]), options) as unknown as Record<string, unknown>;
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
    expect(validateSarif({ ...log, runs: [{ results: [] }] })).toBe(false);
  });

  it('describes every rule with id, short description, help URI and default level', () => {
    const log = buildSarif(report([]), options);
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(['pr-size', 'secret-leakage', 'ai-disclosure']);
    expect(rules[0]).toMatchObject({
      shortDescription: { text: 'Keep pull requests small enough to review' },
      helpUri: 'https://example.test/rules/pr-size/README.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(rules[2]!.defaultConfiguration!.level).toBe('note');
  });

  it('gives every result a physical location with a 1-based line (code scanning requires one)', () => {
    const findings = cases.flatMap((c) => c.findings);
    const log = buildSarif(report(findings), options);
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(findings.length);
    for (const r of results) {
      expect(r.locations!.length).toBeGreaterThanOrEqual(1);
      expect(r.locations![0]!.physicalLocation!.region!.startLine).toBeGreaterThanOrEqual(1);
    }
    const [secret, size, disclosure, engine] = results;
    expect(secret!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, endLine: 12 },
    });
    expect(secret!.partialFingerprints).toEqual({ 'prguard/v1': 'abc123' });
    expect(secret!.level).toBe('error');
    // A whole-change finding is anchored at the policy file and marked as such.
    expect(size!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('.github/prguard.yml');
    expect(size!.properties).toEqual({ 'prguard/whole-change': true });
    expect(disclosure!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('docs/my%20file%20%231.md');
    expect(disclosure!.level).toBe('note');
    // A rule outside the registry (an engine error) still resolves to a described rule.
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules[engine!.ruleIndex!]!.id).toBe('engine');
    expect(results.every((r) => rules[r.ruleIndex!]!.id === r.ruleId)).toBe(true);
  });

  it('keeps report notes as tool notifications, so nothing is lost', () => {
    const log = buildSarif(report([], ['truncated at 3000 files']), options);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toBe(
      'truncated at 3000 files',
    );
  });

  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    // A backslash is part of a git file name, not a separator: `a\\b.ts` must not point at `a/b.ts`.
    ['dir\\win.ts', 'dir%5Cwin.ts'],
    ['ä ö/100%.md', '%C3%A4%20%C3%B6/100%25.md'],
  ])('pathToUri(%j) = %j', (input, expected) => {
    expect(pathToUri(input)).toBe(expected);
  });
});

describe('formatSarif within GitHub code scanning limits', () => {
  // Code scanning rejects a run of more than 25,000 results and keeps 5,000 of fewer; a file over
  // 10 MB gzip-compressed is rejected. Errors are listed last here, so that a cut in the report's
  // own order would lose them.
  const many = (n: number, severity: Finding['severity'], ruleId: string, message = 'm'): Finding[] =>
    Array.from({ length: n }, (_, i) => ({ ruleId, severity, message: `${message} ${i}`, path: `src/f${i}.ts`, line: i + 1 }));

  it('keeps the 5,000 most severe of 26,000 findings, says how many it left out, and keeps the verdict', () => {
    const findings = [...many(20_000, 'notice', 'ai-disclosure'), ...many(5_000, 'warning', 'pr-size'), ...many(1_000, 'error', 'secret-leakage')];
    const told: string[] = [];
    const text = formatSarif(report(findings), { ...options, onLeftOut: (m) => told.push(m) });
    const log = JSON.parse(text) as Sarif.Log;
    expect(validateSarif(log)).toBe(true);
    const run = log.runs[0]!;
    const results = run.results!;
    expect(results).toHaveLength(5_000);
    const levels = results.map((r) => r.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(1_000);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(4_000);
    expect(levels).not.toContain('note');
    // The verdict and the counts are the report's, every finding included.
    expect(run.properties!.conclusion).toBe('failure');
    expect(run.properties!.findings).toEqual({ error: 1_000, warning: 5_000, notice: 20_000 });
    expect(run.properties!.resultsLeftOut).toBe(21_000);
    const first = run.invocations![0]!.toolExecutionNotifications![0]!;
    expect(first.level).toBe('warning');
    expect(first.descriptor).toEqual({ id: 'prguard/results-left-out' });
    expect(first.message.text).toContain('21000 of 26000 findings (1000 warnings, 20000 notices) are not in this SARIF file');
    expect(first.message.text).toContain('The verdict counts all 26000 (1000 errors, 5000 warnings, 20000 notices): failure');
    expect(told).toEqual([first.message.text]);
    expect(Buffer.byteLength(text)).toBeLessThan(SARIF_LIMITS.bytes);
  });

  it('keeps the file under 10 MB when the findings are long, most severe first', () => {
    const long = 'x'.repeat(100_000);
    const findings = [...many(60, 'notice', 'ai-disclosure', long), ...many(60, 'error', 'secret-leakage', long)];
    const text = formatSarif(report(findings), options);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SARIF_LIMITS.bytes);
    const log = JSON.parse(text) as Sarif.Log;
    expect(validateSarif(log)).toBe(true);
    const results = log.runs[0]!.results!;
    // 120 x 100 kB do not fit: every error does (6 MB), then the notices that still do.
    expect(results.filter((r) => r.level === 'error')).toHaveLength(60);
    expect(results.length).toBeLessThan(120);
    expect(log.runs[0]!.properties!.resultsLeftOut).toBe(120 - results.length);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain(`${120 - results.length} of 120 findings`);
  });

  it('keeps the notes within their share of the file, in order, and says how many it left out; the results keep the rest', () => {
    // 30,000 notes of 400 bytes: 12 MB, more than a whole upload. Written as they were, they made
    // the file too large for code scanning and left no room for a single result.
    const notes = Array.from({ length: 30_000 }, (_, i) => `note ${i}: ${'n'.repeat(390)}`);
    const findings = many(100, 'error', 'secret-leakage');
    const told: string[] = [];
    const text = formatSarif(report(findings, notes), { ...options, onLeftOut: (m) => told.push(m) });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SARIF_LIMITS.bytes);
    const log = JSON.parse(text) as Sarif.Log;
    expect(validateSarif(log)).toBe(true);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(100);
    expect(run.properties!.resultsLeftOut).toBe(0);
    const notifications = run.invocations![0]!.toolExecutionNotifications!;
    const kept = notifications.filter((n) => n.level === 'note').map((n) => n.message.text);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(notes.slice(0, kept.length));
    // The notes' share is what they take in the file, measured as written there.
    const inFile = (t: string) => text.indexOf(JSON.stringify(t));
    const span = inFile(kept[kept.length - 1]!) - inFile(kept[0]!);
    const each = inFile(kept[1]!) - inFile(kept[0]!);
    // Within the share, and as many as fit in it: one more would not.
    expect(span + each).toBeLessThanOrEqual(SARIF_LIMITS.noteBytes);
    expect(span + 2 * each).toBeGreaterThan(SARIF_LIMITS.noteBytes);
    const left = notes.length - kept.length;
    expect(run.properties!.notesLeftOut).toBe(left);
    const said = notifications.filter((n) => n.descriptor?.id === 'prguard/notes-left-out');
    expect(said).toHaveLength(1);
    expect(said[0]!.level).toBe('warning');
    expect(said[0]!.message.text).toBe(
      `${left} of 30000 notes are not in this SARIF file: it keeps the first ${kept.length}, within 1000 kB of notes, so that the results fit GitHub code scanning's 10 MB per upload. The text and JSON reports list every note.`,
    );
    expect(told).toEqual([said[0]!.message.text]);
  });

  it('says in one sentence each, told once, when both findings and notes were left out', () => {
    const told: string[] = [];
    const log = buildSarif(report(many(3, 'error', 'secret-leakage'), ['a'.repeat(2_000)]), { ...options, maxNoteBytes: 1_000, maxResults: 1, onLeftOut: (m) => told.push(m) });
    const notifications = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((n) => n.descriptor?.id)).toEqual(['prguard/results-left-out', 'prguard/notes-left-out']);
    expect(told).toEqual([`${notifications[0]!.message.text} ${notifications[1]!.message.text}`]);
  });

  it('a note budget that one note overruns keeps none, and says so', () => {
    const log = buildSarif(report([], ['a'.repeat(2_000), 'b']), { ...options, maxNoteBytes: 1_000 });
    const notifications = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((n) => n.descriptor?.id ?? n.message.text)).toEqual(['prguard/notes-left-out']);
    expect(notifications[0]!.message.text).toMatch(/^2 of 2 notes are not in this SARIF file: it keeps the first 0, within 1 kB of notes/);
    expect(log.runs[0]!.properties!.notesLeftOut).toBe(2);
  });

  it('changes nothing for a report within the limits', () => {
    const findings = cases.flatMap((c) => c.findings);
    const told: string[] = [];
    const log = buildSarif(report(findings, ['a note']), { ...options, onLeftOut: (m) => told.push(m) });
    expect(log.runs[0]!.results).toHaveLength(findings.length);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual(['a note']);
    expect(log.runs[0]!.properties!.resultsLeftOut).toBe(0);
    expect(log.runs[0]!.properties!.notesLeftOut).toBe(0);
    expect(told).toEqual([]);
  });
});
