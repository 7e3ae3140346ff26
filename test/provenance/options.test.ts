import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/load.ts';
import { resolvePolicy } from '../../src/policy/resolve.ts';
import { DEFAULT_DISCLOSURE } from '../../src/provenance/disclosure.ts';
import { allRules } from '../../rules/index.ts';

const resolve = (yaml: string) => resolvePolicy(parsePolicy(yaml, 'p.yml', allRules), 'p.yml', allRules);

describe('ResolvedPolicy.provenance', () => {
  it('defaults: the template and review suggestions counted', () => {
    expect(resolve('version: 1\n').provenance).toEqual({ disclosure: DEFAULT_DISCLOSURE, reviewSuggestions: true });
  });

  it('takes the ai-disclosure options even when the rule is off, and the provenance: block', () => {
    const p = resolve(
      'version: 1\nprovenance:\n  review-suggestions: false\nrules:\n  ai-disclosure:\n    severity: off\n    heading: Uso de IA\n    ai-marker: Con IA\n    tooling-field: Herramientas\n',
    ).provenance;
    expect(p.reviewSuggestions).toBe(false);
    expect(p.disclosure).toMatchObject({ heading: 'Uso de IA', aiMarker: 'Con IA', toolingField: 'Herramientas', noAiMarker: DEFAULT_DISCLOSURE.noAiMarker });
  });

  it('rejects an unknown provenance key with its position', () => {
    expect(() => resolve('version: 1\nprovenance:\n  review-suggestion: false\n')).toThrow(/p\.yml:3:/);
  });
});
