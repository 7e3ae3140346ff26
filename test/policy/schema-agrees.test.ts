// policy.schema.json (what an editor checks the file with) and prguard's loader agree: over every
// generated and hand-written policy (broken-policies.ts, hand-written-policies.ts), valid and not,
// the committed schema through ajv as an editor runs it (default options) and parsePolicy give the
// same verdict, but for the checks JSON Schema cannot express, each listed below and each made at
// least once. The schema's defaults are the ones prguard resolves, and the rule READMEs' option
// tables list the schema's options with its defaults.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildPolicySchema, parsePolicy, policyFromText } from '../../src/policy/index.ts';
import { DEFAULT_TESTS_DIR } from '../../src/policy/fixtures.ts';
import { DEFAULT_PROVENANCE } from '../../src/provenance/options.ts';
import { allRules } from '../../rules/index.ts';
import type { JsonSchema } from '../../src/rule.ts';
import { ROOT, runCli, tempDir } from '../helpers/repo.ts';
import { generatedPolicies } from './broken-policies.ts';
import { handWrittenPolicies } from './hand-written-policies.ts';

const schema = JSON.parse(readFileSync(`${ROOT}/policy.schema.json`, 'utf8')) as JsonSchema;
const editor = new Ajv({ strict: false, allErrors: true }).compile(schema);

/**
 * What the loader refuses that no JSON Schema can say: the YAML text itself (an editor's YAML
 * support reports some of it; aliases it refuses as prguard does), how a glob matches, whether a regex can hang, paths as git names
 * them. Each with the words of its messages.
 */
const LOADER_ONLY: Record<string, RegExp> = {
  'a YAML tag that makes no JSON data': /the YAML tag \S+ makes no policy value/,
  'a mapping key that is a list or a mapping': /a mapping key must be a plain value/,
  'more values than a policy is read with': /this value holds more than \d+ values/,
  'a glob that can match no path': /matches no path|is not an exception/,
  'a glob that cannot be matched in linear time, or whose braces expand too far': /cannot be matched in linear time|braces of this glob expand/,
  'a regex that does not compile, can hang, or matches the empty string': /The regex (is not a valid|can take|matches the empty string)/,
  'a built-in pattern id': /is already a built-in pattern id/,
  'a path outside the repository': /is not a repository path|must be a path inside the repository/,
  'text that is not UTF-8': /not UTF-8 text/,
};

function loaderProblems(text: string): string[] {
  try {
    parsePolicy(text, 'p.yml', allRules);
    return [];
  } catch (err) {
    return (err as Error).message.split('\n');
  }
}

const cases = [...generatedPolicies(buildPolicySchema(allRules)), ...handWrittenPolicies()];

