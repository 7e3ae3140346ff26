// The scanner: one keyword pass over a block of lines, then only the selected patterns per line.
import { providerPrefixes, type ProviderPattern } from './catalogue.ts';
import { structureChecks } from './checksums.ts';
import { acceptable, inInertSpan, isKeyPlaceholder } from './filters.ts';
import { GENERIC_CASED_KEYWORDS, GENERIC_KEYWORDS, findGeneric } from './generic.ts';
import { nextAdded } from './generic-forms.ts';
import { BUILT_ANCHORS, BUILT_TABLES } from './keyword-tables.ts';
import { KeywordIndex, type Keyword, type KeywordTables } from './keywords.ts';
import type { AddedText } from '../../src/rule-kit/index.ts';
import { collectBlock, collectPutty } from './pem.ts';
import { pairAwsSecrets } from './aws-pair.ts';
import { base64Anchors, decodedHits, providers } from './decode.ts';
import { ESCAPE_ANCHORS, escapedHits } from './escapes.ts';
import { WINDOW, scanWindowed } from './windows.ts';

export { WINDOW, WINDOW_OVERLAP } from './windows.ts';

export const WAIVER = 'prguard-allow-secret';
export const GENERIC_ID = 'generic-secret';
const MAX_DEPTH = 4;
export const SHORT_TEXT = 512; // a text up to this long (a name) mayHold reads without the index

export type { Hit, LineSource, ScanLine } from './scan-types.ts';
import type { Hit, LineSource, Pass, ScanLine } from './scan-types.ts';

interface Compiled {
  def: ProviderPattern;
  re: RegExp | undefined; // made on first use (regexOf)
  group: number;
}

/** The secret's group: 1 when the regex has a capture group, else the whole match. */
function groupOf(def: ProviderPattern, match: RegExpExecArray): number {
  return def.group ?? (match.length > 1 ? 1 : 0);
}

// Made when a keyword first selects it: making (parsing) all 183 (then) cost a small push 1 ms. A
// policy's own patterns are checked when its options are read.
function regexOf(c: Compiled): RegExp {
  return (c.re ??= new RegExp(c.def.regex, `g${c.def.flags ?? ''}`));
}

export class Scanner {
  private readonly patterns: Compiled[];
  private readonly keywords: Keyword[];
  private readonly tables: KeywordTables | undefined;
  private built: KeywordIndex | undefined; // on first use: mayHold's short way (a ref's name) needs none
  private get index(): KeywordIndex {
    return (this.built ??= new KeywordIndex(this.keywords, this.tables));
  }
  private readonly genericIndex: number;
  private readonly decodeIndex: number; // the base64 anchors' (decode.ts): their lines' base64 runs are decoded
  /** Provider prefixes: a value starting with one is that provider's to judge, not generic. */
  private readonly prefixes: string[];
  /** Per scan: does the scanned text contain this `requiresInFile` literal? */
  private inFile = new Map<string, boolean>();
  /** The keyword pass under way (a scan is synchronous: one at a time). */
  private pass: Pass | undefined;
  private marks: Uint8Array | undefined;
  private depth = 0; // of decoding under way (decoded)

  /** `prebuilt: false` builds the keyword index even when build-time tables match (the generator). */
  constructor(defs: readonly ProviderPattern[], options: { generic: boolean; prebuilt?: boolean }) {
    this.patterns = defs.map((def): Compiled => ({ def, re: undefined, group: -1 }));
    this.genericIndex = options.generic ? this.patterns.length : -1;
    this.decodeIndex = this.patterns.length + 1;
    this.prefixes = providerPrefixes(defs);
    const keywords: Keyword[] = [];
    defs.forEach((d, i) => {
      for (const text of d.anchors ?? d.keywords) {
        if (d.anchors && !d.keywords.some((k) => text.includes(k))) {
          throw new Error(`anchor "${text}" of pattern ${d.id} contains none of its keywords`);
        }
        keywords.push({ text, caseInsensitive: !!d.ciKeywords, patterns: [i] });
      }
    });
    if (options.generic) {
      for (const text of GENERIC_KEYWORDS) keywords.push({ text, caseInsensitive: true, patterns: [this.genericIndex] });
      for (const text of GENERIC_CASED_KEYWORDS) keywords.push({ text, caseInsensitive: false, patterns: [this.genericIndex] });
    }
    for (const text of ESCAPE_ANCHORS) keywords.push({ text, caseInsensitive: false, patterns: [this.decodeIndex] });
    for (const text of base64Anchors(defs, options.prebuilt === false ? undefined : BUILT_ANCHORS)) keywords.push({ text, caseInsensitive: false, patterns: [this.decodeIndex] });
    keywords.push({ text: WAIVER, caseInsensitive: false, patterns: [] });
    this.keywords = keywords;
    this.tables = options.prebuilt === false ? undefined : BUILT_TABLES;
  }

