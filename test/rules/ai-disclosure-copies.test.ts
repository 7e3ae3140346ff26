// A template pasted twice, or a box written twice: a box ticked in any copy is ticked. Read from
// the first copy only, a ticked "no AI" box below an empty copy hid a contradiction (an error)
// behind "ticks neither box" (a warning), and a ticked AI box in the second copy never lifted the
// `ai:` overrides.
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../src/model.ts';
import { aiDisclosure } from '../../rules/ai-disclosure/index.ts';
import { coreChanges } from '../../rules/core-changes/index.ts';
import { readDisclosure } from '../../src/provenance/disclosure.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import { change, commit, file, pr } from '../provenance/fixtures.ts';
import { run } from './helpers.ts';

const HEADING = '## AI Authorship Statement';
const NO_AI = (x: boolean) => `- [${x ? 'x' : ' '}] This PR does **not** use AI output`;
const AI = (x: boolean) => `- [${x ? 'x' : ' '}] This PR uses AI output`;
const FIELDS = ['  - AI-produced files: src/a.ts', '  - Files reviewed line by line by a human: src/a.ts', '  - AI tooling and model version: Cursor, gpt-5'];
const claude = commit('Add a\n\nCo-Authored-By: Claude <noreply@anthropic.com>');
const human = commit('Add a');
const pull = (lines: string[], commits = [human]) => change({ pr: pr({ body: lines.join('\n') }), commits });
const ids = (c: ReturnType<typeof pull>) => run(aiDisclosure, c).map((v) => `${v.messageId}:${v.severity ?? ''}`);

describe('a disclosure written twice', () => {
  it('a ticked "no AI" box in a second copy of the section contradicts the AI evidence (error)', () => {
    const c = pull([HEADING, NO_AI(false), AI(false), '', HEADING, NO_AI(true), AI(false)], [claude]);
    expect(readDisclosure(c)).toMatchObject({ verdict: 'no-ai', noAi: { where: 'PR body line 6' } });
    expect(ids(c)).toEqual(['contradiction:error']);
  });

  it('a ticked "no AI" box written twice in one section, the first copy empty, is ticked', () => {
    const c = pull([HEADING, NO_AI(false), AI(false), NO_AI(true)], [claude]);
    expect(ids(c)).toEqual(['contradiction:error']);
  });

  it('a ticked AI box in a second copy makes the change AI-assisted, its fields read from that copy', () => {
    const c = pull([HEADING, NO_AI(false), AI(false), '', HEADING, NO_AI(false), AI(true), ...FIELDS]);
    expect(readDisclosure(c)).toMatchObject({ verdict: 'ai', section: 'PR body line 5', fields: { 'AI-produced files': { value: 'src/a.ts' } } });
    expect(resolveProvenance(c)).toMatchObject({ assisted: true, source: 'disclosure', agents: ['Cursor, gpt-5'] });
    expect(ids(c)).toEqual([]);
  });

  it('"no AI" ticked in one copy and AI in the other is both boxes ticked', () => {
    const c = pull([HEADING, NO_AI(true), AI(false), '', HEADING, NO_AI(false), AI(true), ...FIELDS]);
    expect(readDisclosure(c).verdict).toBe('both');
    expect(resolveProvenance(c).assisted).toBe(true);
    expect(ids(c)).toEqual(['bothTicked:']);
  });

  it('one copy of the template, as before: the first section with boxes', () => {
    expect(readDisclosure(pull([HEADING, NO_AI(true), AI(false)])).verdict).toBe('no-ai');
    expect(readDisclosure(pull([HEADING, 'See below.', '', HEADING, NO_AI(false), AI(true), ...FIELDS])).section).toBe('PR body line 4');
  });
});

describe('a Change Type section written twice', () => {
  const HUMAN: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };
  const CT = '## Change Type';
  const LEAF = (x: boolean) => `- [${x ? 'x' : ' '}] Leaf node (local impact)`;
  const CORE = (x: boolean) => `- [${x ? 'x' : ' '}] Core code (broad impact, requires line-by-line review)`;
  const coreChange = (lines: string[]) => change({ files: [file('src/auth/session.ts')], commits: [human], pr: pr({ body: lines.join('\n') }) });
  const check = (lines: string[]) => run(coreChanges, coreChange(lines), { ai: HUMAN, core: { auth: ['src/auth/**'] } }).map((v) => v.messageId);

  it('the leaf box ticked in the second copy is a leaf PR touching core', () => {
    expect(check([CT, LEAF(false), CORE(false), '', CT, LEAF(true), CORE(false)])).toEqual(['leafTouchesCore']);
    expect(check([CT, LEAF(false), CORE(false), LEAF(true)])).toEqual(['leafTouchesCore']);
  });

  it('the core box ticked in the second copy declares core', () => {
    expect(check([CT, LEAF(false), CORE(false), '', CT, LEAF(false), CORE(true)])).toEqual([]);
  });
});
