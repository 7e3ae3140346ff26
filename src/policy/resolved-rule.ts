// One rule's entry in a resolved policy (resolve.ts), apart so overrides.ts can name it.
import type { SeveritySetting } from '../model.ts';

export interface ResolvedRule {
  severity: SeveritySetting;
  /** Options with every default filled in. */
  options: Record<string, unknown>;
  /** Overrides applied on top of `options` when the change is AI-assisted (may hold `severity`). */
  aiOptions: Record<string, unknown>;
}
