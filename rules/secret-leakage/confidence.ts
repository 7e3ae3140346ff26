// Confidence classes: how sure a finding is, and the severity each class gets.
import type { Severity } from '../../src/model.ts';
import type { ProviderPattern } from './catalogue.ts';
import type { FileKind } from './context.ts';

/**
 * - verified-format: a provider format with a checksum or a fixed structure that validated
 *   (GitHub/npm CRC-32, Slack ids, PEM/OpenSSH key blocks, AWS key pairs, …);
 * - format: a provider format without validation (prefix and alphabet only);
 * - generic: a keyword-assignment heuristic (`password = "…"`).
 */
export type Confidence = 'verified-format' | 'format' | 'generic';
export const CONFIDENCES: readonly Confidence[] = ['verified-format', 'format', 'generic'];

/** The severities the options may map a class to. */
export type ClassSeverity = Severity | 'off';

export interface SeverityOptions {
  'verified-format': ClassSeverity;
  format: ClassSeverity;
  /** Generic findings with a high-entropy value in code or config. */
  generic: ClassSeverity;
  /** Generic findings in tests, fixtures, snapshots, docs and lockfiles, or with a value that
   * reads as human-written (words, digits) rather than random. */
  'generic-weak': ClassSeverity;
}

export const DEFAULT_SEVERITIES: SeverityOptions = {
  'verified-format': 'error',
  format: 'error',
  generic: 'error',
  'generic-weak': 'warning',
};

export function confidenceOf(def: ProviderPattern): Confidence {
  return def.confidence ?? (def.check || def.block ? 'verified-format' : 'format');
}

/** Where made-up values are the norm: a generic hit there is weak whatever its entropy. */
export function weakPlace(kind: FileKind): boolean {
  return kind !== 'code';
}
