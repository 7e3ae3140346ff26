import { describe, expect, it } from 'vitest';
import type { ChangeSet, Provenance } from '../../src/model.ts';
import { coreChanges } from '../../rules/core-changes/index.ts';
import { change, commit, file, pr } from '../provenance/fixtures.ts';
import { defaults, render, run } from './helpers.ts';
import { policyFromText } from '../../src/policy/index.ts';
import { allRules } from '../../rules/index.ts';

const CORE = { auth: ['src/auth/**'], billing: ['src/billing/**'] };
const HUMAN: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };
const claude = commit('Add login\n\nCo-Authored-By: Claude <noreply@anthropic.com>');

function body(opts: { leaf?: boolean; core?: boolean; reviewed?: string; plan?: string } = {}): string {
  return [
    '## AI Authorship Statement',
    '- [ ] This PR does **not** use AI output',
    '- [x] This PR uses AI output',
    '  - AI-produced files: src/ui/button.tsx',
    `  - Files reviewed line by line by a human: ${opts.reviewed ?? ''}`,
    '  - AI tooling and model version: Claude Code, claude-opus-4-5',
    '',
    '## Change Type',
    `- [${opts.leaf ? 'x' : ' '}] Leaf node (local impact)`,
    `- [${opts.core ? 'x' : ' '}] Core code (broad impact, requires line-by-line review)`,
    '',
    '## Plan Document',
    opts.plan ?? '',
  ].join('\n');
}

function pull(paths: string[], b: string, commits = [claude]): ChangeSet {
  return change({ files: paths.map((p) => file(p)), commits, pr: pr({ body: b }) });
}

const PLAN = '# Plan: CSV export\n\n## May modify\n- src/export/**\n\n## Must not modify\n- `src/auth/**` — owned by the auth team\n- migrations/\n';

