import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/model.ts';
import { makeReport } from '../helpers/report.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatters } from '../../src/report/index.ts';

const report = makeReport;

const many = (n: number, severity: Finding['severity'] = 'warning'): Finding[] =>
  Array.from({ length: n }, (_, i) => ({
    ruleId: 'secret-leakage',
    severity,
    message: `finding number ${i} with some words to take room`,
    path: `src/file${i}.ts`,
    line: i + 1,
  }));

describe('formatMarkdown', () => {
  test('a clean report: verdict, provenance, policy, stats', () => {
    const md = formatMarkdown(report([]));
    expect(md).toContain('✅ **Passed** — no findings');
    expect(md).toContain('**AI-assisted:** no evidence found');
    expect(md).toContain('**Policy:** <code>.github/prguard.yml</code>');
    expect(md).toContain('**Changed:** 3 files, +10 −2');
    expect(md).not.toContain('| Severity |');
  });

  test('one table per rule, in the report\'s order (the engine\'s one order), with a docs link and located rows', () => {
    const md = formatMarkdown(
      report([
        { ruleId: 'secret-leakage', severity: 'error', message: 'a key', path: 'src/a.ts', line: 7 },
        { ruleId: 'pr-size', severity: 'warning', message: 'too big' },
      ]),
    );
    expect(md).toContain('❌ **Failed** — 1 error, 1 warning');
    const secret = md.indexOf('### [secret-leakage](https://github.com/prguard/prguard/blob/main/rules/secret-leakage/README.md) — 1 error');
    const size = md.indexOf('### [pr-size]');
    expect(secret).toBeGreaterThan(0);
    expect(size).toBeGreaterThan(secret);
    expect(md).toContain('| ❌ error | <code>src/a.ts:7</code> | a key |');
    expect(md).toContain('| ⚠️ warning | — | too big |');
  });

  test('cells cannot break the table or inject HTML', () => {
    const md = formatMarkdown(report([{ ruleId: 'r', severity: 'notice', message: 'a | b\n<img src=x>', path: 'a|b.ts' }]));
    expect(md).toContain('| ℹ️ notice | <code>a\\|b.ts</code> | a \\| b<br>&lt;img src=x&gt; |');
  });

  test('a carriage return, an escape sequence or a bidi override in a name cannot start a line or reach the reader raw', () => {
    const path = 'test/x\r## ✅ Passed — no findings\u001b[2J\u202e.test.ts';
    const md = formatMarkdown(report([{ ruleId: 'r', severity: 'error', message: `focused in ${path}\nsecond line`, path }]));
    // CommonMark ends a line at a lone \r too: none is left, nor an ESC or U+202E.
    expect(md).not.toMatch(/[\r\u001b\u202e]/);
    expect(md).toContain('<code>test/x\\r## ✅ Passed — no findings\\e\\[2J\\u202e.test.ts</code>');
    expect(md).toContain('\\u202e.test.ts<br>second line |');
  });

  test('a newline in a file name is shown as \\n, one name on one line, as the text report shows it', () => {
    const md = formatMarkdown(report([{ ruleId: 'r', severity: 'error', message: 'm', path: 'test/new\r\nline.ts', line: 3 }]));
    expect(md).toContain('| ❌ error | <code>test/new\\r\\nline.ts:3</code> | m |');
  });

  test('a file name or message cannot make a link, an image, emphasis, a code span or a mention', () => {
    const md = formatMarkdown(
      report([{ ruleId: 'r', severity: 'error', message: 'see ![x](https://evil.example/p.png) and **[Sign in](https://evil.example)** `x` @acme/all ~~y~~', path: 'docs/[a](https://evil.example)_@b_.md' }]),
    );
    expect(md).toContain('<code>docs/\\[a\\](https&#58;//evil.example)\\_@b\\_.md</code>');
    expect(md).toContain('see !\\[x\\](https&#58;//evil.example/p.png) and \\*\\*\\[Sign in\\](https&#58;//evil.example)\\*\\* \\`x\\` @&#8203;acme/all \\~\\~y\\~\\~ |');
    expect(md).not.toMatch(/[^\\]\[(a|x|Sign in)\]\(/);
  });

  test('a dollar sign makes no math: $\\Huge\\color{green}…$ in a message or name shows as written', () => {
    const md = formatMarkdown(report([{ ruleId: 'r', severity: 'error', message: 'see $$\\Huge\\color{green}\\text{Passed}$$ and $x$', path: 'docs/$a$.md' }]));
    // GitHub renders $…$ as math, and a backslash does not escape the dollar sign there; a span does.
    expect(md).not.toMatch(/(?<!<span>)\$/);
    expect(md).toContain('see <span>$</span><span>$</span>\\\\Huge\\\\color{green}\\\\text{Passed}<span>$</span><span>$</span> and <span>$</span>x<span>$</span> |');
    expect(md).toContain('<code>docs/<span>$</span>a<span>$</span>.md</code>');
  });

  test('a message naming an issue (#12, GH-9, other/repo#7) makes no issue reference, which GitHub would cross-link from the comment', () => {
    const md = formatMarkdown(report([{ ruleId: 'r', severity: 'error', message: 'fixes #12 and acme/other#7, closes GH-9 and gh-8, see # 3, C# and AGH-1', path: 'src/a.ts' }]));
    expect(md).toContain('fixes #&#8203;12 and acme/other#&#8203;7, closes GH-&#8203;9 and gh-&#8203;8, see # 3, C# and AGH-1 |');
    expect(md).not.toMatch(/(?<!&)#\d|\bGH-\d/i);
  });

  test('a bare URL or www. name in a file name or message is no autolink (GitHub links them in raw text)', () => {
    const md = formatMarkdown(
      report([{ ruleId: 'r', severity: 'error', message: 'log in at https://evil.example/login or WWW.evil.example now', path: 'docs/www.evil.example/http://x.md' }]),
    );
    const row = md.split('\n').find((l) => l.includes('log in at'))!;
    expect(row).not.toMatch(/:\/\/|\bwww\./i);
    expect(md).toContain('log in at https&#58;//evil.example/login or WWW&#46;evil.example now');
    expect(md).toContain('<code>docs/www&#46;evil.example/http&#58;//x.md</code>');
  });

  test('AI provenance and notes are shown', () => {
    const md = formatMarkdown(
      report([], {
        ai: { assisted: true, agents: ['Copilot'], evidence: [{ signal: 'pr-author', agent: 'Copilot', where: 'PR author', text: 'Copilot' }], source: 'detected' },
        notes: ['GitHub did not return the diff of big.json'],
        policy: { path: null, source: 'default' },
      }),
    );
    expect(md).toContain('**AI-assisted:** yes — Copilot: pr-author in PR author');
    expect(md).toContain('### Notes\n\n- GitHub did not return the diff of big.json');
    expect(md).toContain('**Policy:** embedded default');
  });

  test('a size limit drops the least severe findings and says how many', () => {
    const findings = [...many(300, 'warning'), ...many(5, 'error').map((f) => ({ ...f, ruleId: 'protected-paths' }))];
    const full = formatMarkdown(report(findings));
    const md = formatMarkdown(report(findings), { maxLength: 4000 });
    expect(full.length).toBeGreaterThan(4000);
    expect(md.length).toBeLessThanOrEqual(4000);
    const shown = (md.match(/^\| (❌|⚠️)/gm) ?? []).length;
    expect(md).toMatch(new RegExp(`_${305 - shown} more findings not shown here`));
    // Every error is kept before any warning.
    expect((md.match(/^\| ❌/gm) ?? []).length).toBe(5);
    expect(md.endsWith('\n')).toBe(true);
  });

  test('bytes are measured as UTF-8 when asked', () => {
    const findings = many(50).map((f) => ({ ...f, message: 'ü'.repeat(100) }));
    const md = formatMarkdown(report(findings), { maxLength: 3000, unit: 'bytes' });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(3000);
    expect(md).toContain('more findings not shown here');
  });

  test('notes too long for the limit are cut at a line and counted', () => {
    const notes = Array.from({ length: 200 }, (_, i) => `note ${i} `.repeat(5));
    const md = formatMarkdown(report(many(3), { notes }), { maxLength: 2000 });
    expect(md.length).toBeLessThanOrEqual(2000);
    expect(md).toContain('Report truncated (size limit); 3 findings not shown.');
  });

  test('is registered as the markdown format', () => {
    expect(formatters.markdown!(report([]), {})).toBe(formatMarkdown(report([])));
  });
});

describe('waivers in the text report', () => {
  test('every audited waiver is listed, as in markdown', async () => {
    const { formatText } = await import('../../src/report/text.ts');
    const text = formatText(
      report([{ ruleId: 'pr-size', severity: 'notice', message: 'Waived by @lead (release branch): too big' }], {
        waivers: [{ ruleId: 'pr-size', by: 'lead', reason: 'release branch', at: '2026-11-30T10:00:00Z', url: 'https://github.com/o/r/pull/1#issuecomment-1', findings: 1 }],
      }),
    );
    expect(text).toContain('waived: pr-size by @lead (release branch; 1 finding, 2026-11-30T10:00:00Z, https://github.com/o/r/pull/1#issuecomment-1)');
  });
});