  /** The keyword index's tables, for the build-time copy (scripts/keyword-tables.ts). */
  keywordTables = (): KeywordTables => this.index.tables();

  /** Every secret in the lines (consecutive line numbers form multi-line blocks). */
  scan(input: readonly ScanLine[]): Hit[] {
    // A plain loop: a closure per line (`some`) measured 5% of the rule on 50 MB of source.
    for (let i = 0; i < input.length; i++) if ((input[i] as ScanLine).content.length > WINDOW) return scanWindowed(input, WAIVER, (lines) => this.scanLines(lines));
    return this.scanLines(input);
  }

  /**
   * Every secret in lines given as spans of text, in order (a file's added lines as spans of its
   * hunks' text): the keyword pass reads the spans, and `source.lines` (the same lines as objects) is
   * called only if it finds a keyword, so a file without one makes no line object.
   */
  scanSpans(segments: readonly AddedText[], source: LineSource): Hit[] {
    for (const { spans } of segments) {
      // A line over WINDOW is scanned in windows (windows.ts scanWindowed), from the line objects.
      for (let k = 0; k < spans.length; k += 3) if ((spans[k + 1] as number) - (spans[k] as number) > WINDOW) return this.scan(source.lines);
    }
    const pass = this.startPass(source);
    for (const { text, spans } of segments) {
      for (let k = 0; k < spans.length; k += 3) this.passLine(pass, text, spans[k] as number, spans[k + 1] as number);
    }
    return this.endPass(pass);
  }

  private scanLines(lines: readonly ScanLine[]): Hit[] {
    const pass = this.startPass({ lines });
    for (let i = 0; i < lines.length; i++) {
      const content = (lines[i] as ScanLine).content;
      this.passLine(pass, content, 0, content.length);
    }
    return this.endPass(pass);
  }

  // The keyword pass: each line's keywords select the patterns that then run on it (scanLine).
  // Lines are scanned one by one (joining them would copy the whole diff once more); the
  // patterns a line selects are collected without allocating: a mark per pattern and a list.
  private startPass(linesOf: LineSource): Pass {
    // `requiresInFile` is decided once per scan, not once per line that needs it.
    this.inFile = new Map();
    this.pass = {
      // One array serves every pass, cleared at the start (a pass that threw may have left marks).
      marked: (this.marks ??= new Uint8Array(this.patterns.length + 2)).fill(0),
      selected: [],
      words: [],
      lineStart: 0,
      at: 0,
      linesOf,
      lines: undefined,
      hits: [],
    };
    return this.pass;
  }

  /**
   * A keyword found by the pass under way. One function for every pass (not a closure each), so
   * that the keyword index's call to it stays the same call once optimised.
   */
  private readonly onHit = (index: number, keyword: Keyword): void => {
    const pass = this.pass as Pass;
    // Where the generic keywords are (columns in the line): the generic check reads names around them.
    if (keyword.patterns[0] === this.genericIndex) pass.words.push(index - pass.lineStart);
    for (const p of keyword.patterns) {
      if (pass.marked[p] === 0) {
        pass.marked[p] = 1;
        pass.selected.push(p);
      }
    }
  };

  /**
   * Whether `text` holds a keyword that selects a pattern (or a decoding): a text without one can
   * hold no secret, so it need not be scanned as a source of its own (a file name, say).
   */
  mayHold(text: string): boolean {
    if (!this.built && text.length <= SHORT_TEXT) {
      // Each keyword looked for (lower-cased: a superset of the index's ASCII folding), cheaper
      // for a name or two than making the index (a push that checks nothing but its ref names).
      const lower = text.toLowerCase();
      return this.keywords.some((k) => k.patterns.length > 0 && (k.caseInsensitive ? lower.includes(k.text.toLowerCase()) : text.includes(k.text)));
    }
    this.held = false;
    this.index.scan(text, this.onAny, 0, text.length);
    return this.held;
  }

  private held = false;
  private readonly onAny = (_: number, keyword: Keyword): void => {
    if (keyword.patterns.length > 0) this.held = true;
  };

  /** One line of the pass: its content is text[from, to). */
  private passLine(pass: Pass, text: string, from: number, to: number): void {
    pass.lineStart = from;
    this.index.scan(text, this.onHit, from, to);
    const { selected, words } = pass;
    if (selected.length > 0) {
      if (selected.length > 1) selected.sort((a, b) => a - b);
      if (words.length > 1) words.sort((a, b) => a - b);
      this.scanLine((pass.lines ??= pass.linesOf.lines), pass.at, selected, words, pass.hits);
      for (const p of selected) pass.marked[p] = 0;
      selected.length = 0;
      words.length = 0;
    }
    pass.at++;
  }

  private endPass(pass: Pass): Hit[] {
    this.pass = undefined; // holds the lines: not kept past the scan
    if (pass.lines && pass.hits.some((h) => h.patternId === 'aws-access-key-id')) pairAwsSecrets(pass.lines, pass.hits);
    return pass.hits;
  }

