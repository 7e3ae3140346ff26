// The waiver step over hand-made reports: who may waive what, and what the report then says.
import { describe, expect, it } from 'vitest';
import type { IssueComment, Report } from '../../src/model.ts';
import { applyWaivers, waiveRequests } from '../../src/github/waivers.ts';
import { change, commit, pr } from '../helpers/change.ts';

const policy = { by: ['@lead', '@acme/tech-leads'], rules: ['tests-touched', 'pr-size'] };

function report(): Report {
  return {
    version: 1,
    conclusion: 'failure',
    findings: [
      { ruleId: 'tests-touched', severity: 'error', message: 'no tests' },
      { ruleId: 'secret-leakage', severity: 'warning', message: 'maybe a key' },
    ],
    stats: { files: 1, additions: 1, deletions: 0 },
    ai: { assisted: false, agents: [], evidence: [], source: 'none' },
    policy: { path: '.github/prguard.yml', source: 'base' },
    rules: ['tests-touched', 'secret-leakage', 'pr-size'],
    notes: [],
  };
}

let id = 0;
const comment = (login: string, body: string): IssueComment => ({ id: ++id, login, type: 'User', body, createdAt: `2024-05-0${(id % 9) + 1}T00:00:00Z`, url: `https://github.com/o/r/pull/1#issuecomment-${id}` });
const pull = (comments: IssueComment[], teams?: Record<string, string[]>) =>
  change({ commits: [commit('x\n', { author: { name: 'Carol', email: 'c@example.com', login: 'carol' } })], pr: pr({ comments, ...(teams ? { teams } : {}) }) });

describe('applyWaivers', () => {
  it('an allowed user waives a rule: its findings become waived notices and the verdict passes', () => {
    const out = applyWaivers(report(), pull([comment('lead', 'Thanks.\n/prguard waive tests-touched generated code only')]), policy);
    expect(out.conclusion).toBe('success');
    expect(out.findings.find((f) => f.ruleId === 'tests-touched')).toMatchObject({ severity: 'notice', waived: { severity: 'error', by: 'lead' } });
    expect(out.waivers).toEqual([expect.objectContaining({ ruleId: 'tests-touched', by: 'lead', reason: 'generated code only', findings: 1 })]);
  });

  it('team members in waivers.by count through the membership read; unknown teams are said', () => {
    const c = [comment('tina', '/prguard waive tests-touched reviewed by hand')];
    expect(applyWaivers(report(), pull(c, { 'acme/tech-leads': ['tina'] }), policy).waivers).toHaveLength(1);
    const unknown = applyWaivers(report(), pull(c), policy);
    expect(unknown.waivers).toEqual([]);
    expect(unknown.notes[0]).toContain('owners-token');
    const outsider = applyWaivers(report(), pull([comment('mallory', '/prguard waive tests-touched please')], { 'acme/tech-leads': ['tina'] }), policy);
    expect(outsider.notes[0]).toContain('@mallory may not waive (waivers.by: @lead, @acme/tech-leads)');
  });

  it.each([
    ['the PR author', 'ada', '/prguard waive tests-touched mine', 'is the PR author'],
    ['a commit author', 'carol', '/prguard waive tests-touched mine', 'is a commit author'],
    ['someone not named (team membership unread)', 'mallory', '/prguard waive tests-touched please', 'is not named in waivers.by'],
    ['a rule not in waivers.rules', 'lead', '/prguard waive secret-leakage false positive', 'secret-leakage may not be waived'],
    ['no reason', 'lead', '/prguard waive tests-touched', 'gives no reason'],
    ['no rule', 'lead', '/prguard waive', 'names no rule'],
    ['an unknown rule', 'lead', '/prguard waive tests-tuoched typo', 'not a rule that ran'],
  ])('a waiver by %s is ignored with a note', (_name, login, body, why) => {
    const out = applyWaivers(report(), pull([comment(login, body)]), policy);
    expect(out.waivers).toEqual([]);
    expect(out.conclusion).toBe('failure');
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toContain(why);
  });

  it('an edited command counts only when its author alone edited it, and not when the editors are unknown', () => {
    const edited = (editedBy: string[] | null) => ({ ...comment('lead', '/prguard waive tests-touched generated'), updatedAt: '2024-06-01T00:00:00Z', editedBy });
    expect(applyWaivers(report(), pull([edited(['Lead'])]), policy).waivers).toHaveLength(1);
    const forged = applyWaivers(report(), pull([edited(['lead', 'ada'])]), policy);
    expect(forged.waivers).toEqual([]);
    expect(forged.notes[0]).toContain('@ada edited the comment, not its author @lead');
    expect(applyWaivers(report(), pull([edited(null)]), policy).notes[0]).toContain('who edited it could not be read');
  });

  it('without comments read, the report is unchanged', () => {
    const r = report();
    expect(applyWaivers(r, change({ pr: pr() }), policy)).toBe(r);
  });

  it('a command shown in a code block or a quote waives nothing: only a line of prose does', () => {
    const shown = [
      'To waive, write:\n```\n/prguard waive tests-touched <why>\n```',
      '~~~~text\n/prguard waive pr-size later\n~~~\nstill in the block\n/prguard waive pr-size still\n~~~~',
      'An unclosed fence runs to the end:\n```\n/prguard waive pr-size later',
      'Indented code:\n\n    /prguard waive pr-size later\n\t/prguard waive pr-size tab',
      '> /prguard waive tests-touched quoted from the lead',
    ];
    for (const body of shown) expect(waiveRequests([comment('lead', body)]), body).toEqual([]);
    const after = 'Example:\n```sh\n/prguard waive x y\n```\n   /prguard waive pr-size split in #12';
    expect(waiveRequests([comment('lead', after)]).map((w) => [w.ruleId, w.reason])).toEqual([['pr-size', 'split in #12']]);
    // A line with backticks after the opening ones is inline code, not a fence.
    expect(waiveRequests([comment('lead', '``` inline ``` \n/prguard waive pr-size ok')]).map((w) => w.ruleId)).toEqual(['pr-size']);
    expect(applyWaivers(report(), pull([comment('lead', shown[0]!)]), policy).conclusion).toBe('failure');
  });

  it('finds commands only at the start of a line', () => {
    expect(waiveRequests([comment('lead', 'see `/prguard waive x y`\n  /prguard waive pr-size split later')]).map((w) => w.ruleId)).toEqual(['pr-size']);
  });
});
