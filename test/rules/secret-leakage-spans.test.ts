// The keyword pass over a hunk's text (Scanner.scanSpans): a parsed diff's added lines are
// scanned as spans of the diff's text, and line objects are made only for a file with a keyword.
// Whatever the path, the findings must be those of the same lines given as objects.
import { describe, expect, it } from 'vitest';
import { addedText } from '../../src/diff/hunk-text.ts';
import { parseUnifiedDiff } from '../../src/diff/index.ts';
import type { ChangeSet, FileChange, Hunk } from '../../src/model.ts';
import type { RuleContext } from '../../src/rule.ts';
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { secretLeakage, type SecretLeakageOptions } from '../../rules/secret-leakage/index.ts';
import { KeywordIndex } from '../../rules/secret-leakage/keywords.ts';
import { WINDOW } from '../../rules/secret-leakage/scanner.ts';
import { change } from '../helpers/change.ts';
import { ALNUM, naiveKeywordHits, pick, rng, sample } from '../helpers/secret-samples.ts';

const DEFAULTS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const CONTEXT = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} } as RuleContext;

/** A diff adding `lines` to `path` in hunks of `per` lines, each after a line of context. */
function diffOf(path: string, lines: string[], per = 7, eol = '\n'): string {
  let out = `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < lines.length; i += per) {
    const chunk = lines.slice(i, i + per);
    out += `@@ -${oldLine},3 +${newLine},${chunk.length + 2} @@\n context ${i}${eol}`;
    for (const l of chunk) out += `+${l}${eol}`;
    out += `-removed ${i}${eol} after ${i}${eol}`;
    oldLine += 10;
    newLine += 10 + chunk.length;
  }
  return out;
}

/** The same change with every hunk a plain object: its added and deleted lines as arrays. */
const asArrays = (files: FileChange[]): FileChange[] =>
  files.map((f) => ({ ...f, hunks: f.hunks.map((h): Hunk => ({ ...h, added: [...h.added], deleted: [...h.deleted] })) }));

const findings = (files: FileChange[], options: Partial<SecretLeakageOptions> = {}) =>
  secretLeakage.check(change({ files }) as ChangeSet, { ...DEFAULTS, ...options }, CONTEXT).map((v) => ({
    path: v.path, line: v.line, endLine: v.endLine, pattern: v.data?.pattern, fingerprint: v.fingerprint, confidence: v.confidence,
  }));

describe('secret-leakage over hunk text', () => {
  it('finds in a parsed diff exactly what it finds in the same lines as objects', () => {
    const r = rng(515);
    const lines: string[] = [];
    for (const p of catalogue) {
      const s = sample(p.id, r);
      lines.push(`filler ${pick(r, ALNUM, 12)}`, ...`const value = ${JSON.stringify(s.text)};`.split('\n'));
      if (s.text.includes('\n')) lines.push(...s.text.split('\n')); // PEM-like blocks, line by line
    }
    lines.push('aws_access_key_id = AKIAQWERTYUIOPASDFGH', 'aws_secret_access_key = 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');
    lines.push(`token = "${pick(r, ALNUM, 32)}" // prguard-allow-secret`, `password = "${pick(r, ALNUM, 20)}"`);
    const diffs = [
      diffOf('src/config.ts', lines),
      diffOf('test/fixtures/keys.txt', lines, 3),
      diffOf('deploy/crlf.env', lines, 11, '\r\n'),
      diffOf('src/plain.ts', ['export const a = 1;', 'export const b = compute(2);']),
    ];
    const parsed = parseUnifiedDiff(diffs.join(''));
    expect(parsed.length).toBe(4);
    const want = findings(asArrays(parseUnifiedDiff(diffs.join(''))));
    expect(want.length).toBeGreaterThan(catalogue.length);
    expect(findings(parsed)).toEqual(want);
    // A custom pattern with requiresInFile-like context still sees the whole file.
    const custom = { patterns: [{ id: 'acme-key', name: 'Acme key', regex: 'acme_[a-z0-9]{24}', keywords: ['acme_'] }] };
    expect(findings(parsed, custom as Partial<SecretLeakageOptions>)).toEqual(findings(asArrays(parsed), custom as Partial<SecretLeakageOptions>));
  });

  it('scans a line longer than the scan window in windows, as from objects', () => {
    const r = rng(9);
    const token = sample('github-classic-pat', r).text;
    const long = `${'x'.repeat(WINDOW + 100)} ${token} ${'y'.repeat(50)}`;
    const parsed = parseUnifiedDiff(diffOf('dist/bundle.js', ['first', long, 'last']));
    const got = findings(parsed);
    expect(got.map((f) => f.pattern)).toContain('github-classic-pat');
    expect(got).toEqual(findings(asArrays(parsed)));
  });

  it('a file without a keyword makes no line object', () => {
    const parsed = parseUnifiedDiff(diffOf('src/plain.ts', Array.from({ length: 50 }, (_, i) => `export const v${i} = ${i};`)));
    const hunks = parsed[0]!.hunks;
    let reads = 0;
    for (const h of hunks) {
      const text = Object.getOwnPropertyDescriptor(h, 'added')!;
      Object.defineProperty(h, 'added', { ...text, get() { reads++; return text.get!.call(this); } });
    }
    expect(findings(parsed)).toEqual([]);
    expect(reads).toBe(0);
  });
});

