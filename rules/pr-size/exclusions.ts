// What pr-size leaves out of its counts, and why: lockfiles, generated, vendored and -diff files.
import { plural } from '../../src/rule-kit/index.ts';
import type { FileChange } from '../../src/model.ts';
import { matchesAny } from '../../src/glob.ts';

/** Lockfiles written by package managers, at any depth. Reviewers do not read them line by line. */
export const LOCKFILE_GLOBS: readonly string[] = [
  '**/package-lock.json', // npm
  '**/npm-shrinkwrap.json', // npm
  '**/yarn.lock', // yarn
  '**/pnpm-lock.yaml', // pnpm
  '**/bun.lock', // bun (text)
  '**/bun.lockb', // bun (binary)
  '**/Cargo.lock', // Cargo
  '**/go.sum', // Go modules
  '**/go.work.sum', // Go workspaces
  '**/poetry.lock', // Poetry
  '**/Pipfile.lock', // Pipenv
  '**/uv.lock', // uv
  '**/Gemfile.lock', // Bundler
  '**/composer.lock', // Composer
];

export type ExclusionReason = 'lockfile' | 'generated' | 'vendored' | 'no-diff' | 'excluded';

/** What the path alone says (the rule's per-file phase: it runs while the change streams in). */
export interface PathExclusion {
  lockfile: boolean;
  excluded: boolean;
}

/**
 * Line breaks git does not count: carriage returns alone (old Mac line endings) inside the added
 * lines. JavaScript, Python and editors break lines there, git only at a line feed, so a whole
 * file written that way is one line to `--numstat`, and a change of 5,000 statements counts as 1.
 * A CR that ends a line (CRLF) is no extra line.
 */
export function hiddenLines(file: FileChange): number {
  if (file.binary || file.submodule) return 0;
  let hidden = 0;
  for (const hunk of file.hunks) {
    for (const { content } of hunk.added) {
      for (let at = content.indexOf('\r'); at >= 0 && at < content.length - 1; at = content.indexOf('\r', at + 1)) hidden++;
    }
  }
  return hidden;
}

export function pathExclusion(path: string, exclude: readonly string[]): PathExclusion {
  return { lockfile: matchesAny(path, LOCKFILE_GLOBS), excluded: exclude.length > 0 && matchesAny(path, exclude) };
}

/**
 * Why the file is not counted, or null when it is. The first reason that applies wins. `byPath`
 * is what pathExclusion gave for the file (worked out here when absent).
 */
export function exclusionReason(file: FileChange, exclude: readonly string[], byPath = pathExclusion(file.path, exclude)): ExclusionReason | null {
  if (byPath.lockfile) return 'lockfile';
  if (file.attributes?.generated) return 'generated';
  if (file.attributes?.vendored) return 'vendored';
  if (file.attributes?.noDiff) return 'no-diff';
  if (byPath.excluded) return 'excluded';
  return null;
}

const REASON_WORDS: Record<ExclusionReason, [string, string]> = {
  lockfile: ['lockfile', 'lockfiles'],
  generated: ['generated file', 'generated files'],
  vendored: ['vendored file', 'vendored files'],
  'no-diff': ['file marked -diff', 'files marked -diff'],
  excluded: ['file matching `exclude`', 'files matching `exclude`'],
};

export interface Excluded {
  path: string;
  lines: number;
  reason: ExclusionReason;
}

/** " Not counted: 3 files, 2417 lines (2 lockfiles, 1 generated file)." or '' when nothing was excluded. */
export function describeExcluded(excluded: readonly Excluded[]): string {
  if (excluded.length === 0) return '';
  const byReason = new Map<ExclusionReason, number>();
  let lines = 0;
  for (const e of excluded) {
    byReason.set(e.reason, (byReason.get(e.reason) ?? 0) + 1);
    lines += e.lines;
  }
  const reasons = [...byReason].map(([reason, n]) => `${n} ${REASON_WORDS[reason][n === 1 ? 0 : 1]}`);
  return ` Not counted: ${plural(excluded.length, 'file')}, ${plural(lines, 'line')} (${reasons.join(', ')}).`;
}
