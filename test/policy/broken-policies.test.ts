// Every mistake in a policy is one `file:line:col: message` at its token, exit 2, no stack trace
// and no hang: over the policies generated from the schema (broken-policies.ts) and the YAML-level
// ones written by hand (hand-written-policies.ts), through the loader and the built CLI
// (`policy validate`, and `check` as the pre-push hook and CI run it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/errors.ts';
import { buildPolicySchema, parsePolicy } from '../../src/policy/index.ts';
import { allRules } from '../../rules/index.ts';
import { NEW_FILE_DIFF, Repo, runCli, tempDir } from '../helpers/repo.ts';
import { generatedPolicies, type PolicyCase } from './broken-policies.ts';
import { handWrittenPolicies, type HandCase } from './hand-written-policies.ts';

const generated = generatedPolicies(buildPolicySchema(allRules));
const written = handWrittenPolicies();

/** The problems the loader reports, one line each (none: the policy is valid). */
function loaderSays(text: string): string[] {
  try {
    parsePolicy(text, 'p.yml', allRules);
    return [];
  } catch (err) {
    if (!(err instanceof PolicyError)) return [`not a PolicyError: ${String(err)}`];
    return err.message.split('\n');
  }
}

/** `file:line:col: ` of the case's problem (a line or column of 0: any). */
function where(file: string, c: PolicyCase): RegExp {
  const esc = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${esc}:${c.problem!.line || '\\d+'}:${c.problem!.col || '\\d+'}: `);
}

function expectOneProblem(lines: string[], file: string, c: PolicyCase): void {
  if (c.problem === null) {
    expect(lines, c.text.slice(0, 400)).toEqual([]);
    return;
  }
  expect(lines, c.text.slice(0, 400)).toHaveLength(1);
  expect(lines[0], c.text.slice(0, 400)).toMatch(where(file, c));
  expect(lines[0]).toContain(c.problem.says);
}

describe('the generator', () => {
  it('makes mistakes at every rule option, in rules:, in ai: blocks and in overrides', () => {
    for (const rule of allRules) {
      for (const key of Object.keys(rule.meta.schema.properties)) {
        for (const at of [`rules.${rule.meta.id}.${key}`, `rules.${rule.meta.id}.ai.${key}`, `overrides.0.rules.${rule.meta.id}.${key}`]) {
          expect(generated.some((c) => c.problem?.says.includes(`${at} must`)), at).toBe(true);
        }
      }
    }
    expect(generated.filter((c) => c.problem !== null).length).toBeGreaterThan(900);
  });
});

describe('every mistake the schema walk makes is one problem at its token', () => {
  it.each(generated.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectOneProblem(loaderSays(c.text), 'p.yml', c);
  });
});

describe('every mistake of the YAML text is one problem at its token', () => {
  it.each(written.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectOneProblem(loaderSays(c.text), 'p.yml', c);
  });
});

function writeCases(dir: string, cases: readonly (PolicyCase | HandCase)[], prefix: string): string[] {
  return cases.map((c, i) => {
    const name = `${prefix}${i}.yml`;
    writeFileSync(join(dir, name), 'bytes' in c && c.bytes ? c.bytes : c.text);
    return name;
  });
}

/** stderr lines by the file they name. */
function byFile(stderr: string, names: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const line of stderr.split('\n')) {
    const name = /^([a-z]+\d+\.yml):/.exec(line)?.[1];
    if (name !== undefined) out.get(name)?.push(line);
  }
  return out;
}

describe('the built CLI', () => {
  it('policy validate: each file\'s problems at their tokens, exit 2, no stack trace', { timeout: 120_000 }, () => {
    const dir = tempDir('prguard-broken-');
    const cases = [...generated, ...written];
    const names = writeCases(dir, cases, 'p');
    const r = runCli(['policy', 'validate', ...names], { cwd: dir, killAfterMs: 100_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |RangeError|TypeError/);
    const lines = byFile(r.stderr, names);
    cases.forEach((c, i) => expectOneProblem(lines.get(names[i]!)!, names[i]!, c));
    const invalid = cases.filter((c) => c.problem !== null).length;
    expect(r.stderr).toContain(`prguard: ${invalid} of ${cases.length} policy files invalid`);
    expect(r.stdout.split('\n').filter((l) => l.includes(': valid (')).length).toBe(cases.length - invalid);
  });

  it('check --policy: exit 2 with file:line:col at the token, or a verdict for a valid policy', { timeout: 120_000 }, () => {
    const dir = tempDir('prguard-broken-check-');
    writeFileSync(join(dir, 'change.diff'), NEW_FILE_DIFF);
    // Every hand-written case, and a spread of the generated ones (each is one process).
    const cases = [...written, ...generated.filter((_c, i) => i % 40 === 0)];
    const names = writeCases(dir, cases, 'c');
    cases.forEach((c, i) => {
      const r = runCli(['check', '--diff', 'change.diff', '--policy', names[i]!], { cwd: dir, killAfterMs: 60_000 });
      expect(r.stderr).not.toMatch(/internal error|\n\s+at |RangeError|TypeError/);
      if (c.problem === null) {
        expect(r.code, `${c.name}\n${r.stderr}`).not.toBe(2);
        return;
      }
      expect(r.code, c.name).toBe(2);
      const problems = r.stderr.split('\n').filter((l) => l.startsWith('prguard: ')).map((l) => l.slice('prguard: '.length));
      expect(problems[0], c.name).toMatch(where(names[i]!, c));
      expect(problems[0]).toContain(c.problem.says);
    });
  });

  it('check reads a broken policy committed at the base: the same problem, exit 2', () => {
    const cases = written.filter((c) => /a BOM$|CRLF line ends$|a custom tag$|a merge key$|Latin-1/.test(c.name));
    expect(cases).toHaveLength(5);
    for (const c of cases) {
      const repo = Repo.init();
      repo.commit('policy', { '.github/prguard.yml': c.bytes ?? c.text });
      const base = repo.git('rev-parse', 'HEAD').trim();
      repo.commit('change', { 'src/x.ts': 'export const x = 1;\n' });
      const r = runCli(['check', '--base', base], { cwd: repo.dir });
      expect(r.code, c.name).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^prguard: \\.github/prguard\\.yml:${c.problem!.line}:${c.problem!.col}: .*${c.problem!.says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
  });
});
