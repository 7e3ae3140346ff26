import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../src/model.ts';
import { aiDisclosure } from '../../rules/ai-disclosure/index.ts';
import { change, commit, pr, TEMPLATE } from '../provenance/fixtures.ts';
import { render, run } from './helpers.ts';

const claudeCommit = commit('Add export\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>', { sha: 'c1a0de0f' });
const humanCommit = commit('Add export\n\nSigned-off-by: Ada Lovelace <ada@example.com>', { sha: 'ada0001f' });
const withBody = (body: string | null, commits = [humanCommit]) => change({ pr: pr({ body }), commits });
const filled = ['src/export.ts', 'src/export.ts', 'Claude Code, claude-opus-4-5'];

// [case, change, expected messageIds, options]
const cases: [string, ChangeSet, string[], Record<string, unknown>?][] = [
  ['honest human PR', withBody(TEMPLATE('x', ' ')), []],
  ['honest AI PR with every field', withBody(TEMPLATE(' ', 'x', filled), [claudeCommit]), []],
  ['no disclosure at all in the PR body', withBody('## Summary\nAdds the CSV export.'), ['missing']],
  ['no disclosure in the commits (no PR body)', change({ commits: [humanCommit] }), ['missing']],
  ['Assisted-by trailer in a commit is a disclosure', change({ commits: [commit('Fix\n\nAssisted-by: Claude:claude-opus-4-5')] }), []],
  ['both boxes ticked', withBody(TEMPLATE('x', 'x', filled)), ['bothTicked']],
  ['neither box ticked', withBody(TEMPLATE(' ', ' ')), ['noneTicked']],
  // Ticking both beside AI traces does not turn the contradiction into a warning.
  ['both boxes ticked, Claude Code co-authored', withBody(TEMPLATE('x', 'x', filled), [claudeCommit]), ['contradiction']],
  ['both boxes ticked beside an Assisted-by trailer', withBody(`${TEMPLATE('x', 'x', filled)}\nAssisted-by: Claude:claude-opus-4-5\n`), ['contradiction']],
  ['says no AI, Claude Code co-authored', withBody(TEMPLATE('x', ' '), [claudeCommit]), ['contradiction']],
  ['AI disclosed, reviewed field empty', withBody(TEMPLATE(' ', 'x', ['src/export.ts', '', 'Claude Code']), [claudeCommit]), ['fieldEmpty']],
  ['AI disclosed, all fields empty', withBody(TEMPLATE(' ', 'x'), [claudeCommit]), ['fieldEmpty', 'fieldEmpty', 'fieldEmpty']],
  ['Assisted-by without the model', withBody('Refactor.\n\nAssisted-by: Claude Code'), ['trailerForm']],
  ['Assisted-by in AGENT:MODEL [TOOL] form', withBody('Refactor.\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse'), []],
  ['Assisted-by a linter is not an AI disclosure', withBody('Refactor.\n\nAssisted-by: clang-tidy'), ['missing']],
  ['AI agent in Signed-off-by', change({ commits: [commit('Fix\n\nSigned-off-by: Cursor Agent <cursoragent@cursor.com>', { sha: 'c0a5e0f1' })], pr: pr({ body: TEMPLATE(' ', 'x', filled) }) }), ['agentSignOff']],
  ['Devin in Signed-off-by by GitHub id', change({ commits: [commit('Fix\n\nSigned-off-by: Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>')], pr: pr({ body: TEMPLATE(' ', 'x', filled) }) }), ['agentSignOff']],
  ['human Signed-off-by', withBody(TEMPLATE('x', ' ')), []],
  ['bare diff: nothing to read', change(), []],
  ['a configured heading and markers', withBody('### Uso de IA\n- [x] Sin IA\n- [ ] Con IA'), [], { heading: 'Uso de IA', 'no-ai-marker': 'Sin IA', 'ai-marker': 'Con IA' }],
  ['configured required fields', withBody(TEMPLATE(' ', 'x', ['', '', 'Claude Code'])), [], { 'required-fields': ['AI tooling and model version'] }],
];

