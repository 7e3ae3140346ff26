import { describe, expect, it } from 'vitest';
import { fields, findField, findSection, findTaskItem, labelMatches, mayHoldHeading, normaliseHeading, parseMarkdown, plain, sections, taskItems } from '../../src/rule-kit/markdown.ts';
import { rng } from '../helpers/rng.ts';

describe('markdown readers', () => {
  it.each([
    ['This PR does **not** use AI output', 'This PR does not use AI output'],
    ['does *not* use', 'does not use'],
    ['does _not_ use', 'does not use'],
    ['`Leaf node`  (local)', 'Leaf node (local)'],
    ['snake_case_name stays', 'snake_case_name stays'],
  ])('plain(%j)', (input, out) => {
    expect(plain(input)).toBe(out);
  });

  it.each([
    ['## 🤖 AI Authorship Statement (required)', 'ai authorship statement'],
    ['AI Authorship Statement:', 'ai authorship statement'],
    ['ai-authorship   statement!', 'ai authorship statement'],
  ])('normaliseHeading(%j)', (input, out) => {
    expect(normaliseHeading(input.replace(/^#+ /, ''))).toBe(out);
  });

  it('finds a section at any level, up to the next heading of the same level', () => {
    const doc = parseMarkdown('# Title\n### ai authorship statement ###\n- [x] a\n#### Sub\n- [ ] b\n### Next\n- [x] c');
    const s = findSection(doc, 'AI Authorship Statement')!;
    expect(s.heading.line).toBe(2);
    expect(s.lines.map((l) => l.line)).toEqual([3, 4, 5]);
    expect(taskItems(s).map((b) => b.label)).toEqual(['a', 'b']);
  });

  it('reads setext headings, emoji and (required), and bold pseudo-headings', () => {
    expect(findSection(parseMarkdown('AI Authorship Statement:\n---\n- [x] a'), 'AI Authorship Statement')!.heading.line).toBe(1);
    expect(findSection(parseMarkdown('## 🤖 AI Authorship Statement (required)\n- [x] a'), 'AI Authorship Statement')).toBeDefined();
    const pseudo = findSection(parseMarkdown('**AI Authorship Statement**\n\n- [x] a\n\n**Other**\n\n- [ ] b'), 'AI Authorship Statement')!;
    expect(taskItems(pseudo).map((b) => b.label)).toEqual(['a']);
  });

  it('a heading inside fenced code is not a heading', () => {
    const doc = parseMarkdown('```markdown\n## AI Authorship Statement\n- [x] uses AI output\n```\n');
    expect(sections(doc)).toEqual([]);
    expect(taskItems(doc)).toEqual([]);
  });

  it('reads task items in -, *, + and numbered lists, loose [ x ] boxes and boxes without a list marker', () => {
    const items = taskItems(parseMarkdown('- [x] one\n* [X] two\n+ [ ] three\n1. [x] four\n- [] not a box\n\n[x] five\n- [ x ] six\n\n> - [x] quoted'));
    expect(items.map((b) => [b.label, b.checked, b.line])).toEqual([
      ['one', true, 1],
      ['two', true, 2],
      ['three', false, 3],
      ['four', true, 4],
      ['five', true, 7],
      ['six', true, 8],
    ]);
  });

  it('matches box labels by meaning', () => {
    expect(labelMatches('This PR uses AI-generated output', 'uses AI output')).toBe(true);
    expect(labelMatches('This PR does **not** use AI output', 'uses AI output')).toBe(false);
    expect(labelMatches("This PR doesn't use AI output", 'does not use AI output')).toBe(true);
    const items = taskItems(parseMarkdown('- [ ] This PR does **not** use AI output\n- [x] This PR uses AI output'));
    expect(findTaskItem(items, 'uses AI output')!.line).toBe(2);
    expect(findTaskItem(items, 'does not use AI output')!.line).toBe(1);
  });

  it('reads fields: bold labels, inline values, nested lists, empty values, CR line endings', () => {
    const doc = parseMarkdown(
      '- **AI-produced files:** `src/a.ts`\r- Files reviewed line by line by a human:\r  - src/auth/**\r  - src/b_c.ts\r- AI tooling and model version:\r- Next: x',
    );
    expect(findField(doc, 'AI-produced files')).toEqual({ label: 'AI-produced files', value: 'src/a.ts', line: 1 });
    expect(findField(doc, 'Files reviewed line by line by a human')!.value).toBe('src/auth/**, src/b_c.ts');
    expect(findField(doc, 'AI tooling and model version')!.value).toBe('');
    expect(findField(doc, 'ai tooling and model version:')!.line).toBe(5);
    expect(findField(doc, 'Missing field')).toBeUndefined();
    expect(fields(parseMarkdown('Tools used: Cursor\nModel: gpt-5')).map((f) => [f.label, f.value])).toEqual([
      ['Tools used', 'Cursor'],
      ['Model', 'gpt-5'],
    ]);
  });

  it('blanks HTML comments but keeps line numbers', () => {
    const doc = parseMarkdown('a\n<!-- hidden\n- [x] box -->\nb');
    expect(doc.lines.map((l) => l.text)).toEqual(['a', '', '', 'b']);
    expect(taskItems(doc)).toEqual([]);
  });

  it('bounds nesting: deep quotes and lists neither overflow the stack nor take minutes', () => {
    expect(() => parseMarkdown(`${'>'.repeat(5000)} hi`)).not.toThrow();
    expect(taskItems(parseMarkdown(`${'- '.repeat(5000)}[x] deep`))).toEqual([{ checked: true, label: 'deep', line: 1 }]);
    const list = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i * 2)}- [x] item ${i}`).join('\n');
    expect(taskItems(parseMarkdown(list)).length).toBeGreaterThan(30);
  });
});

describe('mayHoldHeading', () => {
  it('is true for every kind of heading sections() reads', () => {
    for (const text of ['# AI', '   ## AI Authorship Statement', 'Title\n===', 'Title\n---', 'x\r\n-----  \r\nmore', '**AI**', '__AI__', 'text\n#']) {
      expect(mayHoldHeading(text), JSON.stringify(text)).toBe(true);
    }
    expect(mayHoldHeading('fix: handle #123 in the parser\n\nSigned-off-by: A <a@b.c>')).toBe(false);
    expect(mayHoldHeading('Statement\n\n<h3>AI Authorship Statement</h3>')).toBe(true);
    expect(mayHoldHeading('<details><summary>AI Authorship Statement</summary>')).toBe(true);
  });

  it('is never false where the parser finds a section (random text of heading markers)', () => {
    const r = rng(1234);
    const alphabet = ['#', '*', '_', '=', '-', ' ', '\n', '\r', '\t', 'a', '>', '\\', '&', ';', '1', '.', '[', ']', 'x', '<h2>', '</h2>', '<summary>', '</summary>'];
    let found = 0;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 14) }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
      const has = sections(parseMarkdown(text)).length > 0;
      if (has) found++;
      if (!mayHoldHeading(text)) expect(has, JSON.stringify(text)).toBe(false);
    }
    expect(found).toBeGreaterThan(500); // the corpus does hold headings
  });
});

describe('parsing a PR body once per run', () => {
  // The parser is quadratic in list items, and a run reads the PR body in several rules: a 64 KiB
  // body of `* a` lines (GitHub's limit) took 22 s to check when each reader parsed it again.
  it('the same text is parsed once, and its document read the same by every reader', () => {
    const body = `## AI Authorship Statement\n${'* a\n'.repeat(8_000)}- [x] This PR does **not** use AI output\n`;
    const first = parseMarkdown(body);
    expect(parseMarkdown(`${body}`)).toBe(first);
    const boxes = taskItems(findSection(first, 'AI Authorship Statement')!);
    expect(boxes).toEqual([{ checked: true, label: 'This PR does not use AI output', line: 8_002 }]);
    expect(taskItems(findSection(parseMarkdown(body), 'AI Authorship Statement')!)).toEqual(boxes);
  });

  it('another text is parsed on its own', () => {
    const a = parseMarkdown('## A\n- [x] one');
    const b = parseMarkdown('## A\n- [ ] one');
    expect(a).not.toBe(b);
    expect(taskItems(b)[0]!.checked).toBe(false);
    expect(parseMarkdown('## A\n- [x] one')).toBe(a);
  });
});
