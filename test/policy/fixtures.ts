// Two small rules used to test the policy and engine without depending on real rules.
import type { Rule } from '../../src/rule.ts';

export const sizeRule: Rule<{ 'max-lines': number; exclude: string[] }> = {
  meta: {
    id: 'demo-size',
    description: 'Demo: keep changes small',
    defaultSeverity: 'warning',
    schema: {
      type: 'object',
      properties: {
        'max-lines': { type: 'integer', minimum: 1, default: 400 },
        exclude: { type: 'array', items: { type: 'string' }, default: [] },
      },
    },
    messages: { big: 'Change has {{count}} lines (limit {{max}}).' },
  },
  check(change, options) {
    const count = change.files.reduce((n, f) => n + f.additions + f.deletions, 0);
    return count > options['max-lines'] ? [{ messageId: 'big', data: { count, max: options['max-lines'] } }] : [];
  },
  validate(options) {
    return (options.exclude ?? []).flatMap((g, i) => (g.startsWith('!') ? [{ path: ['exclude', i], message: 'negated globs are not supported' }] : []));
  },
};

export const throwingRule: Rule = {
  meta: {
    id: 'demo-throws',
    description: 'Demo: always throws',
    defaultSeverity: 'notice',
    schema: { type: 'object', properties: {} },
    messages: {},
  },
  check() {
    throw new Error('boom');
  },
};

export const demoRules = [sizeRule, throwingRule];
