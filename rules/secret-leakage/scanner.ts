// The scanner: one keyword pass over a block of lines, then only the selected patterns per line.
import type { ProviderPattern } from './catalogue.ts';
import { structureChecks } from './checksums.ts';
import { DEFAULT_PASSWORDS, EXAMPLE_SECRETS, entropy, inInertSpan, isPlaceholder } from './filters.ts';
import { GENERIC_KEYWORDS, findGeneric } from './generic.ts';
import { KeywordIndex, type Keyword } from './keywords.ts';
import { collectBlock } from './pem.ts';
import { pairAwsSecrets } from './aws-pair.ts';

export const WAIVER = 'prguard-allow-secret';
export const GENERIC_ID = 'generic-secret';

export interface ScanLine {
  text: string;
  line: number;
}

export interface Hit {
  patternId: string;
  name: string;
  secret: string;
  /** Index into the scanned lines. */
  at: number;
  /** Index into the scanned lines of the last line (multi-line blocks). */
  endAt: number;
  /** Column of the secret on its first line. */
  index: number;
}

interface Compiled {
  def: ProviderPattern;
  re: RegExp;
  group: number;
}

function compile(def: ProviderPattern): Compiled {
  const re = new RegExp(def.regex, `g${def.flags ?? ''}`);
  const groups = new RegExp(`${def.regex}|`, def.flags ?? '').exec('')?.length ?? 1;
  return { def, re, group: def.group ?? (groups > 1 ? 1 : 0) };
}

export class Scanner {
  private readonly patterns: Compiled[];
  private readonly index: KeywordIndex;
  private readonly genericIndex: number;

  constructor(defs: readonly ProviderPattern[], options: { generic: boolean }) {
    this.patterns = defs.map(compile);
    this.genericIndex = options.generic ? this.patterns.length : -1;
    const keywords: Keyword[] = [];
    defs.forEach((d, i) => {
      for (const text of d.keywords) keywords.push({ text, caseInsensitive: !!d.ciKeywords, patterns: [i] });
    });
    if (options.generic) {
      for (const text of GENERIC_KEYWORDS) keywords.push({ text, caseInsensitive: true, patterns: [this.genericIndex] });
    }
    keywords.push({ text: WAIVER, caseInsensitive: false, patterns: [] });
    this.index = new KeywordIndex(keywords);
  }

  /** Every secret in the lines (consecutive line numbers form multi-line blocks). */
  scan(lines: readonly ScanLine[]): Hit[] {
    if (lines.length === 0) return [];
    const text = lines.length === 1 ? (lines[0] as ScanLine).text : lines.map((l) => l.text).join('\n');
    const hits: Hit[] = [];
    let lineIdx = 0;
    let lineEnd = (lines[0] as ScanLine).text.length;
    let candidates: Set<number> | undefined;
    this.index.scan(text, (at, keyword) => {
      if (at > lineEnd) {
        if (candidates) this.scanLine(lines, lineIdx, candidates, text, hits);
        candidates = undefined;
        while (at > lineEnd) {
          lineIdx++;
          lineEnd += 1 + (lines[lineIdx] as ScanLine).text.length;
        }
      }
      if (keyword.patterns.length === 0) return;
      candidates ??= new Set();
      for (const p of keyword.patterns) candidates.add(p);
    });
    if (candidates) this.scanLine(lines, lineIdx, candidates, text, hits);
    if (hits.some((h) => h.patternId === 'aws-access-key-id')) pairAwsSecrets(lines, hits);
    return hits;
  }

  private scanLine(lines: readonly ScanLine[], at: number, candidates: Set<number>, all: string, out: Hit[]): void {
    const line = (lines[at] as ScanLine).text;
    if (line.includes(WAIVER)) return;
    const found: Hit[] = [];
    // Spans a provider pattern matched but rejected (bad checksum, example key): not secrets, so
    // the generic check must not report them either.
    const vetoed: [number, number][] = [];
    const ordered = [...candidates].sort((a, b) => a - b);
    for (const p of ordered) {
      if (p === this.genericIndex) {
        for (const g of findGeneric(line)) {
          const end = g.index + g.secret.length;
          if (vetoed.some(([s, e]) => g.index < e && s < end)) continue;
          if (acceptable(g.secret, 0) && !inInertSpan(line, g.index)) {
            found.push({ patternId: GENERIC_ID, name: `Secret assigned to \`${g.name}\``, secret: g.secret, at, endAt: at, index: g.index });
          }
        }
        continue;
      }
      const c = this.patterns[p] as Compiled;
      const def = c.def;
      if (def.requires && !def.requires.every((r) => line.includes(r))) continue;
      if (def.requiresInFile && !all.includes(def.requiresInFile)) continue;
      c.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = c.re.exec(line)) !== null) {
        if (m[0].length === 0) c.re.lastIndex++;
        const raw = m[c.group];
        if (!raw) continue;
        const index = m.index + m[0].indexOf(raw);
        if (def.block) {
          const block = collectBlock(lines, at, index);
          if (block && !isPlaceholder(block.body.slice(0, 200))) {
            found.push({ patternId: def.id, name: def.name, secret: block.body, at, endAt: block.endAt, index });
          }
          continue;
        }
        const valid = !def.check || structureChecks[def.check](raw);
        if (!valid || !acceptable(raw, def.minEntropy ?? 3.0) || inInertSpan(line, index)) {
          vetoed.push([index, index + raw.length]);
          continue;
        }
        found.push({ patternId: def.id, name: def.name, secret: raw, at, endAt: at, index });
      }
    }
    // One finding per span: the earlier pattern in the catalogue wins, generic comes last.
    const taken: [number, number][] = [];
    for (const h of found) {
      const end = h.index + (h.at === h.endAt ? h.secret.length : 1);
      if (taken.some(([s, e]) => h.index < e && s < end)) continue;
      taken.push([h.index, end]);
      out.push(h);
    }
  }
}

/** A candidate is a secret unless it is a documented example or a placeholder. */
export function acceptable(secret: string, minEntropy: number): boolean {
  if (EXAMPLE_SECRETS.has(secret) || isPlaceholder(secret)) return false;
  if (DEFAULT_PASSWORDS.has(secret.toLowerCase())) return false;
  return entropy(secret) >= minEntropy;
}
