// Provenance: is the change AI-assisted, and on what evidence.
// The `--ai yes|no` flag wins; otherwise the change is AI-assisted when the detector finds an
// agent's traces, or when the PR's own disclosure says AI was used (the AI box, or an AI
// `Assisted-by:` trailer, even beside a ticked "no AI" box: the rule reports that contradiction).
import type { ProvenanceInput, Evidence, Provenance } from '../model.ts';
import { detectAgents, MAX_AGENT, MAX_TEXT, REVIEW_SUGGESTION } from './detect.ts';
import { clip } from './text.ts';
import { DEFAULT_DISCLOSURE, type Disclosure, type DisclosureOptions, disclosesAi, readDisclosure } from './disclosure.ts';
import { DEFAULT_PROVENANCE } from './options.ts';
import { type AgentSignature, SIGNATURES } from './signatures.ts';

export interface ProvenanceOptions {
  /** Explicit override from `--ai yes|no`; wins over everything else. */
  flag?: boolean;
  /** How to read the PR's disclosure (the `ai-disclosure` rule's options). */
  disclosure?: DisclosureOptions;
  /** Whether committed AI review suggestions count as AI evidence (default true). */
  reviewSuggestions?: boolean;
  /** The signature registry; the built-in one by default. */
  registry?: readonly AgentSignature[];
}

export const NO_PROVENANCE: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };

/** The detector's evidence that counts under these options. */
export function countedEvidence(change: ProvenanceInput, options: ProvenanceOptions = {}): Evidence[] {
  const all = detectAgents(change, options.registry ?? SIGNATURES).evidence;
  const reviews = options.reviewSuggestions ?? DEFAULT_PROVENANCE.reviewSuggestions;
  return reviews ? all : all.filter((e) => e.signal !== REVIEW_SUGGESTION);
}

const agentsOf = (evidence: readonly Evidence[]) => [...new Set(evidence.map((e) => e.agent))];

export function resolveProvenance(change: ProvenanceInput, options: ProvenanceOptions = {}): Provenance {
  const evidence = countedEvidence(change, options);
  const agents = agentsOf(evidence);
  if (options.flag !== undefined) return { assisted: options.flag, agents, evidence, source: 'flag' };
  if (agents.length > 0) return { assisted: true, agents, evidence, source: 'detected' };
  const disclosureOptions = options.disclosure ?? DEFAULT_DISCLOSURE;
  const disclosure = readDisclosure(change, disclosureOptions);
  // Both boxes ticked: the AI box is ticked, and an ambiguous statement must not lift the ai: overrides.
  if (disclosure.verdict === 'ai' || disclosure.verdict === 'conflict' || disclosure.verdict === 'both') {
    const said = disclosureEvidence(disclosure, disclosureOptions.toolingField);
    return { assisted: true, agents: agentsOf(said), evidence: said, source: 'disclosure' };
  }
  return NO_PROVENANCE;
}

/** What the disclosure says, as evidence: the ticked box (with the tooling field), AI trailers. */
function disclosureEvidence(d: Disclosure, toolingField: string): Evidence[] {
  // Free text from the PR: clipped like the detector's evidence, so a pasted page is not an agent's name.
  const tooling = d.fields[toolingField]?.value.trim();
  const agent = tooling ? clip(tooling, MAX_AGENT) : 'unspecified';
  const out: Evidence[] = [];
  if (d.ai?.checked) out.push({ signal: 'disclosure', agent, where: d.ai.where, text: clip(`[x] ${d.ai.label}`, MAX_TEXT) });
  for (const t of d.trailers.filter(disclosesAi)) {
    out.push({ signal: 'disclosure', agent: t.agent ?? clip(t.value.split(':')[0]!.trim(), MAX_AGENT), where: t.where, text: clip(`${t.key}: ${t.value}`, MAX_TEXT) });
  }
  return out;
}

export { detectAgents } from './detect.ts';
export { readDisclosure, DEFAULT_DISCLOSURE } from './disclosure.ts';
export { disclosureOptionsFrom, provenancePolicyFrom, DEFAULT_PROVENANCE } from './options.ts';
export type { ProvenancePolicy } from './options.ts';
export type { Disclosure, DisclosureOptions } from './disclosure.ts';
