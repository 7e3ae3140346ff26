// The repository files that enabled rules ask for (Rule.documents), read through a callback
// so each entry reads them its own way (git at the head, or the GitHub contents API).
import { effectiveRule } from './engine.ts';
import type { ChangeSet } from './model.ts';
import type { ResolvedPolicy } from './policy/resolve.ts';
import { allRules } from '../rules/index.ts';

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

