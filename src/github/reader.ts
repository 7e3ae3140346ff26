// The repository reader over the GitHub contents API. The API follows a symlink whose target is a
// file and answers with the target (its `path` tells), so a link is reported as a link either way.
import { parentsOf, RepoReadError, throughLinkedDirectory, type RepoEntry, type RepoReader } from '../repo/reader.ts';
import { callError, statusOf, type GitHub } from './client.ts';
import { malformed } from './shape.ts';

export interface RepoRef {
  owner: string;
  repo: string;
}

interface ContentData {
  type?: string;
  path?: string;
  target?: string;
  content?: string;
  encoding?: string;
  size?: number;
}

/** The 404 message of the contents API for a ref it does not know. */
const NO_COMMIT = /^No commit found for the ref/i;

function apiMessage(err: unknown): string {
  const message = (err as { response?: { data?: { message?: unknown } } })?.response?.data?.message;
  return typeof message === 'string' ? message : '';
}

export class GitHubRepoReader implements RepoReader {
  readonly label = 'the GitHub API';
  /** What each directory on an absent path's way is, by ref and path: asked once per run. */
  private readonly ways = new Map<string, Promise<RepoEntry>>();
  constructor(
    private readonly octokit: GitHub,
    private readonly where: RepoRef,
  ) {}

  async entryAt(ref: string, path: string): Promise<RepoEntry> {
    // The API does not look through a symlinked directory (`.github` -> `config`, say): a path under
    // one is "Not Found", which must not be taken for no policy. What each directory on the way is
    // gets asked with the path itself, once per run (through the API each read is a round trip),
    // and consulted only when the path is absent.
    const way = (dir: string): Promise<RepoEntry> => {
      const key = `${ref}\0${dir}`;
      let entry = this.ways.get(key);
      if (!entry) {
        this.ways.set(key, (entry = this.entry(ref, dir)));
        entry.catch(() => undefined); // an error counts only when it is consulted
      }
      return entry;
    };
    parentsOf(path).forEach(way);
    const entry = await this.entry(ref, path);
    return entry.kind === 'absent' ? throughLinkedDirectory(path, way) : entry;
  }

  private async entry(ref: string, path: string): Promise<RepoEntry> {
    let data: unknown;
    try {
      ({ data } = await this.octokit.rest.repos.getContent({ owner: this.where.owner, repo: this.where.repo, path, ref }));
    } catch (err) {
      if (statusOf(err) === 404) {
        // GitHub answers 404 for a commit it does not have too: that is no "absent" file (an
        // absent policy would let the embedded default judge the change), but nothing read at all.
        if (NO_COMMIT.test(apiMessage(err))) {
          throw new RepoReadError(
            `cannot read ${path} at ${ref.slice(0, 12)}: GitHub has no such commit in ${this.where.owner}/${this.where.repo}, so nothing could be read at it`,
          );
        }
        return { kind: 'absent' };
      }
      throw callError('repos.getContent', 'contents: read', err);
    }
    if (Array.isArray(data)) return { kind: 'other', type: 'directory' };
    if (data === null || typeof data !== 'object') throw malformed('repos.getContent', `${path}: the body is not a JSON object`);
    const file = data as ContentData;
    if (file.type === 'symlink') return { kind: 'symlink', target: String(file.target ?? '') };
    if (file.type !== 'file') return { kind: 'other', type: String(file.type ?? 'unknown') };
    // The API resolved a symlink for us: report the link, and let readAt read the target.
    if (typeof file.path === 'string' && file.path !== path) return { kind: 'symlink', target: relativeTarget(path, file.path) };
    if (file.encoding !== 'base64' || typeof file.content !== 'string') {
      throw new RepoReadError(
        `${path} at ${ref.slice(0, 12)} is too large to read through the contents API (${file.size ?? '?'} bytes)`,
      );
    }
    return { kind: 'file', text: Buffer.from(file.content, 'base64').toString('utf8') };
  }
}

/** A repository path as a target relative to the link's directory (readAt resolves it back). */
function relativeTarget(linkPath: string, targetPath: string): string {
  const depth = linkPath.split('/').length - 1;
  return `${'../'.repeat(depth)}${targetPath}`;
}
