// Long texts are parsed in pieces (src/rule-kit/md-chunks.ts): the parser is quadratic in list
// items, and a commit message or plan has no size limit. Every reader must see the same text as
// in one parse, whatever the blocks around the cuts (fences, HTML comments, nested lists).
import { describe, expect, it } from 'vitest';
import { chunkStarts } from '../../src/rule-kit/md-chunks.ts';
import { fields, parseMarkdown, sections, taskItems, type MdDocument } from '../../src/rule-kit/markdown.ts';
import { bodyLines } from '../../src/provenance/text.ts';
import { detectAgents } from '../../src/provenance/detect.ts';
import { readDisclosure } from '../../src/provenance/disclosure.ts';
import { change, pr } from './fixtures.ts';
import { rng } from '../helpers/rng.ts';

const n0 = (n: number) => (n * Number(process.env.PRGUARD_MD_SAMPLES ?? 600)) / 600;
const PIECES = [
  '- [x] This PR does **not** use AI output', '- [ ] This PR uses AI output', '* item', '+ item', '- AI-produced files: src/a.ts',
  '  - nested: b', '  - [x] nested box', '1. first', '2. second', '', '', '## AI Authorship Statement', '# Change Type', 'Some prose.',
  '```', '```js', '~~~', '  ```', '    code', '<!-- hint', '-->', '<!-- - [x] in a comment -->', '<div>', '</div>', '> - [x] quoted',
  '- ```', 'Co-Authored-By: Claude <noreply@anthropic.com>', '🤖 Generated with [Claude Code](https://claude.ai/code)', '---', '- - -',
  'Label: value', '[ref]: https://example.com', '<pre>', '</pre>', '-', '- ', '*emphasis*', '`inline`',
];

function view(doc: MdDocument) {
  return {
    boxes: taskItems(doc),
    fields: fields(doc),
    sections: sections(doc).map((s) => ({ heading: s.heading, key: s.key, level: s.level, lines: s.lines, boxes: taskItems(s) })),
    lines: doc.lines,
  };
}

describe('parsing long texts in pieces', () => {
  it('random texts read the same in pieces as whole', () => {
    const random = rng(20261202);
    let cut = 0;
    for (let n = 0; n < Number(process.env.PRGUARD_MD_SAMPLES ?? 600); n++) {
      const lines = Array.from({ length: 20 + Math.floor(random() * 60) }, () => PIECES[Math.floor(random() * PIECES.length)]!);
      const text = lines.join(random() < 0.2 ? '\r\n' : '\n');
      const starts = chunkStarts(text.split(/\r\n|\n/), 5);
      if (starts.length > 1) cut++;
      expect(view(parseMarkdown(text, 5)), JSON.stringify(text)).toEqual(view(parseMarkdown(text, Infinity)));
    }
    expect(cut).toBeGreaterThan(n0(150)); // many samples were cut
  });

  it('never cuts inside a fenced code block or an HTML comment', () => {
    const lines = ['```', ...Array.from({ length: 10 }, () => '- [x] in code'), '```', '<!--', ...Array.from({ length: 10 }, () => '- x'), '-->', '- a', '- b'];
    expect(chunkStarts(lines, 2)).toEqual([0, 24]);
  });

  it('a fence indented by one to three spaces stops the cutting', () => {
    const lines = ['- a', '- b', '- c', '  ```', '- d', '```', '- [x] e', '- f', '- g'];
    expect(chunkStarts(lines, 1)).toEqual([0, 1, 2]);
  });

  it('a long body of list items is read whole: the box at its end, the footer, the line numbers', () => {
    const body = ['## AI Authorship Statement', ...Array.from({ length: 5000 }, (_, i) => `* item ${i}`), '- [x] This PR does **not** use AI output', '', '🤖 Generated with [Claude Code](https://claude.ai/code)'].join('\n');
    const c = change({ pr: pr({ body }) });
    expect(readDisclosure(c)).toMatchObject({ verdict: 'no-ai', noAi: { where: 'PR body line 5002' } });
    expect(detectAgents(c).evidence).toEqual([expect.objectContaining({ agent: 'Claude Code', where: 'PR body line 5004' })]);
  });

  it('300,000 short lines do not overflow the stack', () => {
    const body = `## AI Authorship Statement\n${'a\n'.repeat(300_000)}`;
    expect(bodyLines(body, () => false).length).toBe(300_001);
    expect(readDisclosure(change({ pr: pr({ body }) })).verdict).toBe('neither');
  });
});
