// The redaction boundary outside a report, and the scan of a pushed ref's name: what the rules
// that find secrets (Rule.findSecrets, Rule.findVerifiedSecrets) make of a free text. The App has
// one (app.ts); a push with nothing to check but its ref names makes one of those rules alone,
// without the engine and the other rules (the CLI's composition root, src/cli.ts).
import { redact, secretList } from './mask.ts';
import type { AnyRule, NamedSecret } from './rule.ts';

/** A secret found in a name, with the id of the rule that found it (whose `allow:` may waive it). */
export type FoundSecret = NamedSecret & { ruleId: string };

export interface SecretScan {
  /**
   * The redaction boundary for text outside a report (error messages, logs): every secret a rule
   * can find in it, and every secret seen before (`seen`: by an earlier check of this process, or
   * in a name), masked.
   */
  scrub(text: string): string;
  /**
   * The secrets of a verified provider format in a name (a pushed ref's), by every rule that finds
   * secrets; each is masked by `scrub` from then on.
   */
  findVerifiedSecrets(text: string): FoundSecret[];
}

export function secretScan(rules: readonly AnyRule[], seen: Set<string> = new Set()): SecretScan {
  return {
    findVerifiedSecrets(text) {
      const found = rules.flatMap((rule) => (rule.findVerifiedSecrets?.(text) ?? []).map((f) => ({ ...f, ruleId: rule.meta.id })));
      for (const f of found) seen.add(f.secret);
      return found;
    },
    scrub(text) {
      const found = new Set(seen);
      for (const rule of rules) for (const secret of rule.findSecrets?.(text) ?? []) found.add(secret);
      return found.size === 0 ? text : redact(text, secretList(found));
    },
  };
}
