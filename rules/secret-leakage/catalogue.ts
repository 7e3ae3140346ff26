// The provider pattern catalogue: data only, in priority order (on one span, earlier wins).
import { azurePatterns, workflowUrlPatterns } from './catalogue-azure.ts';
import { extraPatterns } from './catalogue-extra.ts';
import { gapPatterns } from './catalogue-gaps.ts';
import { keyPatterns } from './catalogue-keys.ts';
import { morePatterns } from './catalogue-more.ts';
import { platformPatterns } from './catalogue-platforms.ts';
import { servicePatterns } from './catalogue-services.ts';
import type { ProviderPattern } from './catalogue-types.ts';

export type { ProviderPattern } from './catalogue-types.ts';

export const catalogue: readonly ProviderPattern[] = [...workflowUrlPatterns, ...platformPatterns, ...servicePatterns, ...extraPatterns, ...morePatterns, ...azurePatterns, ...keyPatterns, ...gapPatterns];

/** The case-sensitive keywords of 4 characters or more: the provider prefixes and markers. */
export function providerPrefixes(defs: readonly ProviderPattern[]): string[] {
  return defs.flatMap((d) => (d.ciKeywords ? [] : d.keywords.filter((k) => k.length >= 4)));
}
