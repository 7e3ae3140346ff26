// Provenance: is the change AI-assisted, and on what evidence.
// The `--ai yes|no` flag wins; otherwise the change is AI-assisted when the detector finds an
// agent's traces, or when the PR's own disclosure says AI was used.
import type { ChangeSet, Evidence, Provenance } from '../model.ts';
import { detectAgents } from './detect.ts';
import {
  DEFAULT_DISCLOSURE,
  type Disclosure,
  type DisclosureOptions,
  disclosesAi,
  readDisclosure,
  TOOLING_FIELD,
} from './disclosure.ts';
import { type AgentSignature, SIGNATURES } from './signatures.ts';

export interface ProvenanceOptions {
  /** Explicit override from `--ai yes|no`; wins over everything else. */
  flag?: boolean;
  /** How to read the PR's disclosure (the `ai-disclosure` rule's options). */
  disclosure?: DisclosureOptions;
  /** The signature registry; the built-in one by default. */
  registry?: readonly AgentSignature[];
}

export const NO_PROVENANCE: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };

export function resolveProvenance(change: ChangeSet, options: ProvenanceOptions = {}): Provenance {
  const detected = detectAgents(change, options.registry ?? SIGNATURES);
  if (options.flag !== undefined) {
    return { assisted: options.flag, agents: detected.agents, evidence: detected.evidence, source: 'flag' };
  }
  if (detected.agents.length > 0) {
    return { assisted: true, agents: detected.agents, evidence: detected.evidence, source: 'detected' };
  }
  const disclosure = readDisclosure(change, options.disclosure ?? DEFAULT_DISCLOSURE);
  if (disclosure.verdict === 'ai') {
    const evidence = disclosureEvidence(disclosure);
    return { assisted: true, agents: [...new Set(evidence.map((e) => e.agent))], evidence, source: 'disclosure' };
  }
  return NO_PROVENANCE;
}

/** What the disclosure says, as evidence: the ticked box, the tooling field, AI trailers. */
function disclosureEvidence(d: Disclosure): Evidence[] {
  const tooling = d.fields[TOOLING_FIELD]?.value;
  const agent = tooling && tooling.trim() !== '' ? tooling.trim() : 'unspecified';
  const out: Evidence[] = [];
  if (d.ai?.checked) out.push({ signal: 'disclosure', agent, where: d.ai.where, text: `[x] ${d.ai.label}` });
  for (const t of d.trailers.filter(disclosesAi)) {
    out.push({ signal: 'disclosure', agent: t.agent ?? t.value.split(':')[0]!.trim(), where: t.where, text: `${t.key}: ${t.value}` });
  }
  return out;
}

export { detectAgents } from './detect.ts';
export { readDisclosure, disclosureOptionsFrom, DEFAULT_DISCLOSURE } from './disclosure.ts';
export type { Disclosure, DisclosureOptions } from './disclosure.ts';
