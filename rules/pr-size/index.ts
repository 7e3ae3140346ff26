// pr-size: keep pull requests small enough to be reviewed properly.
import type { FileChange } from '../../src/model.ts';
import { compareText, defineRule, type FromSchema, globListProblems, plural, type TypedViolation } from '../../src/rule-kit/index.ts';
import { describeExcluded, exclusionReason, type Excluded, hiddenLines, pathExclusion, type PathExclusion } from './exclusions.ts';

/** How many files and directories the messages name. */
const TOP = 5;

/** What the per-file phase gives for a file: what its path says, and the line breaks git does not count. */
type FileFacts = PathExclusion & { hidden: number };

/**
 * Changed lines a file contributes: binary files and submodule pointers count as files only; lone
 * carriage returns in its added lines (`hidden`) count as the line breaks they are to the code.
 */
function linesOf(file: FileChange, hidden = 0): number {
  return file.binary || file.submodule ? 0 : file.additions + file.deletions + hidden;
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '(root)' : path.slice(0, slash + 1);
}

/** The first `k` of `items` in `order`, as sorting them all would give, in one pass. */
function firstBy<T>(items: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length === k && order(item, out[k - 1] as T) >= 0) continue;
    let at = out.length === k ? k - 1 : out.length;
    while (at > 0 && order(item, out[at - 1] as T) < 0) at--;
    out.splice(at, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}

function largestFiles(files: readonly { file: FileChange; lines: number }[]): string {
  return firstBy(files, TOP, (a, b) => b.lines - a.lines || compareText(a.file.path, b.file.path))
    .map((f) => `${f.file.path} (${f.lines})`)
    .join(', ');
}

function busiestDirectories(files: readonly FileChange[]): string {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(directoryOf(f.path), (counts.get(directoryOf(f.path)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, TOP)
    .map(([dir, n]) => `${dir} (${plural(n, 'file')})`)
    .join(', ');
}

const schema = {
  type: 'object',
  properties: {
    'max-lines': {
      type: 'integer',
      minimum: 1,
      default: 400,
      description:
        'Most changed lines (additions + deletions) over the counted files. Review research puts effective review at 200-400 lines at a time.',
    },
    'max-files': {
      type: 'integer',
      minimum: 1,
      default: 30,
      description: 'Most counted files (binary files and submodules included).',
    },
    exclude: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description:
        'Globs (minimatch, from the repository root) of files not counted, on top of lockfiles and files .gitattributes marks generated, vendored or -diff.',
    },
  },
} as const;

export type PrSizeOptions = FromSchema<typeof schema>;

type MessageId = 'tooManyLines' | 'tooManyFiles';

export const prSize = defineRule<PrSizeOptions, MessageId>({
  meta: {
    id: 'pr-size',
    description: 'Keep pull requests small enough to be reviewed line by line',
    defaultSeverity: 'warning',
    reads: ['files'],
    schema,
    // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts).
    stricter: { 'max-lines': 'lower', 'max-files': 'lower', exclude: 'subset' },
    messages: {
      tooManyLines:
        'This pull request changes {{lines}} lines (additions + deletions), more than the limit of {{max}}. ' +
        'Past a few hundred lines reviewers skim instead of reading, and defects get through. ' +
        'Largest contributors: {{largest}}. Split it into smaller pull requests that each stand on their own ' +
        '(for example the refactoring first, then the change in behaviour).{{excluded}}',
      tooManyFiles:
        'This pull request changes {{files}} files, more than the limit of {{max}}. ' +
        'A reviewer has to hold every touched file in mind at once, and past a few dozen files they skim. ' +
        'Most files are in: {{directories}}. Split it into pull requests by area.{{excluded}}',
    },
  },

  validate: (options) => globListProblems(options, ['exclude']),

  // What each path says (a lockfile, a file `exclude` names), while the change streams in; the
  // attributes, read at the base once the diff is complete, are applied by `check`.
  file: {
    key: (options) => JSON.stringify(options.exclude),
    run: (file, options): FileFacts => ({ ...pathExclusion(file.path, options.exclude), hidden: hiddenLines(file) }),
  },

  check(change, options, context) {
    const counted: { file: FileChange; lines: number }[] = [];
    const excluded: Excluded[] = [];
    for (const file of change.files) {
      const facts = context.perFile ? (context.perFile(file) as FileFacts) : { ...pathExclusion(file.path, options.exclude), hidden: hiddenLines(file) };
      const reason = exclusionReason(file, options.exclude, facts);
      const lines = linesOf(file, facts.hidden);
      if (reason === null) counted.push({ file, lines });
      else excluded.push({ path: file.path, lines, reason });
    }
    const lines = counted.reduce((sum, f) => sum + f.lines, 0);
    const excludedNote = describeExcluded(excluded);
    const violations: TypedViolation<MessageId>[] = [];
    if (lines > options['max-lines']) {
      violations.push({
        messageId: 'tooManyLines',
        data: { lines, max: options['max-lines'], largest: largestFiles(counted), excluded: excludedNote },
      });
    }
    if (counted.length > options['max-files']) {
      violations.push({
        messageId: 'tooManyFiles',
        data: {
          files: counted.length,
          max: options['max-files'],
          directories: busiestDirectories(counted.map((c) => c.file)),
          excluded: excludedNote,
        },
      });
    }
    return violations;
  },
});
