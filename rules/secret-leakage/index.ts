// Rule secret-leakage: no credential in the added lines, commit messages or PR description.
import { defineRule, globListProblems, type TypedViolation } from '../../src/rule-kit/index.ts';
import type { ChangeSet, Severity } from '../../src/model.ts';
import type { OptionProblem, RuleContext } from '../../src/rule.ts';
import { baseFingerprints, parseBaseline } from './baseline.ts';
import { catalogue, type ProviderPattern } from './catalogue.ts';
import { cutTokens } from './cut.ts';
import { DEFAULT_SEVERITIES, confidenceOf, weakPlace, type Confidence, type SeverityOptions } from './confidence.ts';
import { fingerprint, preview } from './fingerprint.ts';
import { strong } from './generic.ts';
import { RULE_ID, meta, type MessageId } from './meta.ts';
import { checkRegexSafety } from '../../src/rule-kit/regex-safety.ts';
import { GENERIC_ID, Scanner, SHORT_TEXT, type Hit } from './scanner.ts';
import { scanFile, scannerKey, scanSource, type FileScan, type ScannedSource } from './per-file.ts';
import { cutLines, excluder, historyUnscanned, otherSources, secretProne, type Unscanned } from './sources.ts';

export { RULE_ID } from './meta.ts';

export interface CustomPattern {
  id: string;
  regex: string;
  keywords: string[];
  name?: string;
}

export interface SecretLeakageOptions {
  allow: string[];
  exclude: string[];
  patterns: CustomPattern[];
  generic: boolean;
  severities?: Partial<SeverityOptions>;
  baseline?: string;
}

const BUILT_IN_IDS = new Set([...catalogue.map((p) => p.id), GENERIC_ID]);
const CATALOGUE_CONFIDENCE = new Map<string, Confidence>(catalogue.map((p) => [p.id, confidenceOf(p)]));

const scanners = new Map<string, Scanner>();

/** The scanner for these options, compiled once and reused across runs. */
export function scannerFor(options: Pick<SecretLeakageOptions, 'patterns' | 'generic'>): Scanner {
  const key = scannerKey(options);
  let scanner = scanners.get(key);
  if (!scanner) {
    const custom: ProviderPattern[] = options.patterns.map((p) => {
      const verdict = checkRegexSafety(p.regex);
      if (!verdict.ok) throw new Error(`custom pattern "${p.id}" ${verdict.reason}`);
      return { id: p.id, name: p.name ?? `Secret matching custom pattern "${p.id}"`, doc: 'custom', keywords: p.keywords, regex: p.regex, minEntropy: 0 };
    });
    scanner = new Scanner([...catalogue, ...custom], { generic: options.generic });
    if (scanners.size > 16) scanners.clear();
    scanners.set(key, scanner);
  }
  return scanner;
}

