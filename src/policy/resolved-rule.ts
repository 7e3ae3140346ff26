// One rule's entry in a resolved policy (resolve.ts), apart so overrides.ts can name it.
import type { SeveritySetting } from '../model.ts';

export interface ResolvedRule {
  severity: SeveritySetting;
  /** Options with every default filled in. */
  options: Record<string, unknown>;
  /** Overrides applied on top of `options` when the change is AI-assisted (may hold `severity`). */
  aiOptions: Record<string, unknown>;
}

/**
 * Whether a rule may run for some change: on, or off but turned on by its `ai:` block. What an
 * entry reads only for a rule (reviews, a commit history) is read when this holds.
 */
export function ruleMayRun(entry: ResolvedRule | undefined): boolean {
  return entry !== undefined && (entry.severity !== 'off' || (entry.aiOptions.severity ?? 'off') !== 'off');
}
