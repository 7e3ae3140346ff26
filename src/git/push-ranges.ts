// Which commits does a push send? Turns the refs git hands a pre-push hook into base..head ranges.
//   - a deletion (local sha all zeros) sends nothing: skipped;
//   - a tag of a commit the remote already has sends no commit: skipped; one that brings commits
//     the remote lacks (tagged before any branch with them was pushed) sends them, secrets and
//     all, and no pull request will show them: checked as a branch pointing there would be;
//   - every pushed branch, new or updated, is checked over the range its pull request will show:
//     from its merge-base with the remote's default branch (refs/remotes/<remote>/HEAD, else
//     <remote>/main, else <remote>/master) to the pushed commit, not only the commits the remote
//     lacks, so the verdict is the PR's;
//   - when the remote has no default branch known locally, an update is compared with the merge-base
//     of the remote's old tip, and a new branch with the newest commit the remote already has;
//   - a push to a URL (`git push ../x.git b`: git names the remote by its URL) is judged as a push
//     to the configured remote with that URL; a push to a remote that has none of our commits
//     (a URL of no configured remote, an empty new remote) from the newest commit any remote has:
//     never skipped while some remote has a commit of this history.
import { UsageError } from '../errors.ts';
import type { PushedRef } from '../hooks/push-refs.ts';
import { isObjectId } from './object-id.ts';
import { type Git, openGit } from './run.ts';

export interface PushRange {
  ref: PushedRef;
  base: string;
  head: string;
  /** How the base was chosen, for the output: e.g. "merge-base with origin/main". */
  baseLabel: string;
}

export interface SkippedRef {
  ref: PushedRef;
  reason: string;
}

export interface PushPlan {
  ranges: PushRange[];
  skipped: SkippedRef[];
  /** The top of the work tree, or null outside one. */
  root: string | null;
}

