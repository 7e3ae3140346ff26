// The fake GitHub's state and what it records (fake-github.ts), apart from the server itself.
import type { Hostile } from './hostile.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Json;
  operationId: string | undefined;
  /** When the request arrived and when its answer was sent (ms, performance.now()). */
  start: number;
  end?: number;
  /** The token the request was made with. */
  token?: string;
}

export interface Failure {
  operationId: string;
  status: number;
  /** How many times to fail before answering normally (default 1). */
  times?: number;
  message?: string;
  headers?: Record<string, string>;
  /** Fail only requests whose body this accepts (e.g. one check run by its name). */
  when?: (body: Json) => boolean;
}

export interface FakeFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}

export interface FakeCommit {
  sha: string;
  message: string;
  author?: { name: string; email: string; login?: string; type?: string };
  /**
   * The accounts GitHub resolves the message's Co-authored-by addresses to (GraphQL
   * `Commit.authors`, after the author): a login, or null for an address no account verified.
   */
  coAuthors?: (string | null)[];
}

export interface FakeState {
  owner: string;
  repo: string;
  /** The REST pull request object (pulls.get); see `pullFromEvent`. */
  pull: Json;
  files: FakeFile[];
  commits: FakeCommit[];
  /** Repository contents by commit sha, then by path. */
  contents: Record<string, Record<string, string>>;
  /** Symlinks by commit sha, then by path: the link's target, as git stores it. */
  links?: Record<string, Record<string, string>>;
  /** Every write (check runs, comments) answers 403, like a fork PR's read-only token. */
  readOnly: boolean;
  failures: Failure[];
  /** The merge base `repos/compare-commits-with-basehead` reports (default: the base sha). */
  mergeBase?: string;
  hostile?: Hostile;
  /** Milliseconds before each request is handled (to measure sequential rounds). */
  latencyMs?: number;
  /** Humans in the loop (see `routeHumans`): reviews, PR comments, comparisons, team members. */
  humans?: FakeHumans;
}

export interface FakeReview {
  /** null: GitHub names no user (the account was deleted). */
  login: string | null;
  type?: 'User' | 'Bot';
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string;
  submitted_at?: string;
  /** The reviewer's author_association (default: the example's COLLABORATOR). */
  association?: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'NONE';
}

export interface FakeIssueComment {
  login: string;
  type?: 'User' | 'Bot';
  /** The author's author_association (default: the example's COLLABORATOR). */
  association?: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';
  body: string;
  created_at?: string;
  /** Who edited the body, in order (GraphQL `userContentEdits`); any makes updated_at later than created_at. */
  editedBy?: string[];
}

export interface FakeHumans {
  reviews?: FakeReview[];
  /** Conversation comments already on the PR (before the run). */
  comments?: FakeIssueComment[];
  /**
   * `base...head` -> the files head changed since their merge base (and the commits, for a merge
   * group); `behindBy`: commits base has that head lacks (status behind, or diverged with commits).
   */
  compare?: Record<string, { files: FakeFile[]; commits?: FakeCommit[]; behindBy?: number }>;
  /** The PR's `labeled` events, oldest first (default: each label added by @maintainer). */
  labelEvents?: { label: string; actor: string }[];
  /** `org/team` -> active members. Only `membersToken` may read them (else 403). */
  teams?: Record<string, string[]>;
  /** The token that can read team membership (the Action's `owners-token`). */
  membersToken?: string;
  /**
   * Login (lower case) -> the permission `repos/get-collaborator-permission-level` reports
   * (default: write); `missing`: GitHub knows no such user (404).
   */
  permissions?: Record<string, 'admin' | 'write' | 'read' | 'none' | 'missing'>;
}


