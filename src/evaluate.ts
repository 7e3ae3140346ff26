// From a change set and a policy to a Report: provenance, the documents rules ask for, the
// engine. Shared by every entry; the rules and the repository reader are handed in.
import { effectiveRule, runEngine } from './engine.ts';
import type { ChangeSet, PolicyOrigin, Provenance, Report } from './model.ts';
import type { ResolvedPolicy } from './policy/resolve.ts';
import { resolveProvenance } from './provenance/index.ts';
import { readAt, type RepoReader } from './repo/reader.ts';
import type { PerFileResults } from './per-file.ts';
import type { AnyRule, PrField } from './rule.ts';

export interface EvaluateInput {
  change: ChangeSet;
  policy: ResolvedPolicy;
  origin: PolicyOrigin;
  rules: readonly AnyRule[];
  /** The `--ai yes|no` override, if any. */
  flag?: boolean;
  notes?: string[];
  /** Reads the repository; documents rules ask for are read at `headRef`. */
  reader: RepoReader;
  headRef: string;
  /** Receives the raw secrets the rules reported (see EngineInput.onSecrets). */
  onSecrets?: (secrets: readonly string[]) => void;
  /** The commit base documents (Rule.baseDocuments, e.g. CODEOWNERS) are read at; default: as the policy, HEAD. */
  baseRef?: string;
  /** PR fields the entry could not provide; see EngineInput.unavailable. */
  unavailable?: readonly PrField[];
  /** The rules' per-file results computed while the change streamed in. */
  perFile?: PerFileResults;
  /** Provenance already worked out for this change, flag and policy (see App.runCheck). */
  provenance?: Provenance;
}

type DocumentHook = 'documents' | 'baseDocuments';

/**
 * Read the repository files that enabled rules ask for: `documents` at the head, `baseDocuments`
 * at the base (what a change must not be able to edit to weaken its own check, e.g. CODEOWNERS).
 */
export async function readDocuments(
  input: Pick<EvaluateInput, 'policy' | 'change' | 'rules' | 'reader' | 'headRef' | 'baseRef'>,
  ai: boolean,
  hook: DocumentHook = 'documents',
): Promise<Record<string, string>> {
  const paths = new Set<string>();
  for (const rule of input.rules) {
    const ask = rule[hook]?.bind(rule);
    const effective = effectiveRule(input.policy, rule.meta.id, ai);
    if (!ask || !effective || effective.severity === 'off') continue;
    for (const path of ask(input.change, effective.options)) paths.add(path);
    // An override may name other documents (e.g. its own plan file) for its paths.
    for (const o of input.policy.overrides ?? []) {
      const over = o.rules[rule.meta.id];
      if (over && over.severity !== 'off') for (const path of ask(input.change, { ...effective.options, ...over.options })) paths.add(path);
    }
  }
  const ref = hook === 'documents' ? input.headRef : (input.baseRef ?? 'HEAD');
  // Asked at once: through the API each read is a round trip.
  const found = await Promise.all([...paths].map(async (path) => [path, await readAt(input.reader, ref, path)] as const));
  const documents: Record<string, string> = {};
  for (const [path, file] of found) if (file !== undefined) documents[path] = file.text;
  return documents;
}

export async function evaluateChange(input: EvaluateInput): Promise<Report> {
  const { change, policy, flag, rules } = input;
  // Provenance reads its options from the policy's typed field (the disclosure template among them).
  const ai = input.provenance ?? resolveProvenance(change, { flag, ...policy.provenance });
  const [documents, baseDocuments] = await Promise.all([readDocuments(input, ai.assisted), readDocuments(input, ai.assisted, 'baseDocuments')]);
  return runEngine({ change, policy, rules, ai, origin: input.origin, documents, baseDocuments, notes: input.notes ?? [], onSecrets: input.onSecrets, unavailable: input.unavailable, perFile: input.perFile });
}
