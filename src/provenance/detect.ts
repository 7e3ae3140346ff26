// The detector: walk a change set's commits and PR metadata and collect evidence of AI agents.
import type { ChangeSet, Commit, Evidence, Trailer } from '../model.ts';
import { type Identity, matchIdentity, matchTool, parsePerson } from './identity.ts';
import { type AgentSignature, PERSON_TRAILERS, SIGNATURES, TOOL_TRAILERS } from './signatures.ts';

export interface Detection {
  agents: string[];
  evidence: Evidence[];
}

const MAX_TEXT = 160;
/** Trailer-shaped lines we also read in PR bodies (squash-merge descriptions carry them). */
const BODY_TRAILER = /^\s*([A-Za-z][A-Za-z0-9-]*-by|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]+):\s*(.+?)\s*$/;
const MERGE_BRANCHES = [
  /^Merge (?:remote-tracking )?branch '([^']+)'(?: of \S+)?(?: into (\S+))?/,
  /^Merge pull request #\d+ from (\S+)/,
];

class Collector {
  readonly evidence: Evidence[] = [];
  private readonly seen = new Set<string>();
  add(sig: AgentSignature, signal: string, where: string, text: string): void {
    const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    // One piece of evidence per agent, signal and text: 40 commits by the same bot say it once.
    const key = `${sig.agent}\u0000${signal}\u0000${clipped}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.evidence.push({ signal, agent: sig.agent, where, text: clipped });
  }
}

/** Detect AI agents in a change set with the given registry (the built-in one by default). */
export function detectAgents(change: ChangeSet, registry: readonly AgentSignature[] = SIGNATURES): Detection {
  const out = new Collector();
  for (const commit of change.commits) scanCommit(commit, registry, out);
  const pr = change.pr;
  if (pr) {
    const who: Identity = { login: pr.author.login };
    for (const sig of registry) {
      if (matchIdentity(who, sig)) out.add(sig, 'pr-author', 'PR author', `${pr.author.login} (${pr.author.type})`);
    }
    if (pr.headRef) {
      for (const sig of registry) {
        if (branchMatches(pr.headRef, sig, false)) out.add(sig, 'branch', 'branch', pr.headRef);
      }
    }
    if (pr.body) scanText(pr.body, 'pr-body', (line) => `PR body line ${line}`, registry, out, true);
  }
  const agents = [...new Set(out.evidence.map((e) => e.agent))];
  return { agents, evidence: out.evidence };
}

function scanCommit(commit: Commit, registry: readonly AgentSignature[], out: Collector): void {
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
  scanText(commit.message, 'commit-message', (line) => `commit ${short} line ${line}`, registry, out, false, trailerLines);
  const subject = commit.message.split('\n', 1)[0] ?? '';
  for (const pattern of MERGE_BRANCHES) {
    const m = pattern.exec(subject);
    if (!m) continue;
    for (const name of m.slice(1)) {
      if (!name) continue;
      for (const sig of registry) {
        if (branchMatches(name, sig, true)) out.add(sig, 'branch', `commit ${short} line 1`, subject);
      }
    }
    break;
  }
}

function scanTrailer(trailer: Trailer, where: string, registry: readonly AgentSignature[], out: Collector): void {
  const key = trailer.key.toLowerCase();
  const text = `${trailer.key}: ${trailer.value}`;
  const isPerson = (PERSON_TRAILERS as readonly string[]).includes(key);
  const isTool = (TOOL_TRAILERS as readonly string[]).includes(key);
  for (const sig of registry) {
    if (isPerson && matchIdentity(parsePerson(trailer.value), sig)) {
      out.add(sig, key, where, text);
      continue;
    }
    if (isTool && matchTool(trailer.value, sig)) {
      out.add(sig, key, where, text);
      continue;
    }
    const session = sig.trailers?.find((t) => t.key.toLowerCase() === key);
    if (session && (!session.value || session.value.test(trailer.value.trim()))) {
      out.add(sig, 'session-trailer', where, text);
    }
  }
}

function scanText(
  text: string,
  signal: 'pr-body' | 'commit-message',
  where: (line: number) => string,
  registry: readonly AgentSignature[],
  out: Collector,
  prBody: boolean,
  skipLines: ReadonlySet<number> = new Set(),
): void {
  const lines = text.split(/\r?\n/);
  let fence: string | undefined;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    // In a PR body, fenced code is quoted material (docs, logs, examples), not what the tool wrote.
    const opener = prBody ? /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1] : undefined;
    if (opener && (fence === undefined || opener.startsWith(fence))) {
      fence = fence === undefined ? opener : undefined;
      return;
    }
    if (fence !== undefined || skipLines.has(lineNo) || raw.trim() === '') return;
    for (const sig of registry) {
      for (const marker of sig.markers ?? []) {
        if (marker.pattern.test(raw)) out.add(sig, signal, where(lineNo), raw.trim());
      }
    }
    if (prBody) {
      const m = BODY_TRAILER.exec(raw);
      if (m) scanTrailer({ key: m[1]!, value: m[2]!, line: lineNo }, where(lineNo), registry, out);
    }
  });
}

/** `codex/fix-x`; in merge subjects also `origin/codex/fix-x` and `owner/codex/fix-x`. */
function branchMatches(name: string, sig: AgentSignature, allowOwner: boolean): boolean {
  const candidates = [name];
  if (allowOwner && name.includes('/')) candidates.push(name.slice(name.indexOf('/') + 1));
  return candidates.some((n) => sig.branches?.some((prefix) => n.startsWith(prefix)) ?? false);
}

function describePerson(p: { name: string; email: string; login?: string }): string {
  const parts = [p.name, p.email ? `<${p.email}>` : '', p.login && p.login !== p.name ? `(@${p.login})` : ''];
  return parts.filter(Boolean).join(' ') || '(unknown)';
}
