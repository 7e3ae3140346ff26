// Files whose `patch` GitHub left out (large diffs): their text is read at the merge base and at
// the head through the contents API and diffed here. What cannot be read becomes `unread`, which
// the engine turns into an error finding in every rule that reads lines. Files GitHub lists with
// no patch and no line counts (binary to GitHub) are read at the head too: see readListedBinary.
import type { RepoRef } from './reader.ts';
import type { FileChange, Unread } from '../model.ts';
import { CONTENT_SCAN_BUDGET, CONTENT_SCAN_LIMIT, OVER_CONTENT_BUDGET, overContentLimit, printableRuns } from '../diff/strings.ts';
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

function decode(data: unknown, path: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const file = data as { type?: unknown; encoding?: unknown; content?: unknown };
  if (file && file.type === 'file' && file.encoding === 'base64' && typeof file.content === 'string') {
    return Buffer.from(file.content, 'base64');
  }
  throw malformed('repos.getContent', `${path} is neither raw content nor a base64 file`);
}

/** The content of `path` at `ref` (raw media type: up to 100 MB through the API). */
async function readBytes(octokit: GitHub, pull: RepoRef, path: string, ref: string): Promise<Buffer> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner: pull.owner, repo: pull.repo, path, ref, mediaType: { format: 'raw' } }));
  } catch (err) {
    const status = statusOf(err);
    if (status === 404) throw new Unreadable(`${path} is not in commit ${ref.slice(0, 12)}`);
    if (status === 403 && /too large/i.test(String((err as Error).message))) throw new Unreadable(`${path} is over GitHub's 100 MB contents limit`);
    throw callError('repos.getContent', 'contents: read', err);
  }
  const bytes = decode(data, path);
  if (bytes.length > MAX_CONTENT_BYTES) {
    throw new Unreadable(`${path} is larger than prguard reads through the API (${MAX_CONTENT_BYTES / 1024 / 1024} MB)`);
  }
  return bytes;
}

async function readRaw(octokit: GitHub, pull: RepoRef, path: string, ref: string): Promise<string> {
  return (await readBytes(octokit, pull, path, ref)).toString('utf8');
}

function needsContent(file: FileChange): boolean {
  return file.patchMissing === true;
}

/** Files GitHub shows as binary read at most per change (one request each). */
export const MAX_BINARY_READS = 200;
/** As git decides it: a zero byte in the first 8,000. */
const looksBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);

/**
 * A file GitHub lists with no patch and no line counts: binary to GitHub (a zero byte, text saved
 * as UTF-16, or a `-diff` / `binary` attribute, which the PR itself can add), an empty file or a
 * mode change. Its name says nothing of what it holds.
 */
function listedBinary(file: FileChange): boolean {
  return file.binary && !file.submodule && file.status !== 'deleted';
}

type MergeBase = () => Promise<string>;

/**
 * A listed-binary file, read at the head as git mode reads a binary blob: binary content gives
 * its printable runs to the scanners (`contentScan`); text (GitHub hid its diff, or only the mode
 * changed) is diffed against the merge base like a file whose patch GitHub left out, and counted.
 */
async function readListedBinary(octokit: GitHub, pull: RepoRef, file: FileChange, head: string, base: MergeBase, budget: { left: number }): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readBytes(octokit, pull, file.path, head);
    if (bytes.length === 0) return void (file.binary = false);
    if (looksBinary(bytes)) {
      if (bytes.length > CONTENT_SCAN_LIMIT) return void (file.contentScan = { skipped: overContentLimit(bytes.length) });
      if (bytes.length > budget.left) return void (file.contentScan = { skipped: OVER_CONTENT_BUDGET });
      budget.left -= bytes.length;
      return void (file.contentScan = { lines: printableRuns(bytes) });
    }
    const oldText = file.status === 'added' ? '' : await readRaw(octokit, pull, file.oldPath ?? file.path, await base());
    const hunks = diffTexts(oldText, bytes.toString('utf8'));
    Object.assign(file, { binary: false, hunks, additions: 0, deletions: 0 });
    for (const h of hunks) {
      file.additions += h.added.length;
      file.deletions += h.deleted.length;
    }
  } catch (caught) {
    const err = caught instanceof GitHubCallError ? new Unreadable(`reading it failed: ${caught.message}`) : caught;
    if (!(err instanceof Unreadable)) throw err;
    file.contentScan = { skipped: `GitHub shows it without a diff, and ${err.message}` };
  }
}

/**
 * Give every file marked `patchMissing` its hunks, diffed from its contents; the files that could
 * not be read are returned as `unread` (they keep `patchMissing`). Every listed-binary file is read
 * at the head (readListedBinary), up to MAX_BINARY_READS; one that is not says why in `contentScan`.
 */
export async function fillMissingPatches(
  octokit: GitHub,
  pull: RepoRef,
  files: FileChange[],
  shas: { base: string; head: string },
): Promise<{ unread: Unread[]; notes: string[] }> {
  const missing = files.filter(needsContent);
  const binaries = files.filter(listedBinary);
  if (missing.length === 0 && binaries.length === 0) return { unread: [], notes: [] };
  const unread: Unread[] = [];
  // The merge base, asked once and only when a file needs its base side.
  let found: Promise<string> | undefined;
  const base: MergeBase = () =>
    (found ??= mergeBase(octokit, pull, shas.base, shas.head).catch((err: unknown) => {
      if (!(err instanceof GitHubCallError)) throw err;
      throw new Unreadable(`its merge base could not be found: ${err.message}`);
    }));
  const jobs = missing.map((file) => async () => {
    try {
      const at = await base();
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
  const budget = { left: CONTENT_SCAN_BUDGET };
  binaries.forEach((file, i) => {
    if (i < MAX_BINARY_READS) jobs.push(() => readListedBinary(octokit, pull, file, shas.head, base, budget));
    else file.contentScan = { skipped: `GitHub shows it without a diff, and prguard reads at most ${MAX_BINARY_READS} such files through the API. ${ADVICE}` };
  });
  // Up to two requests per job: PARALLEL / 2 jobs keep PARALLEL requests in flight.
  await pooled(jobs, Math.max(1, PARALLEL / 2));
  const read = missing.length - unread.length;
  const notes =
    read > 0
      ? [`GitHub left out the diff of ${read} large file(s); prguard read their contents at both commits and diffed them.`]
      : [];
  return { unread, notes };
}
