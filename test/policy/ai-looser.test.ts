// An `ai:` block that loosens its rule (max-lines 5000 against 300, severity off, a paths list
// without the rule's entries) is a policy note at the ai: key's file:line:col, in validate, print
// and check alike, and never changes an exit code. Every option of every rule declares which way
// it is stricter, so a new option cannot forget it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { describePolicy } from '../../src/policy/describe.ts';
import { DEFAULT_POLICY_CONFIG, DEFAULT_POLICY_TEXT, defaultPolicy, policyFromText } from '../../src/policy/index.ts';
import { aiLoosenings } from '../../src/policy/ai-looser.ts';
import { loosenings } from '../../src/policy/stricter.ts';
import { resolvePolicy } from '../../src/policy/resolve.ts';
import type { JsonSchema, Stricter } from '../../src/rule.ts';
import { Repo, ROOT, runCli, tempDir } from '../helpers/repo.ts';

/** What is wrong with a declared direction for an option of schema `schema`; [] when it covers it all. */
function uncovered(name: string, direction: Stricter | undefined, schema: JsonSchema): string[] {
  if (direction === undefined) return [`${name}: no direction declared`];
  if (typeof direction !== 'object') return [];
  if ('rank' in direction) {
    const values = (schema.enum as string[] | undefined) ?? [];
    return values.length === 0 ? [`${name}: rank on an option without enum`] : values.filter((v) => !(v in direction.rank)).map((v) => `${name}: no rank for ${v}`);
  }
  const props = (('properties' in direction ? schema.properties : (schema.items as JsonSchema | undefined)?.properties) ?? {}) as Record<string, JsonSchema>;
  const declared = 'properties' in direction ? direction.properties : direction.items;
  const problems = Object.keys(props).flatMap((key) => uncovered(`${name}.${key}`, declared[key], props[key]!));
  problems.push(...Object.keys(declared).filter((key) => !(key in props)).map((key) => `${name}.${key}: declared, not in the schema`));
  if ('superset' in direction && !(direction.superset in props)) problems.push(`${name}: key ${direction.superset} is not a field of its entries`);
  return problems;
}

describe('every option declares which way it is stricter', () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s', (_id, rule) => {
    const props = rule.meta.schema.properties;
    const declared = rule.meta.stricter ?? {};
    const problems = Object.entries(props).flatMap(([key, schema]) => uncovered(key, declared[key], schema));
    problems.push(...Object.keys(declared).filter((key) => !(key in props)).map((key) => `${key}: declared, not an option`));
    expect(problems).toEqual([]);
  });

  it('the check itself catches an option without a direction (a nested one too)', () => {
    const schema = { type: 'array', items: { type: 'object', properties: { pattern: { type: 'string' }, extra: { type: 'boolean' } } } };
    expect(uncovered('paths', { superset: 'pattern', items: { pattern: 'none' } }, schema)).toEqual(['paths.extra: no direction declared']);
    expect(uncovered('max', undefined, { type: 'integer' })).toEqual(['max: no direction declared']);
    expect(uncovered('mode', { rank: { a: 0 } }, { enum: ['a', 'b'] })).toEqual(['mode: no rank for b']);
  });
});

describe("each rule's README says which way its options are stricter", () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    const readme = readFileSync(join(ROOT, 'rules', id, 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('**Stricter, for an `ai:` block:**'));
    expect(line, 'the Stricter paragraph').toBeDefined();
    for (const key of Object.keys(rule.meta.schema.properties)) expect(line, key).toContain(`\`${key}`);
  });
});

