// Policies the schema walk of broken-policies.ts does not make: mistakes of the YAML text itself
// (encoding, line ends, tabs, tags, anchors, documents, size, depth), globs and regexes the schema
// cannot judge, and valid policies that use YAML's less common forms. Each with where its problem
// must be reported: `at` is the text the problem's token starts with (its first occurrence from
// `after`, when given), or an explicit line and column.
import type { PolicyCase } from './broken-policies.ts';

interface Written {
  name: string;
  text: string | Buffer;
  /** Where the problem is: the token's text, or [line, col]. */
  at?: string | [number, number];
  /** Look for `at` from the first occurrence of this text on. */
  after?: string;
  says?: string;
}

/** A written case as a PolicyCase: the text as the loader gets it, the position computed. */
export interface HandCase extends PolicyCase {
  /** The file's bytes, when they are not the UTF-8 of `text` (invalid UTF-8). */
  bytes?: Buffer;
}

function position(text: string, at: string | [number, number], after = ''): { line: number; col: number } {
  if (Array.isArray(at)) return { line: at[0], col: at[1] };
  const offset = text.indexOf(at, Math.max(0, text.indexOf(after)));
  if (offset < 0) throw new Error(`"${at}" is not in the case's text`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}

const V = 'version: 1\n';
const bomb = (levels: number, width: number): string => {
  const lines = [V, 'tests: x\nz:\n', `  a0: &a0 ["${'x'.repeat(8)}"]\n`];
  for (let i = 1; i <= levels; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]\n`);
  return lines.join('');
};
const deepFlow = (depth: number): string => `${V}tests: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
const deepBlock = (depth: number): string => `${V}tests:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`;

const written: Written[] = [
  // Encodings, line ends, indentation.
  { name: 'a BOM', text: `\uFEFF${V}rulez: {}\n`, at: 'rulez', says: 'unknown top-level key: "rulez" — did you mean "rules"?' },
  { name: 'a BOM, valid', text: `\uFEFF${V}extends: recommended\n` },
  { name: 'CRLF line ends', text: 'version: 1\r\nrules:\r\n  pr-size:\r\n    max-line: 3\r\n', at: 'max-line', says: 'did you mean "max-lines"?' },
  { name: 'CRLF line ends, valid', text: 'version: 1\r\nrules:\r\n  pr-size:\r\n    max-lines: 3\r\n' },
  { name: 'a tab as indentation', text: `${V}rules:\n\tpr-size: error\n`, at: '\tpr-size', says: 'Tabs are not allowed as indentation' },
  { name: 'a tab after a colon, valid', text: `${V}rules:\n  pr-size:\terror\n` },
  { name: 'a NUL byte', text: `${V}rules:\n  pr-size: er\u0000ror\n`, at: '\u0000', says: 'it holds a NUL byte' },
  {
    name: 'a glob in Latin-1, not UTF-8',
    text: Buffer.concat([Buffer.from(`${V}rules:\n  protected-paths:\n    paths:\n      - pattern: "docs/caf`), Buffer.from([0xe9]), Buffer.from('/**"\n')]),
    at: '\uFFFD',
    says: 'not UTF-8',
  },
  { name: 'U+FFFD written in the file', text: `${V}core:\n  a: ["docs/\uFFFD/**"]\n`, at: '\uFFFD', says: 'not UTF-8' },
  // The top level.
  { name: 'an empty file', text: '', at: [1, 1], says: 'the policy must be a mapping with at least `version: 1`' },
  { name: 'only a comment', text: '# the policy\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: 'only spaces and newlines', text: '  \n\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: 'null at the top', text: 'null\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: '~ at the top', text: '~\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: 'a list at the top', text: '- version: 1\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: 'a number at the top', text: '1\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: 'a string at the top', text: 'version 1\n', at: [1, 1], says: 'the policy must be a mapping' },
  { name: 'no version', text: 'extends: recommended\n', at: 'extends', says: 'policy is missing the required key "version"' },
  // Documents.
  { name: 'two documents', text: `${V}---\n${V}`, at: '---', says: 'more than one YAML document' },
  { name: 'a document end and more', text: `${V}...\nrules: {}\n`, at: 'rules', says: 'more than one YAML document' },
  { name: 'one document with markers, valid', text: `---\n${V}...\n` },
  { name: 'a JSON policy', text: '{"version": 1, "rules": {"pr-size": {"max-line": 3}}}\n', at: '"max-line"', says: 'did you mean "max-lines"?' },
  { name: 'a JSON policy, valid', text: '{\n  "version": 1,\n  "extends": "recommended",\n  "rules": {"pr-size": {"max-lines": 300}}\n}\n' },
  { name: 'flow style, valid', text: '{version: 1, rules: {pr-size: {ai: {max-lines: 10}}}}\n' },
  // Tags.
  { name: 'a !!binary', text: `${V}tests: !!binary aGVsbG8=\n`, at: '!!binary', says: 'the YAML tag !!binary makes no policy value' },
  { name: 'a !!js/function', text: `${V}tests: !!js/function "function () { return 1 }"\n`, at: '!!js/function', says: 'the YAML tag !!js/function' },
  { name: 'a !!js/undefined', text: `${V}tests: !!js/undefined ''\n`, at: '!!js/undefined', says: 'the YAML tag !!js/undefined' },
  { name: 'a custom tag', text: `${V}rules:\n  pr-size: !foo error\n`, at: '!foo', says: 'the YAML tag !foo makes no policy value' },
  { name: 'a custom tag on a mapping', text: `${V}rules: !foo\n  pr-size: error\n`, at: '!foo', says: 'the YAML tag !foo' },
  { name: 'a custom tag on a key', text: `${V}!foo tests: x\n`, at: '!foo', says: 'the YAML tag !foo' },
  { name: 'a !!set', text: `${V}core:\n  a: !!set { src/** }\n`, at: '!!set', says: 'the YAML tag !!set' },
  { name: 'a !!omap', text: `${V}rules: !!omap\n  - pr-size: error\n`, at: '!!omap', says: 'the YAML tag !!omap' },
  { name: 'a verbatim tag', text: `${V}tests: !<tag:example.com,2000:x> x\n`, at: '!<', says: 'makes no policy value' },
  { name: 'data tags, valid', text: `${V}tests: !!str x\nrules:\n  pr-size: { max-lines: !!int 3, ai: !!map { severity: !!str error } }\n` },
  { name: 'a !!str where a number goes', text: `${V}rules:\n  pr-size:\n    max-lines: !!str 3\n`, at: '3', after: '!!str', says: 'rules.pr-size.max-lines must be an integer, not the text "3"' },
  // Anchors, aliases, merge keys.
  { name: 'an alias of a whole value, valid', text: `${V}core:\n  a: &g ["src/a/**"]\n  b: *g\noverrides:\n  - files: *g\n    rules: { pr-size: off }\n` },
  { name: 'an anchor on a rule entry reused for another rule', text: `${V}rules:\n  pr-size: &s { max-lines: 3 }\n  tests-touched: *s\n`, at: '*s', says: 'unknown option under rules.tests-touched: "max-lines"' },
  { name: 'an alias that names no anchor', text: `${V}tests: *nowhere\n`, at: '*nowhere', says: 'names no anchor' },
  { name: 'a merge key', text: `${V}rules:\n  pr-size:\n    <<: { max-lines: 3 }\n`, at: '<<', says: 'YAML merge keys (<<) are not read' },
  { name: 'a merge key of an alias', text: `${V}core:\n  a: &m { paths: ["src/**"] }\n  b:\n    <<: *m\n    owners: ["@alice"]\n`, at: '<<', says: 'YAML merge keys (<<) are not read' },
  { name: 'a merge key at the top', text: `${V}<<: { tests: x }\n`, at: '<<', says: 'YAML merge keys (<<) are not read' },
  { name: 'a billion laughs', text: bomb(9, 9), at: '[', after: 'a4:', says: 'YAML aliases expand this value to more than 10000 nodes' },
  { name: 'more than 100 aliases', text: `${V}core:\n  a: &g ["x/**"]\n${Array.from({ length: 101 }, (_, i) => `  m${i}: *g\n`).join('')}`, at: '*g', after: 'm100', says: 'more than 100 YAML aliases' },
  { name: 'a key that is a mapping', text: `${V}core:\n  ? { a: 1 }\n  : ["x/**"]\n`, at: '{ a', says: 'a mapping key must be a plain value' },
  { name: 'a key written twice', text: `${V}tests: a\ntests: b\n`, at: 'tests: b', says: 'duplicate key "tests": it is already set at line 2' },
  { name: 'a key written twice, quoted the second time', text: `${V}rules:\n  pr-size: off\n  "pr-size": error\n`, at: '"pr-size"', says: 'duplicate key "pr-size"' },
  // Size and depth.
  { name: 'nesting 10,000 deep (flow)', text: deepFlow(10_000), at: [2, 0], says: 'the YAML nests too deeply to be read' },
  // yaml's stack may give out twice on the way: one problem still.
  { name: 'nesting 50,000 deep (flow)', text: deepFlow(50_000), at: [2, 0], says: 'the YAML nests too deeply to be read' },
  { name: 'mappings nested 50,000 deep (flow)', text: `${V}tests: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`, at: [2, 0], says: 'the YAML nests too deeply to be read' },
  // 10,000 levels of block indentation are 50 MB of spaces: too large a policy before too deep a one.
  { name: 'nesting 10,000 deep (block)', text: deepBlock(10_000), at: [1, 1], says: 'larger than the 1 MiB a policy may be' },
  { name: 'nesting 1,400 deep (block)', text: deepBlock(1_400), at: [0, 0], says: 'the YAML nests too deeply to be read' },
  { name: 'a list of 250,000 values (under 1 MiB)', text: `${V}tests:\n${'- a\n'.repeat(250_000)}`, at: '- a', says: 'this value holds more than 10000 values' },
  { name: 'a list of 10,001 globs', text: `${V}rules:\n  pr-size:\n    exclude:\n${'      - "a/**"\n'.repeat(10_001)}`, at: '- "a', says: 'this value holds more than 10000 values' },
  { name: 'nesting 300 deep', text: deepFlow(300), at: '[', says: 'tests must be a string' },
  // Globs the schema cannot judge.
  { name: 'a brace bomb', text: `${V}core:\n  a: ["${'{a,b}'.repeat(11)}"]\n`, at: '"{a', says: 'expand to more than 1000 alternatives' },
  { name: 'a negated extglob', text: `${V}rules:\n  pr-size:\n    exclude: ["!(keep)/**"]\n`, at: '"!(', says: 'cannot be matched in linear time' },
  { name: 'a gitignore-style exception', text: `${V}rules:\n  secret-leakage:\n    ai:\n      exclude: ["a/**", "!a/b"]\n`, at: '"!a', says: 'is not an exception' },
  { name: 'a .. step', text: `${V}rules:\n  tests-touched:\n    source: ["src/../lib/**"]\n`, at: '"src/..', says: 'matches no path' },
  { name: 'a leading ./ outside core', text: `${V}overrides:\n  - files: ["./legacy/**"]\n    rules: { pr-size: off }\n`, at: '"./', says: 'matches no path' },
  { name: 'a leading ./ in core, valid', text: `${V}core:\n  a: ["./src/a/**"]\n` },
  // Regexes the schema cannot judge.
  { name: 'a regex that does not compile', text: `${V}rules:\n  secret-leakage:\n    patterns:\n      - { id: mine, regex: "tok_([a-z", keywords: [tok_] }\n`, at: '"tok_([', says: 'is not a valid JavaScript regular expression' },
  { name: 'a catastrophic regex', text: `${V}rules:\n  secret-leakage:\n    patterns:\n      - { id: mine, regex: "tok_(a+)+$", keywords: [tok_] }\n`, at: '"tok_(a', says: 'catastrophic backtracking' },
  { name: 'a regex that matches nothing at all', text: `${V}rules:\n  secret-leakage:\n    patterns:\n      - { id: mine, regex: "x*", keywords: [xxx] }\n`, at: '"x*"', says: 'matches the empty string' },
  { name: 'a built-in pattern id', text: `${V}rules:\n  secret-leakage:\n    patterns:\n      - { id: github-classic-pat, regex: "ghp_[a-z]{9}", keywords: [ghp_] }\n`, at: 'github-classic-pat', says: 'is already a built-in pattern id' },
  { name: 'a baseline outside the repository', text: `${V}rules:\n  secret-leakage:\n    baseline: ../b.json\n`, at: '../b', says: 'is not a repository path' },
  { name: 'a plan file outside the repository', text: `${V}rules:\n  core-changes:\n    plan-file: /etc/plan.md\n`, at: '/etc', says: 'must be a path inside the repository' },
  // ai: blocks and presets.
  { name: 'an ai: block inside an ai: block', text: `${V}rules:\n  pr-size:\n    ai:\n      ai: { max-lines: 1 }\n`, at: 'ai: {', says: 'unknown option under rules.pr-size.ai: "ai"' },
  { name: 'an ai: block with a looser limit than the rule (the docs let it replace the value), valid', text: `${V}rules:\n  pr-size:\n    max-lines: 300\n    ai: { max-lines: 5000, severity: notice }\n` },
  { name: 'an ai: block that turns the rule off, valid', text: `${V}extends: recommended\nrules:\n  secret-leakage:\n    ai: { severity: off }\n` },
  { name: 'an unknown preset', text: `${V}extends: strict\n`, at: 'strict', says: 'extends must be one of "recommended", not "strict"' },
  { name: 'a misspelt preset', text: `${V}extends: recomended\n`, at: 'recomended', says: 'did you mean "recommended"?' },
  { name: 'presets as a list', text: `${V}extends: [recommended]\n`, at: '[', says: 'extends must be one of "recommended"' },
  { name: 'a preset from a file', text: `${V}extends: ./base.yml\n`, at: './base', says: 'extends must be one of "recommended"' },
  { name: 'every rule off, valid', text: `${V}rules:\n  pr-size: off\n  tests-touched: off\n  protected-paths: off\n  ai-disclosure: off\n  core-changes: off\n  secret-leakage: off\n  review-quorum: off\n` },
  { name: 'every rule off through extends, valid', text: `${V}extends: recommended\nrules:\n  pr-size: off\n  tests-touched: off\n  protected-paths: off\n  ai-disclosure: off\n  core-changes: off\n  secret-leakage: off\n` },
];

/** A policy of more than 50 MB: one list of globs. */
export function hugePolicy(): string {
  const line = `    - "src/${'x'.repeat(40)}/**"\n`;
  return `${V}core:\n  a:\n${line.repeat(Math.ceil(50_000_000 / line.length))}`;
}

export function handWrittenPolicies(): HandCase[] {
  const cases: HandCase[] = written.map((w) => {
    const bytes = Buffer.isBuffer(w.text) ? w.text : undefined;
    const text = bytes ? bytes.toString('utf8') : (w.text as string);
    const problem = w.at === undefined ? null : { ...position(text, w.at, w.after), says: w.says ?? '' };
    return { name: w.name, text, problem, ...(bytes ? { bytes } : {}) };
  });
  cases.push({ name: 'a 50 MB policy', text: hugePolicy(), problem: { line: 1, col: 1, says: 'larger than the 1 MiB a policy may be' } });
  return cases;
}
