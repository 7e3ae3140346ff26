// The rule contract. Types only: rules import nothing else from src/ but model and these types.
import type { ChangeSet, Provenance, Severity } from './model.ts';

/** A JSON Schema object (draft 2020-12 subset as accepted by ajv). */
export type JsonSchema = { [key: string]: unknown };

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
}

export interface RuleContext {
  /** Is the change AI-assisted, and why. */
  ai: Provenance;
  /** The policy's `core:` modules: module name -> globs. */
  core: Record<string, string[]>;
  /** Repository-relative path of the policy file in force, or null for the embedded default. */
  policyPath: string | null;
  /**
   * Repository files the rule asked for through `Rule.documents`, read by the entry at the head
   * of the change, by repository-relative path. A path the source could not read is absent.
   */
  documents: Record<string, string>;
  /**
   * Repository files the rule asked for through `Rule.baseDocuments`, read at the BASE commit (so
   * the change cannot edit what weakens its own check), by path. Unreadable paths are absent.
   */
  baseDocuments: Record<string, string>;
}

export interface Violation {
  messageId: string;
  data?: Record<string, string | number>;
  path?: string;
  line?: number;
  endLine?: number;
  /** Stable identifier for waivers and de-duplication. */
  fingerprint?: string;
  /** How sure the rule is; copied to the finding (e.g. secret-leakage's confidence class). */
  confidence?: string;
  /** Overrides the configured severity for this one violation (used sparingly). */
  severity?: Severity;
  /** Raw values that must never reach any output; the engine masks them out of the message. */
  secrets?: string[];
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
  /**
   * Extra validation after the schema, over the options exactly as written in one block of the
   * policy (the rule's entry, or its `ai:` block): any key may be absent. Problems become
   * `file:line:col` policy errors (exit 2).
   */
  validate?(options: Partial<O>): OptionProblem[];
  /** Repository paths the rule needs to read (e.g. a plan document); see RuleContext.documents. */
  documents?(change: ChangeSet, options: O): string[];
  /** Repository paths the rule needs at the base commit; see RuleContext.baseDocuments. */
  baseDocuments?(options: O): string[];
}

/** A rule with its option type erased, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
