// The baseline file: fingerprints of accepted findings (never the secrets themselves), written by
// `prguard secrets baseline` and named by the `baseline` option. The rule reads it at the BASE
// commit, so a change cannot accept its own leak by adding the leak's fingerprint.
import { compareText } from '../../src/rule-kit/index.ts';

export interface BaselineEntry {
  fingerprint: string;
  pattern: string;
  path?: string;
  line?: number;
}

export interface BaselineFile {
  version: 1;
  rule: 'secret-leakage';
  note: string;
  fingerprints: BaselineEntry[];
}

const FINGERPRINT = /^[0-9a-f]{12}$/;

export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const unique = new Map<string, BaselineEntry>();
  for (const e of entries) if (!unique.has(`${e.fingerprint}\0${e.path ?? ''}`)) unique.set(`${e.fingerprint}\0${e.path ?? ''}`, e);
  const sorted = [...unique.values()].sort(
    (a, b) => compareText(a.path ?? '', b.path ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareText(a.fingerprint, b.fingerprint),
  );
  const file: BaselineFile = {
    version: 1,
    rule: 'secret-leakage',
    note:
      'Fingerprints (never the secrets) of secret-leakage findings accepted when this file was written, e.g. test fixtures. ' +
      'prguard reads this file at the base commit: a change cannot accept its own findings. Regenerate with `prguard secrets baseline`.',
    fingerprints: sorted,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The fingerprints of a baseline file, or why it is not one. */
export function parseBaseline(text: string): { fingerprints: Set<string> } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: `it is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const file = data as Partial<BaselineFile> | null;
  if (!file || typeof file !== 'object' || file.version !== 1 || !Array.isArray(file.fingerprints)) {
    return { error: 'it is not a prguard secret baseline (expected `{"version": 1, "fingerprints": [...]}`)' };
  }
  const fingerprints = new Set<string>();
  for (const [i, entry] of file.fingerprints.entries()) {
    const fp = (entry as Partial<BaselineEntry> | null)?.fingerprint;
    if (typeof fp !== 'string' || !FINGERPRINT.test(fp)) {
      return { error: `entry ${i + 1} has no valid \`fingerprint\` (12 hex digits)` };
    }
    fingerprints.add(fp);
  }
  return { fingerprints };
}
