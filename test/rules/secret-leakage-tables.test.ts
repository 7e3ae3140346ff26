// The keyword index of the built-in catalogue is built at build time (scripts/keyword-tables.ts):
// the committed tables must be those of today's catalogue, and restoring them must find exactly
// what building the index finds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { BUILT_TABLES } from '../../rules/secret-leakage/keyword-tables.ts';
import { KeywordIndex, type Keyword } from '../../rules/secret-leakage/keywords.ts';
import { Scanner } from '../../rules/secret-leakage/scanner.ts';
import { keywordTablesSource } from '../../scripts/keyword-tables.ts';
import { ROOT } from '../helpers/repo.ts';

describe('secret-leakage keyword tables built at build time', () => {
  it('the committed file is fresh (run `npm run generate` after changing the catalogue)', () => {
    expect(readFileSync(join(ROOT, 'rules/secret-leakage/keyword-tables.ts'), 'utf8')).toBe(keywordTablesSource());
  });

  it('restored tables find the same keywords as a freshly built index', () => {
    const keywords: Keyword[] = [];
    const scanner = new Scanner(catalogue, { generic: true });
    const tables = scanner.keywordTables();
    expect(tables.signature).toBe(BUILT_TABLES?.signature);
    // A second list with one extra keyword: its signature differs, so it is built, not restored.
    catalogue.forEach((d, i) => {
      for (const text of d.anchors ?? d.keywords) keywords.push({ text, caseInsensitive: !!d.ciKeywords, patterns: [i] });
    });
    const built = new KeywordIndex(keywords);
    const restored = new KeywordIndex(keywords, built.tables());
    const text = [
      'const k = "ghp_abc"; password = x; AKIAXXXX; -----BEGIN PRIVATE KEY-----; hooks.slack.com; Q~',
      'xoxb- sk_live_ glpat- hf_abc npm_ pypi-AgEIcHlwaS5vcmc AIza eyJhb dose0 rnd_x re_ab',
    ];
    const hits = (index: KeywordIndex) => text.flatMap((t) => {
      const out: string[] = [];
      index.scan(t, (at, k) => out.push(`${at}:${k.text}`), 0, t.length);
      return out;
    });
    expect(hits(restored)).toEqual(hits(built));
    expect(hits(built).length).toBeGreaterThan(10);
    // The tables say where each keyword's window starts (generated with the data); tables with
    // starts out of range, or none, are not restored: the index is built and finds the same.
    for (const offsets of [built.tables().offsets.map(() => 999), built.tables().offsets.slice(1), []]) {
      expect(hits(new KeywordIndex(keywords, { ...built.tables(), offsets }))).toEqual(hits(built));
    }
    // Damaged data (cut short, a run too many, a zero-length run, nothing) is not restored either.
    const data = Buffer.from(built.tables().data, 'base64');
    for (const bad of [data.subarray(0, data.length - 3), Buffer.concat([data, Buffer.from([7, 1])]), Buffer.concat([Buffer.from([3, 0]), data]), Buffer.alloc(0)]) {
      expect(hits(new KeywordIndex(keywords, { ...built.tables(), data: bad.toString('base64') }))).toEqual(hits(built));
    }
    const other = [...keywords, { text: 'zzqq_extra', caseInsensitive: false, patterns: [0] }];
    const rebuilt = new KeywordIndex(other, built.tables());
    const found: string[] = [];
    rebuilt.scan('x zzqq_extra y', (_at, k) => found.push(k.text), 0, 14);
    expect(found).toEqual(['zzqq_extra']);
  });
});
