// Commits in base..head, oldest first, read with a NUL-separated format (messages may hold anything).
import { parseTrailers } from '../diff/trailers.ts';
import type { Commit } from '../model.ts';
import type { Git } from './run.ts';

const FIELDS = 6;
const FORMAT = '--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B';

/** Parses `git log -z` output in FORMAT. */
export function parseLog(out: string): Commit[] {
  const fields = out.split('\0');
  const commits: Commit[] = [];
  for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
    const [sha, an, ae, cn, ce, body] = fields.slice(i, i + FIELDS) as [string, string, string, string, string, string];
    const message = body.replace(/\s+$/, '');
    commits.push({
      sha: sha.trim(),
      author: { name: an, email: ae },
      committer: { name: cn, email: ce },
      message,
      trailers: parseTrailers(message),
    });
  }
  return commits;
}

export async function readCommits(git: Git, base: string, head: string): Promise<Commit[]> {
  const out = await git.raw(['log', '-z', '--reverse', '--encoding=UTF-8', FORMAT, `${base}..${head}`, '--']);
  return parseLog(out);
}
