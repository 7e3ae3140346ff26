// The change model and the report: plain, JSON-serializable data. Types only.

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

/** One line of a hunk. `line` is the new-side number for added lines, old-side for deleted ones. */
export interface DiffLine {
  line: number;
  content: string;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@` (often the enclosing function). */
  section: string;
  added: DiffLine[];
  deleted: DiffLine[];
}

/** Attributes the source read from .gitattributes for this path. */
export interface FileAttributes {
  generated?: boolean;
  vendored?: boolean;
  /** `-diff` (or `diff=false`): git treats it as binary for diffs. */
  noDiff?: boolean;
}

export interface FileChange {
  path: string;
  oldPath?: string;
  status: FileStatus;
  binary: boolean;
  submodule: boolean;
  modeChange?: { oldMode: string; newMode: string };
  /** Similarity index for renames and copies, 0..100. */
  similarity?: number;
  additions: number;
  deletions: number;
  hunks: Hunk[];
  attributes?: FileAttributes;
  /** The source could not provide the patch (e.g. GitHub omits it for large files). */
  patchMissing?: boolean;
  /**
   * For files git calls binary: their printable runs (as `strings` does), or why they were not
   * read (e.g. over the size limit). Secret scanning reads these instead of hunks.
   */
  contentScan?: { lines: DiffLine[] } | { skipped: string };
}

export interface Person {
  name: string;
  email: string;
  login?: string;
  /** GitHub account type when known: 'User', 'Bot', 'Organization'. */
  type?: string;
}

export interface Trailer {
  key: string;
  value: string;
  /** 1-based line number of the trailer within the commit message. */
  line: number;
}

export interface Commit {
  sha: string;
  author: Person;
  committer: Person;
  message: string;
  trailers: Trailer[];
}

export interface PullRequest {
  number?: number;
  title: string;
  body: string | null;
  labels: string[];
  author: { login: string; type: string };
  baseRef: string;
  headRef: string;
  draft: boolean;
}

export interface ChangeSet {
  base: string;
  head: string;
  files: FileChange[];
  commits: Commit[];
  pr?: PullRequest;
  /** Things the source could not fully read (truncation, missing patches), shown in reports. */
  notes?: string[];
  /**
   * Per commit of the change: the added lines that the net diff (`files`) does NOT contain, e.g. a
   * line one commit added and a later one removed. Filled only when a rule needs it.
   */
  history?: { sha: string; files: FileChange[] }[];
}

export type Severity = 'error' | 'warning' | 'notice';
export type SeveritySetting = Severity | 'off';

export interface Evidence {
  /** Kind of signal: 'co-authored-by', 'assisted-by', 'commit-author', 'pr-author', 'branch', 'pr-body', ... */
  signal: string;
  agent: string;
  /** Where it was found, e.g. "commit 1a2b3c4 line 7", "PR body", "branch", "PR author". */
  where: string;
  text: string;
}

export interface Provenance {
  assisted: boolean;
  agents: string[];
  evidence: Evidence[];
  /** How the verdict was reached: detected signals, the PR's own disclosure, or the --ai flag. */
  source: 'detected' | 'disclosure' | 'flag' | 'none';
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path?: string;
  line?: number;
  endLine?: number;
  /** Stable identifier (e.g. a secret's fingerprint) for waivers and de-duplication. */
  fingerprint?: string;
  /** How sure the rule is (secret-leakage: 'verified-format' | 'format' | 'generic'). */
  confidence?: string;
}

export interface Stats {
  files: number;
  additions: number;
  deletions: number;
}

export interface Report {
  version: 1;
  conclusion: 'success' | 'failure';
  findings: Finding[];
  stats: Stats;
  ai: Provenance;
  /** Where the policy came from: a file path, or 'embedded default'. */
  policy: string;
  notes: string[];
}
