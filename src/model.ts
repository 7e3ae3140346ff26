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
  /**
   * Added lines, numbered on the new side. A parsed hunk makes `added` and `deleted` from its text
   * when they are first read, and a source may release them after the per-file phases (they are
   * made again, equal, on the next read): read each once per pass rather than in a loop condition.
   */
  added: DiffLine[];
  /** Deleted lines, numbered on the old side. */
  deleted: DiffLine[];
  /**
   * New-side numbers of the added lines read only in part: longer than the source's line-length
   * limit, so `added` holds only their start (secret-leakage fails them: the rest was not scanned).
   */
  cut?: number[];
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
  /**
   * The object id of the new content, when the diff writes it in full (the git source asks for
   * `--full-index`): git reads the blob by it, whatever bytes the file's name is made of.
   */
  blob?: string;
  /** Similarity index for renames and copies, 0..100. */
  similarity?: number;
  additions: number;
  deletions: number;
  hunks: Hunk[];
  attributes?: FileAttributes;
  /** The source could not provide the patch (e.g. GitHub omits it for large files). */
  patchMissing?: boolean;
  /**
   * For a file git calls binary by its content: the printable runs of its new content (as
   * `strings` finds them, at least 8 characters, with the line they start on; UTF-16 and UTF-32
   * runs too, as `strings -e l`, `-e b`, `-e L` and `-e B` do), for scanners that read content,
   * not labels; or why it was not read (over the size limit, unreadable).
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
  /** The message holds a line read only in part (a mailbox line over the line-length limit). */
  messageCut?: boolean;
  /**
   * The GitHub accounts of its authors, co-authors included, when the entry resolved them from
   * the `Co-authored-by` addresses (the Action does, for a trailer no no-reply address names).
   */
  coAuthorLogins?: string[];
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
  /**
   * The reviews submitted on the PR, oldest first, when the entry read them (the Action, or
   * `--reviews FILE`); absent when there are none to read (a local check).
   */
  reviews?: Review[];
  /** The PR's conversation comments (waiver commands live there), when the entry read them. */
  comments?: IssueComment[];
  /**
   * Team membership the entry could read, by team (`org/slug`, lower case): the logins among the
   * reviewers and commenters that are active members. A team absent here was not read.
   */
  teams?: Record<string, string[]>;
}

/** One submitted review (GitHub's pulls reviews list, as plain data). */
export interface Review {
  login: string;
  /** GitHub account type: 'User', 'Bot', ... ('' when unknown). */
  type: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING. */
  state: string;
  /** The commit the review was given on, when known. */
  commitId?: string;
  submittedAt?: string;
  /**
   * GitHub's `author_association` of the reviewer with the repository (OWNER, MEMBER,
   * COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE, ...), when known.
   */
  association?: string;
  /**
   * The reviewer's permission on the repository (admin, write, read, none), when the entry read it
   * (the Action does); '' when it tried and could not.
   */
  permission?: string;
  /**
   * Files changed between `commitId` and the change's head (from the compare API or git); absent
   * when unknown. Empty when the review is on the head.
   */
  changedSince?: string[];
}

/** One PR conversation comment. */
export interface IssueComment {
  id: number;
  login: string;
  type: string;
  body: string;
  createdAt: string;
  updatedAt?: string;
  url?: string;
  /** GitHub's global id of the comment (GraphQL), when the entry read it. */
  nodeId?: string;
  /**
   * Who edited the body (an edited waive command: anyone with write access may edit a comment),
   * when the entry read it; null when it could not be read.
   */
  editedBy?: string[] | null;
}

