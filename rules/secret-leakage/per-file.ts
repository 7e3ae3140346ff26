// The rule's per-file phase: one file's scan, which the engine may run while the change is still
// streaming in (Rule.file). It depends only on the file and the scanner (the `patterns` and
// `generic` options, scannerKey); everything else the options say (allow, exclude, severities,
// the baseline) is applied by `check`. A result keeps the hits and their line numbers, never the
// scanned lines.
import type { FileChange } from '../../src/model.ts';
import type { FileKind } from './context.ts';
import type { Hit, Scanner, ScanLine } from './scanner.ts';
import { fileSourceOf, type Source } from './sources.ts';

export interface PlacedHit {
  hit: Hit;
  /** The line number of its first line, and of its last when it spans several. */
  line: number;
  endLine?: number;
}

/** A source, scanned: what a finding needs of it. */
export interface ScannedSource {
  readonly kind: FileKind;
  where: (line: number) => string;
  path?: string;
  commit?: string;
  /** A file or branch name (Source.name). */
  name?: true;
  /** A pushed ref's name (Source.pushedName). */
  pushedName?: true;
  hits: PlacedHit[];
}

/** One file's scan: its hits, why it could not be read, or undefined for nothing to scan. */
export type FileScan = ScannedSource | { unscanned: string } | undefined;

/** The part of the options a scan depends on (see scannerFor). */
export function scannerKey(options: { generic: boolean; patterns: unknown[] }): string {
  return `${options.generic}|${JSON.stringify(options.patterns)}`;
}

export function scanSource(source: Source, scanner: Scanner): ScannedSource {
  const found = source.spans ? scanner.scanSpans(source.spans, source) : scanner.scan(source.lines);
  const hits = found.map((hit) => {
    const placed: PlacedHit = { hit, line: (source.lines[hit.at] as ScanLine).line };
    if (hit.endAt !== hit.at) placed.endLine = (source.lines[hit.endAt] as ScanLine).line;
    return placed;
  });
  // The kind is read (and decided) only for a file with hits.
  const out: ScannedSource = {
    get kind() {
      return source.kind;
    },
    where: source.where,
    hits,
  };
  if (source.path !== undefined) out.path = source.path;
  if (source.commit !== undefined) out.commit = source.commit;
  if (source.name) out.name = true;
  if (source.pushedName) out.pushedName = true;
  return out;
}

export function scanFile(file: FileChange, scanner: Scanner): FileScan {
  const source = fileSourceOf(file);
  if (source === undefined || 'unscanned' in source) return source;
  return scanSource(source, scanner);
}
