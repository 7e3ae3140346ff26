// The rule kit: what a rule may import besides the model and the glob helper. `defineRule` types a
// rule's message ids and options; the helpers here are the one copy every rule and formatter uses.
import type { ChangeSet, Severity } from '../model.ts';
import { matchesAny } from '../glob.ts';
import { reachesAny } from '../glob-below.ts';
import type { NamedSecret, OptionProblem, PerFilePhase, Rule, RuleContext, RuleMeta, Stricter, Violation } from '../rule.ts';

export type { ChangeSet, FileChange, Finding, Hunk, DiffLine, Review, Severity } from '../model.ts';
export type { OptionProblem, PerFilePhase, Rule, RuleContext, RuleMeta, Stricter, Violation } from '../rule.ts';
/** A hunk's added lines as spans of the diff's text, without a line object each (src/diff/hunk-text.ts). */
export { addedText, type AddedText } from '../diff/hunk-text.ts';
/** One side of a hunk with its context lines, for readers of changed lines in their surroundings (src/diff/hunk-text.ts). */
export { hunkSide, type SideLine } from '../diff/hunk-text.ts';
export { compareText } from './text-order.ts';
export { globListProblems } from './glob-options.ts';

/** The TypeScript type a (const) JSON Schema describes, for the subset rule options use. */
export type FromSchema<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'number' | 'integer' }
      ? number
      : S extends { type: 'boolean' }
        ? boolean
        : S extends { type: 'array'; items: infer I }
          ? FromSchema<I>[]
          : S extends { type: 'object'; properties: infer P }
            ? { -readonly [K in keyof P]: FromSchema<P[K]> }
            : S extends { type: 'object'; additionalProperties: infer A }
              ? Record<string, FromSchema<A>>
              : unknown;

/** A violation whose message id must be one of the rule's own. */
export type TypedViolation<M extends string> = Omit<Violation, 'messageId'> & { messageId: M };

export interface RuleDefinition<O, M extends string> {
  /** `stricter` names every option: which way it is stricter (`none` for no order). */
  meta: Omit<RuleMeta, 'messages' | 'stricter'> & { messages: Record<M, string>; stricter: { readonly [K in keyof O & string]-?: Stricter } };
  check(change: ChangeSet, options: O, context: RuleContext): TypedViolation<M>[];
  file?: PerFilePhase<O>;
  validate?(options: Partial<O>): OptionProblem[];
  documents?(change: ChangeSet, options: O): string[];
  baseDocuments?(change: ChangeSet, options: O): string[];
  findSecrets?(text: string): string[];
  findVerifiedSecrets?(text: string): NamedSecret[];
}

/**
 * Define a rule. The message ids a `check` may report are the keys of `meta.messages` (a typo is a
 * type error), and when `Options` is given as `FromSchema<typeof schema>` the options type is the
 * schema's own. The engine fails the rule when a rendered message keeps a `{{placeholder}}`.
 */
export function defineRule<O, M extends string>(rule: RuleDefinition<O, M>): Rule<O> {
  return rule as unknown as Rule<O>;
}

/** "1 file", "3 files". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "a, b, c and 4 more": the first `max` items, then how many were left out. */
export function listFirst(items: readonly string[], max = 5, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)} and ${items.length - max} more`;
}

/** Severities worst first: error 0, warning 1, notice 2. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

/** `{{name}}` placeholders in a template. */
export const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/** Fill `{{name}}` from `data`; unknown names stay as they are (the engine then fails the rule). */
export function renderMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}

/** Every path a change touches: new paths, and the old path of a rename or copy. */
export function touchedPaths(change: ChangeSet): string[] {
  const out = new Set<string>();
  for (const f of change.files) {
    out.add(f.path);
    if (f.oldPath) out.add(f.oldPath);
  }
  return [...out];
}

const submodules = new WeakMap<ChangeSet, ReadonlySet<string>>();

/** The paths (new and old) of the submodules whose pointer the change moves, adds or removes. */
export function submodulePaths(change: ChangeSet): ReadonlySet<string> {
  let links = submodules.get(change);
  if (links === undefined) {
    links = new Set(change.files.filter((f) => f.submodule).flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path])));
    submodules.set(change, links);
  }
  return links;
}

/**
 * The touched paths (`touchedPaths`) the globs match. A submodule's path counts also when the
 * globs cover or name files under it (`glob-below.ts`): its new commit changes them unseen.
 */
export function pathsInGlobs(change: ChangeSet, paths: readonly string[], globs: readonly string[]): string[] {
  const links = submodulePaths(change);
  return paths.filter((p) => matchesAny(p, globs) || (links.has(p) && reachesAny(p, globs)));
}
