// Running one rule with the provenance the detector finds in the change (unless given), for the
// AI rules' tests. Defaults and rendering come from the shared test/helpers/rules.ts.
import type { ChangeSet, Provenance } from '../../src/model.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import type { AnyRule, Violation } from '../../src/rule.ts';
import { optionsOf, render } from '../helpers/rules.ts';
import { context } from '../helpers/change.ts';

export { render };

export function defaults(rule: AnyRule): Record<string, unknown> {
  return optionsOf(rule);
}

export interface RunOptions {
  options?: Record<string, unknown>;
  ai?: Provenance;
  core?: Record<string, string[]>;
  documents?: Record<string, string>;
  baseDocuments?: Record<string, string>;
}

export function run(rule: AnyRule, change: ChangeSet, o: RunOptions = {}): Violation[] {
  const ctx = context({ ai: o.ai ?? resolveProvenance(change), core: o.core ?? {}, policyPath: null, documents: o.documents ?? {}, baseDocuments: o.baseDocuments ?? {} });
  const violations = rule.check(change, optionsOf(rule, o.options), ctx);
  for (const v of violations) render(rule, v); // throws on an unknown message id or missing data
  return violations;
}