export interface ChangeSet {
  base: string;
  head: string;
  files: FileChange[];
  commits: Commit[];
  pr?: PullRequest;
  /** The local head branch (git source: the branch HEAD or --head names; pre-push: the pushed ref), without refs/heads/. */
  branch?: string;
  /**
   * Set by pre-push when `branch` is the name the push gives the remote's ref: the push scans
   * every pushed ref's name for verified-format secrets itself, whatever the policy
   * (src/commands/push-names.ts), so secret-leakage leaves those out of the branch name and each
   * is reported once, as the pushed ref's.
   */
  branchNamePushed?: true;
  /** Things the source could not fully read (truncation, missing patches), shown in reports. */
  notes?: string[];
  /**
   * Per commit of the change: the added lines that the net diff (`files`) does NOT contain, e.g. a
   * line one commit added and a later one removed. Filled only when a rule needs it.
   */
  history?: { sha: string; files: FileChange[] }[];
  /**
   * What the source could not read at all. The engine turns each entry into an error finding in
   * every enabled rule that reads that kind of data (RuleMeta.reads), so it can never pass.
   */
  unread?: Unread[];
  /** Annotated tags a push sends (pre-push), every level of a tag of a tag: text no commit shows. */
  tags?: PushedTag[];
  /**
   * Blobs a push sends outside any commit (what a tag of a tree or blob points at), their content
   * in `contentScan` as a binary file's; `where` names them, e.g. "a.json in the tree of refs/tags/t".
   */
  pushedBlobs?: { where: string; file: FileChange }[];
}

/** An annotated tag object: its ref (refs/tags/v1), and its name, tagger and message as the object says. */
export interface PushedTag {
  ref: string;
  sha: string;
  name: string;
  tagger: string;
  message: string;
}

/** What provenance reads of a change: the commits, the head branch and the PR, nothing of the files. */
export type ProvenanceInput = Pick<ChangeSet, 'commits' | 'branch' | 'pr'>;

/** Kinds of change data a rule reads: the file list, a file's changed lines, the commits. */
export type ReadKind = 'files' | 'lines' | 'commits';

/** Something the source could not read, e.g. a file's lines GitHub would not give. */
export interface Unread {
  kind: ReadKind;
  /** What is missing, e.g. "the changed lines of big.json", "files 3,001 to 4,000 of 4,000". */
  what: string;
  /** Why, and what to do about it. */
  reason: string;
  /** The file concerned, when there is one (the finding is shown on it). */
  path?: string;
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
  /**
   * Decided on the pull request: the check lacked PR data this finding depends on (a local run
   * without --pr-body / --label), so it is a notice here; the fields it awaits.
   */
  deferred?: ('title' | 'body' | 'labels' | 'reviews')[];
  /** Set when an audited waiver turned this finding into a notice: its severity before. */
  waived?: { severity: Severity; by: string };
  /** How sure the rule is (secret-leakage: 'verified-format' | 'format' | 'generic'). */
  confidence?: string;
}

/** An audited waiver that was applied: `/prguard waive <rule-id> <reason>` on the PR. */
export interface Waiver {
  ruleId: string;
  /** Login of who waived. */
  by: string;
  reason: string;
  /** Link to the comment. */
  url?: string;
  /** When the comment was written (or last edited). */
  at: string;
  /** How many findings it turned into notices. */
  findings: number;
}

export interface Stats {
  files: number;
  additions: number;
  deletions: number;
}

/** Where the policy in force came from. */
export interface PolicyOrigin {
  /** Repository-relative path of the file (as given, for an explicit file), or null for the embedded default. */
  path: string | null;
  /**
   * `base`: read at the change's base commit; `work-tree`: read from the work tree (a `--diff`
   * check has no commit); `explicit`: a file the user named; `default`: the embedded default.
   */
  source: 'base' | 'work-tree' | 'explicit' | 'default';
}

export interface Report {
  version: 1;
  conclusion: 'success' | 'failure';
  findings: Finding[];
  stats: Stats;
  ai: Provenance;
  /** Where the policy in force came from. */
  policy: PolicyOrigin;
  /** The rules that ran (enabled by the policy for this change), in display order. */
  rules: string[];
  notes: string[];
  /** Audited waivers applied to this report (present when the entry read the PR's comments). */
  waivers?: Waiver[];
}