describe('policy.schema.json and the loader', () => {
  it('give the same verdict on every policy, but for what only the loader can check', () => {
    const disagreements: string[] = [];
    const used = new Set<string>();
    let compared = 0;
    for (const c of cases) {
      if (c.text.length > 1024 * 1024) continue; // refused for its size before it is read as YAML
      const problems = loaderProblems(c.text);
      let data: unknown;
      try {
        // An editor reads the YAML first: what it cannot read, it reports itself.
        data = parse(c.text, { logLevel: 'error' });
      } catch {
        if (problems.length === 0) disagreements.push(`${c.name}: the editor cannot read it as YAML, prguard accepts it`);
        continue;
      }
      if (typeof data !== 'object' || data === null) continue; // not a mapping: refused before any schema
      compared++;
      const schemaSays = editor(data);
      if (schemaSays && problems.length === 0) continue;
      if (!schemaSays && problems.length > 0) continue;
      if (!schemaSays) {
        disagreements.push(`${c.name}: the schema refuses it (${JSON.stringify(editor.errors?.[0])}), prguard accepts it`);
        continue;
      }
      for (const p of problems) {
        const why = Object.entries(LOADER_ONLY).find(([, words]) => words.test(p))?.[0];
        if (why === undefined) disagreements.push(`${c.name}: the schema accepts it, prguard says ${p}`);
        else used.add(why);
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    expect(Object.keys(LOADER_ONLY).filter((why) => !used.has(why))).toEqual([]);
  });

  it('YAML numbers with no JSON value (.inf, 1e400) are refused by both', () => {
    for (const n of ['.inf', '1e400', '-.inf', '.nan', '1e20']) {
      const text = `version: 1\nrules:\n  pr-size:\n    max-lines: ${n}\n`;
      expect(editor(parse(text)), n).toBe(false);
      expect(loaderProblems(text), n).toHaveLength(1);
    }
  });

  it('the schema\'s defaults are the ones prguard resolves (in rules:, and for the provenance and the tests)', () => {
    const listed = policyFromText(`version: 1\nrules:\n${allRules.map((r) => `  ${r.meta.id}: error\n`).join('')}`, 'p.yml', allRules);
    const ruleSchemas = (schema.properties as { rules: { properties: Record<string, { else: { properties: Record<string, JsonSchema> } }> } }).rules.properties;
    for (const rule of allRules) {
      const options = ruleSchemas[rule.meta.id]!.else.properties;
      for (const [key, option] of Object.entries(options)) {
        if (key === 'severity' || key === 'ai') continue;
        expect(listed.rules[rule.meta.id]!.options[key], `${rule.meta.id}.${key}`).toEqual(option.default);
      }
    }
    // ai-disclosure's options, even when the rule is off, are how the provenance reads the disclosure.
    const disclosure = ruleSchemas['ai-disclosure']!.else.properties;
    expect(DEFAULT_PROVENANCE.disclosure).toEqual({
      heading: disclosure.heading!.default,
      noAiMarker: disclosure['no-ai-marker']!.default,
      aiMarker: disclosure['ai-marker']!.default,
      fields: disclosure['required-fields']!.default,
      trailers: disclosure.trailers!.default,
      toolingField: disclosure['tooling-field']!.default,
    });
    const top = schema.properties as Record<string, JsonSchema & { properties?: Record<string, JsonSchema> }>;
    expect(top.provenance!.properties!['review-suggestions']!.default).toBe(DEFAULT_PROVENANCE.reviewSuggestions);
    expect(top.tests!.default).toBe(DEFAULT_TESTS_DIR);
  });
});

/** The rows of the Markdown table whose header starts with `head`, by their first cell. */
function table(markdown: string, head: RegExp): Map<string, string[]> {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => head.test(l));
  const rows = new Map<string, string[]>();
  for (let i = start + 2; start >= 0 && i < lines.length && lines[i]!.startsWith('|'); i++) {
    const cells = lines[i]!.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    rows.set(cells[0]!.replace(/`/g, ''), cells);
  }
  return rows;
}

/** A README default cell as data: its leading `code` read as YAML (a string option's as text). */
function readmeDefault(cell: string, option: JsonSchema): unknown {
  const code = /^`([^`]*)`/.exec(cell)?.[1];
  if (code === undefined) return undefined;
  if (option.type === 'string') return code.replace(/^""$/, '');
  return parse(code) as unknown;
}

describe('rule READMEs and the schema', () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s: the options table lists every option, with its default', (_id, rule) => {
    const readme = readFileSync(`${ROOT}/rules/${rule.meta.id}/README.md`, 'utf8');
    const rows = table(readme, /^\| option \| type \| default \|/);
    expect([...rows.keys()].sort()).toEqual(Object.keys(rule.meta.schema.properties).sort());
    for (const [key, option] of Object.entries(rule.meta.schema.properties)) {
      const shown = readmeDefault(rows.get(key)![2]!, option);
      // "see below": a list too long for a cell, written out under the table.
      if (shown === undefined) expect(rows.get(key)![2], key).toBe('see below');
      else expect(shown, key).toEqual(option.default);
    }
  });

  it('protected-paths: the entry table lists every key of an entry, with its default', () => {
    const readme = readFileSync(`${ROOT}/rules/protected-paths/README.md`, 'utf8');
    const rows = table(readme, /^\| key \| type \| default \|/);
    const entry = (allRules.find((r) => r.meta.id === 'protected-paths')!.meta.schema.properties.paths!.items as JsonSchema).properties as Record<string, JsonSchema>;
    expect([...rows.keys()].sort()).toEqual(Object.keys(entry).sort());
    // A default the README shows is the schema's, so that an editor shows it too.
    for (const [key, option] of Object.entries(entry)) expect(option.default, key).toEqual(readmeDefault(rows.get(key)![2]!, option));
  });

  it('tests-touched: the lists under "see below" show every default glob', () => {
    const readme = readFileSync(`${ROOT}/rules/tests-touched/README.md`, 'utf8');
    const props = allRules.find((r) => r.meta.id === 'tests-touched')!.meta.schema.properties;
    for (const key of ['source', 'tests', 'ignore']) {
      const start = readme.indexOf(`Default \`${key}\``);
      expect(start, key).toBeGreaterThan(0);
      // The paragraph, with the list it may introduce.
      const end = readme.slice(start).search(/\n\n(?!- )/);
      const shown = new Set([...readme.slice(start, start + end).matchAll(/`([^`]+)`/g)].map((m) => m[1]));
      expect((props[key]!.default as string[]).filter((glob) => !shown.has(glob)), key).toEqual([]);
    }
  });
});

describe('the README\'s policy reference and policy --help', () => {
  const topKeys = Object.keys(schema.properties as object);

  it('"The policy file" has a bullet for every top-level key, and none for a key that does not exist', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const start = readme.indexOf('\n## The policy file\n');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const bullets = [...section.matchAll(/^- `([a-z-]+):/gm)].map((m) => m[1]);
    expect([...bullets].sort()).toEqual([...topKeys].sort());
  });

  it('policy --help says print shows every part of the policy', () => {
    const help = runCli(['policy', '--help'], { cwd: tempDir() }).stdout;
    const print = help.slice(help.indexOf('\nprint '), help.indexOf('\nvalidate '));
    // version says nothing to print; the others by name (waivers, provenance, tests directory, …).
    for (const key of topKeys.filter((k) => k !== 'version')) expect(print, key).toContain(key.replace(/s$/, ''));
    // Not to be taken for the "ai: overrides" of a rule.
    expect(print).toContain('overrides:');
  });
});
