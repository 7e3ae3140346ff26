// The shape of an agent's signature in the registry (signatures.ts and its parts), kept apart so
// the parts of the registry can name it without importing the registry itself.

export interface Marker {
  pattern: RegExp;
  /** What the marker is, for the evidence text and the README. */
  label: string;
  /**
   * A footer the agent appends ("🤖 Generated with [Claude Code]"): it counts only at the start of
   * a line in the trailing footer block of the text, never quoted in prose, code or a quote.
   */
  footer?: boolean;
  /** Only the subject line of a commit message (aider's `aider:` prefix). */
  subject?: boolean;
  /**
   * The marker is an HTML comment the tool writes (Copilot's `<!-- START COPILOT CODING AGENT TIPS -->`):
   * read inside comments. Every other marker counts only in what GitHub shows, never in a comment.
   */
  comment?: boolean;
}

export interface TrailerSignature {
  /** Trailer key, case-insensitive (e.g. `Claude-Session`). */
  key: string;
  /** When given, the value must match too (e.g. `Replit-Commit-Author: Agent`). */
  value?: RegExp;
}

export interface AgentSignature {
  /** Display name, used in findings and JSON output. */
  agent: string;
  /** GitHub logins (exact, case-insensitive): bot accounts and agent accounts. */
  logins?: string[];
  /** Numeric GitHub account ids: `ID+name@users.noreply.github.com` matches even after a rename. */
  githubIds?: number[];
  /** E-mail addresses (exact, case-insensitive). */
  emails?: string[];
  /** Whole display names (author, committer, co-author) that only this agent uses. */
  names?: RegExp[];
  /**
   * Names that are the agent only in a trailer with no e-mail address at all (`Co-authored-by:
   * Claude`): a person always comes with an address, so "Claude <claude@example.fr>" is a person.
   */
  bareNames?: RegExp[];
  /** The tool named at the start of `Assisted-by:` / `Generated-by:` (before `:MODEL`). */
  tools?: RegExp;
  /** Trailers whose presence marks the agent (session and checkpoint trailers). */
  trailers?: TrailerSignature[];
  /** Head-branch prefixes the agent creates. */
  branches?: string[];
  /** Head-branch shapes beyond a fixed prefix (Codex's `p1njaq-codex/…` when `codex/…` is taken). */
  branchPatterns?: RegExp[];
  /** Lines the agent writes into PR bodies or commit messages. */
  markers?: Marker[];
  /**
   * An AI review bot: its co-author trailer on a commit is a committed review suggestion
   * (evidence kind "review-suggestion", counted or not by the policy's `provenance.review-suggestions`).
   */
  review?: boolean;
}
