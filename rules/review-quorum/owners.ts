// Core modules a change touches and who owns them: the policy's `owners`, else CODEOWNERS at the base.
import { pathsInGlobs, submodulePaths, touchedPaths } from '../../src/rule-kit/index.ts';
import type { ChangeSet } from '../../src/model.ts';
import type { RuleContext } from '../../src/rule.ts';
import { CODEOWNERS_PATHS, ownersOf, parseCodeowners } from '../../src/rule-kit/codeowners.ts';

export interface TouchedModule {
  name: string;
  globs: string[];
  files: string[];
  /** `@user` and `@org/team` owners (emails in CODEOWNERS cannot approve a review and are left out). */
  owners: string[];
  /**
   * The module's files by who owns them: one approval from an owner of each group is needed, as
   * GitHub asks a code owner of every changed file. A group with no owners cannot be approved.
   */
  groups: { owners: string[]; files: string[] }[];
  /** Where the owners come from. */
  from: 'policy' | 'CODEOWNERS' | 'nowhere';
}

/** The CODEOWNERS GitHub would use at the base (the first of its three places), if any. */
export function baseCodeowners(context: RuleContext): { path: string; text: string } | undefined {
  for (const path of CODEOWNERS_PATHS) {
    const text = context.baseDocuments?.[path];
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

export function touchedModules(change: ChangeSet, context: RuleContext): TouchedModule[] {
  const paths = touchedPaths(change);
  const submodules = submodulePaths(change);
  const file = baseCodeowners(context);
  const codeowners = file ? parseCodeowners(file.text) : undefined;
  const out: TouchedModule[] = [];
  for (const [name, globs] of Object.entries(context.core)) {
    const files = pathsInGlobs(change, paths, globs);
    if (files.length === 0) continue;
    const declared = context.coreOwners?.[name];
    if (declared && declared.length > 0) {
      out.push({ name, globs, files, owners: [...declared], groups: [{ owners: [...declared], files }], from: 'policy' });
      continue;
    }
    // A file no line owns (or the last matching line un-owns) needs no code owner on GitHub either.
    const groups = new Map<string, { owners: string[]; files: string[] }>();
    for (const f of files) {
      const all = codeowners ? ownersOf(codeowners, f, submodules.has(f)) : [];
      if (all.length === 0) continue;
      const owners = all.filter((o) => o.startsWith('@'));
      const key = owners.map((o) => o.toLowerCase()).sort().join(' ');
      const group = groups.get(key) ?? { owners, files: [] };
      group.files.push(f);
      groups.set(key, group);
    }
    const owners = [...new Set([...groups.values()].flatMap((g) => g.owners))];
    const from = groups.size > 0 ? 'CODEOWNERS' : 'nowhere';
    out.push({ name, globs, files, owners, groups: [...groups.values()], from });
  }
  return out;
}

/** `@org/team` -> `org/team` (lower case), or undefined for a user. */
export function teamOf(owner: string): string | undefined {
  return owner.includes('/') ? owner.slice(1).toLowerCase() : undefined;
}

/**
 * Is `login` one of `owners`? Users match by login; teams by the membership the entry read
 * (`teams`). Teams whose membership was not read are added to `unknown`.
 */
export function isOwner(
  login: string,
  owners: readonly string[],
  teams: Record<string, string[]> | undefined,
  unknown: Set<string>,
): boolean {
  const l = login.toLowerCase();
  for (const owner of owners) {
    const team = teamOf(owner);
    if (team === undefined) {
      if (owner.slice(1).toLowerCase() === l) return true;
      continue;
    }
    const members = teams?.[team];
    if (members === undefined) unknown.add(owner);
    else if (members.some((m) => m.toLowerCase() === l)) return true;
  }
  return false;
}