/** `refs/heads/x` or `refs/remotes/origin/x` as people write it. */
export function shortRef(ref: string): string {
  return ref.replace(/^refs\/(remotes|heads)\//, '');
}

type Base = Omit<PushRange, 'ref' | 'head'>;

/** The merge-base with the remote's default branch: where the pull request's diff starts. */
async function baseOnDefaultBranch(git: Git, remote: string, head: string): Promise<Base | null> {
  // Its HEAD as recorded by clone or `git remote set-head`, else main or master. One for-each-ref
  // tells which exist (in this order), one merge-base per try.
  const names = ['HEAD', 'main', 'master'];
  const listed = await git.tryRaw(['for-each-ref', '--format=%(refname)', ...names.map((n) => `refs/remotes/${remote}/${n}`)]);
  const present = new Set(listed?.split('\n'));
  for (const name of names) {
    if (!present.has(`refs/remotes/${remote}/${name}`)) continue;
    const base = await git.tryRaw(['merge-base', `refs/remotes/${remote}/${name}`, head]);
    if (base) return { base, baseLabel: `merge-base with ${remote}/${name}` };
  }
  return null;
}

/** The newest commit of `head`'s history that the remote-tracking refs `remotes` (a --remotes option) have. */
async function newestKnown(git: Git, head: string, remotes: string): Promise<string | undefined> {
  const boundary = await git.tryRaw(['rev-list', '--boundary', '--topo-order', head, '--not', remotes]);
  return boundary?.split('\n').find((l) => l.startsWith('-'))?.slice(1);
}

async function newestOnRemote(git: Git, remote: string, head: string): Promise<Base | null> {
  // No default branch known (or unrelated histories): the newest commit the remote already has.
  const base = await newestKnown(git, head, `--remotes=${remote}`);
  return base ? { base, baseLabel: `newest commit already on ${remote}` } : null;
}

/** The configured remotes whose url or pushurl is `url` (git names a remote pushed to by URL so). */
async function remotesWithUrl(git: Git, url: string): Promise<string[]> {
  const out = await git.tryRaw(['config', '--get-regexp', '^remote\\..*\\.(push)?url$']);
  const names: string[] = [];
  for (const line of out?.split('\n') ?? []) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    if (space > 0 && line.slice(space + 1) === url) {
      const name = key.slice('remote.'.length, key.lastIndexOf('.'));
      if (name !== url && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * No base on the remote as named: the configured remote with the URL it was named by, else the
 * newest commit any remote has (a new, empty remote or an unknown URL: what no remote has yet is
 * what this push is the first to send anywhere).
 */
async function baseElsewhere(git: Git, remote: string, head: string, named: () => Promise<string[]>): Promise<Base | null> {
  for (const name of await named()) {
    const found = (await baseOnDefaultBranch(git, name, head)) ?? (await newestOnRemote(git, name, head));
    if (found) return found;
  }
  const base = await newestKnown(git, head, '--remotes');
  return base ? { base, baseLabel: `newest commit already on a remote (${remote} has none known here)` } : null;
}

interface FirstAnswer {
  root: string | null;
  /** Each pushed head's merge-base with the remote's HEAD, where it has one. */
  onHead: Map<string, string>;
}

/**
 * A pushed ref that is likely to need a check: neither a deletion nor a tag (a tag needs one only
 * when it brings commits the remote lacks, which the plan finds out).
 */
export const mayBeChecked = (ref: PushedRef): boolean => ref.kind !== 'delete' && !ref.remoteRef.startsWith('refs/tags/');

/**
 * The common case in one git process: `rev-parse --show-toplevel <remote>/HEAD...<head>...` prints
 * the top of the work tree, then per range its head, the remote's HEAD and `^<merge-base>` (the
 * first is the one `git merge-base` gives). Anything else (no such HEAD, no merge-base, an answer
 * not shaped so) leaves that head to the step-by-step search below, and the root to its own ask.
 */
async function firstAnswer(git: Git, remote: string, heads: readonly string[]): Promise<FirstAnswer> {
  const onHead = new Map<string, string>();
  const ranges = heads.filter(isObjectId).map((h) => `refs/remotes/${remote}/HEAD...${h}`);
  const out = ranges.length > 0 ? await git.tryRaw(['rev-parse', '--show-toplevel', ...ranges, '--']) : undefined;
  const lines = out?.split('\n') ?? [];
  if (lines.at(-1) !== '--' || !lines[0] || isObjectId(lines[0])) {
    return { root: (await git.tryRaw(['rev-parse', '--show-toplevel'])) ?? null, onHead };
  }
  for (let i = 1; i < lines.length - 1; ) {
    const head = lines[i]!;
    const remoteHead = lines[i + 1] ?? '';
    if (!isObjectId(head) || !isObjectId(remoteHead)) break;
    i += 2;
    const bases: string[] = [];
    for (; lines[i]?.startsWith('^'); i++) bases.push(lines[i]!.slice(1));
    if (bases[0] && isObjectId(bases[0]) && !onHead.has(head)) onHead.set(head, bases[0]);
  }
  return { root: lines[0], onHead };
}

/**
 * Why a pushed tag needs no check of its own, or the commit it brings: a tag of no commit, of one
 * the remote has, or of commits a branch of the same push brings too (checked with that branch).
 */
async function tagSkip(git: Git, remote: string, tag: PushedRef, branches: readonly PushedRef[]): Promise<string | { commit: string }> {
  const commit = await git.tryRaw(['rev-parse', '--verify', '-q', `${tag.localSha}^{commit}`]);
  if (!commit || !isObjectId(commit)) return 'tag of no commit, not a change to review';
  const others = branches.map((b) => b.localSha).filter(isObjectId);
  if (!(await git.tryRaw(['rev-list', '-1', commit, '--not', `--remotes=${remote}`, ...others]))) {
    return others.length > 0 ? `tag of commits already on ${remote} or pushed with a branch checked here` : `tag of a commit already on ${remote}`;
  }
  return { commit };
}

export async function resolvePushRanges(
  refs: readonly PushedRef[],
  remote: string,
  cwd: string,
): Promise<PushPlan> {
  const git = openGit(cwd);
  const checked = refs.filter(mayBeChecked);
  const first = await firstAnswer(git, remote, [...new Set(checked.map((ref) => ref.localSha))]);
  const plan: PushPlan = { ranges: [], skipped: [], root: first.root };
  let urlRemotes: Promise<string[]> | undefined;
  const named = (): Promise<string[]> => (urlRemotes ??= remotesWithUrl(git, remote));
  for (const ref of refs) {
    if (ref.kind === 'delete') {
      plan.skipped.push({ ref, reason: 'deletion, nothing to check' });
      continue;
    }
    let head = ref.localSha;
    if (ref.remoteRef.startsWith('refs/tags/')) {
      const reason = await tagSkip(git, remote, ref, checked);
      if (typeof reason === 'string') {
        plan.skipped.push({ ref, reason });
        continue;
      }
      head = reason.commit;
    }
    const known = first.onHead.get(head);
    let found = known ? { base: known, baseLabel: `merge-base with ${remote}/HEAD` } : await baseOnDefaultBranch(git, remote, head);
    if (!found && ref.kind === 'update' && (await git.tryRaw(['rev-parse', '--verify', '-q', `${ref.remoteSha}^{commit}`]))) {
      const base = await git.tryRaw(['merge-base', ref.remoteSha, head]);
      if (base) found = { base, baseLabel: base === ref.remoteSha ? `${shortRef(ref.remoteRef)} on ${remote}` : `merge-base with ${shortRef(ref.remoteRef)} on ${remote}` };
    }
    found ??= (await newestOnRemote(git, remote, head)) ?? (await baseElsewhere(git, remote, head, named));
    if (!found && !(await git.tryRaw(['rev-parse', '--verify', '-q', `${head}^{commit}`]))) {
      // Not what git gives a hook, but then nothing of the push can be read: never a skip.
      throw new UsageError(`the pushed ${shortRef(ref.localRef)} (${head}) is not a commit in this repository, so prguard cannot read what is pushed.`);
    }
    if (!found) {
      plan.skipped.push({ ref, reason: `no commit on ${remote} or any other remote to compare with (first push of this history?); CI will check the pull request` });
    } else if (found.base === head) {
      plan.skipped.push({ ref, reason: `no new commits (already on ${remote})` });
    } else {
      plan.ranges.push({ ref, head, ...found });
    }
  }
  return plan;
}
