// Small change sets for provenance and rule tests, built from real strings.
import type { ChangeSet, Commit, FileChange, Person, PullRequest } from '../../src/model.ts';
import { parseTrailers } from '../../src/diff/trailers.ts';
import { pr as basePr } from '../helpers/change.ts';

export const HUMAN: Person = { name: 'Ada Lovelace', email: 'ada@example.com' };
let counter = 0;

export function commit(message: string, parts: { author?: Person; committer?: Person; sha?: string } = {}): Commit {
  counter++;
  const sha = parts.sha ?? `${counter.toString(16).padStart(7, '0')}${'f'.repeat(33)}`;
  return { sha, author: parts.author ?? HUMAN, committer: parts.committer ?? parts.author ?? HUMAN, message, trailers: parseTrailers(message) };
}

export function pr(parts: Partial<PullRequest> = {}): PullRequest {
  return basePr({ headRef: 'feature/x', ...parts });
}

export function file(path: string, extra: Partial<FileChange> = {}): FileChange {
  return { path, status: 'modified', binary: false, submodule: false, additions: 3, deletions: 1, hunks: [], ...extra };
}

export function change(parts: { commits?: Commit[]; pr?: PullRequest; files?: FileChange[] } = {}): ChangeSet {
  const out: ChangeSet = { base: 'base', head: 'head', files: parts.files ?? [], commits: parts.commits ?? [] };
  if (parts.pr) out.pr = parts.pr;
  return out;
}

/** The guideline's PR template with the AI boxes ticked as given and the three fields filled. */
export const TEMPLATE = (noAi: ' ' | 'x', ai: ' ' | 'x', fields = ['', '', '']) => `## Summary
Adds the CSV export.

## AI Authorship Statement
- [${noAi}] This PR does **not** use AI output
- [${ai}] This PR uses AI output
  - AI-produced files: ${fields[0]}
  - Files reviewed line by line by a human: ${fields[1]}
  - AI tooling and model version: ${fields[2]}

## Change Type
- [x] Leaf node (local impact)
- [ ] Core code (broad impact, requires line-by-line review)
`;
