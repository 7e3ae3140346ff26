// Who edited a waive command. Anyone with write access to a repository may edit anyone's comment
// there, so an edited `/prguard waive` in a lead's comment may not be the lead's: GitHub's GraphQL
// API names each edit's editor (REST does not). Read only for edited comments that hold a command.
import type { IssueComment } from '../model.ts';
import type { GitHub } from './client.ts';
import { waiveRequests } from './waivers.ts';

/** Edits read per comment at most; a comment edited more often counts as unknown. */
const MAX_EDITS = 100;

const QUERY = `query($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on IssueComment { id editor { login } userContentEdits(first: ${MAX_EDITS}) { totalCount nodes { editor { login } } } }
  }
}`;

interface EditsNode {
  id?: unknown;
  editor?: { login?: unknown } | null;
  userContentEdits?: { totalCount?: unknown; nodes?: ({ editor?: { login?: unknown } | null } | null)[] | null } | null;
}

/** The editors of one node, or null when the answer does not say them all. */
function editorsOf(node: EditsNode): string[] | null {
  const edits = node.userContentEdits;
  if (!edits || !Array.isArray(edits.nodes) || typeof edits.totalCount !== 'number' || edits.totalCount > edits.nodes.length) return null;
  const logins = new Set<string>();
  for (const e of [node, ...edits.nodes]) {
    // An edit whose editor GitHub names no account for (deleted) is nobody known: unknown.
    if (e === node && !e?.editor) continue;
    const login = e?.editor?.login;
    if (typeof login !== 'string' || login === '') return null;
    logins.add(login);
  }
  return [...logins];
}

/**
 * Set `editedBy` on every edited comment that holds a waive command: the logins GitHub names for
 * its edits, or null when they could not be read (the waiver then does not count: fail closed).
 */
export async function readCommentEditors(octokit: GitHub, comments: IssueComment[], log: (m: string) => void): Promise<void> {
  const edited = comments.filter((c) => c.updatedAt !== undefined && waiveRequests([c]).length > 0);
  if (edited.length === 0) return;
  for (const c of edited) c.editedBy = null;
  const ids = edited.flatMap((c) => (c.nodeId ? [c.nodeId] : []));
  if (ids.length === 0) return;
  let nodes: unknown;
  try {
    ({ nodes } = await octokit.graphql<{ nodes: unknown }>(QUERY, { ids }));
  } catch (err) {
    log(`prguard: who edited the waive comments could not be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); edited waivers do not count.`);
    return;
  }
  if (!Array.isArray(nodes)) return;
  const byId = new Map<string, EditsNode>();
  for (const n of nodes as (EditsNode | null)[]) if (n && typeof n.id === 'string') byId.set(n.id, n);
  for (const c of edited) {
    const node = c.nodeId ? byId.get(c.nodeId) : undefined;
    if (node) c.editedBy = editorsOf(node);
  }
}
