// Files read at a given commit through the contents API: the policy at the BASE commit (a PR
// can never weaken its own policy) and the documents rules ask for at the head.
import { UsageError } from '../errors.ts';
import { callError, statusOf, type GitHub } from './client.ts';
import { malformed } from './shape.ts';

export interface RepoRef {
  owner: string;
  repo: string;
}

/** The text of `path` at `ref`, or undefined when it does not exist there. */
export async function readFileAt(octokit: GitHub, where: RepoRef, path: string, ref: string): Promise<string | undefined> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner: where.owner, repo: where.repo, path, ref }));
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw callError('repos.getContent', 'contents: read', err);
  }
  if (data === null || typeof data !== 'object') throw malformed('repos.getContent', `${path}: the body is not a JSON object`);
  if (Array.isArray(data) || (data as { type?: string }).type !== 'file') {
    throw new UsageError(`${path} at ${ref.slice(0, 12)} is not a file (it is a ${Array.isArray(data) ? 'directory' : (data as { type?: string }).type}).`);
  }
  const file = data as { content?: string; encoding?: string; size?: number };
  if (file.encoding !== 'base64' || typeof file.content !== 'string') {
    throw new UsageError(`${path} at ${ref.slice(0, 12)} is too large to read through the contents API (${file.size ?? '?'} bytes).`);
  }
  return Buffer.from(file.content, 'base64').toString('utf8');
}

export interface PolicyText {
  /** Repository-relative path, or null when no policy file exists at the base. */
  path: string | null;
  text: string | null;
}

/**
 * The policy text at the base commit: the `policy` input when given (it must exist), else the
 * first of the discovery paths that exists, else none (the embedded default applies).
 */
export async function readBasePolicy(
  octokit: GitHub,
  where: RepoRef,
  baseSha: string,
  explicit: string | undefined,
  discovery: readonly string[],
): Promise<PolicyText> {
  if (explicit) {
    const path = explicit.replace(/^\.\//, '');
    const text = await readFileAt(octokit, where, path, baseSha);
    if (text === undefined) {
      throw new UsageError(
        `the policy file ${path} (the \`policy\` input) does not exist at the base commit ${baseSha.slice(0, 12)}. ` +
          'prguard reads the policy from the base branch so a PR cannot change its own policy: merge the policy first.',
      );
    }
    return { path, text };
  }
  for (const path of discovery) {
    const text = await readFileAt(octokit, where, path, baseSha);
    if (text !== undefined) return { path, text };
  }
  return { path: null, text: null };
}
