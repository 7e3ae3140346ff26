import { describe, expect, it } from 'vitest';
import { resolveProvenance } from '../../src/provenance/index.ts';
import { provenanceSummary } from '../../src/report/text.ts';
import { change, commit, pr, TEMPLATE } from './fixtures.ts';

const claude = change({
  commits: [commit('Add export\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>', { sha: 'c1a0de0f' })],
});

describe('provenanceSummary', () => {
  it.each([
    ['detected', resolveProvenance(claude), 'AI-assisted: yes — Claude Code: co-authored-by in commit c1a0de0 line 5 ("Co-Authored-By: Claude <noreply@anthropic.com>") (+1 more)'],
    ['--ai no over detected evidence', resolveProvenance(claude, { flag: false }), 'AI-assisted: no (--ai no; detected — Claude Code: co-authored-by in commit c1a0de0 line 5 ("Co-Authored-By: Claude <noreply@anthropic.com>") (+1 more))'],
    ['--ai yes without evidence', resolveProvenance(change(), { flag: true }), 'AI-assisted: yes (--ai yes)'],
    ['disclosure only', resolveProvenance(change({ pr: pr({ body: TEMPLATE(' ', 'x', ['a.ts', 'a.ts', 'Zed']) }) })), 'AI-assisted: yes — Zed: disclosure in PR body line 6 ("[x] This PR uses AI output")'],
    ['nothing', resolveProvenance(change()), 'AI-assisted: no evidence found'],
  ])('%s', (_name, ai, line) => {
    expect(provenanceSummary(ai)).toBe(line);
  });
});
