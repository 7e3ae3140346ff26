// Real PR bodies are messier than the template: each case is a shape the issue found tripping the
// old line-based reader.
import { describe, expect, it } from 'vitest';
import { aiDisclosure } from '../../rules/ai-disclosure/index.ts';
import { readDisclosure } from '../../src/provenance/disclosure.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import { disclosureOptionsFrom } from '../../src/provenance/options.ts';
import { change, commit, pr } from '../provenance/fixtures.ts';
import { render, run } from './helpers.ts';

const body = (text: string) => change({ pr: pr({ body: text }), commits: [commit('Fix')] });
const FIELDS = '  - AI-produced files: src/a.ts\n  - Files reviewed line by line by a human: src/a.ts\n  - AI tooling and model version: Cursor, gpt-5';
const ids = (text: string, options?: Record<string, unknown>) => run(aiDisclosure, body(text), { options }).map((v) => v.messageId);

describe('disclosure parsing on real-shaped bodies', () => {
  it('a fenced example of the template does not override the real statement', () => {
    const text = [
      'Fill in the statement like this:',
      '```markdown',
      '## AI Authorship Statement',
      '- [ ] This PR does **not** use AI output',
      '- [x] This PR uses AI output',
      '```',
      '',
      '## AI Authorship Statement',
      '- [x] This PR does **not** use AI output',
      '- [ ] This PR uses AI output',
    ].join('\n');
    const d = readDisclosure(body(text));
    expect(d).toMatchObject({ verdict: 'no-ai', section: 'PR body line 8', noAi: { where: 'PR body line 9' } });
  });

  it('a fenced Assisted-by line is not a disclosure', () => {
    expect(readDisclosure(body('Our trailer format:\n\n```\nAssisted-by: Claude:claude-opus-4-5\n```\n')).verdict).toBe('none');
    expect(readDisclosure(body('Use `Assisted-by: Claude:claude-opus-4-5` in commits.')).verdict).toBe('none');
  });

  it('a trailer with a ticked "no AI" box is a contradiction that names both', () => {
    const text = '## AI Authorship Statement\n- [x] This PR does **not** use AI output\n- [ ] This PR uses AI output\n\nAssisted-by: Claude:claude-opus-4-5';
    const [v] = run(aiDisclosure, body(text));
    expect(v).toMatchObject({ messageId: 'contradiction', severity: 'error' });
    const message = render(aiDisclosure, v!);
    expect(message).toContain('PR body line 2');
    expect(message).toContain('Assisted-by: Claude:claude-opus-4-5');
    expect(message).toContain('PR body line 5');
    expect(resolveProvenance(body(text)).assisted).toBe(true);
  });

  it.each([
    ['emoji and (required)', '## 🤖 AI Authorship Statement (required)'],
    ['trailing colon, level 3', '### AI Authorship Statement:'],
    ['bold pseudo-heading', '**AI Authorship Statement**\n'],
    ['setext heading', 'AI Authorship Statement\n-----------------------'],
  ])('finds the section under a heading with %s', (_name, heading) => {
    expect(ids(`${heading}\n- [x] This PR does **not** use AI output\n- [ ] This PR uses AI output`)).toEqual([]);
  });

  it.each([
    ['[ x ]', '- [ x ] This PR uses AI output'],
    ['a box without a list marker', '[x] This PR uses AI output'],
    ['a tick symbol instead of a box', "- \u2705 This PR uses AI output\n- \u2610 This PR doesn't use AI output"],
    ['a check mark emoji with its variation selector', '\u2714\uFE0F This PR uses AI output'],
    ['reworded label', '- [x] This PR uses AI-generated output'],
    ['contraction', "- [ ] This PR doesn't use AI output\n- [X] This PR uses AI output"],
  ])('reads a ticked box written as %s', (_name, box) => {
    const d = readDisclosure(body(`## AI Authorship Statement\n${box}\n${FIELDS}`));
    expect(d.verdict).toBe('ai');
    expect(ids(`## AI Authorship Statement\n${box}\n${FIELDS}`)).toEqual([]);
  });

  it.each(['N/A', 'TBD', '-', 'none', '<list the files>', '_e.g. src/foo.ts_'])('the placeholder %j fills no field', (value) => {
    const text = `## AI Authorship Statement\n- [x] This PR uses AI output\n  - AI-produced files: ${value}\n  - Files reviewed line by line by a human: src/a.ts\n  - AI tooling and model version: ${value}`;
    expect(ids(text)).toEqual(['fieldEmpty', 'fieldEmpty']);
    expect(resolveProvenance(body(text)).agents).toEqual(['unspecified']);
  });

  it('names the placeholder in the message', () => {
    const text = '## AI Authorship Statement\n- [x] This PR uses AI output\n  - AI-produced files: N/A\n  - Files reviewed line by line by a human: a\n  - AI tooling and model version: Cursor';
    expect(render(aiDisclosure, run(aiDisclosure, body(text))[0]!)).toContain('"AI-produced files" holds only the placeholder "N/A" (PR body line 3)');
  });

  it('the tooling field is an option ("Tools used:")', () => {
    const text = '## AI Authorship Statement\n- [x] This PR uses AI output\n- Tools used: Windsurf, SWE-1';
    const options = { 'tooling-field': 'Tools used', 'required-fields': ['Tools used'] };
    expect(ids(text, options)).toEqual([]);
    // Renamed, it replaces the template's tooling field among the default required fields.
    const all = `${text}\n- AI-produced files: a.ts\n- Files reviewed line by line by a human: a.ts`;
    expect(ids(all, { 'tooling-field': 'Tools used' })).toEqual([]);
    const p = resolveProvenance(body(text), { disclosure: disclosureOptionsFrom(options) });
    expect(p).toMatchObject({ assisted: true, source: 'disclosure', agents: ['Windsurf, SWE-1'] });
  });

  it('reads CR-only and CRLF line endings', () => {
    const text = '## AI Authorship Statement\n- [x] This PR does **not** use AI output\n- [ ] This PR uses AI output';
    expect(readDisclosure(body(text.replace(/\n/g, '\r'))).verdict).toBe('no-ai');
    expect(readDisclosure(body(text.replace(/\n/g, '\r\n'))).verdict).toBe('no-ai');
  });

  it('a box inside an HTML comment or a block quote is not the statement', () => {
    expect(readDisclosure(body('## AI Authorship Statement\n<!-- - [x] This PR uses AI output -->\n> - [x] This PR uses AI output\n- [ ] This PR uses AI output')).verdict).toBe('neither');
  });

  // Each reads, on GitHub, exactly as the template's "no AI" statement; matched as written it
  // turned the contradiction (an error) into "no section" or "no box ticked" (warnings).
  it.each([
    ['a Cyrillic "А" in the heading', '## АI Authorship Statement', '- [x] This PR does **not** use AI output'],
    ['a Greek omicron in the heading', '## AI Authοrship Statement', '- [x] This PR does **not** use AI output'],
    ['a zero-width space in the heading', '## AI Author\u200bship Statement', '- [x] This PR does **not** use AI output'],
    ['fullwidth letters in the heading', '## ＡＩ Authorship Statement', '- [x] This PR does **not** use AI output'],
    ['a Cyrillic "А" in the box label', '## AI Authorship Statement', '- [x] This PR does **not** use АI output'],
    ['a soft hyphen in "not"', '## AI Authorship Statement', '- [x] This PR does **n\u00adot** use AI output'],
    ['a Cyrillic "х" as the tick', '## AI Authorship Statement', '- [х] This PR does **not** use AI output'],
    // GitHub renders these as a heading and a titled section.
    ['an HTML heading', '<h2>AI Authorship Statement</h2>\n', '- [x] This PR does **not** use AI output'],
    ['a details summary', '<details>\n<summary><b>AI Authorship Statement</b></summary>\n', '- [x] This PR does **not** use AI output'],
    ['a tick symbol instead of a box', '## AI Authorship Statement', '- \u2705 This PR does **not** use AI output'],
  ])('a "no AI" statement written with %s still contradicts the evidence', (_name, heading, box) => {
    const text = `${heading}\n${box}\n- [ ] This PR uses AI output\n`;
    const c = change({ pr: pr({ body: text }), commits: [commit('Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>')] });
    expect(readDisclosure(c).verdict).toBe('no-ai');
    expect(run(aiDisclosure, c).map((v) => [v.messageId, v.severity])).toEqual([['contradiction', 'error']]);
  });

  it('a template written in Cyrillic still matches its own configured heading and boxes', () => {
    const options = disclosureOptionsFrom({ heading: 'Использование ИИ', 'no-ai-marker': 'Без ИИ', 'ai-marker': 'С ИИ' });
    const d = readDisclosure(body('## Использование ИИ\n- [x] Без ИИ\n- [ ] С ИИ\n'), options);
    expect(d).toMatchObject({ verdict: 'no-ai', noAi: { label: 'Без ИИ' } });
  });
});