/** The confidence class of a hit and the severity key it maps to (undefined: not reported). */
function classify(hit: Hit, source: Pick<ScannedSource, 'kind'>): { confidence: Confidence; key: keyof SeverityOptions } | undefined {
  if (hit.patternId === GENERIC_ID) {
    // Snapshots (recorded output) and lockfiles (resolved versions, integrity hashes) are written
    // by tools, not people: an assignment-shaped line there is data. Provider formats still count.
    if (source.kind === 'snapshot' || source.kind === 'lock') return undefined;
    return { confidence: 'generic', key: hit.weak || weakPlace(source.kind) ? 'generic-weak' : 'generic' };
  }
  const confidence = hit.confidence ?? CATALOGUE_CONFIDENCE.get(hit.patternId) ?? 'format';
  if (confidence === 'generic') {
    // A structural heuristic (a password in a URL): weak in tests, fixtures and snapshots, or when
    // the value is not random-looking. Docs and lockfiles are not weak here: a URL with a real
    // host's password in a README, or a registry token in a lockfile, is a known leak (examples
    // use reserved hosts and placeholders, which are no findings at all).
    const weak = source.kind === 'test' || source.kind === 'fixture' || source.kind === 'snapshot' || !strong(decodeURIComponentSafe(hit.secret));
    return { confidence, key: weak ? 'generic-weak' : 'generic' };
  }
  return { confidence, key: confidence };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The baseline's fingerprints, read at the base commit (an empty set after a problem with it, reported), or undefined when the file it names is not at the base. */
function baselineOf(change: ChangeSet, options: SecretLeakageOptions, context: RuleContext, out: TypedViolation<MessageId>[]): Set<string> | undefined {
  const path = options.baseline;
  if (!path) return new Set();
  const text = context.baseDocuments?.[path];
  if (text === undefined) return undefined; // not at the base yet: it waives nothing (said when it could have)
  const parsed = parseBaseline(text);
  if ('error' in parsed) {
    out.push({ messageId: 'baselineInvalid', data: { baseline: path, reason: parsed.error }, path, severity: 'error' });
    return new Set();
  }
  // What the change does to the baseline file never waives its own findings.
  return baseFingerprints(text, parsed.fingerprints, change.files.find((f) => f.path === path));
}

function unscannedViolation(u: Unscanned): TypedViolation<MessageId> {
  return {
    messageId: 'notScanned',
    data: { path: u.path, reason: u.reason },
    path: u.path,
    severity: u.error || secretProne(u.path) ? 'error' : 'notice',
  };
}

const patternProblem = (i: number, key: string, message: string): OptionProblem => ({ path: ['patterns', i, key], message });

export const secretLeakage = defineRule<SecretLeakageOptions, MessageId>({
  meta,

  validate(options) {
    const problems: OptionProblem[] = globListProblems(options, ['exclude']);
    (options.patterns ?? []).forEach((p, i) => {
      if (typeof p?.regex !== 'string') return; // the schema reports the missing field
      if (BUILT_IN_IDS.has(p.id)) {
        problems.push(patternProblem(i, 'id', `"${p.id}" is already a built-in pattern id; choose another id.`));
      }
      const verdict = checkRegexSafety(p.regex);
      if (!verdict.ok) problems.push(patternProblem(i, 'regex', `The regex ${verdict.reason}.`));
      else if (new RegExp(p.regex).test('')) {
        problems.push(patternProblem(i, 'regex', 'The regex matches the empty string, so it would report every keyword hit; make it require the secret.'));
      }
    });
    const b = options.baseline;
    if (b && (/^\.{0,2}\/|\\|\/$/.test(b) || b.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''))) {
      problems.push({ path: ['baseline'], message: `"${b}" is not a repository path as git names it: write it from the repository root, without "./", "/" or "..", e.g. .github/prguard-secrets-baseline.json.` });
    }
    return problems;
  },

  baseDocuments(_change, options) {
    return options.baseline ? [options.baseline] : [];
  },

  // The redaction boundary for text outside a report (an error message quoting a pasted token):
  // every provider pattern and the generic check, whatever a policy's options, and the start of
  // a token that the message clipped (cut.ts).
  findSecrets(text) {
    const scanner = scannerFor({ patterns: [], generic: true });
    // A short text without a keyword holds no secret (Scanner.mayHold), and is read without the
    // keyword index: a push that checks nothing but its ref names makes none.
    if (text.length <= SHORT_TEXT && !scanner.mayHold(text)) return cutTokens(text);
    const lines = text.split(/\r?\n/).map((content, i) => ({ line: i + 1, content }));
    const hits = scanner.scan(lines);
    return [...hits.flatMap((hit) => [hit.secret, ...(hit.encoded ?? [])]), ...cutTokens(text)];
  },

  // A pushed ref's name (pre-push): the provider formats that validated, whatever the policy's
  // options (a push of nothing else reads no policy; the push applies `allow:` to what is found,
  // src/commands/push-names.ts). The scanner is the one above.
  findVerifiedSecrets(text) {
    const scanner = scannerFor({ patterns: [], generic: true });
    if (text.length <= SHORT_TEXT && !scanner.mayHold(text)) return [];
    const hits = scanner.scan([{ line: 1, content: text }]);
    return hits
      .filter((hit) => hit.patternId !== GENERIC_ID && (hit.confidence ?? CATALOGUE_CONFIDENCE.get(hit.patternId)) === 'verified-format')
      .map((hit) => ({ secret: hit.secret, name: hit.name, patternId: hit.patternId, preview: preview(hit.secret), fingerprint: fingerprint(RULE_ID, hit.secret) }));
  },

  // Each file's scan, run while the change streams in when the engine can (see per-file.ts).
  file: {
    key: scannerKey,
    run: (file, options) => scanFile(file, scannerFor(options)),
  },

  check(change: ChangeSet, options, context) {
    const scanner = scannerFor(options);
    const allow = new Set(options.allow);
    const severities: SeverityOptions = { ...DEFAULT_SEVERITIES, ...options.severities };
    const violations: TypedViolation<MessageId>[] = [];
    const read = baselineOf(change, options, context, violations);
    const absent = read === undefined; // named, but not at the base
    const baseline = read ?? new Set<string>();
    const unscanned: Unscanned[] = [];
    const skip = excluder(options.exclude, options.baseline || undefined);
    const scanned: ScannedSource[] = [];
    for (const file of change.files) {
      if (skip(file.path)) continue;
      const result = (context.perFile ? context.perFile(file) : scanFile(file, scanner)) as FileScan;
      if (result === undefined) continue;
      if ('unscanned' in result) unscanned.push({ path: file.path, reason: result.unscanned });
      else scanned.push(result);
    }
    for (const source of otherSources(change, skip, (text) => scanner.mayHold(text))) scanned.push(scanSource(source, scanner));
    unscanned.push(...historyUnscanned(change, skip));
    // A token the net diff still holds is reported there: not again for the commit that added it
    // (a file moved or edited since), whose finding would say a later commit removed it.
    const inNet = new Set<string>();
    for (const source of scanned) {
      for (const { hit, line, endLine } of source.hits) {
        const cls = classify(hit, source);
        if (!cls) continue;
        // A pushed ref's name: its verified-format secrets are the push's to report (push-names.ts).
        if (source.pushedName && cls.confidence === 'verified-format') continue;
        const setting = severities[cls.key];
        const fp = fingerprint(RULE_ID, hit.secret);
        if (setting === 'off' || allow.has(fp)) continue;
        if (source.commit === undefined && source.path !== undefined && !source.name) inNet.add(fp);
        else if (source.commit !== undefined && inNet.has(fp)) continue;
        const listed = baseline.has(fp);
        const severity: Severity | undefined = listed ? 'notice' : setting === 'error' ? undefined : setting;
        const v: TypedViolation<MessageId> = {
          messageId: listed ? 'baselined' : source.name ? 'foundInName' : source.commit !== undefined ? 'foundInHistory' : 'found',
          data: {
            name: hit.name,
            pattern: hit.patternId,
            confidence: cls.confidence,
            where: source.where(line),
            preview: preview(hit.secret),
            fingerprint: fp,
            baseline: options.baseline ?? '',
          },
          fingerprint: fp,
          confidence: cls.confidence,
          secrets: [hit.secret, ...(hit.encoded ?? [])],
          ...(severity !== undefined ? { severity } : {}),
        };
        if (source.path !== undefined) {
          v.path = source.path;
          v.line = line;
          if (endLine !== undefined) v.endLine = endLine;
        }
        violations.push(v);
      }
    }
    for (const u of unscanned) violations.push(unscannedViolation(u));
    // A line too long to read in full stands in for what its unread part may hold: the rule's
    // own severity, as a finding there would have (no baseline or allow entry can name it).
    for (const c of cutLines(change, skip)) {
      violations.push({ messageId: 'scannedInPart', data: { where: c.where }, ...(c.path !== undefined ? { path: c.path, line: c.line } : {}) });
    }
    if (absent && violations.some((v) => v.messageId !== 'notScanned' && v.messageId !== 'scannedInPart')) {
      violations.push({ messageId: 'baselineAbsent', data: { baseline: options.baseline as string }, severity: 'notice' });
    }
    return violations;
  },
});
