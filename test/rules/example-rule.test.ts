// The example from the README's "Adding a rule": a whole rule, defined with the rule kit, and the
// three tests every rule needs (it fires, it stays quiet, the engine runs it from a policy).
// Copy this file to start a new rule.
import { describe, expect, test } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import type { ChangeSet } from '../../src/model.ts';
import { policyFromText } from '../../src/policy/index.ts';
import { defineRule, type FromSchema, listFirst } from '../../src/rule-kit/index.ts';
import { run } from './helpers.ts';

const schema = {
  type: 'object',
  properties: {
    'max-todos': { type: 'integer', minimum: 0, default: 0, description: 'Most TODO comments a change may add.' },
  },
} as const;

const noNewTodos = defineRule<FromSchema<typeof schema>, 'tooMany'>({
  meta: {
    id: 'no-new-todos',
    description: 'Do not leave new TODO comments behind',
    defaultSeverity: 'warning',
    schema,
    stricter: { 'max-todos': 'lower' },
    messages: {
      tooMany: 'This change adds {{count}} TODO comments (limit {{max}}): {{where}}. Do it now, or open an issue and link it.',
    },
  },
  check(change, options) {
    const where: string[] = [];
    for (const file of change.files) {
      for (const hunk of file.hunks) for (const l of hunk.added) if (/\bTODO\b/.test(l.content)) where.push(`${file.path}:${l.line}`);
    }
    if (where.length <= options['max-todos']) return [];
    return [{ messageId: 'tooMany', data: { count: where.length, max: options['max-todos'], where: listFirst(where, 3) } }];
  },
});

function change(lines: string[]): ChangeSet {
  const added = lines.map((content, i) => ({ line: i + 1, content }));
  const hunk = { oldStart: 0, oldLines: 0, newStart: 1, newLines: lines.length, section: '', added, deleted: [] };
  return { base: 'b', head: 'h', commits: [], files: [{ path: 'src/a.ts', status: 'added', binary: false, submodule: false, additions: lines.length, deletions: 0, hunks: [hunk] }] };
}

describe('an example rule built with the rule kit', () => {
  test('fires, naming the places', () => {
    const v = run(noNewTodos, change(['// TODO: later', 'const a = 1;', '// TODO again']));
    expect(v).toEqual([{ messageId: 'tooMany', data: { count: 2, max: 0, where: 'src/a.ts:1, src/a.ts:3' } }]);
  });

  test('stays quiet within the limit', () => {
    expect(run(noNewTodos, change(['// TODO: later']), { options: { 'max-todos': 1 } })).toEqual([]);
  });

  test('runs from a policy through the engine, with the ai: block', () => {
    const policy = policyFromText('version: 1\nrules:\n  no-new-todos:\n    ai:\n      severity: error\n', null, [noNewTodos]);
    const ai = { assisted: true, agents: ['Claude Code'], evidence: [], source: 'flag' as const };
    const report = runEngine({ change: change(['// TODO']), policy, rules: [noNewTodos], ai });
    expect(report.rules).toEqual(['no-new-todos']);
    expect(report.findings).toEqual([
      { ruleId: 'no-new-todos', severity: 'error', message: expect.stringContaining('adds 1 TODO comments (limit 0): src/a.ts:1') },
    ]);
    expect(report.conclusion).toBe('failure');
  });

  test('a message that keeps a placeholder fails the rule, closed', () => {
    const broken = { ...noNewTodos, meta: { ...noNewTodos.meta, messages: { tooMany: 'missing {{nothing}}' } } };
    const policy = policyFromText('version: 1\nrules:\n  no-new-todos: warning\n', null, [broken]);
    const report = runEngine({ change: change(['// TODO']), policy, rules: [broken], ai: { assisted: false, agents: [], evidence: [], source: 'none' } });
    expect(report.findings).toEqual([{ ruleId: 'no-new-todos', severity: 'error', message: expect.stringContaining('left {{nothing}} unfilled') }]);
  });
});
