// Coverage gates deleted: a `coverageThreshold` block, a vitest `thresholds` key, coverage.py's
// `fail_under`, pytest-cov's `--cov-fail-under=90`, nyc's and c8's `check-coverage`. Lowering a
// gate is runner-config.ts's (one file, line by line); a deleted gate is judged over the whole
// change, since a gate moved to another configuration file (package.json's `jest` key to
// jest.config.js, .coveragerc to pyproject.toml) is still a gate.
import type { FileChange } from '../../src/model.ts';
import { deletedLinesOf } from './assertions.ts';
import { CHECK_COVERAGE, CODECOV_FILE as CODECOV, thresholds } from './runner-config.ts';

/** A coverage gate on a deleted line of a runner configuration file. */
export interface DeletedGate {
  /** `lines`, `fail_under`, `check-coverage`, … (`fail-under` is read as `fail_under`). */
  key: string;
  /** Its old-side line number. */
  line: number;
  /** The line, trimmed, to quote. */
  text: string;
  /** Its number (a percentage), or undefined for `check-coverage`. */
  n?: number;
}

/** The gates of one runner configuration file's change: deleted ones, and the keys of the added ones. */
export interface FileGates {
  deleted: DeletedGate[];
  added: string[];
}

// The `--check-coverage` switch of nyc and c8 on a command line (`nyc --check-coverage --lines 90 mocha`).
const CHECK_COVERAGE_FLAG = /(?<![\w-])--check-coverage(?![\w-]|\s*=\s*false)/;

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const GATE_PATTERNS: readonly RegExp[] = [CODECOV, CHECK_COVERAGE_FLAG];

/**
 * The gate keys a line sets. Codecov's `threshold` is the drop it allows, so deleting it is no
 * loss; `target` is a gate only in Codecov's files.
 */
function gateKeys(content: string, codecov: boolean, added: boolean): { key: string; n?: number }[] {
  const keys: { key: string; n?: number }[] = [];
  for (const { key, n } of thresholds(content)) {
    if (key === 'threshold' || (key === 'target' && !codecov)) continue;
    keys.push({ key: key === 'fail-under' ? 'fail_under' : key, n });
  }
  // An added `check-coverage: false` where `true` was is runner-config.ts's finding (not enforced), not a deletion.
  const check = CHECK_COVERAGE.exec(content)?.groups!.on!.toLowerCase();
  if (check === 'true' || (added && check === 'false') || CHECK_COVERAGE_FLAG.test(content)) keys.push({ key: 'check-coverage' });
  return keys;
}

/** The gates a runner configuration file's change deletes, and those it adds. */
export function gatesOf(file: FileChange): FileGates {
  const codecov = CODECOV.test(file.path);
  const deleted: DeletedGate[] = [];
  for (const { line, content } of deletedLinesOf(file)) {
    for (const g of gateKeys(content, codecov, false)) deleted.push({ ...g, line, text: content.trim().replace(/,$/, '') });
  }
  const added: string[] = [];
  for (const hunk of file.hunks) for (const { content } of hunk.added) for (const g of gateKeys(content, codecov, true)) added.push(g.key);
  return { deleted, added };
}

/**
 * The gates the change deletes and adds back nowhere: per key, the deleted gates beyond those
 * the change adds (first in the same file, then in any runner configuration file of the change).
 */
export function gatesDeleted(files: readonly { path: string; gates: FileGates }[]): { path: string; gate: DeletedGate }[] {
  const total = new Map<string, number>();
  for (const { gates } of files) {
    for (const g of gates.deleted) total.set(g.key, (total.get(g.key) ?? 0) + 1);
    for (const key of gates.added) total.set(key, (total.get(key) ?? 0) - 1);
  }
  const out: { path: string; gate: DeletedGate }[] = [];
  for (const { path, gates } of files) {
    const readded = new Map<string, number>();
    for (const key of gates.added) readded.set(key, (readded.get(key) ?? 0) + 1);
    for (const gate of gates.deleted) {
      const here = readded.get(gate.key) ?? 0;
      if (here > 0) {
        readded.set(gate.key, here - 1); // the same gate, edited or moved in its file
        continue;
      }
      const surplus = total.get(gate.key) ?? 0;
      if (surplus <= 0) continue; // another file of the change adds it
      total.set(gate.key, surplus - 1);
      out.push({ path, gate });
    }
  }
  return out;
}
