// Shared pieces of the `--diff` attack tests: a diff written to a temp dir and checked by the
// built CLI, with the JSON report read back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, type CliResult } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

export interface Checked extends CliResult {
  /** Rule ids of the findings (empty when the run did not produce a report). */
  rules: string[];
  notes: string[];
  paths: string[];
}

/** Runs `prguard check --diff FILE --format json` on `text` in an empty directory. */
export function checkDiff(text: string | Buffer, extra: string[] = [], env: Record<string, string> = {}): Checked {
  const dir = tempDir('prguard-attack-');
  const file = join(dir, 'change.diff');
  writeFileSync(file, text);
  return parseResult(runCli(['check', '--diff', file, '--format', 'json', ...extra], { cwd: dir, env }));
}

/** Runs `prguard check --diff - --format json` with `input` on standard input. */
export function checkStdin(input: string, extra: string[] = []): Checked {
  return parseResult(runCli(['check', '--diff', '-', '--format', 'json', ...extra], { cwd: tempDir('prguard-attack-'), input }));
}

export function parseResult(r: CliResult): Checked {
  let rules: string[] = [];
  let notes: string[] = [];
  let paths: string[] = [];
  if (r.stdout.trim().startsWith('{')) {
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; path?: string }[]; notes: string[] };
    rules = report.findings.map((f) => f.ruleId);
    paths = report.findings.map((f) => f.path ?? '');
    notes = report.notes;
  }
  return { ...r, rules, notes, paths };
}

/** A fake, checksum-valid GitHub token (never a real one). */
export function fakeToken(seed = 7): string {
  return sample('github-classic-pat', rng(seed)).secret;
}

/** A `git diff` of one file that adds `lines`, with the given names on each line. */
export function addDiff(opts: { header: string; minus: string; plus: string; lines: string[] }): string {
  return [
    `diff --git ${opts.header}`,
    'index 1111111..2222222 100644',
    `--- ${opts.minus}`,
    `+++ ${opts.plus}`,
    `@@ -1 +1,${opts.lines.length + 1} @@`,
    ' on: push',
    ...opts.lines.map((l) => `+${l}`),
    '',
  ].join('\n');
}
