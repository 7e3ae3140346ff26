// From a change set and a policy to a Report: provenance, the documents rules ask for, the
// engine. Shared by the CLI and the Action; each passes its own way of reading a file at head.
import { effectiveRule, runEngine } from './engine.ts';
import type { ChangeSet, Report } from './model.ts';
import type { ResolvedPolicy } from './policy/resolve.ts';
import { disclosureOptionsFrom, resolveProvenance } from './provenance/index.ts';
import { allRules } from '../rules/index.ts';

export interface EvaluateInput {
  change: ChangeSet;
  policy: ResolvedPolicy;
  /** The `--ai yes|no` override, if any. */
  flag?: boolean;
  notes?: string[];
  /** Reads a repository file at the head of the change; undefined when it cannot be read. */
  readDocument(path: string): Promise<string | undefined>;
  /**
   * Reads a repository file at the BASE of the change (for Rule.baseDocuments: what a change must
   * not be able to edit to weaken its own check); undefined when it cannot be read. Without it,
   * rules get no base documents.
   */
  readBaseDocument?(path: string): Promise<string | undefined>;
}

/** Read the repository files that enabled rules ask for (Rule.documents). */
export async function readDocuments(
  policy: ResolvedPolicy,
  change: ChangeSet,
  ai: boolean,
  read: (path: string) => Promise<string | undefined>,
): Promise<Record<string, string>> {
  const paths = new Set<string>();
  for (const rule of allRules) {
    const effective = effectiveRule(policy, rule.meta.id, ai);
    if (!rule.documents || !effective || effective.severity === 'off') continue;
    for (const path of rule.documents(change, effective.options)) paths.add(path);
  }
  const documents: Record<string, string> = {};
  for (const path of paths) {
    const text = await read(path);
    if (text !== undefined) documents[path] = text;
  }
  return documents;
}

/** Read the repository files that enabled rules ask for at the base commit (Rule.baseDocuments). */
export async function readBaseDocuments(
  policy: ResolvedPolicy,
  ai: boolean,
  read: ((path: string) => Promise<string | undefined>) | undefined,
): Promise<Record<string, string>> {
  const documents: Record<string, string> = {};
  if (!read) return documents;
  for (const rule of allRules) {
    const effective = effectiveRule(policy, rule.meta.id, ai);
    if (!rule.baseDocuments || !effective || effective.severity === 'off') continue;
    for (const path of rule.baseDocuments(effective.options)) {
      if (path in documents) continue;
      const text = await read(path);
      if (text !== undefined) documents[path] = text;
    }
  }
  return documents;
}

export async function evaluateChange(input: EvaluateInput): Promise<Report> {
  const { change, policy, flag } = input;
  // The disclosure is read with ai-disclosure's options, so a custom template still counts.
  const ai = resolveProvenance(change, { flag, disclosure: disclosureOptionsFrom(policy.rules['ai-disclosure']?.options) });
  const documents = await readDocuments(policy, change, ai.assisted, input.readDocument);
  const baseDocuments = await readBaseDocuments(policy, ai.assisted, input.readBaseDocument);
  return runEngine({ change, policy, ai, documents, baseDocuments, notes: input.notes ?? [] });
}