describe('loosenings by direction kind: looser, stricter, equal', () => {
  const cases: [string, Stricter, JsonSchema | undefined, unknown, unknown, unknown][] = [
    // kind, direction, schema, base, stricter, looser
    ['lower', 'lower', undefined, 300, 200, 5000],
    ['higher', 'higher', undefined, 2, 3, 1],
    ['true', 'true', undefined, true, true, false],
    ['false', 'false', undefined, false, false, true],
    ['severity', 'severity', undefined, 'warning', 'error', 'notice'],
    ['superset', 'superset', undefined, ['a', 'b'], ['b', 'a', 'c'], ['a']],
    ['subset', 'subset', undefined, ['a', 'b'], ['a'], ['a', 'b', 'c']],
    ['empty', 'empty', undefined, '', '', 'baseline.json'],
    ['nonempty', 'nonempty', undefined, 'plan.md', 'plan.md', ''],
    ['rank', { rank: { ignore: 0, block: 1 } }, undefined, 'block', 'block', 'ignore'],
    [
      'properties',
      { properties: { a: 'severity', b: 'severity' } },
      { properties: { a: { default: 'error' }, b: { default: 'warning' } } },
      { a: 'warning' },
      { a: 'error' },
      { b: 'notice' },
    ],
  ];
  it.each(cases)('%s', (_kind, direction, schema, base, stricter, looser) => {
    expect(loosenings('opt', direction, schema, base, base)).toEqual([]);
    expect(loosenings('opt', direction, schema, stricter, base)).toEqual([]);
    expect(loosenings('opt', direction, schema, looser, base)).toHaveLength(1);
  });

  it('none: no order, never looser', () => {
    expect(loosenings('heading', 'none', undefined, 'Other', 'AI Authorship Statement')).toEqual([]);
  });

  it('a value equal but for the order of its keys is equal', () => {
    expect(loosenings('o', 'superset', undefined, [{ b: 1, a: 2 }], [{ a: 2, b: 1 }])).toEqual([]);
  });

  it('a list that drops entries names the first three and how many more', () => {
    const [l] = loosenings('must-not-modify', 'superset', undefined, ['f'], ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(l!.what).toBe('must-not-modify without 5 of the 6 entries the others have: "a", "b", "c" and 2 more');
    const long = `src/${'x'.repeat(200)}/**`;
    expect(loosenings('exclude', 'subset', undefined, [long], [])[0]!.what).toBe(`exclude with 1 entry the others do not have: ${JSON.stringify(long).slice(0, 79)}… (fewer entries are stricter)`);
  });

  it('entries named by a key: dropped ones, looser fields, added exceptions; a dropped exception or a stricter field is fine', () => {
    const direction: Stricter = { superset: 'pattern', items: { pattern: 'none', 'allow-labels': 'subset', protected: 'true' }, exceptions: { protected: false } };
    const schema = { items: { properties: { 'allow-labels': { default: [] }, protected: { default: true } } } };
    const base = [{ pattern: '/a/' }, { pattern: '/b/', 'allow-labels': ['ok'] }, { pattern: '/a/gen/', protected: false }];
    // Stricter: every entry kept, a label taken away, the exception dropped, a new entry.
    expect(loosenings('paths', direction, schema, [{ pattern: '/a/' }, { pattern: '/b/' }, { pattern: '/c/' }], base)).toEqual([]);
    const looser = loosenings('paths', direction, schema, [{ pattern: '/b/', 'allow-labels': ['ok', 'any'] }, { pattern: '/c/', protected: false }], base);
    expect(looser.map((l) => [l.at, l.what])).toEqual([
      [[], 'paths without 1 of the 2 entries the others have: "/a/"'],
      [[0, 'allow-labels'], 'paths entry "/b/" allow-labels with 1 entry the others do not have: "any" (fewer entries are stricter)'],
      [[1], 'paths entry "/c/", an exception (protected: false) the others do not have'],
    ]);
  });
});

const LOOSE = [
  'version: 1', //                              1
  'extends: recommended', //                    2
  'rules:', //                                  3
  '  pr-size:', //                              4
  '    max-lines: 300', //                      5
  '    ai:', //                                 6
  '      max-lines: 5000', //                   7
  '  tests-touched:', //                        8
  '    severity: error', //                     9
  '    ai: { severity: notice, weakened-tests: false }', // 10
  '  protected-paths:', //                      11
  '    paths:', //                              12
  '      - pattern: /src/auth/', //             13
  '      - pattern: /src/billing/', //          14
  '    ai:', //                                 15
  '      paths:', //                            16
  '        - pattern: /src/billing/', //        17
  '          allow-labels: [anyone]', //        18
  'overrides:', //                              19
  '  - files: ["legacy/**"]', //                20
  '    rules:', //                              21
  '      pr-size:', //                          22
  '        max-files: 10', //                   23
  '        ai:', //                             24
  '          max-files: 50', //                 25
  '',
].join('\n');

const EXPECTED = [
  'p.yml:7:7: rules.pr-size.ai.max-lines: AI-assisted changes get max-lines 5000, looser than 300 for the others (a lower number is stricter); ' +
    "ai: options replace the rule's own, so write 300 or less, or leave max-lines out of ai:",
  'p.yml:10:11: rules.tests-touched.ai.severity: AI-assisted changes get severity notice, looser than error for the others (error > warning > notice > off); ' +
    "ai: options replace the rule's own, so write error, or leave severity out of ai:",
  'p.yml:10:29: rules.tests-touched.ai.weakened-tests: AI-assisted changes get weakened-tests false, looser than true for the others; ' +
    "ai: options replace the rule's own, so write true, or leave weakened-tests out of ai:",
  'p.yml:16:7: rules.protected-paths.ai.paths: AI-assisted changes get paths without 1 of the 2 entries the others have: "/src/auth/"; ' +
    "ai: options replace the rule's own, lists included, so repeat the rule's entries in the ai: list, then add what AI-assisted changes need, or leave paths out of ai:",
  'p.yml:18:11: rules.protected-paths.ai.paths.0.allow-labels: AI-assisted changes get paths entry "/src/billing/" allow-labels with 1 entry the others do not have: "anyone" (fewer entries are stricter); ' +
    "ai: options replace the rule's own, lists included, so leave it out of the ai: list, or leave paths out of ai:",
  'p.yml:25:11: overrides.0.rules.pr-size.ai.max-files: AI-assisted changes get max-files 50, looser than 10 for the others (a lower number is stricter); ' +
    "ai: options replace the rule's own, so write 10 or less, or leave max-files out of ai:",
];

describe('notes at the ai: key', () => {
  it('every looser ai: value, at its file:line:col, with the base value and the fix', () => {
    expect(policyFromText(LOOSE, 'p.yml', allRules).notes).toEqual(EXPECTED);
    expect(describePolicy(LOOSE, 'p.yml', allRules).notes).toEqual(EXPECTED);
  });

  it('stricter and equal ai: values give no note (the default when the rule sets none, too)', () => {
    const strict = [
      'version: 1',
      'extends: recommended',
      'rules:',
      '  pr-size:',
      '    max-lines: 300',
      '    ai: { max-lines: 300, max-files: 10, severity: error }',
      '  protected-paths:',
      '    paths: [{ pattern: /src/auth/ }]',
      '    ai: { paths: [{ pattern: /src/auth/, ai: block }, { pattern: /src/billing/ }] }',
      '  review-quorum:',
      '    ai: { approvals: 2, changes-requested: block }',
      '  secret-leakage:',
      '    ai: { severities: { generic-weak: error } }',
      '',
    ].join('\n');
    expect(policyFromText(strict, 'p.yml', allRules).notes).toBeUndefined();
  });

  it('the default is what an ai: value replaces when the rule sets none', () => {
    const notes = policyFromText('version: 1\nextends: recommended\nrules:\n  pr-size:\n    ai:\n      max-lines: 401\n', 'p.yml', allRules).notes;
    expect(notes).toEqual([expect.stringMatching(/^p\.yml:6:7: rules\.pr-size\.ai\.max-lines: AI-assisted changes get max-lines 401, looser than 400 for the others/)]);
  });

  it('a rule off for the others: its ai: block only adds checking', () => {
    expect(policyFromText('version: 1\nrules:\n  pr-size:\n    severity: off\n    ai: { severity: notice, max-lines: 9000 }\n  secret-leakage: error\n  protected-paths: error\n', 'p.yml', allRules).notes).toBeUndefined();
  });

  it('an ai: severity off is the one note, whatever else the block says', () => {
    const notes = policyFromText('version: 1\nextends: recommended\nrules:\n  pr-size:\n    ai: { severity: off, max-lines: 9000 }\n', 'p.yml', allRules).notes ?? [];
    expect(notes.map((n) => n.split(': AI-assisted')[0])).toEqual(['p.yml:5:11: rules.pr-size.ai.severity']);
  });

  it("on an override's files, the rule's ai: block looser than what the override sets", () => {
    const policy = [
      'version: 1',
      'extends: recommended',
      'rules:',
      '  pr-size:',
      '    ai:',
      '      max-lines: 300',
      'overrides:',
      '  - files: ["core/**"]',
      '    rules:',
      '      pr-size:',
      '        max-lines: 100',
      '',
    ].join('\n');
    expect(policyFromText(policy, 'p.yml', allRules).notes).toEqual([
      'p.yml:6:7: rules.pr-size.ai.max-lines: on the files of overrides[0] (files: core/**), AI-assisted changes get max-lines 300, ' +
        "looser than 100 that the override sets for the others (a lower number is stricter); for AI-assisted changes an override's options " +
        "give way to the rule's ai: block, so give the override an ai: block with max-lines (write 100 or less)",
    ]);
    // The override's own ai: block takes the rule's place: nothing to say.
    expect(policyFromText(policy.replace('        max-lines: 100\n', '        max-lines: 100\n        ai: { max-lines: 50 }\n'), 'p.yml', allRules).notes).toBeUndefined();
  });

  it('the embedded default policy, and the default policy text, have no such note', () => {
    expect(defaultPolicy(allRules).notes).toBeUndefined();
    expect(aiLoosenings(resolvePolicy(DEFAULT_POLICY_CONFIG, null, allRules), allRules)).toEqual([]);
    expect(policyFromText(DEFAULT_POLICY_TEXT, 'p.yml', allRules).notes).toBeUndefined();
  });
});

describe('through the CLI', () => {
  function workspace(policy: string): string {
    const dir = tempDir('prguard-ai-looser-');
    writeFileSync(join(dir, 'p.yml'), policy);
    return dir;
  }

  it('policy validate: valid, exit 0, the notes below the file; policy print shows them too', () => {
    const dir = workspace(LOOSE);
    const v = runCli(['policy', 'validate', 'p.yml'], { cwd: dir });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout.split('\n').slice(1, -1)).toEqual(EXPECTED.map((n) => `  note: ${n}`));
    const p = runCli(['policy', 'print', 'p.yml'], { cwd: dir });
    expect(p.code).toBe(0);
    for (const note of EXPECTED) expect(p.stdout).toContain(`note: ${note}\n`);
  });

  it("check shows the notes and exits as it would without them; prguard init's policy has none", () => {
    const repo = Repo.init();
    repo.commit('base', { 'README.md': '# x\n' });
    const init = runCli(['init'], { cwd: repo.dir });
    expect(init.code).toBe(0);
    expect(runCli(['policy', 'validate'], { cwd: repo.dir }).stdout).not.toContain('note:');
    const starter = readFileSync(join(repo.dir, '.github', 'prguard.yml'), 'utf8');
    expect(policyFromText(starter, '.github/prguard.yml', allRules).notes).toBeUndefined();

    const body = Array.from({ length: 350 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    repo.commit('policy', { '.github/prguard.yml': LOOSE.replace('    max-lines: 300\n', '    max-lines: 300\n    severity: error\n') });
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.commit('big change', { 'src/big.ts': `${body}\n`, 'test/big.test.ts': 'it("x", () => {});\n' });
    const loose = runCli(['check', '--base', base, '--ai', 'no'], { cwd: repo.dir });
    expect(loose.stderr).toBe('');
    expect(loose.code).toBe(1); // pr-size at error: 351 lines against 300
    expect(loose.stdout).toContain('note: .github/prguard.yml:8:7: rules.pr-size.ai.max-lines: AI-assisted changes get max-lines 5000, looser than 300');
    const ai = runCli(['check', '--base', base, '--ai', 'yes'], { cwd: repo.dir });
    expect(ai.code).toBe(0); // the team's (mistaken) ai: block still decides: a note, not an error
    expect(ai.stdout).toContain('rules.pr-size.ai.max-lines');
  });
});
