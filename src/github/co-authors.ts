// The GitHub accounts of the commits' co-authors (Commit.coAuthorLogins). A `Co-authored-by`
// trailer names a person by name and e-mail only: with a work address (coding agents write the
// requester's, `Co-Authored-By: Alice Smith <alice@corp.com>`) and a name that is not the login,
// the co-author could approve their own change. GitHub's GraphQL `Commit.authors` resolves each
// address to the account that verified it, as the commit page shows. Read only for commits with a
// trailer no no-reply address already names.
import type { ChangeSet, Commit } from '../model.ts';
import { isObjectId } from '../git/object-id.ts';
import { loginFromEmail, parseIdentity } from '../rule-kit/people.ts';
import { callError, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { malformed } from './shape.ts';

const CALL = 'graphql Commit.authors';
/** Commits per query (one alias each). */
const PER_QUERY = 100;
/** Authors read per commit; a commit with more is a malformed answer for prguard (fail closed). */
const MAX_AUTHORS = 100;

function needsLookUp(c: Commit): boolean {
  return c.trailers.some((t) => t.key.toLowerCase() === 'co-authored-by' && loginFromEmail(parseIdentity(t.value).email) === undefined);
}

function query(shas: readonly string[]): string {
  const fields = `... on Commit { authors(first: ${MAX_AUTHORS}) { totalCount nodes { user { login } } } }`;
  const aliases = shas.map((sha, i) => `c${i}: object(oid: "${sha}") { ${fields} }`).join('\n    ');
  return `query($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${aliases}\n  }\n}`;
}

interface AuthorsNode {
  authors?: { totalCount?: unknown; nodes?: unknown } | null;
}

function loginsOf(node: unknown, sha: string): string[] {
  const authors = (node as AuthorsNode | null)?.authors;
  const nodes = authors?.nodes;
  if (!authors || !Array.isArray(nodes) || typeof authors.totalCount !== 'number') throw malformed(CALL, `no authors for commit ${sha.slice(0, 12)}`);
  if (authors.totalCount > nodes.length) throw malformed(CALL, `commit ${sha.slice(0, 12)} has more than ${MAX_AUTHORS} authors`);
  return nodes.flatMap((n) => {
    const login = (n as { user?: { login?: unknown } | null } | null)?.user?.login;
    return typeof login === 'string' && login !== '' ? [login] : [];
  });
}

/** Set `coAuthorLogins` on each commit whose co-authors no no-reply address names. A failed read fails the run. */
export async function addCoAuthorLogins(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, change: ChangeSet): Promise<void> {
  const commits = change.commits.filter((c) => needsLookUp(c) && isObjectId(c.sha));
  const chunks: Commit[][] = [];
  for (let i = 0; i < commits.length; i += PER_QUERY) chunks.push(commits.slice(i, i + PER_QUERY));
  await Promise.all(
    chunks.map(async (chunk) => {
      let data: { repository?: Record<string, unknown> | null };
      try {
        data = await octokit.graphql<typeof data>(query(chunk.map((c) => c.sha)), { owner: pull.owner, name: pull.repo });
      } catch (err) {
        throw callError(CALL, 'contents: read', err);
      }
      if (!data?.repository) throw malformed(CALL, 'no repository');
      chunk.forEach((c, i) => {
        c.coAuthorLogins = loginsOf(data.repository![`c${i}`], c.sha);
      });
    }),
  );
}
