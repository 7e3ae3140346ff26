// The baseline file: fingerprints of accepted findings (never the secrets themselves), written by
// `prguard secrets baseline` and named by the `baseline` option. The rule reads it at the BASE
// commit, so a change cannot accept its own leak by adding the leak's fingerprint.
import type { FileChange } from '../../src/model.ts';
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

const ENTRY_FINGERPRINT = /"fingerprint"\s*:\s*"([0-9a-f]{12})"/g;

function fingerprintsOn(lines: Iterable<string>, into: Set<string>): Set<string> {
  for (const line of lines) for (const m of line.matchAll(ENTRY_FINGERPRINT)) into.add(m[1] as string);
  return into;
}

/**
 * The fingerprints of a baseline that the base commit provably had, when the change itself adds,
 * renames or edits the baseline file (`file`). A source without a base commit (a `--diff` check
 * reads the work tree) may hand over the head's file, with the change's own additions:
 * - the file is new at this path (added, renamed, copied), or its diff is binary (`-diff`): the base
 *   had none there, or what it had is unknown, so nothing counts;
 * - every added line of the file's diff is in the text at its new-side line: the text is the head's,
 *   so a fingerprint counts only if the base had it too, on a line the change kept or deleted.
 * Read at a real base commit, the text does not hold the change's added lines, and is used as it is.
 */
export function baseFingerprints(text: string, listed: Set<string>, file: FileChange | undefined): Set<string> {
  if (file === undefined || file.status === 'deleted') return listed;
  // New at this path, or changed in a way the diff does not show (binary): the base's text is unknown.
  if (file.status !== 'modified' || file.binary) return new Set();
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const added = new Set<number>();
  let headText = true;
  for (const hunk of file.hunks) {
    for (const a of hunk.added) {
      added.add(a.line);
      if (lines[a.line - 1] !== a.content.replace(/\r$/, '')) headText = false;
    }
  }
  if (!headText || added.size === 0) return listed;
  const kept = fingerprintsOn(lines.filter((_, i) => !added.has(i + 1)), new Set());
  fingerprintsOn(file.hunks.flatMap((h) => h.deleted.map((d) => d.content)), kept);
  return new Set([...listed].filter((fp) => kept.has(fp)));
}
