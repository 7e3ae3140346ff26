import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE, readDisclosure } from '../../src/provenance/disclosure.ts';
import { disclosureOptionsFrom } from '../../src/provenance/options.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import { change, commit, pr, TEMPLATE } from './fixtures.ts';

const withBody = (text: string) => change({ pr: pr({ body: text }) });

describe('readDisclosure', () => {
  it('reads the template: AI ticked with its three fields and lines', () => {
    const d = readDisclosure(withBody(TEMPLATE(' ', 'x', ['src/export.ts', 'src/export.ts', 'Claude Code, claude-opus-4-5'])));
    expect(d.source).toBe('pr-body');
    expect(d.verdict).toBe('ai');
    expect(d.section).toBe('PR body line 4');
    expect(d.ai).toMatchObject({ checked: true, where: 'PR body line 6' });
    expect(d.noAi).toMatchObject({ checked: false, where: 'PR body line 5' });
    expect(d.fields['AI-produced files']).toMatchObject({ value: 'src/export.ts', where: 'PR body line 7' });
    expect(d.fields['AI tooling and model version']!.value).toBe('Claude Code, claude-opus-4-5');
  });

  it.each([
    [' ', ' ', 'neither'],
    ['x', 'x', 'both'],
    ['x', ' ', 'no-ai'],
    [' ', 'x', 'ai'],
  ] as const)('boxes [%s] no-AI [%s] AI -> %s', (noAi, ai, verdict) => {
    expect(readDisclosure(withBody(TEMPLATE(noAi, ai))).verdict).toBe(verdict);
  });

  it('reads a field value listed on nested lines, keeping globs and underscores', () => {
    const body = '## AI Authorship Statement\n- [x] This PR uses AI output\n  - Files reviewed line by line by a human:\n    - `src/auth/**`\n    - src/billing/tax_rules.ts\n';
    expect(readDisclosure(withBody(body)).fields['Files reviewed line by line by a human']!.value).toBe('src/auth/**, src/billing/tax_rules.ts');
  });

  it('ignores checkboxes inside HTML comments', () => {
    const body = '## AI Authorship Statement\n<!-- example:\n- [x] This PR uses AI output\n-->\n- [ ] This PR uses AI output\n';
    expect(readDisclosure(withBody(body)).verdict).toBe('neither');
  });

  it('reads Assisted-by trailers in the PR body', () => {
    const d = readDisclosure(withBody('Refactor.\n\nAssisted-by: Claude:claude-3-opus coccinelle'));
    expect(d.verdict).toBe('ai');
    expect(d.trailers[0]).toMatchObject({ wellFormed: true, agent: 'Claude Code', where: 'PR body line 3' });
  });

  it('falls back to the commit messages when there is no PR body', () => {
    const ch = change({ commits: [commit('Fix\n\nAssisted-by: Cursor:gpt-5\nSigned-off-by: Ada <ada@example.com>', { sha: '1234567aaaa' })] });
    const d = readDisclosure(ch);
    expect(d.source).toBe('commits');
    expect(d.trailers).toEqual([expect.objectContaining({ key: 'Assisted-by', where: 'commit 1234567 line 3', agent: 'Cursor' })]);
    expect(d.verdict).toBe('ai');
  });

  it('counts commit trailers even when there is a PR body', () => {
    const ch = change({ pr: pr({ body: 'Adds the export.' }), commits: [commit('Fix\n\nAssisted-by: Claude:claude-opus-4-5', { sha: 'beef123aaa' })] });
    const d = readDisclosure(ch);
    expect(d).toMatchObject({ source: 'pr-body', verdict: 'ai' });
    expect(d.trailers[0]!.where).toBe('commit beef123 line 3');
  });

  it('does not count Assisted-by outside the trailer block of a commit', () => {
    const ch = change({ commits: [commit('Fix\n\nAssisted-by: Claude:opus was considered.\nWe wrote it by hand.')] });
    expect(readDisclosure(ch).verdict).toBe('none');
  });

  it('a linter or a person in Assisted-by is not an AI disclosure', () => {
    expect(readDisclosure(withBody('Tidy.\n\nAssisted-by: clang-tidy')).verdict).toBe('none');
    expect(readDisclosure(withBody('Tidy.\n\nAssisted-by: Grace Hopper <grace@example.com>')).verdict).toBe('none');
  });

  it('takes configured headings and markers', () => {
    const body = '### Uso de IA\n- [x] Sin IA\n- [ ] Con IA\n';
    const options = disclosureOptionsFrom({ heading: 'Uso de IA', 'no-ai-marker': 'Sin IA', 'ai-marker': 'Con IA' });
    expect(readDisclosure(withBody(body), options).verdict).toBe('no-ai');
    expect(readDisclosure(withBody(body), DEFAULT_DISCLOSURE).verdict).toBe('none');
  });
});

describe('resolveProvenance', () => {
  const claude = change({ commits: [commit('Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>', { sha: 'c1a0de0' })] });

  it('detected: evidence with the commit and line', () => {
    expect(resolveProvenance(claude)).toEqual({
      assisted: true,
      agents: ['Claude Code'],
      evidence: [{ signal: 'co-authored-by', agent: 'Claude Code', where: 'commit c1a0de0 line 3', text: 'Co-Authored-By: Claude <noreply@anthropic.com>' }],
      source: 'detected',
    });
  });

  it('the flag wins both ways and keeps the evidence', () => {
    expect(resolveProvenance(claude, { flag: false })).toMatchObject({ assisted: false, source: 'flag', agents: ['Claude Code'] });
    expect(resolveProvenance(change(), { flag: true })).toMatchObject({ assisted: true, source: 'flag', agents: [] });
  });

  it('disclosure: the PR says AI was used though nothing was detected', () => {
    const p = resolveProvenance(withBody(TEMPLATE(' ', 'x', ['a.ts', 'a.ts', 'Zed agent, some-model'])));
    expect(p).toMatchObject({ assisted: true, source: 'disclosure', agents: ['Zed agent, some-model'] });
    expect(p.evidence[0]).toMatchObject({ signal: 'disclosure', where: 'PR body line 6' });
  });

  it('both boxes ticked: the AI box is ticked, so the change is AI-assisted (the ai: overrides apply)', () => {
    const p = resolveProvenance(withBody(TEMPLATE('x', 'x', ['a.ts', 'a.ts', 'Zed agent, some-model'])));
    expect(p).toMatchObject({ assisted: true, source: 'disclosure', agents: ['Zed agent, some-model'] });
    expect(p.evidence).toEqual([expect.objectContaining({ signal: 'disclosure', where: 'PR body line 6', text: '[x] This PR uses AI output' })]);
  });

  it('a pasted page in the tooling field or a trailer is clipped, not an agent name of thousands of characters', () => {
    const long = 'Zed '.repeat(2000).trim();
    const p = resolveProvenance(withBody(`${TEMPLATE(' ', 'x', ['a.ts', 'a.ts', long])}\nAssisted-by: ${long}:model\n`));
    expect(p.assisted).toBe(true);
    for (const e of p.evidence) {
      expect(e.agent.length).toBeLessThanOrEqual(80);
      expect(e.text.length).toBeLessThanOrEqual(160);
    }
    expect(p.agents[0]).toMatch(/^Zed Zed .*\u2026$/);
  });

  it('none: a human PR that says so', () => {
    expect(resolveProvenance(withBody(TEMPLATE('x', ' ')))).toEqual({ assisted: false, agents: [], evidence: [], source: 'none' });
  });
});
