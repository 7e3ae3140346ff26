// The rule contract. Types only: rules import nothing else from src/ but model and these types.
import type { ChangeSet, FileChange, Provenance, ReadKind, Severity } from './model.ts';

/** A JSON Schema object (draft 2020-12 subset as accepted by ajv). */
export type JsonSchema = { [key: string]: unknown };

/** Pull request data a local check may not have: the title, the description, the labels, the reviews. */
export type PrField = 'title' | 'body' | 'labels' | 'reviews';

/**
 * Which way an option is stricter, so that an `ai:` block (meant to be stricter for AI-assisted
 * changes) that loosens a rule can be pointed out (src/policy/ai-looser.ts):
 * - `lower` / `higher`: a lower / higher number is stricter;
 * - `true` / `false`: that boolean is the stricter one;
 * - `superset`: a list with more entries is stricter, so dropping one of the rule's entries loosens
 *   (`{ superset: key, items }` for a list of entries named by their `key` field: an entry of the
 *   same name is compared field by field with `items`; an entry with the field values of
 *   `exceptions` takes paths out, so adding one loosens and dropping one does not);
 * - `subset`: a list with fewer entries is stricter (an exclude list), so adding one loosens;
 * - `severity`: error > warning > notice > off;
 * - `empty` / `nonempty`: an empty (unset) string is the stricter one, or a set one is;
 * - `{ rank }`: enum values by rank, a higher rank stricter (equal ranks are as strict);
 * - `{ properties }`: an object whose keys are each compared (a key left out takes its default);
 * - `none`: no order (a heading, a regex).
 */
export type Stricter =
  | 'lower'
  | 'higher'
  | 'true'
  | 'false'
  | 'superset'
  | 'subset'
  | 'severity'
  | 'empty'
  | 'nonempty'
  | 'none'
  | { superset: string; items: Readonly<Record<string, Stricter>>; exceptions?: Readonly<Record<string, unknown>> }
  | { rank: Readonly<Record<string, number>> }
  | { properties: Readonly<Record<string, Stricter>> };

export interface RuleMeta {
  /** kebab-case id, equal to the folder name under rules/. */
  id: string;
  /** One line: what the rule keeps true. */
  description: string;
  defaultSeverity: Severity;
  /**
   * JSON Schema of the options object: `{ type: 'object', properties: {...} }`, every property
   * with a `default`. Keys are kebab-case. `severity` and `ai` are added by the policy envelope.
   */
  schema: JsonSchema & { properties: Record<string, JsonSchema> };
  /** Message templates by id; `{{name}}` is replaced from the violation's data. */
  messages: Record<string, string>;
  /**
   * Which way each option is stricter (see Stricter), by option key: every key of `schema`. An
   * option without one has no order.
   */
  stricter?: Readonly<Record<string, Stricter>>;
  /**
   * The change data the rule's verdict depends on. When the source could not read one of them
   * (ChangeSet.unread), the engine reports an error finding for the rule. Absent: all of them.
   */
  reads?: readonly ReadKind[];
  /**
   * True when `extends: recommended` does not turn the rule on: it runs only when the policy
   * lists it under `rules:` (a rule that needs setup, such as a review quorum).
   */
  optIn?: boolean;
  /**
   * The pull request fields the rule reads (`change.pr.body`, `.labels`, ...). `needs`: its verdict
   * depends on them, so where the entry does not have them (a local check without --pr-body or
   * --label) the engine turns its findings into notices "decided on the pull request". `scans`:
   * it only reads them (e.g. for secrets) and its findings stand. A test runs every rule on a
   * pull request that records what is read, so a rule cannot forget to declare a field.
   */
  pullRequest?: { needs?: readonly PrField[]; scans?: readonly PrField[] };
}

