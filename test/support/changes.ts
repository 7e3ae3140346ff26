// Small ChangeSet builders for tests and the benchmark.
import type { ChangeSet, Commit, FileChange, PullRequest } from '../../src/model.ts';

/** A file whose content is entirely added lines starting at line 1. */
export function addedFile(path: string, content: string): FileChange {
  const lines = content.split('\n');
  return {
    path,
    status: 'added',
    binary: false,
    submodule: false,
    additions: lines.length,
    deletions: 0,
    hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: lines.length, section: '', added: lines.map((c, i) => ({ line: i + 1, content: c })), deleted: [] }],
  };
}

export function commit(sha: string, message: string): Commit {
  const who = { name: 'Dev', email: 'dev@example.com' };
  return { sha, author: who, committer: who, message, trailers: [] };
}

export function pr(title: string, body: string | null): PullRequest {
  return { title, body, labels: [], author: { login: 'dev', type: 'User' }, baseRef: 'main', headRef: 'feature', draft: false };
}

export function changeSet(files: FileChange[], extra: Partial<ChangeSet> = {}): ChangeSet {
  return { base: 'base', head: 'head', files, commits: [], ...extra };
}
