// Files whose `patch` GitHub left out (large diffs): their text is read at the merge base and at
// the head through the contents API and diffed here. What cannot be read becomes `unread`, which
// the engine turns into an error finding in every rule that reads lines.
import type { RepoRef } from './reader.ts';
import type { FileChange, Unread } from '../model.ts';
import { call, callError, GitHubCallError, statusOf, type GitHub } from './client.ts';
import { diffTexts } from './linediff.ts';
import { malformed, Shape } from './shape.ts';

/** Larger sides are not read (memory stays bounded); the file is reported as not checked. */
export const MAX_CONTENT_BYTES = 20 * 1024 * 1024;
/** Content requests in flight at once. */
const PARALLEL = 8;

const ADVICE =
  'Check out the base and head commits (actions/checkout with fetch-depth: 0) so prguard reads the diff with git.';

class Unreadable extends Error {}

/** Run `jobs` with at most `limit` in flight; results in order. */
export async function pooled<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await jobs[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** The merge base of the PR: the commit GitHub's file list is diffed against. */
async function mergeBase(octokit: GitHub, pull: RepoRef, base: string, head: string): Promise<string> {
  const { data } = await call('repos.compareCommitsWithBasehead', 'contents: read', () =>
    octokit.rest.repos.compareCommitsWithBasehead({ owner: pull.owner, repo: pull.repo, basehead: `${base}...${head}`, per_page: 1 }),
  );
  return new Shape('repos.compareCommitsWithBasehead').string(data, 'merge_base_commit.sha');
}

function decode(data: unknown, path: string): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  const file = data as { type?: unknown; encoding?: unknown; content?: unknown };
  if (file && file.type === 'file' && file.encoding === 'base64' && typeof file.content === 'string') {
    return Buffer.from(file.content, 'base64').toString('utf8');
  }
  throw malformed('repos.getContent', `${path} is neither raw text nor a base64 file`);
}

/** The text of `path` at `ref` (raw media type: up to 100 MB through the API). */
async function readRaw(octokit: GitHub, pull: RepoRef, path: string, ref: string): Promise<string> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner: pull.owner, repo: pull.repo, path, ref, mediaType: { format: 'raw' } }));
  } catch (err) {
    const status = statusOf(err);
    if (status === 404) throw new Unreadable(`${path} is not in commit ${ref.slice(0, 12)}`);
    if (status === 403 && /too large/i.test(String((err as Error).message))) throw new Unreadable(`${path} is over GitHub's 100 MB contents limit`);
    throw callError('repos.getContent', 'contents: read', err);
  }
  const text = decode(data, path);
  if (Buffer.byteLength(text) > MAX_CONTENT_BYTES) {
    throw new Unreadable(`${path} is larger than prguard reads through the API (${MAX_CONTENT_BYTES / 1024 / 1024} MB)`);
  }
  return text;
}

function needsContent(file: FileChange): boolean {
  return file.patchMissing === true;
}

/**
 * Give every file marked `patchMissing` its hunks, diffed from its contents; the files that could
 * not be read are returned as `unread` (they keep `patchMissing`).
 */
export async function fillMissingPatches(
  octokit: GitHub,
  pull: RepoRef,
  files: FileChange[],
  shas: { base: string; head: string },
): Promise<{ unread: Unread[]; notes: string[] }> {
  const missing = files.filter(needsContent);
  if (missing.length === 0) return { unread: [], notes: [] };
  const unread: Unread[] = [];
  let base: string | Unreadable;
  try {
    base = await mergeBase(octokit, pull, shas.base, shas.head);
  } catch (err) {
    if (!(err instanceof GitHubCallError)) throw err;
    base = new Unreadable(`its merge base could not be found: ${err.message}`);
  }
  const jobs = missing.map((file) => async () => {
    try {
      if (base instanceof Unreadable) throw base;
      const at = base;
      const [oldText, newText] = await Promise.all([
        file.status === 'added' ? '' : readRaw(octokit, pull, file.oldPath ?? file.path, at),
        file.status === 'deleted' ? '' : readRaw(octokit, pull, file.path, shas.head),
      ]);
      const hunks = diffTexts(oldText, newText);
      let net = 0;
      for (const h of hunks) net += h.added.length - h.deleted.length;
      if (net !== file.additions - file.deletions) {
        throw new Unreadable(
          `its contents at ${at.slice(0, 12)} and ${shas.head.slice(0, 12)} do not match GitHub's counts ` +
            `(+${file.additions} −${file.deletions})`,
        );
      }
      file.hunks = hunks;
      delete file.patchMissing;
    } catch (caught) {
      const err = caught instanceof GitHubCallError ? new Unreadable(`reading it failed: ${caught.message}`) : caught;
      if (!(err instanceof Unreadable)) throw err;
      unread.push({
        kind: 'lines',
        path: file.path,
        what: `the changed lines of ${file.path} (+${file.additions} −${file.deletions})`,
        reason: `GitHub did not return its whole diff (too large) and ${err.message}. ${ADVICE}`,
      });
    }
  });
  // Two requests per job: PARALLEL / 2 jobs keep PARALLEL requests in flight.
  await pooled(jobs, Math.max(1, PARALLEL / 2));
  const read = missing.length - unread.length;
  const notes =
    read > 0
      ? [`GitHub left out the diff of ${read} large file(s); prguard read their contents at both commits and diffed them.`]
      : [];
  return { unread, notes };
}