  private fileHas(lines: readonly ScanLine[], literal: string): boolean {
    let known = this.inFile.get(literal);
    if (known === undefined) {
      known = lines.some((l) => l.content.includes(literal));
      this.inFile.set(literal, known);
    }
    return known;
  }

  /** Runs the `candidates` (pattern indexes, ascending) on line `at`; `words`: generic keywords' columns. */
  private scanLine(lines: readonly ScanLine[], at: number, candidates: readonly number[], words: readonly number[], out: Hit[]): void {
    const line = (lines[at] as ScanLine).content;
    if (line.includes(WAIVER)) return;
    const found: Hit[] = [];
    // Spans a provider pattern matched but rejected (bad checksum, example key): not secrets, so
    // the generic check must not report them either.
    const vetoed: [number, number][] = [];
    let base64 = false;
    for (const p of candidates) {
      if (p === this.decodeIndex) {
        base64 = true; // the highest index: decoded after every pattern of the line
        continue;
      }
      if (p === this.genericIndex) {
        for (const g of findGeneric(line, words, () => nextAdded(lines, at, WAIVER))) {
          const end = g.index + g.secret.length;
          if (!g.next && vetoed.some(([s, e]) => g.index < e && s < end)) continue;
          if (providers(g.secret, this.prefixes)) continue;
          const on = g.next ? at + 1 : at;
          if (acceptable(g.secret, 0) && !inInertSpan((lines[on] as ScanLine).content, g.index)) {
            found.push({ patternId: GENERIC_ID, name: g.what ?? `Secret assigned to \`${g.name}\``, secret: g.secret, at: on, endAt: on, index: g.index, weak: g.weak });
          }
        }
        continue;
      }
      const c = this.patterns[p] as Compiled;
      const def = c.def;
      if (def.requires && !def.requires.every((r) => line.includes(r))) continue;
      if (def.requiresInFile && !this.fileHas(lines, def.requiresInFile)) continue;
      const re = regexOf(c);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) !== null) {
        if (m[0].length === 0) re.lastIndex++;
        if (c.group < 0) c.group = groupOf(def, m);
        const raw = m[c.group];
        if (!raw) continue;
        const index = m.index + m[0].indexOf(raw);
        if (def.block) {
          const block = def.block === 'putty' ? collectPutty(lines, at, index) : collectBlock(lines, at, index);
          if (block.body !== undefined && !isKeyPlaceholder(block.body)) {
            found.push({ patternId: def.id, name: def.name, secret: block.body, at, endAt: block.endAt, index });
          }
          // Blocks do not nest: the next BEGIN is looked for after this block's end on the line,
          // so a line of repeated BEGIN markers costs one pass, not one pass per marker.
          re.lastIndex = Math.max(re.lastIndex, block.endColumn ?? line.length);
          continue;
        }
        const valid = !def.check || structureChecks[def.check](raw);
        if (!valid || !acceptable(raw, def.minEntropy ?? 3.0, def.judgeFrom) || inInertSpan(line, index)) {
          vetoed.push([index, index + raw.length]);
          continue;
        }
        found.push({ patternId: def.id, name: def.name, secret: raw, at, endAt: at, index });
      }
    }
    if (base64 || line.includes('%') || line.includes('\\')) this.decoded(line, at, found, base64);
    // One finding per span: the earlier pattern in the catalogue wins, generic comes last.
    const taken: [number, number, number][] = [];
    for (const h of found) {
      const end = h.index + (h.at === h.endAt ? h.secret.length : 1);
      if (taken.some(([a, s, e]) => a === h.at && h.index < e && s < end)) continue;
      taken.push([h.at, h.index, end]);
      out.push(h);
    }
  }

  /** The provider secrets inside a line's base64 runs, percent-escapes and JSON escapes, each scanned in a pass of its own. */
  private decoded(line: string, at: number, out: Hit[], base64: boolean): void {
    // Decoded text may decode again (`%252F`, base64 in base64), at most MAX_DEPTH times: a line of
    // chains `%2F %252F %25252F …` cost a scan of the line per level.
    if (this.depth >= MAX_DEPTH) return;
    const [pass, inFile] = [this.pass, this.inFile]; // a scan that throws fails the rule: no pass to resume
    const scan = (lines: ScanLine[]) => this.scan(lines);
    this.depth++;
    let hits: Hit[];
    try {
      hits = [...(base64 ? decodedHits(line, at, scan) : []), ...escapedHits(line, at, scan)];
    } finally {
      this.depth--;
    }
    [this.pass, this.inFile] = [pass, inFile];
    // Before the line's generic hits: a provider's format found by decoding wins over a generic hit on the same span.
    const generic = out.findIndex((h) => h.patternId === GENERIC_ID);
    out.splice(generic < 0 ? out.length : generic, 0, ...hits.filter((h) => h.patternId !== GENERIC_ID));
  }
}