export interface RuleContext {
  /** Is the change AI-assisted, and why. */
  ai: Provenance;
  /** The policy's `core:` modules: module name -> globs. */
  core: Record<string, string[]>;
  /** Owners the policy names for core modules (long form `{ paths, owners }`), by module. */
  coreOwners?: Record<string, string[]>;
  /** Repository-relative path of the policy file in force, or null for the embedded default. */
  policyPath: string | null;
  /**
   * Repository files the rule asked for through `Rule.documents`, read by the entry at the head
   * of the change, by repository-relative path. A path the source could not read is absent.
   */
  documents: Record<string, string>;
  /**
   * Repository files the rule asked for through `Rule.baseDocuments`, read at the BASE of the
   * change (what a change could use to weaken its own checks, e.g. CODEOWNERS). Absent paths
   * were not there.
   */
  baseDocuments?: Record<string, string>;
  /**
   * For a rule with a per-file phase (`Rule.file`): that phase's result for one file of the
   * change, for the options this run has. The engine computed it while the change streamed in when
   * it could (with options of the same `key`), else it runs the phase now. Absent when the rule is
   * called outside the engine: the rule then runs its phase itself.
   */
  perFile?: (file: FileChange) => unknown;
}

/**
 * A rule's optional per-file phase: the work on one file that `check` combines (e.g. scanning its
 * added lines). The engine may run it as each file finishes parsing, while git is still writing
 * the diff, with the options it expects (the defaults, or the policy's once known); `check` gets
 * the results through `RuleContext.perFile`. A result is reused only for options whose `key` is
 * equal, so the report is the same whether or not the phase ran early.
 * `run` must be pure and read only what the diff says about the file: path, oldPath, status,
 * binary, submodule, modeChange, similarity, counts, hunks, contentScan. Not `attributes` (the
 * source reads them at the base after the diff): `check` applies whatever depends on them.
 */
export interface PerFilePhase<O = Record<string, unknown>> {
  /** The part of the options the result depends on, as a string: equal keys, equal results. */
  key(options: O): string;
  run(file: FileChange, options: O): unknown;
}

export interface Violation {
  messageId: string;
  data?: Record<string, string | number>;
  path?: string;
  line?: number;
  endLine?: number;
  /** Stable identifier for waivers and de-duplication. */
  fingerprint?: string;
  /**
   * The PR fields this one finding depends on, when fewer than the rule's `meta.pullRequest.needs`
   * (e.g. `[]`: no label unlocks this path, so the pull request will not decide otherwise).
   */
  needs?: readonly PrField[];
  /** How sure the rule is; copied to the finding (e.g. secret-leakage's confidence class). */
  confidence?: string;
  /** Overrides the configured severity for this one violation (used sparingly). */
  severity?: Severity;
  /** Raw values that must never reach any output; the engine masks them out of the message. */
  secrets?: string[];
}

/** A secret found in a name (Rule.findVerifiedSecrets): what a finding may show of it, and the value to mask. */
export interface NamedSecret {
  /** The raw value: masked out of every output, never printed. */
  secret: string;
  /** What it is, e.g. "GitHub classic personal access token". */
  name: string;
  patternId: string;
  /** Its first characters, as a finding shows them. */
  preview: string;
  fingerprint: string;
}

/** A problem in a rule's options that JSON Schema cannot express (e.g. a dangerous regex). */
export interface OptionProblem {
  /** Path of the offending value inside the rule's options, e.g. ['patterns', 0, 'regex']. */
  path: (string | number)[];
  message: string;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  check(change: ChangeSet, options: O, context: RuleContext): Violation[];
  /** Per-file work `check` combines, which the engine may run while the change streams in. */
  file?: PerFilePhase<O>;
  /**
   * Extra validation after the schema, over the options exactly as written in one block of the
   * policy (the rule's entry, or its `ai:` block): any key may be absent. Problems become
   * `file:line:col` policy errors (exit 2).
   */
  validate?(options: Partial<O>): OptionProblem[];
  /** Repository paths the rule needs to read (e.g. a plan document); see RuleContext.documents. */
  documents?(change: ChangeSet, options: O): string[];
  /**
   * For rules that detect secrets: the raw secrets in a free text (an error message, a log line),
   * so the redaction boundary can mask what leaves the process outside a report too.
   */
  findSecrets?(text: string): string[];
  /**
   * For rules that detect secrets: the secrets in a name (a pushed ref's) that have a provider's
   * verified format (a checksum, or a fixed structure), which no name has by chance.
   */
  findVerifiedSecrets?(text: string): NamedSecret[];
  /** Repository paths the rule needs read at the base commit; see RuleContext.baseDocuments. */
  baseDocuments?(change: ChangeSet, options: O): string[];
}

/** A rule with its option type erased, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