describe('addedText', () => {
  it('gives the spans of a parsed hunk\'s added lines as hunk.added has them, and nothing for a hunk of arrays', () => {
    const diff = [
      'diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -10,3 +20,6 @@ fn main',
      ' keep', '-old one\r', '+new one\r', '+', '\\ No newline at end of file', ' mid', '+third', '+fourth', '',
    ].join('\n');
    const hunk = parseUnifiedDiff(diff)[0]!.hunks[0]!;
    const { text, spans } = addedText(hunk)!;
    const seen: { line: number; content: string }[] = [];
    for (let i = 0; i < spans.length; i += 3) seen.push({ line: spans[i + 2]!, content: text.slice(spans[i], spans[i + 1]) });
    expect(seen).toEqual(hunk.added);
    expect(seen.map((l) => l.line)).toEqual([21, 22, 24, 25]);
    // The header's count only sizes the spans: a hunk edited since still gives every line.
    hunk.newLines = 1;
    const again = addedText(hunk)!;
    expect(again.spans.length / 3).toBe(4);
    // Assigned lines win over the text; a hand-made hunk has no text.
    hunk.added = [{ line: 1, content: 'assigned' }];
    expect(addedText(hunk)).toBeUndefined();
    expect(addedText({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1, section: '', added: [], deleted: [] })).toBeUndefined();
  });
});

describe('KeywordIndex.scan over a range', () => {
  it('reports exactly the occurrences lying wholly in text[from, to)', () => {
    const keywords = [
      { text: 'ghp_', caseInsensitive: false, patterns: [0] },
      { text: 'gh', caseInsensitive: false, patterns: [1] },
      { text: 'pass', caseInsensitive: true, patterns: [2] },
      { text: 'password', caseInsensitive: true, patterns: [3] },
      { text: '+tok', caseInsensitive: false, patterns: [4] },
    ];
    const index = new KeywordIndex(keywords);
    const r = rng(77);
    for (let round = 0; round < 400; round++) {
      const text = pick(r, 'ghp_aPAsSwordk+to\n', 50);
      const from = Math.floor(r() * 30);
      const to = from + Math.floor(r() * (text.length - from + 1));
      const got: string[] = [];
      index.scan(text, (at, k) => got.push(`${at}:${k.text}`), from, to);
      expect(got.sort(), `${JSON.stringify(text)} [${from}, ${to})`).toEqual(naiveKeywordHits(keywords, text, from, to));
    }
  });
});
