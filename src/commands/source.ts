// Where the CLI gets the change from: local git (a range) or a diff file / stdin, each with the
// repository reader that goes with it.
import { resolve } from 'node:path';
import type { ChangeSource } from '../app.ts';
import { loadDiffChangeSet } from '../diff/source.ts';
import { addHistory } from '../git/history.ts';
import { startGitChangeSet } from '../git/index.ts';
import { readPushedBlobs } from '../git/push-blobs.ts';
import type { PushedObjects } from '../git/push-ranges.ts';
import type { RangeAnswer } from '../git/range.ts';
import { GitRepoReader } from '../git/reader.ts';
import type { ChangeSet } from '../model.ts';
import type { PolicyInForce } from '../policy/in-force.ts';
import { WorkTreeReader } from '../repo/fs.ts';
import { PrefetchingReader } from './prefetch.ts';
import type { IO } from './types.ts';

/**
 * A git range of the repository at `root`; the policy is read at the range's base. `branch` is the
 * branch being pushed (pre-push), when the head is a commit; else the branch the head names.
 * Reading starts when the source is made: `load` it, or `dispose` it.
 */
export function gitSource(opts: {
  cwd: string;
  root: string;
  base?: string;
  head?: string;
  branch?: string;
  /** `branch` is the name the push gives the remote's ref, which pre-push scans itself (ChangeSet.branchNamePushed). */
  branchNamePushed?: boolean;
  /** Paths to read at the change's base (the policy's candidates) as soon as git has answered it. */
  prefetch?: readonly string[];
  /** `base` is already the merge-base of `base` and `head` (see GitSourceOptions). */
  baseIsMergeBase?: boolean;
  /** The range, already answered by git (see GitSourceOptions). */
  range?: RangeAnswer;
}): ChangeSource {
  const reader = new PrefetchingReader(new GitRepoReader(opts.root));
  // git diff starts now: it runs while the caller loads the rules, and `load` reads it.
  const started = startGitChangeSet({
    cwd: opts.cwd,
    root: opts.root,
    base: opts.base,
    head: opts.head,
    readBranch: opts.branch === undefined,
    baseIsMergeBase: opts.baseIsMergeBase,
    ...(opts.range ? { range: opts.range } : {}),
  });
  const prefetch = opts.prefetch;
  if (prefetch) void started.base.then((base) => reader.prefetch(base, prefetch));
  return {
    async load(events): Promise<ChangeSet> {
      const onCommits = events?.onCommits?.bind(events);
      const change = await started.load({
        onFile: events?.onFile?.bind(events),
        onBase: events?.onPolicyRef?.bind(events),
        // The pushed branch, when there is one, is the change's branch (set below).
        ...(onCommits ? { onCommits: (commits, branch) => onCommits(commits, opts.branch ?? branch) } : {}),
      });
      if (opts.branch) {
        change.branch = opts.branch;
        if (opts.branchNamePushed) change.branchNamePushed = true;
      }
      return change;
    },
    dispose: started.dispose,
    reader,
    policyRef: (change) => change.base,
  };
}

/**
 * A diff file, or standard input for "-". There is no commit to read the policy at, so the work
 * tree at `root` is read instead (said in a note by the policy decision).
 */
export function diffSource(opts: { file: string; cwd: string; root: string; io: IO; maxBytes?: number; maxLines?: number }): ChangeSource {
  return {
    load: (events) => {
      events?.onPolicyRef?.(null);
      return loadDiffChangeSet(opts.file === '-' ? '-' : resolve(opts.cwd, opts.file), {
        onFile: events?.onFile?.bind(events),
        stdin: opts.io.stdin,
        label: opts.file,
        maxBytes: opts.maxBytes,
        maxLines: opts.maxLines,
      });
    },
    reader: new WorkTreeReader(opts.root),
    policyRef: () => null,
  };
}

/**
 * A git range's `enrich` (CheckRequest): the secrets one commit adds and a later one removes are in
 * the history, not the net diff, so every git check (check, pre-push, backtest) reads it, as the
 * Action does.
 */
export function historyOf(root: string): (change: ChangeSet, inForce: PolicyInForce) => Promise<void> {
  return (change, inForce) => addHistory(root, change, inForce.policy);
}

/**
 * What a push sends outside any range (tag messages, the blobs of a tag of a tree or blob, the
 * commits of a new ref no pull request shows) as a change of no file, for the rules that read
 * them (secret-leakage: messages and blobs); the policy is read at
 * `policyRef`. What could not be read is the change's `unread`, an error in every such rule.
 */
export function pushedObjectsSource(root: string, remote: string, objects: PushedObjects, policyRef: string | null): ChangeSource {
  return {
    async load(events): Promise<ChangeSet> {
      events?.onPolicyRef?.(policyRef);
      const { blobs, commits, unread } = await readPushedBlobs(root, remote, objects.targets);
      const reason = 'what a push sends outside any commit is on the remote once pushed, and no pull request shows it: check it by hand, then push with --no-verify';
      const change: ChangeSet = { base: policyRef ?? '', head: policyRef ?? '', files: [], commits, tags: objects.tags, pushedBlobs: blobs };
      const missing = [...objects.unread, ...unread];
      if (missing.length > 0) change.unread = missing.map((what) => ({ kind: 'commits', what, reason }));
      return change;
    },
    reader: new GitRepoReader(root),
    policyRef: () => policyRef,
  };
}