describe('ai-disclosure', () => {
  it.each(cases)('%s', (_name, ch, expected, options) => {
    expect(run(aiDisclosure, ch, { options }).map((v) => v.messageId)).toEqual(expected);
  });

  it('the contradiction is an error that quotes the evidence', () => {
    const [v] = run(aiDisclosure, withBody(TEMPLATE('x', ' '), [claudeCommit]));
    expect(v!.severity).toBe('error');
    const message = render(aiDisclosure, v!);
    expect(message).toContain('PR body line 5');
    expect(message).toContain('Claude Code (co-authored-by in commit c1a0de0 line 5: "Co-Authored-By: Claude <noreply@anthropic.com>")');
  });

  it('a missing disclosure names what the detector found, if anything', () => {
    const [quiet] = run(aiDisclosure, withBody('## Summary\nAdds the CSV export.'));
    expect(render(aiDisclosure, quiet!)).toMatch(/^No AI disclosure in the PR description: there is no "## AI Authorship Statement" section and no `Assisted-by:` trailer, so it does not say whether AI was used\. Reviewers/);
    const [loud] = run(aiDisclosure, withBody('## Summary\nAdds the CSV export.', [claudeCommit]));
    expect(render(aiDisclosure, loud!)).toContain('was used. prguard found AI traces: Claude Code (co-authored-by in commit c1a0de0 line 5');
  });

  it('no box ticked names what the detector found, if anything', () => {
    const [quiet] = run(aiDisclosure, withBody(TEMPLATE(' ', ' ')));
    expect(render(aiDisclosure, quiet!)).toMatch(/ticks neither box, so the PR does not say whether AI was used\. Tick the box/);
    const [loud] = run(aiDisclosure, withBody(TEMPLATE(' ', ' '), [claudeCommit]));
    expect(render(aiDisclosure, loud!)).toContain('whether AI was used. prguard found AI traces: Claude Code (co-authored-by in commit c1a0de0 line 5');
  });

  it('names the empty field and where it is', () => {
    const [v] = run(aiDisclosure, withBody(TEMPLATE(' ', 'x', ['a.ts', '', 'Claude Code'])));
    expect(render(aiDisclosure, v!)).toContain('"Files reviewed line by line by a human" is empty (PR body line 8)');
  });

  it('an agent sign-off is an error naming the commit line', () => {
    const ch = change({ commits: [commit('Fix\n\nSigned-off-by: Cursor Agent <cursoragent@cursor.com>', { sha: 'c0a5e0f1' })], pr: pr({ body: TEMPLATE(' ', 'x', filled) }) });
    const [v] = run(aiDisclosure, ch);
    expect(v!.severity).toBe('error');
    expect(render(aiDisclosure, v!)).toContain('(commit c0a5e0f line 3) signs off as Cursor');
  });

  it('both boxes ticked beside AI traces: an error saying which box to untick', () => {
    const [v] = run(aiDisclosure, withBody(TEMPLATE('x', 'x', filled), [claudeCommit]));
    expect(v!.severity).toBe('error');
    const message = render(aiDisclosure, v!);
    expect(message).toContain('The PR says it does not use AI output (PR body line 5), but prguard found AI traces: Claude Code');
    expect(message).toContain('Untick "does not use AI output" (both boxes are ticked) and fill in the fields');
  });

  it('quotes long trailers and placeholders clipped', () => {
    const long = `Claude:${'x'.repeat(5000)}`;
    const [v] = run(aiDisclosure, withBody(`${TEMPLATE('x', ' ')}\nAssisted-by: ${long}\n`));
    expect(v!.messageId).toBe('contradiction');
    expect(render(aiDisclosure, v!).length).toBeLessThan(800);
    const hint = `<${'list the files '.repeat(400)}>`;
    const [f] = run(aiDisclosure, withBody(TEMPLATE(' ', 'x', [hint, 'a.ts', 'Claude Code']), [claudeCommit]));
    expect(f!.messageId).toBe('fieldEmpty');
    expect(render(aiDisclosure, f!).length).toBeLessThan(600);
  });
});