// [case, change, expected messageIds, run options]
const cases: [string, ChangeSet, string[], Parameters<typeof run>[2]?][] = [
  ['leaf PR touching only leaf files', pull(['src/ui/button.tsx'], body({ leaf: true })), []],
  ['leaf declared but touches core', pull(['src/ui/button.tsx', 'src/auth/session.ts'], body({ leaf: true, reviewed: 'src/auth/session.ts' }), []), ['leafTouchesCore'], { ai: HUMAN }],
  ['core declared and touches core, human PR', pull(['src/auth/session.ts'], body({ core: true }), []), [], { ai: HUMAN }],
  ['AI touches core without line-by-line review listed', pull(['src/auth/session.ts'], body({ core: true, reviewed: 'src/ui/button.tsx' })), ['unreviewedCore']],
  ['AI touches core, reviewed file listed', pull(['src/auth/session.ts'], body({ core: true, reviewed: '`src/auth/session.ts`' })), []],
  ['AI touches core, reviewed directory listed', pull(['src/auth/session.ts', 'src/auth/token.ts'], body({ core: true, reviewed: 'src/auth/' })), []],
  ['AI touches core, reviewed glob listed', pull(['src/auth/session.ts'], body({ core: true, reviewed: 'src/auth/**' })), []],
  ['AI touches core, "**" claimed as reviewed after a file', pull(['src/auth/session.ts'], body({ core: true, reviewed: 'src/ui/button.tsx, **' })), ['unreviewedCore']],
  ['AI touches core, "**/*" claimed as reviewed after a file', pull(['src/auth/session.ts'], body({ core: true, reviewed: 'src/ui/button.tsx `**/*`' })), ['unreviewedCore']],
  ['mega AI PR across two core modules', pull(['src/auth/session.ts', 'src/billing/invoice.ts'], body({ core: true, reviewed: 'src/auth/**, src/billing/**' })), ['megaPr']],
  ['two core modules allowed by max-core-modules', pull(['src/auth/session.ts', 'src/billing/invoice.ts'], body({ core: true, reviewed: 'src/auth/**, src/billing/**' })), [], { options: { 'max-core-modules': 2 } }],
  ['human PR across two core modules is no mega AI PR', pull(['src/auth/session.ts', 'src/billing/invoice.ts'], body({ core: true }), []), [], { ai: HUMAN }],
  ['rename out of core counts as touching core', change({ files: [file('src/ui/session.ts', { status: 'renamed', oldPath: 'src/auth/session.ts' })], pr: pr({ body: body({ leaf: true }) }) }), ['leafTouchesCore'], { ai: HUMAN }],
  ['must-not-modify from the policy', pull(['db/schema.sql', 'src/ui/button.tsx'], body({ leaf: true })), ['mustNotModify'], { options: { 'must-not-modify': ['db/**'] } }],
  ['must-not-modify anchored at the root (CODEOWNERS-style)', pull(['src/auth/session.ts'], body({ leaf: true })), ['mustNotModify'], { options: { 'must-not-modify': ['/src/auth/'] }, core: {} }],
  ['must-not-modify glob anchored at the root', pull(['src/auth/session.ts'], body({ leaf: true })), ['mustNotModify'], { options: { 'must-not-modify': ['/src/auth/**'] }, core: {} }],
  ['must-not-modify from ./', pull(['db/schema.sql'], body({ leaf: true })), ['mustNotModify'], { options: { 'must-not-modify': ['./db/schema.sql'] }, core: {} }],
  ['must-not-modify from plan-file', pull(['migrations/001.sql'], body({ leaf: true })), ['mustNotModify'], { options: { 'plan-file': 'plan.md' }, documents: { 'plan.md': PLAN } }],
  ['must-not-modify from the plan the PR links', pull(['migrations/001.sql'], body({ leaf: true, plan: 'Approved plan: [docs/plans/export.md](docs/plans/export.md)' })), ['mustNotModify'], { documents: { 'docs/plans/export.md': PLAN } }],
  ['plan allows the change', pull(['src/export/csv.ts'], body({ leaf: true })), [], { options: { 'plan-file': 'plan.md' }, documents: { 'plan.md': PLAN } }],
  ['plan-file missing at head', pull(['src/export/csv.ts'], body({ leaf: true })), ['planMissing'], { options: { 'plan-file': 'plan.md' } }],
  ['a path the PR takes off its plan is still protected by the plan at the base', pull(['migrations/001.sql', 'plan.md'], body({ leaf: true })), ['mustNotModify'], { options: { 'plan-file': 'plan.md' }, documents: { 'plan.md': '## Must not modify\n- src/auth/**\n' }, baseDocuments: { 'plan.md': PLAN } }],
  ['a plan the PR deletes still protects its paths (and is missing at head)', pull(['migrations/001.sql'], body({ leaf: true })), ['planMissing', 'mustNotModify'], { options: { 'plan-file': 'plan.md' }, baseDocuments: { 'plan.md': PLAN } }],
  ['plan with a Must not modify: line', pull(['vendor/lib.js'], body({ leaf: true })), ['mustNotModify'], { options: { 'plan-file': 'plan.md' }, documents: { 'plan.md': 'Must not modify: vendor/, db/schema.sql\n' } }],
  ['no core map, no lists: nothing to check', pull(['src/auth/session.ts'], body({ leaf: true })), [], { core: {} }],
  ['neither box ticked but touches core', pull(['src/auth/session.ts'], body(), []), ['coreUndeclared'], { ai: HUMAN }],
  ['no Change Type section but touches core', pull(['src/auth/session.ts'], '## Summary\nFix expiry.', []), ['coreUndeclared'], { ai: HUMAN }],
  ['empty PR description but touches core', pull(['src/auth/session.ts'], '', []), ['coreUndeclared'], { ai: HUMAN }],
  ['both boxes ticked and touches core', pull(['src/auth/session.ts'], body({ leaf: true, core: true }), []), [], { ai: HUMAN }],
  ['neither box ticked, leaf files only', pull(['src/ui/button.tsx'], body(), []), [], { ai: HUMAN }],
  ['require-change-type: false', pull(['src/auth/session.ts'], body(), []), [], { ai: HUMAN, options: { 'require-change-type': false } }],
];

