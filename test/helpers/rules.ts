// Run one rule the way the engine would: schema defaults under the given options, messages rendered.
import type { ChangeSet } from '../../src/model.ts';
import type { AnyRule, RuleContext, Violation } from '../../src/rule.ts';
import { context as makeContext } from './change.ts';

export interface RenderedViolation extends Violation {
  message: string;
}

/** The rule's options with every schema default filled in, then `options` on top (shallow). */
export function optionsOf(rule: AnyRule, options: Record<string, unknown> = {}): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rule.meta.schema.properties)) {
    result[key] = structuredClone(schema['default']);
  }
  return { ...result, ...options };
}

export function render(rule: AnyRule, violation: Violation): string {
  const template = rule.meta.messages[violation.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id}: no message "${violation.messageId}"`);
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => {
    const value = violation.data?.[name];
    if (value === undefined) throw new Error(`${rule.meta.id}/${violation.messageId}: no data "${name}"`);
    return String(value);
  });
}

export function runRule(
  rule: AnyRule,
  change: ChangeSet,
  options: Record<string, unknown> = {},
  context: Partial<RuleContext> = {},
): RenderedViolation[] {
  const violations = rule.check(change, optionsOf(rule, options), makeContext(context));
  return violations.map((v) => ({ ...v, message: render(rule, v) }));
}
