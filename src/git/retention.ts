// What the git source keeps of deleted lines. No rule reads deleted text except tests-touched,
// which reads the deleted lines of test files (assertions removed); elsewhere the text would only
// cost memory and garbage collection on large changes. So deleted text is kept for paths that
// could be tests under any common convention (a superset of the rule's default globs: any path
// with "test" or "spec" in it, JVM integration tests `*IT.java`, Rust files with inline test
// modules) and dropped elsewhere, as soon as each file is parsed; the counts always stay.
import type { FileChange } from '../model.ts';

const TESTISH = /test|spec/i;
const JVM_IT = /IT\.(java|kt|kts|groovy|scala)$/;

export function mayBeTest(path: string): boolean {
  return TESTISH.test(path) || JVM_IT.test(path) || path.endsWith('.rs');
}

/** Drops the text of a file's deleted lines unless `keep` says its path may need it. */
export function releaseDeletedText(file: FileChange, keep: (path: string) => boolean = mayBeTest): void {
  if (keep(file.path) || (file.oldPath !== undefined && keep(file.oldPath))) return;
  for (const hunk of file.hunks) if (hunk.deleted.length > 0) hunk.deleted = [];
}
