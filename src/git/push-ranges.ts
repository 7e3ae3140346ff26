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
//     never skipped while some remote has a commit of this history;
//   - what is pushed besides commits (tag objects, and the trees and blobs tags point at) is
//     walked (push-objects.ts) and handed back in `objects`, to be scanned on its own. Only tags,
//     and pushed objects git did not peel to themselves as commits, are walked.
import { UsageError } from '../errors.ts';
import type { PushedRef } from '../hooks/push-refs.ts';
import type { PushedTag } from '../model.ts';
import { isObjectId } from './object-id.ts';
import type { PushedTarget } from './push-blobs.ts';
import { type ObjectWalk, walkPushed } from './push-objects.ts';
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
  /** What the push sends besides commits, to be scanned on its own (see push-objects.ts). */
  objects: PushedObjects;
}

export interface PushedObjects {
  tags: PushedTag[];
  targets: PushedTarget[];
  /** What of them could not be read, and why: never a pass. */
  unread: string[];
  /** The commit their policy is read at (set when there is something to check). */
  policyRef?: string | null;
}

/** Whether the push sends anything besides commits that is to be checked. */
export const sendsObjects = (o: PushedObjects): boolean => o.tags.length + o.targets.length + o.unread.length > 0;

/**
 * Where the policy of the pushed objects is read (and of the names of refs no range checks): the
 * base of a range of the same push, else the tip of the remote's default branch as known here,
 * else HEAD (a push of tags alone, say).
 */
export async function objectsPolicyRef(git: Git, remote: string, plan: PushPlan): Promise<string | null> {
  if (plan.ranges[0]) return plan.ranges[0].base;
  const names = ['HEAD', 'main', 'master'].map((n) => `refs/remotes/${remote}/${n}`);
  const listed = await git.tryRaw(['for-each-ref', '--format=%(refname) %(objectname)', ...names]);
  const tips = new Map(listed?.split('\n').map((l) => l.split(' ') as [string, string]));
  const tip = names.map((n) => tips.get(n)).find((sha) => sha && isObjectId(sha));
  return tip ?? (await git.tryRaw(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])) ?? null;
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
  /** Each pushed object git peeled to a commit: that commit (itself, unless it is a tag). */
  peeled: Map<string, string>;
  /** Each pushed commit's merge-base with the remote's HEAD, where it has one. */
  onHead: Map<string, string>;
}

/**
 * A pushed ref that is likely to need a check: neither a deletion nor a tag (a tag needs one only
 * when it brings commits the remote lacks, which the plan finds out).
 */
export const mayBeChecked = (ref: PushedRef): boolean => ref.kind !== 'delete' && !ref.remoteRef.startsWith('refs/tags/');

/**
 * The common case in one git process: `rev-parse --show-toplevel <remote>/HEAD...<head>^{commit}...`
 * prints the top of the work tree, then per range the commit its head peels to (another sha than
 * the head's: the head is a tag), the remote's HEAD and `^<merge-base>` (the first is the one `git
 * merge-base` gives). Without such a HEAD, the same process peels the heads alone. Anything else (a
 * head that is no commit, an answer not shaped so) leaves that head to the walk of what it is
 * (push-objects.ts) and the step-by-step search below, and the root to its own ask.
 */
async function firstAnswer(git: Git, remote: string, heads: readonly string[]): Promise<FirstAnswer> {
  const onHead = new Map<string, string>();
  const peeled = new Map<string, string>();
  const valid = heads.filter(isObjectId);
  const ranges = valid.map((h) => `refs/remotes/${remote}/HEAD...${h}^{commit}`);
  const out = ranges.length > 0 ? await git.tryRaw(['rev-parse', '--show-toplevel', ...ranges, '--']) : undefined;
  const lines = out?.split('\n') ?? [];
  if (lines.at(-1) !== '--' || !lines[0] || isObjectId(lines[0])) {
    const alone = await git.tryRaw(['rev-parse', '--show-toplevel', ...valid.map((h) => `${h}^{commit}`), '--']);
    const got = alone?.split('\n') ?? [];
    if (got.length === valid.length + 2 && got.at(-1) === '--' && got[0] && !isObjectId(got[0])) {
      valid.forEach((h, i) => isObjectId(got[i + 1]!) && peeled.set(h, got[i + 1]!));
      return { root: got[0], peeled, onHead };
    }
    return { root: (await git.tryRaw(['rev-parse', '--show-toplevel'])) ?? null, peeled, onHead };
  }
  for (let i = 1, n = 0; i < lines.length - 1 && n < valid.length; n++) {
    const head = lines[i]!;
    const remoteHead = lines[i + 1] ?? '';
    if (!isObjectId(head) || !isObjectId(remoteHead)) break;
    peeled.set(valid[n]!, head);
    i += 2;
    const bases: string[] = [];
    for (; lines[i]?.startsWith('^'); i++) bases.push(lines[i]!.slice(1));
    if (bases[0] && isObjectId(bases[0]) && !onHead.has(head)) onHead.set(head, bases[0]);
  }
  return { root: lines[0], peeled, onHead };
}

/**
 * Why a pushed tag needs no check of its commits, or the commit it brings: a tag of one the remote
 * has, or of commits a branch of the same push brings too (checked with that branch).
 */
