// What kind of file a finding is in: code and config, or a place where made-up credentials live
// (tests, fixtures, snapshots, docs, lockfiles). Decided by path and, for snapshots, by content.

export type FileKind = 'code' | 'test' | 'fixture' | 'snapshot' | 'doc' | 'lock';

/** Lockfiles: resolved versions and integrity hashes, written by package managers. */
const LOCK = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|Cargo\.lock|go\.sum|Gemfile\.lock|composer\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|packages\.lock\.json|flake\.lock|[\w.-]+\.lock)$/i;

/** Snapshot files (jest/vitest `__snapshots__`, insta `.snap`, syrupy `.ambr`). */
const SNAPSHOT_PATH = /(?:^|\/)(?:__snapshots__|snapshots)\/|\.(?:snap|ambr|snapshot)$/i;

const FIXTURE_PATH = /(?:^|\/)(?:__fixtures__|fixtures?|testdata|test[-_]data|__mocks__|mocks?|stubs?|cassettes|vcr|golden)\//i;

const TEST_PATH =
  /(?:^|\/)(?:tests?|__tests__|specs?|e2e|integration[-_]tests?|unittests?)\/|(?:^|\/)(?:test_[^/]+\.py|[^/]+_test\.(?:py|go|rb|rs|exs?|dart)|[^/]+\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?|[^/]+(?:Test|Tests|Spec|IT)\.(?:java|kt|cs|scala|swift|php|groovy)|[^/]+_spec\.rb|conftest\.py)$/;

/** Docs by extension, by folder, or a file named as examples (`examples-1.json`, `example.yaml`:
 * the request and response examples of an API description). */
const DOC_PATH = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|textile|org)$|(?:^|\/)(?:docs?|documentation|examples?|samples?|demos?)\/|(?:^|\/)examples?(?:[-_.][^/]*)?\.(?:json|ya?ml)$/i;

/** First-line markers of snapshot files whatever their name. */
const SNAPSHOT_CONTENT = [
  /^\/\/ (?:Jest|Vitest) Snapshot v\d/, // jest, vitest
  /^# serializer version: \d/, // syrupy (Python)
  /^---$/, // insta (Rust): a YAML header `source:` / `expression:` follows
];

export function fileKind(path: string, firstLines: readonly string[] = []): FileKind {
  if (LOCK.test(path)) return 'lock';
  if (SNAPSHOT_PATH.test(path) || isSnapshotContent(firstLines)) return 'snapshot';
  if (FIXTURE_PATH.test(path)) return 'fixture';
  if (TEST_PATH.test(path)) return 'test';
  if (DOC_PATH.test(path)) return 'doc';
  return 'code';
}

function isSnapshotContent(first: readonly string[]): boolean {
  const [a, b] = first;
  if (a === undefined) return false;
  const re = SNAPSHOT_CONTENT.find((r) => r.test(a));
  if (!re) return false;
  // A lone `---` opens many YAML and Markdown files: insta's header must follow.
  return re.source !== '^---$' || (b !== undefined && /^(?:source|expression|assertion_line|info|input_file): /.test(b));
}
