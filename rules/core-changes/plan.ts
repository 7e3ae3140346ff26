// Reading the plan document and the PR's own declarations for core-changes.
import { fromRoot, matchesGlob } from '../../src/glob.ts';
import type { ChangeSet } from '../../src/model.ts';
import { findField, findSection, findTaskItem, normaliseHeading, parseMarkdown, sections, taskItems } from '../../src/rule-kit/markdown.ts';

const GLOB_CHARS = /[*?[\]{}]/;

/** A token that names a path or glob: it has a `/` or a wildcard, or a file extension (`Makefile` has neither). */
const PATH_LIKE = /[/*?]|^[\w-]+(?:\.[\w-]+)*\.[A-Za-z0-9]{1,10}$/;

/**
 * The first path or glob of a list item: its first code span, else its first path-like word, else
 * its first word. `- The auth module: \`src/auth/**\`` -> `src/auth/**`,
 * `- Anything under db/migrations/` -> `db/migrations/`, `- Makefile` -> `Makefile`.
 */
function itemPath(text: string): string | undefined {
  const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(text);
  if (!item) return undefined;
  const body = item[1]!.trim();
  const code = /`([^`\s]+)`/.exec(body)?.[1];
  const words = tokens(body);
  const token = code ?? words.find((w) => PATH_LIKE.test(w)) ?? words[0];
  return token === undefined || token === '' ? undefined : token.replace(/^\.\//, '');
}

/** Paths and globs listed under the plan's "Must not modify" heading or `Must not modify:` line. */
export function mustNotModifyFromPlan(plan: string, title: string): string[] {
  const doc = parseMarkdown(plan);
  const section = findSection(doc, title);
  if (section) return section.lines.map((l) => itemPath(l.text)).filter((p): p is string => p !== undefined);
  const field = findField(doc, title);
  if (!field) return [];
  return tokens(field.value);
}

/** Tokens of a free-form file list ("src/a.ts, src/b/**; `lib/`"). */
export function tokens(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^[`"'(]+|[`"').]+$/g, '').replace(/^\.\//, ''))
    .filter((t) => t !== '');
}

/**
 * Is `path` covered by a listed token: the path itself, a directory above it, or a glob matching it.
 * Tokens are from the repository root, which a leading `/` (CODEOWNERS' anchor) or `./` also names.
 */
export function listed(path: string, list: readonly string[]): boolean {
  return list.some((written) => {
    const t = fromRoot(written);
    if (t === path) return true;
    if (GLOB_CHARS.test(t)) return matchesGlob(path, t);
    const dir = t.endsWith('/') ? t : `${t}/`;
    return path.startsWith(dir);
  });
}

/** A repository-relative path that stays inside the repository (no `/x`, `C:\\x`, or `..`). */
export function insideRepo(path: string): boolean {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return false;
  return !path.split('/').includes('..');
}

/** Repository-relative Markdown files the PR's "Plan Document" section links to. */
export function planLinks(change: ChangeSet, heading: string): string[] {
  const body = change.pr?.body;
  if (!body) return [];
  const section = findSection(parseMarkdown(body), heading);
  if (!section) return [];
  const out = new Set<string>();
  for (const l of section.lines) {
    for (const m of l.text.matchAll(/(?:^|[\s(`[<])((?:\.\/)?(?:[\w.-]+\/)*[\w.-]+\.md)\b/g)) {
      const before = l.text.slice(0, m.index + m[0].length);
      if (/[a-z]+:\/\/\S*$/i.test(before)) continue; // part of a URL, not a repository path
      const path = m[1]!.replace(/^\.\//, '');
      if (insideRepo(path)) out.add(path);
    }
  }
  return [...out];
}

export type ChangeType = 'leaf' | 'core' | 'both' | 'none';

/** What the PR body's "Change Type" section declares. */
export function declaredChangeType(change: ChangeSet, heading: string, leafMarker: string, coreMarker: string): ChangeType {
  const body = change.pr?.body;
  if (!body) return 'none';
  // Every section with the heading (a template pasted twice): a box ticked in either copy is ticked.
  const want = normaliseHeading(heading);
  const boxes = sections(parseMarkdown(body))
    .filter((s) => s.key === want)
    .flatMap((s) => taskItems(s));
  const leaf = findTaskItem(boxes, leafMarker)?.checked ?? false;
  const core = findTaskItem(boxes, coreMarker)?.checked ?? false;
  return leaf && core ? 'both' : leaf ? 'leaf' : core ? 'core' : 'none';
}
