// From a change set and a policy to a Report: provenance, the documents rules ask for, the
// engine. Shared by the CLI and the Action; each passes its own way of reading a file at head.
import { effectiveRule, runEngine } from './engine.ts';
import type { ChangeSet, Report } from './model.ts';
import type { ResolvedPolicy } from './policy/resolve.ts';
import { resolveProvenance } from './provenance/index.ts';
import { allRules } from '../rules/index.ts';

export interface EvaluateInput {
  change: ChangeSet;
  policy: ResolvedPolicy;
  /** The `--ai yes|no` override, if any. */
  flag?: boolean;
  notes?: string[];
  /** Reads a repository file at the head of the change; undefined when it cannot be read. */
  readDocument(path: string): Promise<string | undefined>;
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

export async function evaluateChange(input: EvaluateInput): Promise<Report> {
  const { change, policy, flag } = input;
  const ai = resolveProvenance(change, { flag, ...policy.provenance });
  const documents = await readDocuments(policy, change, ai.assisted, input.readDocument);
  return runEngine({ change, policy, ai, documents, notes: input.notes ?? [] });
}
