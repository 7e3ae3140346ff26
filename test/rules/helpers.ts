// Running one rule the way the engine does: schema defaults, the resolved provenance, documents.
import type { ChangeSet, Provenance } from '../../src/model.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import type { AnyRule, RuleContext, Violation } from '../../src/rule.ts';

export function defaults(rule: AnyRule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.meta.schema.properties).map(([k, s]) => [k, s.default]));
}

export interface RunOptions {
  options?: Record<string, unknown>;
  ai?: Provenance;
  core?: Record<string, string[]>;
  documents?: Record<string, string>;
}

export function run(rule: AnyRule, change: ChangeSet, o: RunOptions = {}): Violation[] {
  const context: RuleContext = {
    ai: o.ai ?? resolveProvenance(change),
    core: o.core ?? {},
    policyPath: null,
    documents: o.documents ?? {},
  };
  const violations = rule.check(change, { ...defaults(rule), ...o.options }, context);
  for (const v of violations) {
    if (!(v.messageId in rule.meta.messages)) throw new Error(`unknown message id ${v.messageId}`);
  }
  return violations;
}

/** The message a violation renders to, as the engine renders it. */
export function render(rule: AnyRule, v: Violation): string {
  return rule.meta.messages[v.messageId]!.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (w, k: string) => (v.data && k in v.data ? String(v.data[k]) : w));
}