describe('core-changes', () => {
  it.each(cases)('%s', (_name, ch, expected, o) => {
    expect(run(coreChanges, ch, { core: CORE, ...o }).map((v) => v.messageId)).toEqual(expected);
  });

  it('a module the policy names by its directory is touched by the files below it', () => {
    const policy = policyFromText('version: 1\ncore:\n  auth: ["src/auth"]\n  billing: ["src/billing/"]\n', 'p.yml', allRules);
    const ch = pull(['src/auth/session.ts', 'src/billing/invoice.ts'], body({ leaf: true }), []);
    expect(run(coreChanges, ch, { core: policy.core, ai: HUMAN }).map((v) => render(coreChanges, v))).toEqual([
      expect.stringContaining('changes core code: src/auth/session.ts, src/billing/invoice.ts (module auth, billing)'),
    ]);
  });

  it('names the core files and modules for a leaf PR that touches core', () => {
    const [v] = run(coreChanges, pull(['src/auth/session.ts', 'src/ui/a.tsx'], body({ leaf: true }), []), { core: CORE, ai: HUMAN });
    expect(render(coreChanges, v!)).toContain('changes core code: src/auth/session.ts (module auth)');
  });

  it('says what is wrong and what to do when core is not declared', () => {
    const [v] = run(coreChanges, pull(['src/auth/session.ts'], body(), []), { core: CORE, ai: HUMAN });
    expect(v!.needs).toBeUndefined(); // decided on the PR description: a notice where there is none
    expect(render(coreChanges, v!)).toContain('changes core code: src/auth/session.ts (module auth), but its "Change Type" section does not tick "Core code"');
    expect(render(coreChanges, v!)).toContain('Tick "Core code" in the PR description');
  });

  it('advises splitting a mega AI PR', () => {
    const [v] = run(coreChanges, pull(['src/auth/a.ts', 'src/billing/b.ts'], body({ core: true, reviewed: 'src/' })), { core: CORE });
    expect(render(coreChanges, v!)).toMatch(/spans 2 core modules \(auth, billing\), more than 1.*Split it into leaf PRs/);
  });

  it('points a must-not-modify finding at the file and names where the list came from', () => {
    const [v] = run(coreChanges, pull(['migrations/001.sql'], body()), { core: CORE, options: { 'plan-file': 'plan.md' }, documents: { 'plan.md': PLAN } });
    expect(v!.path).toBe('migrations/001.sql');
    expect(render(coreChanges, v!)).toContain('the plan plan.md lists `migrations/`');
  });

  it("reads each plan item's first path or glob, not its first word", () => {
    const plan = '## Must not modify\n- The auth module: `src/auth/**`\n- Anything under db/migrations/\n- Makefile\n- `billing/` (owned by payments)\n';
    const ch = pull(['src/auth/session.ts', 'db/migrations/001.sql', 'Makefile', 'billing/x.ts', 'src/ui/a.ts'], body({ core: true }), []);
    const found = run(coreChanges, ch, { core: {}, ai: HUMAN, options: { 'plan-file': 'plan.md' }, documents: { 'plan.md': plan } });
    expect(found.map((v) => v.path)).toEqual(['src/auth/session.ts', 'db/migrations/001.sql', 'Makefile', 'billing/x.ts']);
  });

  it('rejects a plan-file outside the repository', () => {
    const base = defaults(coreChanges) as never as Parameters<NonNullable<typeof coreChanges.validate>>[0];
    expect(coreChanges.validate!({ ...base, 'plan-file': 'docs/plan.md' })).toEqual([]);
    expect(coreChanges.validate!({} as never)).toEqual([]);
    for (const bad of ['../plan.md', '/etc/plan.md', 'docs/../../plan.md']) {
      expect(coreChanges.validate!({ ...base, 'plan-file': bad })).toEqual([expect.objectContaining({ path: ['plan-file'] })]);
    }
  });

  it('never asks for a linked plan outside the repository', () => {
    const ch = pull([], body({ plan: 'See ../../secrets/plan.md and docs/../../x.md' }));
    expect(coreChanges.documents!(ch, defaults(coreChanges) as never)).toEqual([]);
  });

  it('asks for the plan-file and the plan the PR links as documents', () => {
    const ch = pull([], body({ plan: 'See ./docs/plan.md and https://example.com/other.md' }));
    expect(coreChanges.documents!(ch, { ...defaults(coreChanges), 'plan-file': 'plan.md' } as never)).toEqual(['docs/plan.md', 'plan.md']);
  });
});
