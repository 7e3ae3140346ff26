// Rule secret-leakage: no credential in the added lines, commit messages or PR description.
import { matchesAny } from '../../src/glob.ts';
import type { ChangeSet, Hunk } from '../../src/model.ts';
import type { OptionProblem, Rule, Violation } from '../../src/rule.ts';
import { catalogue, type ProviderPattern } from './catalogue.ts';
import { fingerprint, preview } from './fingerprint.ts';
import { checkRegexSafety } from './regex-safety.ts';
import { Scanner, type Hit, type ScanLine } from './scanner.ts';

export const RULE_ID = 'secret-leakage';

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
}

const BUILT_IN_IDS = new Set([...catalogue.map((p) => p.id), 'generic-secret']);

const scanners = new Map<string, Scanner>();

/** The scanner for these options, compiled once and reused across runs. */
export function scannerFor(options: Pick<SecretLeakageOptions, 'patterns' | 'generic'>): Scanner {
  const key = `${options.generic}|${JSON.stringify(options.patterns)}`;
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

interface Source {
  lines: readonly ScanLine[];
  where: (hit: Hit, lines: readonly ScanLine[]) => string;
  path?: string;
}

function textLines(text: string): ScanLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ content: t, line: i + 1 }));
}

function sources(change: ChangeSet, exclude: readonly string[]): Source[] {
  const out: Source[] = [];
  for (const file of change.files) {
    if (file.binary || file.status === 'deleted' || file.path.endsWith('.map')) continue;
    if (exclude.length > 0 && matchesAny(file.path, exclude)) continue;
    const lines = file.hunks.length === 1 ? (file.hunks[0] as Hunk).added : file.hunks.flatMap((h) => h.added);
    out.push({ lines, path: file.path, where: (hit, ls) => `${file.path}:${(ls[hit.at] as ScanLine).line}` });
  }
  for (const c of change.commits) {
    const short = c.sha.slice(0, 7);
    out.push({ lines: textLines(c.message), where: (hit, ls) => `the message of commit ${short} (line ${(ls[hit.at] as ScanLine).line})` });
  }
  if (change.pr) {
    out.push({ lines: [{ content: change.pr.title, line: 1 }], where: () => 'the PR title' });
    if (change.pr.body) out.push({ lines: textLines(change.pr.body), where: (hit, ls) => `the PR description (line ${(ls[hit.at] as ScanLine).line})` });
  }
  return out;
}

const patternProblem = (i: number, key: string, message: string): OptionProblem => ({ path: ['patterns', i, key], message });

export const secretLeakage: Rule<SecretLeakageOptions> = {
  meta: {
    id: RULE_ID,
    description: 'Keep credentials out of added lines, commit messages and the PR description',
    defaultSeverity: 'error',
    reads: ['files', 'lines', 'commits'],
    schema: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string', pattern: '^[0-9a-f]{12}$' },
          default: [],
          description: 'Fingerprints (12 hex digits, shown in each finding) of accepted secrets, e.g. test fixtures.',
        },
        exclude: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'Path globs whose added lines are not scanned.',
        },
        patterns: {
          type: 'array',
          default: [],
          description: 'Extra patterns: a JavaScript regex (capture group 1 = the secret, if any) and the literal keywords that any match contains.',
          items: {
            type: 'object',
            required: ['id', 'regex', 'keywords'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
              name: { type: 'string', minLength: 1 },
              regex: { type: 'string', minLength: 1 },
              keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 3 } },
            },
          },
        },
        generic: {
          type: 'boolean',
          default: true,
          description: 'Also report high-entropy literals assigned to names like password, secret, token or api_key.',
        },
      },
    },
    // The PR title and description are scanned for secrets; findings never wait for them.
    pullRequest: { scans: ['title', 'body'] },
    messages: {
      found:
        '{{name}} (pattern {{pattern}}) in {{where}}: `{{preview}}…` (fingerprint {{fingerprint}}). A pushed secret stays in git ' +
        'history even after a later commit removes it, so treat it as leaked: revoke or rotate it now, then ' +
        'load it from the environment or a secret manager. If it is a deliberate test fixture, add ' +
        '{{fingerprint}} to `allow:` for secret-leakage in the policy, or put `prguard-allow-secret` on the line.',
    },
  },

  validate(options) {
    const problems: OptionProblem[] = [];
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
    return problems;
  },

  check(change, options) {
    const scanner = scannerFor(options);
    const allow = new Set(options.allow);
    const violations: Violation[] = [];
    for (const source of sources(change, options.exclude)) {
      for (const hit of scanner.scan(source.lines)) {
        const fp = fingerprint(RULE_ID, hit.secret);
        if (allow.has(fp)) continue;
        const v: Violation = {
          messageId: 'found',
          data: { name: hit.name, pattern: hit.patternId, where: source.where(hit, source.lines), preview: preview(hit.secret), fingerprint: fp },
          fingerprint: fp,
          secrets: [hit.secret],
        };
        if (source.path !== undefined) {
          v.path = source.path;
          v.line = (source.lines[hit.at] as ScanLine).line;
          if (hit.endAt !== hit.at) v.endLine = (source.lines[hit.endAt] as ScanLine).line;
        }
        violations.push(v);
      }
    }
    return violations;
  },
};
