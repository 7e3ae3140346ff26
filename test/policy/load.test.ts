import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/errors.ts';
import { parsePolicy, policyFromText } from '../../src/policy/index.ts';
import { allRules } from '../../rules/index.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { demoRules } from './fixtures.ts';

function problems(text: string, rules = demoRules): string[] {
  try {
    parsePolicy(text, 'p.yml', rules);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    return (err as Error).message.split('\n');
  }
  return [];
}

describe('policy validation reports file:line:col and names the key', () => {
  const cases: [string, string, string[]][] = [
    ['valid full policy', 'version: 1\nextends: recommended\ncore:\n  auth: ["src/auth/**"]\nrules:\n  demo-size:\n    severity: error\n    max-lines: 10\n    ai:\n      max-lines: 5\n  demo-throws: off\n', []],
    ['unknown rule id with suggestion', 'version: 1\nrules:\n  demo-sise: error\n', ['p.yml:3:3: unknown rule "demo-sise" — did you mean "demo-size"?']],
    ['misspelled option', 'version: 1\nrules:\n  demo-size:\n    max-line: 3\n', ['p.yml:4:5: unknown option under rules.demo-size: "max-line" — did you mean "max-lines"?']],
    ['misspelled option inside ai', 'version: 1\nrules:\n  demo-size:\n    ai:\n      max-lnes: 3\n', ['p.yml:5:7: unknown option under rules.demo-size.ai: "max-lnes" — did you mean "max-lines"?']],
    ['wrong type', 'version: 1\nrules:\n  demo-size:\n    max-lines: lots\n', ['p.yml:4:16: rules.demo-size.max-lines must be an integer']],
    ['bad severity shorthand', 'version: 1\nrules:\n  demo-size: fatal\n', ['p.yml:3:14: rules.demo-size must be one of "error", "warning", "notice", "off"']],
    ['bad severity key', 'version: 1\nrules:\n  demo-size:\n    severity: high\n', ['p.yml:4:15: rules.demo-size.severity must be one of "error", "warning", "notice", "off"']],
    ['yaml syntax error', 'version: 1\nrules:\n  demo-size: [error\n', ['p.yml:4:1: YAML syntax error']],
    ['unknown top-level key', 'version: 1\nrulez: {}\n', ['p.yml:2:1: unknown top-level key: "rulez" — did you mean "rules"?']],
    ['missing version', 'rules: {}\n', ['p.yml:1:1: policy is missing the required key "version"']],
    ['wrong version', 'version: 2\n', ['p.yml:1:10: version must be 1']],
    ['empty file', '', ['p.yml:1:1: the policy must be a mapping']],
    ['core globs must be a list', 'version: 1\ncore:\n  auth: "src/auth/**"\n', ['p.yml:3:9: core.auth must be an array']],
    ['duplicate key', 'version: 1\nversion: 1\n', ['p.yml:2:1: duplicate key "version": it is already set at line 1, and a mapping holds each key once']],
    ['duplicate key nested', 'version: 1\nrules:\n  demo-size: error\n  demo-throws: off\n  demo-size: off\n', ['p.yml:5:3: duplicate key "demo-size": it is already set at line 3']],
    ['keys one in the data', 'version: 1\ncore:\n  1: [a]\n  "1": [b]\n', ['p.yml:4:3: duplicate key "1": it is already set at line 3']],
    ['an empty list', 'version: 1\ncore:\n  auth: []\n', ['p.yml:3:9: core.auth must list at least 1 value']],
    ['an empty string', 'version: 1\ncore:\n  auth: [""]\n', ['p.yml:3:10: core.auth.0 must not be empty']],
    ['below a minimum', 'version: 1\nrules:\n  demo-size:\n    max-lines: 0\n', ['p.yml:4:16: rules.demo-size.max-lines must be 1 or more, not 0']],
    ['an owner without @', 'version: 1\nwaivers:\n  by: [lead]\n', ['p.yml:3:8: waivers.by.0 must be a GitHub user (@login) or team (@org/team), not "lead"']],
    // minimatch would keep 100,000 of its 131,072 alternatives, dropping the rest (b…b) unsaid, after seconds.
    ['a brace bomb in core', `version: 1\ncore:\n  auth: ["${'{a,b}'.repeat(17)}"]\n`, ['p.yml:3:10: core.auth: the braces of this glob expand to more than 1000 alternatives: split it into several globs, or use * and ** for the parts that vary']],
    ['a brace range bomb in overrides', 'version: 1\noverrides:\n  - files: ["src/{1..1001}/**"]\n    rules: { demo-size: off }\n', ['p.yml:3:13: overrides.0.files: the braces of this glob expand to more than 1000 alternatives']],
    ['a merge key', 'version: 1\nrules:\n  demo-size:\n    <<: { max-lines: 3 }\n', ['p.yml:4:5: under rules.demo-size: YAML merge keys (<<) are not read: write the keys out']],
    ['a negated extglob in overrides files', 'version: 1\noverrides:\n  - files: ["src/**", "!(legacy)/**"]\n    rules: { demo-size: off }\n', ['p.yml:3:23: overrides.0.files: the glob segment "!(legacy)" cannot be matched in linear time']],
    // A glob with a . or .. step, or a leading / or ./ where nothing reads it as the root, matched no path.
    ['a ./ glob in overrides files', 'version: 1\noverrides:\n  - files: ["./legacy/**"]\n    rules: { demo-size: off }\n', ['p.yml:3:13: overrides.0.files: "./legacy/**" matches no path: globs are matched against paths from the repository root, which have no leading "/" and no "." or ".." step (write "legacy/**")']],
    ['a / glob in overrides files', 'version: 1\noverrides:\n  - files: ["/legacy/**"]\n    rules: { demo-size: off }\n', ['p.yml:3:13: overrides.0.files: "/legacy/**" matches no path']],
    ['a .. step in a core glob', 'version: 1\ncore:\n  db: ["src/../db/**"]\n', ['p.yml:3:8: core.db: "src/../db/**" matches no path']],
    ['an unknown rule in overrides', 'version: 1\noverrides:\n  - files: ["a/**"]\n    rules: { demo-sise: off }\n', ['p.yml:4:14: unknown rule "demo-sise" — did you mean "demo-size"?']],
    ['a duplicate key written as an alias', 'version: 1\nrules:\n  &k demo-size: error\n  *k : off\n', ['p.yml:4:3: duplicate key "demo-size": it is already set at line 3']],
    // A Set or a Date passed the schema as an object with no keys; an unknown tag was only a warning. Each is reported at its tag.
    ['a !!set', 'version: 1\nrules:\n  demo-size: !!set {a, b}\n', ['p.yml:3:14: the YAML tag !!set makes no policy value']],
    ['a !!timestamp', 'version: 1\nrules:\n  demo-size: !!timestamp 2001-12-14\n', ['p.yml:3:14: the YAML tag !!timestamp makes no policy value']],
    ['an unknown tag', 'version: 1\nrules:\n  demo-size: !custom off\n', ['p.yml:3:14: the YAML tag !custom makes no policy value']],
    ['a data tag is fine', 'version: 1\nrules:\n  demo-size: !!str error\n  demo-throws: !!map { severity: off }\n', []],
    ['two documents', '---\nversion: 1\n---\nversion: 1\n', ['p.yml:3:1: the file holds more than one YAML document (a `---` or `...` line after the first one): keep one document']],
    ['rule validate hook', 'version: 1\nrules:\n  demo-size:\n    exclude: ["a", "!b"]\n', ['p.yml:4:20: rules.demo-size.exclude.1: negated globs are not supported']],
    ['rule validate hook inside ai', 'version: 1\nrules:\n  demo-size:\n    ai:\n      exclude: ["!b"]\n', ['p.yml:5:17: rules.demo-size.ai.exclude.0: negated globs are not supported']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const got = problems(text);
    expect(got.length).toBe(expected.length);
    expected.forEach((e, i) => expect(got[i]).toContain(e));
  });

  const NOT_FINITE = '(YAML reads .inf, .nan and a number too large for a double so): write a finite number';
  // A value of the wrong type says what to write instead: the YAML mistakes a lead makes.
  it.each([
    ['a glob where a list goes', 'version: 1\ncore:\n  auth: src/auth/**\n', 'p.yml:3:9: core.auth must be an array, not a single value: write it as a list, ["src/auth/**"]'],
    ['a path where a list of entries goes', 'version: 1\nrules:\n  protected-paths:\n    paths: /src/auth/\n', 'p.yml:4:12: rules.protected-paths.paths must be an array, not a single value: write it as a list of entries, [{ pattern: "/src/auth/" }]'],
    ['a path where an entry goes', 'version: 1\nrules:\n  protected-paths:\n    paths:\n      - /src/auth/\n', 'p.yml:5:9: rules.protected-paths.paths.0 must be an object, not a single value: write { pattern: "/src/auth/" }'],
    ['a misspelled rule in a one-value list', 'version: 1\nwaivers:\n  rules: pr-sise\n', 'p.yml:3:10: waivers.rules must be an array, not a single value'],
    ['a mapping where a list goes', 'version: 1\noverrides: { files: ["a/**"] }\n', 'p.yml:2:12: overrides must be an array, not a mapping: write each entry on a line of its own that starts with "- "'],
    ['a list where a mapping goes', 'version: 1\nrules:\n  - pr-size\n', 'p.yml:3:3: rules must be an object, not a list: write key: value lines (or { key: value }), with no "- " in front'],
    ['YAML 1.1 yes', 'version: 1\nrules:\n  tests-touched:\n    weakened-tests: yes\n', 'p.yml:4:21: rules.tests-touched.weakened-tests must be a boolean, not the text "yes": write true'],
    ['a quoted boolean', 'version: 1\nprovenance:\n  review-suggestions: "false"\n', 'p.yml:3:23: provenance.review-suggestions must be a boolean, not the text "false": write false without quotes'],
    ['a quoted number', 'version: 1\nrules:\n  pr-size:\n    max-lines: "400"\n', 'p.yml:4:16: rules.pr-size.max-lines must be an integer, not the text "400": write 400 without quotes'],
    ['a fraction', 'version: 1\nrules:\n  pr-size:\n    max-lines: 1.5\n', 'p.yml:4:16: rules.pr-size.max-lines must be an integer (a whole number), not 1.5'],
    ['YAML .inf, which JSON has no number for', 'version: 1\nrules:\n  pr-size:\n    max-lines: .inf\n', `p.yml:4:16: rules.pr-size.max-lines must be an integer, not Infinity ${NOT_FINITE}`],
    ['a number too large for a double', 'version: 1\nrules:\n  pr-size:\n    max-files: 1e400\n', `p.yml:4:16: rules.pr-size.max-files must be an integer, not Infinity ${NOT_FINITE}`],
    ['YAML .nan', 'version: 1\nrules:\n  pr-size:\n    max-lines: .nan\n', `p.yml:4:16: rules.pr-size.max-lines must be an integer, not NaN ${NOT_FINITE}`],
    ['a severity where ai: wants overrides', 'version: 1\nrules:\n  pr-size:\n    ai: error\n', 'p.yml:4:9: rules.pr-size.ai must be an object, not a severity: write ai: { severity: error }'],
    ['a number where text goes', 'version: 1\nrules:\n  ai-disclosure:\n    heading: 42\n', 'p.yml:4:14: rules.ai-disclosure.heading must be a string, not 42: write it in quotes, "42"'],
    ['a quoted version', 'version: "1"\n', 'p.yml:1:10: version must be 1, the number, not the text "1": write version: 1 without quotes'],
    ['another version', 'version: 2\n', 'p.yml:1:10: version must be 1, not 2: 1 is the only policy format version'],
  ])('%s', (_name, text, expected) => {
    expect(problems(text, allRules)).toEqual([expected]);
  });

  // minimatch runs with nonegate: a gitignore-style "!" exception would only match a name starting with "!".
  it('a glob with a leading ! is refused wherever globs are read, not taken as an exception that removes nothing', () => {
    const why = 'is not an exception: a leading "!" takes no paths away here';
    const text = [
      'version: 1',
      'core:',
      '  auth: ["src/auth/**", "!src/auth/fixtures/**"]',
      'rules:',
      '  pr-size:',
      '    exclude: ["dist/**", "!dist/keep.js"]',
      '  secret-leakage:',
      '    ai:',
      '      exclude: ["!test/live/**"]',
      'overrides:',
      '  - files: ["!packages/legacy/**"]',
      '    rules: { tests-touched: { ignore: ["!src/gen/**"] } }',
      '',
    ].join('\n');
    expect(problems(text, allRules)).toEqual([
      `p.yml:3:25: core.auth: "!src/auth/fixtures/**" ${why}`,
      `p.yml:6:26: rules.pr-size.exclude.1: "!dist/keep.js" ${why}`,
      `p.yml:9:17: rules.secret-leakage.ai.exclude.0: "!test/live/**" ${why}`,
      `p.yml:11:13: overrides.0.files: "!packages/legacy/**" ${why}`,
      `p.yml:12:40: overrides.0.rules.tests-touched.ignore.0: "!src/gen/**" ${why}`,
    ].map((p) => expect.stringContaining(p) as unknown as string));
    // A negated extglob keeps its own message; an escaped "!" names a file that starts with one.
    expect(problems('version: 1\ncore:\n  a: ["!(x)/**"]\n', allRules)[0]).toContain('negated extglob');
    expect(problems("version: 1\ncore:\n  a: ['\\!odd']\n", allRules)).toEqual([]);
  });

  it('the value a hint shows is cut short too', () => {
    const got = problems(`version: 1\ncore:\n  auth: "${'a'.repeat(1_000_000)}"\n`, allRules);
    expect(got).toEqual([`p.yml:3:9: core.auth must be an array, not a single value: write it as a list, ["${'a'.repeat(79)}…"]`]);
  });

  it('a binary file is one problem, not a YAML error per run of bytes', () => {
    expect(problems('version: 1\n\u0000\u0001ELF: x\n')).toEqual([
      'p.yml:2:1: this is not a YAML text file (it holds a NUL byte): is it the policy file you meant?',
    ]);
  });

  it('lists the first five YAML syntax errors, each cut short, and counts the rest', () => {
    const text = ['version: 1', ...Array.from({ length: 20 }, (_, i) => `k${i}: [a, b: c: d, {x`), `z: "${'q'.repeat(500)}`].join('\n');
    const got = problems(text);
    expect(got).toHaveLength(6);
    expect(got.slice(0, 5).every((l) => /^p\.yml:\d+:\d+: YAML syntax error: /.test(l) && l.length < 200)).toBe(true);
    expect(got[5]).toMatch(/^p\.yml:\d+:\d+: and \d+ more YAML syntax errors from here on$/);
  });

  it('a long list without aliases is not called an alias bomb', () => {
    const text = `version: 1\nrules:\n  demo-size:\n    exclude:\n${Array.from({ length: 10_001 }, (_, i) => `      - "a${i}/**"`).join('\n')}\n`;
    expect(problems(text)).toEqual([
      'p.yml:5:7: this value holds more than 10000 values, more than a policy is read with: use globs instead of listing every path',
    ]);
  });

  // yaml's own duplicate check compared each key with every one before it: 40 s for these.
  it('a mapping of 80,000 keys is refused in linear time, not after a wait', { timeout: 15_000 }, () => {
    const text = `version: 1\n${Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`;
    expect(problems(text)).toEqual(['p.yml:1:1: this value holds more than 10000 values, more than a policy is read with: use globs instead of listing every path']);
  });

  it('nesting too deep for the parser is said so, not as an engine error', () => {
    const got = problems(`version: 1\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(got[0]).toMatch(/^p\.yml:2:\d+: the YAML nests too deeply to be read/);
    expect(got.join('\n')).not.toContain('call stack');
  });

  it('quotes a value cut short: a 1 MB severity is not a 1 MB line', () => {
    const got = problems(`version: 1\nrules:\n  demo-size: "${'e'.repeat(1_000_000)}"\n`);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^p\.yml:3:14: rules\.demo-size must be one of "error", "warning", "notice", "off", not "e{79}…"$/);
  });

  it('reports every problem, not only the first', () => {
    const got = problems('version: 1\nrules:\n  demo-size:\n    max-lines: x\n    colour: red\n  nope: error\n');
    expect(got).toHaveLength(3);
  });
});

describe('policy resolution', () => {
  it('extends: recommended turns every rule on at its default severity with defaults', () => {
    const p = policyFromText('version: 1\nextends: recommended\n', 'p.yml', demoRules);
    expect(p.rules['demo-size']).toEqual({ severity: 'warning', options: { 'max-lines': 400, exclude: [] }, aiOptions: {} });
    expect(p.rules['demo-throws']?.severity).toBe('notice');
  });
  it('without extends only listed rules run', () => {
    const p = policyFromText('version: 1\nrules:\n  demo-size: error\n', 'p.yml', demoRules);
    expect(Object.keys(p.rules)).toEqual(['demo-size']);
    expect(p.rules['demo-size']?.severity).toBe('error');
  });
  it('keeps ai overrides apart from options', () => {
    const p = policyFromText('version: 1\nrules:\n  demo-size:\n    max-lines: 600\n    ai:\n      severity: error\n      max-lines: 300\n', 'p.yml', demoRules);
    expect(p.rules['demo-size']).toEqual({ severity: 'warning', options: { 'max-lines': 600, exclude: [] }, aiOptions: { severity: 'error', 'max-lines': 300 } });
  });
  it('reads core modules', () => {
    const p = policyFromText('version: 1\ncore:\n  billing: ["src/billing/**"]\n', 'p.yml', demoRules);
    expect(p.core).toEqual({ billing: ['src/billing/**'] });
  });
  it('a core module named by its directory covers what is below it (it matched no file there)', () => {
    const text = 'version: 1\ncore:\n  auth: ["src/auth", "/lib/session/"]\n  billing: { paths: ["src/billing/", "db/billing_*.sql"] }\n';
    const p = policyFromText(text, 'p.yml', demoRules);
    expect(p.core).toEqual({ auth: ['src/auth', 'src/auth/**', 'lib/session/**'], billing: ['src/billing/**', 'db/billing_*.sql'] });
  });
  it('a core glob anchored with / or ./ (CODEOWNERS style) is from the repository root', () => {
    const p = policyFromText('version: 1\ncore:\n  auth: ["./src/auth/**", "/lib/session/**"]\n', 'p.yml', demoRules);
    expect(p.core).toEqual({ auth: ['src/auth/**', 'lib/session/**'] });
  });
});

describe("rules' glob options are checked when the policy is loaded", () => {
  // A glob no matcher takes made the rule fail on every check while `policy validate` said valid;
  // one that matches no path silently excluded, or counted as tests, nothing.
  const real = (text: string): string[] => problems(text, allRules);
  it.each([
    ['tests-touched source', 'version: 1\nrules:\n  tests-touched:\n    source: ["!(x)/**"]\n', 'p.yml:4:14: rules.tests-touched.source.0: the glob segment "!(x)" cannot be matched in linear time'],
    ['tests-touched tests in ai', 'version: 1\nrules:\n  tests-touched:\n    ai:\n      tests: ["./test/**"]\n', 'p.yml:5:15: rules.tests-touched.ai.tests.0: "./test/**" matches no path'],
    ['pr-size exclude', 'version: 1\nrules:\n  pr-size:\n    exclude: ["/docs/**"]\n', 'p.yml:4:15: rules.pr-size.exclude.0: "/docs/**" matches no path'],
    ['core-changes must-not-modify', 'version: 1\nrules:\n  core-changes:\n    must-not-modify: ["/src/auth/**", "!(x)/**"]\n', 'p.yml:4:39: rules.core-changes.must-not-modify.1: the glob segment "!(x)"'],
    ['secret-leakage exclude', 'version: 1\nrules:\n  secret-leakage:\n    exclude: ["fixtures/../x"]\n', 'p.yml:4:15: rules.secret-leakage.exclude.0: "fixtures/../x" matches no path'],
  ])('%s', (_name, text, expected) => {
    const got = real(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(expected);
  });
  it('the default globs and plain ones are fine', () => {
    expect(real('version: 1\nrules:\n  tests-touched:\n    source: ["src/**/*.ts", "lib/{a,b}/**"]\n  pr-size:\n    exclude: ["docs/**", "**/*.snap"]\n')).toEqual([]);
  });
});

// The built CLI validates with the validator compiled at build time (scripts/precompile-policy.mjs),
// not the one compiled from source above: .inf passed it as an integer, and `policy print` showed null.
describe('the built CLI refuses a limit that is not a finite number', () => {
  it.each(['.inf', '-.inf', '.nan', '1e400'])('max-lines: %s', (value) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.yml'), `version: 1\nextends: recommended\nrules:\n  pr-size:\n    max-lines: ${value}\n`);
    const r = runCli(['policy', 'validate', 'p.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^p\.yml:5:16: rules\.pr-size\.max-lines must be an integer, not (-?Infinity|NaN) \(YAML reads/m);
  });
});