async function tagSkip(git: Git, remote: string, commit: string, branches: readonly PushedRef[]): Promise<string | undefined> {
  const others = branches.map((b) => b.localSha).filter(isObjectId);
  if (!(await git.tryRaw(['rev-list', '-1', commit, '--not', `--remotes=${remote}`, ...others]))) {
    return others.length > 0 ? `tag of commits already on ${remote} or pushed with a branch checked here` : `tag of a commit already on ${remote}`;
  }
  return undefined;
}

/** What is pushed besides commits: every tag object, and the trees and blobs tags point at. */
function addObjects(plan: PushPlan, ref: PushedRef, walk: ObjectWalk): void {
  const o = plan.objects;
  for (const tag of walk.tags) if (!o.tags.some((t) => t.sha === tag.sha)) o.tags.push(tag);
  for (const why of walk.unread) o.unread.push(`${shortRef(ref.remoteRef)}: ${why}`);
  const t = walk.target;
  if (t && (t.type === 'tree' || t.type === 'blob') && !o.targets.some((x) => x.sha === t.sha)) o.targets.push({ ref: ref.remoteRef, type: t.type, sha: t.sha });
}

/** What a pushed ref's walk leaves to check as a range: the commit it peels to, or why there is none. */
function commitOf(walk: ObjectWalk, ref: PushedRef): string | { skip: string } {
  if (walk.type === undefined) {
    // Not what git gives a hook, but then nothing of the push can be read: never a skip.
    throw new UsageError(`the pushed ${shortRef(ref.localRef)} (${ref.localSha}) is not a commit in this repository, so prguard cannot read what is pushed.`);
  }
  const t = walk.target;
  if (t?.type === 'commit') return t.sha;
  const what = walk.type === 'tag' ? 'tag' : `a ${walk.type}`;
  return { skip: t ? `${what} of no commit: what it sends is checked with the pushed objects` : `${what} prguard could not read to its end` };
}

export async function resolvePushRanges(
  refs: readonly PushedRef[],
  remote: string,
  cwd: string,
): Promise<PushPlan> {
  const git = openGit(cwd);
  const checked = refs.filter(mayBeChecked);
  const first = await firstAnswer(git, remote, [...new Set(checked.map((ref) => ref.localSha))]);
  const plan: PushPlan = { ranges: [], skipped: [], root: first.root, objects: { tags: [], targets: [], unread: [] } };
  // A tag, and any other pushed object git did not peel to itself as a commit, is walked: what it
  // is, the tags on the way and what they point at. A push of branches only walks nothing.
  const pushed = new Map<string, string>();
  for (const ref of refs) {
    if (ref.kind !== 'delete' && (!mayBeChecked(ref) || first.peeled.get(ref.localSha) !== ref.localSha)) pushed.set(ref.localSha, ref.remoteRef);
  }
  const walks = pushed.size > 0 ? await walkPushed(git, pushed) : new Map<string, ObjectWalk>();
  let urlRemotes: Promise<string[]> | undefined;
  const named = (): Promise<string[]> => (urlRemotes ??= remotesWithUrl(git, remote));
  for (const ref of refs) {
    if (ref.kind === 'delete') {
      plan.skipped.push({ ref, reason: 'deletion, nothing to check' });
      continue;
    }
    let head = ref.localSha;
    const walk = walks.get(ref.localSha);
    if (walk) {
      addObjects(plan, ref, walk);
      const commit = commitOf(walk, ref);
      if (typeof commit !== 'string') {
        plan.skipped.push({ ref, reason: commit.skip });
        continue;
      }
      head = commit;
    }
    if (!mayBeChecked(ref)) {
      const reason = await tagSkip(git, remote, head, checked);
      if (reason !== undefined) {
        plan.skipped.push({ ref, reason: walk?.tags.length ? `${reason}; its tag message is checked with the pushed objects` : reason });
        continue;
      }
    }
    const known = first.onHead.get(head);
    let found = known ? { base: known, baseLabel: `merge-base with ${remote}/HEAD` } : await baseOnDefaultBranch(git, remote, head);
    if (!found && ref.kind === 'update' && (await git.tryRaw(['rev-parse', '--verify', '-q', `${ref.remoteSha}^{commit}`]))) {
      const base = await git.tryRaw(['merge-base', ref.remoteSha, head]);
      if (base) found = { base, baseLabel: base === ref.remoteSha ? `${shortRef(ref.remoteRef)} on ${remote}` : `merge-base with ${shortRef(ref.remoteRef)} on ${remote}` };
    }
    found ??= (await newestOnRemote(git, remote, head)) ?? (await baseElsewhere(git, remote, head, named));
    if (!found && !ref.remoteRef.startsWith('refs/heads/')) {
      // No pull request will show a ref outside refs/heads (refs/notes/commits, say): what the
      // remote lacks of its history is scanned with the pushed objects.
      if (!plan.objects.targets.some((t) => t.sha === head)) plan.objects.targets.push({ ref: ref.remoteRef, type: 'commits', sha: head });
      plan.skipped.push({ ref, reason: `no commit on ${remote} to compare with, and no pull request will show it: its commits are checked with the pushed objects` });
    } else if (!found) {
      plan.skipped.push({ ref, reason: `no commit on ${remote} or any other remote to compare with (first push of this history?); CI will check the pull request` });
    } else if (found.base === head) {
      plan.skipped.push({ ref, reason: `no new commits (already on ${remote})` });
    } else {
      plan.ranges.push({ ref, head, ...found });
    }
  }
  if (sendsObjects(plan.objects)) plan.objects.policyRef = await objectsPolicyRef(git, remote, plan);
  return plan;
}
