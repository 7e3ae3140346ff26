// Typed provenance options, computed once when the policy is resolved: how to read the PR's
// disclosure (the ai-disclosure rule's template options) and which evidence counts.
import { DEFAULT_DISCLOSURE, type DisclosureOptions } from './disclosure.ts';

export interface ProvenancePolicy {
  /** How to read the PR's disclosure: heading, box markers, fields, trailer keys, tooling field. */
  disclosure: DisclosureOptions;
  /**
   * Whether an AI review bot's suggestion committed into the change (CodeRabbit, Greptile, Gemini
   * Code Assist, Qodo) makes the change AI-assisted. Default true: the code is AI-produced.
   */
  reviewSuggestions: boolean;
}

/** The policy file's top-level `provenance:` block. */
export interface ProvenanceConfig {
  'review-suggestions'?: boolean;
}

export const DEFAULT_PROVENANCE: ProvenancePolicy = { disclosure: DEFAULT_DISCLOSURE, reviewSuggestions: true };

/** Map the kebab-case options of the `ai-disclosure` rule onto disclosure options. */
export function disclosureOptionsFrom(options: object | undefined): DisclosureOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  const str = (k: string, d: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : d);
  const list = (k: string, d: string[]) => (Array.isArray(o[k]) ? (o[k] as string[]) : d);
  const toolingField = str('tooling-field', DEFAULT_DISCLOSURE.toolingField);
  let fields = list('required-fields', DEFAULT_DISCLOSURE.fields);
  // A renamed tooling field replaces the template's in the default required fields.
  if (toolingField !== DEFAULT_DISCLOSURE.toolingField && fields.join('\u0000') === DEFAULT_DISCLOSURE.fields.join('\u0000')) {
    fields = fields.map((f) => (f === DEFAULT_DISCLOSURE.toolingField ? toolingField : f));
  }
  return {
    heading: str('heading', DEFAULT_DISCLOSURE.heading),
    noAiMarker: str('no-ai-marker', DEFAULT_DISCLOSURE.noAiMarker),
    aiMarker: str('ai-marker', DEFAULT_DISCLOSURE.aiMarker),
    fields,
    trailers: list('trailers', DEFAULT_DISCLOSURE.trailers),
    toolingField,
  };
}

/** The provenance options in force: the disclosure rule's options (even when the rule is off) and the `provenance:` block. */
export function provenancePolicyFrom(ruleOptions: object | undefined, config: ProvenanceConfig | undefined): ProvenancePolicy {
  return {
    disclosure: disclosureOptionsFrom(ruleOptions),
    reviewSuggestions: config?.['review-suggestions'] ?? DEFAULT_PROVENANCE.reviewSuggestions,
  };
}
