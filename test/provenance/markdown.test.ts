import { describe, expect, it } from 'vitest';
import { checkboxes, contentLines, findCheckbox, findField, findSection, plain } from '../../src/provenance/markdown.ts';

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

  it('finds a section at any level, case-insensitively, up to the next heading of the same level', () => {
    const lines = contentLines('# Title\n### ai authorship statement ###\n- [x] a\n#### Sub\n- [ ] b\n### Next\n- [x] c');
    const s = findSection(lines, 'AI Authorship Statement')!;
    expect(s.heading.line).toBe(2);
    expect(s.lines.map((l) => l.line)).toEqual([3, 4, 5]);
  });

  it('reads checkboxes in -, *, + and numbered lists, with x or X', () => {
    const boxes = checkboxes(contentLines('- [x] one\n* [X] two\n+ [ ] three\n1. [x] four\n- [] not a box\n[x] nor this'));
    expect(boxes.map((b) => [b.label, b.checked, b.line])).toEqual([
      ['one', true, 1],
      ['two', true, 2],
      ['three', false, 3],
      ['four', true, 4],
    ]);
  });

  it('tells the "does not use" box from the "uses" box', () => {
    const boxes = checkboxes(contentLines('- [ ] This PR does **not** use AI output\n- [x] This PR uses AI output'));
    expect(findCheckbox(boxes, 'uses AI output', 'does not use AI output')!.line).toBe(2);
    expect(findCheckbox(boxes, 'does not use AI output')!.line).toBe(1);
  });

  it('reads fields: bold labels, inline values, nested lists, empty values', () => {
    const lines = contentLines(
      '- **AI-produced files:** `src/a.ts`\n- Files reviewed line by line by a human:\n  - src/auth/**\n  - src/b_c.ts\n- AI tooling and model version:\n- Next: x',
    );
    expect(findField(lines, 'AI-produced files')).toEqual({ label: 'AI-produced files', value: 'src/a.ts', line: 1 });
    expect(findField(lines, 'Files reviewed line by line by a human')!.value).toBe('src/auth/**, src/b_c.ts');
    expect(findField(lines, 'AI tooling and model version')!.value).toBe('');
    expect(findField(lines, 'Missing field')).toBeUndefined();
  });

  it('blanks HTML comments but keeps line numbers', () => {
    const lines = contentLines('a\n<!-- hidden\n- [x] box -->\nb');
    expect(lines.map((l) => l.text)).toEqual(['a', '', '', 'b']);
  });
});
