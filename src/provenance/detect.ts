// The detector: walk a change set's commits and PR metadata and collect evidence of AI agents.
import type { ProvenanceInput, Commit, Evidence, Trailer } from '../model.ts';
import { type Identity, matchIdentity, matchTool, parsePerson, readable } from './identity.ts';
import { type AgentSignature, PERSON_TRAILERS, SIGNATURES, TOOL_TRAILERS } from './signatures.ts';
import { bodyLines, clip, type FooterTest, messageLines, TRAILER_LINE, type TextLine } from './text.ts';

export interface Detection {
  agents: string[];
  evidence: Evidence[];
}

/** Evidence kind of an AI review bot's co-author trailer: a committed review suggestion. */
export const REVIEW_SUGGESTION = 'review-suggestion';

/** The longest evidence text, and the longest agent name a disclosure's free text may give. */
export const MAX_TEXT = 160;
export const MAX_AGENT = 80;
const MERGE_BRANCHES = [
  /^Merge (?:remote-tracking )?branch '([^']+)'(?: of \S+)?(?: into (\S+))?/,
  /^Merge pull request #\d+ from (\S+)/,
  // Written by hand or by an agent updating its branch: `Merge main into codex/fix-x`.
  /^Merge (\S+) into (\S+)/,
];

class Collector {
  readonly evidence: Evidence[] = [];
  private readonly seen = new Set<string>();
  add(sig: AgentSignature, signal: string, where: string, text: string): void {
    const clipped = clip(text, MAX_TEXT);
    // One piece of evidence per agent, signal and text: 40 commits by the same bot say it once.
    const key = `${sig.agent}\u0000${signal}\u0000${clipped}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.evidence.push({ signal, agent: sig.agent, where, text: clipped });
  }
}

/** Detect AI agents in a change set with the given registry (the built-in one by default). */
export function detectAgents(change: ProvenanceInput, registry: readonly AgentSignature[] = SIGNATURES): Detection {
  const out = new Collector();
  const footer = footerTest(registry);
  for (const commit of change.commits) scanCommit(commit, registry, out, footer);
  const pr = change.pr;
  if (pr) {
    const who: Identity = { login: pr.author.login };
    for (const sig of registry) {
      if (matchIdentity(who, sig)) out.add(sig, 'pr-author', 'PR author', `${pr.author.login} (${pr.author.type})`);
    }
    if (pr.body) {
      scanLines(bodyLines(pr.body, footer), 'pr-body', (line) => `PR body line ${line}`, registry, out, true);
    }
  }
  // The head branch: the PR's in the Action, the local branch in the CLI and pre-push.
  for (const name of new Set([pr?.headRef, change.branch])) {
    if (name) addBranch(name, false, 'branch', name, registry, out);
  }
  // With no branch known (`check --pr-title` on a diff), the title GitHub made from it stands in.
  const titled = pr && !pr.headRef && !change.branch ? branchOfTitle(pr.title) : undefined;
  if (titled) addBranch(titled, false, 'PR title', pr!.title, registry, out);
  const agents = [...new Set(out.evidence.map((e) => e.agent))];
  return { agents, evidence: out.evidence };
}

/** Footer-shaped lines: an agent's footer marker, or a trailer. */
function footerTest(registry: readonly AgentSignature[]): FooterTest {
  const footers = registry.flatMap((s) => (s.markers ?? []).filter((m) => m.footer).map((m) => m.pattern));
  return (text) => TRAILER_LINE.test(text) || footers.some((p) => p.test(readable(text)));
}

function scanCommit(commit: Commit, registry: readonly AgentSignature[], out: Collector, footer: FooterTest): void {
  const short = commit.sha.slice(0, 7);
  const roles = [
    ['commit-author', 'author', commit.author],
    ['commit-committer', 'committer', commit.committer],
  ] as const;
  for (const [signal, role, person] of roles) {
    for (const sig of registry) {
      if (matchIdentity(person, sig)) out.add(sig, signal, `commit ${short} ${role}`, describePerson(person));
    }
  }
  for (const trailer of commit.trailers) {
    scanTrailer(trailer, `commit ${short} line ${trailer.line}`, registry, out);
  }
  const trailerLines = new Set(commit.trailers.map((t) => t.line));
  const lines = messageLines(commit.message, footer).filter((l) => !trailerLines.has(l.line));
  scanLines(lines, 'commit-message', (line) => `commit ${short} line ${line}`, registry, out, false);
  const subject = commit.message.split('\n', 1)[0] ?? '';
  for (const pattern of MERGE_BRANCHES) {
    const m = pattern.exec(subject);
    if (!m) continue;
    for (const name of m.slice(1)) if (name) addBranch(name, true, `commit ${short} line 1`, subject, registry, out);
    break;
  }
  // A squash merge keeps the PR's title, which may be the one GitHub made from its branch, and
  // adds ` (#12)`; a subject without it is the author's own ("sweep/clean the old caches").
  const squashed = / \(#\d+\)$/.exec(subject);
  const titled = squashed ? branchOfTitle(subject.slice(0, squashed.index)) : undefined;
  if (titled) addBranch(titled, false, `commit ${short} line 1`, subject, registry, out);
}

/** A branch name, found `where` in `text`: branch evidence for every agent whose branches it matches. */
function addBranch(name: string, allowOwner: boolean, where: string, text: string, registry: readonly AgentSignature[], out: Collector): void {
  for (const sig of registry) {
    if (branchMatches(name, sig, allowOwner)) out.add(sig, 'branch', where, text);
  }
}

/**
 * The head branch in a title GitHub proposed: a PR of several commits is titled after its branch,
 * capitalised, with `-` and `_` as spaces (`codex/fix-the-parser` -> "Codex/fix the parser").
 * Only a title of that shape: a first word with a `/`, nothing a branch name cannot hold (`:`, `?`,
 * `*`, `[`, `~`, `^`, `\\`, `..`) and no capital after the first letter ("Copilot/Codex: compare" is prose).
 */
export function branchOfTitle(title: string): string | undefined {
  const t = title.trim();
  if (!/^[^\s/]+\/\S/.test(t) || /[:?*[\\~^]|\.\./.test(t) || /\p{Lu}/u.test(t.slice(1))) return undefined;
  return t[0]!.toLowerCase() + t.slice(1).replace(/ /g, '-');
}

function scanTrailer(trailer: Trailer, where: string, registry: readonly AgentSignature[], out: Collector): void {
  const key = trailer.key.toLowerCase();
  const text = `${trailer.key}: ${trailer.value}`;
  const isPerson = (PERSON_TRAILERS as readonly string[]).includes(key);
  const isTool = (TOOL_TRAILERS as readonly string[]).includes(key);
  const who = parsePerson(trailer.value);
  // A value with an e-mail address is a person: matched as one, never by its name as a tool.
  const person = who.email !== undefined;
  for (const sig of registry) {
    if ((isPerson || (isTool && person)) && matchIdentity(who, sig)) {
      out.add(sig, sig.review && key === 'co-authored-by' ? REVIEW_SUGGESTION : key, where, text);
      continue;
    }
    if (isTool && !person && matchTool(trailer.value, sig)) {
      out.add(sig, key, where, text);
      continue;
    }
    const session = sig.trailers?.find((t) => t.key.toLowerCase() === key);
    if (session && (!session.value || session.value.test(readable(trailer.value).trim()))) {
      out.add(sig, 'session-trailer', where, text);
    }
  }
}

function scanLines(
  lines: readonly TextLine[],
  signal: 'pr-body' | 'commit-message',
  where: (line: number) => string,
  registry: readonly AgentSignature[],
  out: Collector,
  prBody: boolean,
): void {
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const text = readable(l.text);
    // What a reader sees: an HTML comment is hidden (a PR template's `<!-- Link to Devin run -->`
    // hint), read only for the markers that are comments the tool writes.
    const shown = l.shown === undefined ? text : readable(l.shown);
    for (const sig of registry) {
      for (const marker of sig.markers ?? []) {
        if (marker.footer && (!l.footer || l.html)) continue;
        if (marker.subject && (prBody || l.line !== 1)) continue;
        if (marker.pattern.test(marker.comment ? text : shown)) out.add(sig, signal, where(l.line), l.text.trim());
      }
    }
    // Trailers outside git's trailer block (squash descriptions, `Agent-Logs-Url:` in its own
    // paragraph above the co-authors): read where trailers go, the footer block.
    if (l.footer && !l.html) {
      const m = TRAILER_LINE.exec(l.shown ?? l.text);
      if (m) scanTrailer({ key: m[1]!, value: m[2]!, line: l.line }, where(l.line), registry, out);
    }
  }
}

/** `codex/fix-x`; in merge subjects also `origin/codex/fix-x` and `owner/codex/fix-x`. */
function branchMatches(name: string, sig: AgentSignature, allowOwner: boolean): boolean {
  const candidates = [name.replace(/^refs\/heads\//, '')];
  if (allowOwner && name.includes('/')) candidates.push(name.slice(name.indexOf('/') + 1));
  return candidates.some(
    (n) => (sig.branches?.some((prefix) => n.startsWith(prefix)) ?? false) || (sig.branchPatterns?.some((re) => re.test(n)) ?? false),
  );
}

function describePerson(p: { name: string; email: string; login?: string }): string {
  const parts = [p.name, p.email ? `<${p.email}>` : '', p.login && p.login !== p.name ? `(@${p.login})` : ''];
  return parts.filter(Boolean).join(' ') || '(unknown)';
}
