// Commits in base..head, oldest first, read with a NUL-separated format (messages may hold anything).
import { parseTrailers } from '../diff/trailers.ts';
import type { Commit } from '../model.ts';
import { messageOf } from './message-text.ts';
import { type Git, gitWithInput } from './run.ts';

const FIELDS = 6;
export const logFormat = '--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B';

/** Parses `git log -z` output in logFormat. */
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
  const out = await git.raw(['log', '-z', '--reverse', '--encoding=UTF-8', logFormat, `${base}..${head}`, '--']);
  const commits = parseLog(out);
  if (commits.length > 0) await readWholeMessages(git, commits);
  return commits;
}

/**
 * git log shows a message only up to its first NUL byte (a commit written with hash-object may hold
 * one, and a UTF-16 message one beside every letter), so what follows, a token or a trailer, would
 * be pushed unread. Each commit object is read (one `cat-file --batch`), and a message with a NUL
 * byte is taken whole from it (message-text.ts).
 */
async function readWholeMessages(git: Git, commits: Commit[]): Promise<void> {
  const out = await gitWithInput(git.cwd, ['cat-file', '--batch'], commits.map((c) => `${c.sha}\n`).join(''));
  let pos = 0;
  for (const commit of commits) {
    const nl = out.indexOf(10, pos);
    const size = Number(/^\S+ commit (\d+)$/.exec(out.toString('latin1', pos, nl))?.[1] ?? NaN);
    if (nl < 0 || !Number.isFinite(size)) return;
    const object = out.subarray(nl + 1, nl + 1 + size);
    pos = nl + 1 + size + 1;
    const start = object.indexOf('\n\n');
    if (start < 0 || object.indexOf(0, start) < 0) continue;
    commit.message = messageOf(object).replace(/\s+$/, '');
    commit.trailers = parseTrailers(commit.message);
  }
}
