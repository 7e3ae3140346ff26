// Which policy judges a change: one function for the CLI, pre-push and the Action alike.
//
// The base decides. The policy is read at the change's base commit through the repository reader,
// following symlinks at that commit, so a change can neither edit, replace, re-point nor delete
// the policy it is judged by. A policy file the change adds is not in force for that change (when
// the base has none, the embedded default is). An explicit choice (`--policy FILE`, the Action's
// `policy` input) is honoured as given: the CLI flag tries a file on purpose; the Action input
// names a path that is read at the base like the rest.
import { PolicyError, UsageError } from '../errors.ts';
import type { FileChange, PolicyOrigin } from '../model.ts';

export type { PolicyOrigin } from '../model.ts';
import { readAt, type RepoReader } from '../repo/reader.ts';
import type { AnyRule } from '../rule.ts';
import { defaultPolicy, POLICY_PATHS } from './default.ts';
import type { ResolvedPolicy } from './resolve.ts';

/** Policy text to a policy: the YAML parser and the validator load only when there is a file. */
async function policyFromText(text: string, source: string, rules: readonly AnyRule[]): Promise<ResolvedPolicy> {
  return (await import('./text.ts')).policyFromText(text, source, rules);
}

/**
 * The policy file as the base commit has it: its problems are that version's, which the work tree
 * (where the change may already have fixed them) does not show, so the message says so.
 */
async function policyAtCommit(text: string, path: string, base: string | null, rules: readonly AnyRule[]): Promise<ResolvedPolicy> {
  try {
    return await policyFromText(text, path, rules);
  } catch (err) {
    if (base === null || !(err instanceof PolicyError)) throw err;
    throw new PolicyError(
      err.problems,
      `(${path} as the base commit ${shortRef(base)} has it: that version judges the change, whatever the change does to ` +
        'the file, so a pull request that repairs it is judged by the broken version too and must be merged past this check. ' +
        'prguard policy validate checks the file in the work tree.)',
    );
  }
}

export type PolicyChoice =
  /** Look for POLICY_PATHS at the base. */
  | { kind: 'discover' }
  /**
   * A file the user gave on the command line, already read: `display` as the user wrote it (for
   * messages), `repoPath` its repository-relative path when it lies in the repository (rules
   * such as protected-paths guard the policy file by that path).
   */
  | { kind: 'file'; display: string; text: string; repoPath?: string }
  /** A repository path (the Action's `policy` input), read at the base. */
  | { kind: 'repo-path'; path: string }
  /** The embedded default, whatever the repository holds (a backtest of a repository without a policy). */
  | { kind: 'default' };

export interface PolicyInForceInput {
  choice: PolicyChoice;
  reader: RepoReader;
  /** The commit the change is judged from; null when there is none (a `--diff` check reads the work tree). */
  base: string | null;
  /** The change's files (paths and renames), to say when it touches a policy file. */
  files: readonly Pick<FileChange, 'path' | 'oldPath' | 'status'>[];
  rules: readonly AnyRule[];
}

export interface PolicyInForce {
  policy: ResolvedPolicy;
  origin: PolicyOrigin;
  /** The policy file's text, or null for the embedded default. */
  text: string | null;
  notes: string[];
}

function touched(files: PolicyInForceInput['files'], path: string): FileChange['status'] | undefined {
  for (const f of files) if (f.path === path || f.oldPath === path) return f.status;
  return undefined;
}

function shortRef(ref: string | null): string {
  return ref === null ? 'the work tree' : ref.slice(0, 12);
}

/**
 * The policy at the base, read before the change's files are known (while its diff streams in):
 * `policy` is the decision, `complete(files)` adds what the files say (notes on a change that
 * touches a policy file). policyInForce is the two at once.
 */
export interface PolicyAtBase {
  policy: ResolvedPolicy;
  complete(files: PolicyInForceInput['files']): PolicyInForce;
}

export async function policyInForce(input: PolicyInForceInput): Promise<PolicyInForce> {
  return (await policyAtBase(input)).complete(input.files);
}

export async function policyAtBase(input: Omit<PolicyInForceInput, 'files'>): Promise<PolicyAtBase> {
  const { choice, reader, base, rules } = input;
  const ref = base ?? 'HEAD';
  if (choice.kind === 'file') {
    const policy = await policyFromText(choice.text, choice.display, rules);
    policy.source = choice.repoPath ?? choice.display;
    const origin: PolicyOrigin = { path: choice.display, source: 'explicit' };
    return { policy, complete: () => ({ policy, origin, text: choice.text, notes: [...(policy.notes ?? [])] }) };
  }
  if (choice.kind === 'default') {
    const policy = defaultPolicy(rules);
    return { policy, complete: () => ({ policy, origin: { path: null, source: 'default' }, text: null, notes: [] }) };
  }
  const fromBase = base === null ? 'work-tree' : 'base';
  if (choice.kind === 'repo-path') {
    const path = choice.path.replace(/^\.\/+/, '');
    const found = await readAt(reader, ref, path);
    if (found === undefined) {
      throw new UsageError(
        `the policy file ${path} does not exist at the base commit ${shortRef(base)}. prguard reads the policy ` +
          'from the base so a change cannot alter its own policy: merge the policy first.',
      );
    }
    const policy = await policyAtCommit(found.text, path, base, rules);
    return {
      policy,
      complete: (files) => ({
        policy,
        origin: { path, source: fromBase },
        text: found.text,
        notes: [...touchNotes(files, path, found.resolvedPath, base), ...(policy.notes ?? [])],
      }),
    };
  }
  // Every discovery path is asked at once (one round through the API); the first that exists wins.
  // A read that fails fails the check with the first path's error, in discovery order, whichever
  // answer came first, so the same failure always says the same.
  const settled = await Promise.allSettled(POLICY_PATHS.map((path) => readAt(reader, ref, path)));
  const candidates = settled.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
  for (const [i, path] of POLICY_PATHS.entries()) {
    const found = candidates[i];
    if (found === undefined) continue;
    const policy = await policyAtCommit(found.text, path, base, rules);
    const complete = (files: PolicyInForceInput['files']): PolicyInForce => {
      const notes = touchNotes(files, path, found.resolvedPath, base);
      for (const other of POLICY_PATHS) {
        if (other !== path && touched(files, other) === 'added') {
          // The first discovery path that exists wins: one looked up earlier takes over once merged.
          const after = POLICY_PATHS.indexOf(other) < i
            ? `once it is merged, ${other} is the policy (it is looked up first) and ${path} is no longer read`
            : `${other} is not read while ${path} exists`;
          notes.push(`this change adds ${other}, but ${path} is the policy at the base (${shortRef(base)}), so ${path} judges it; ${after}`);
        }
      }
      notes.push(...(policy.notes ?? []));
      return { policy, origin: { path, source: fromBase }, text: found.text, notes };
    };
    return { policy, complete };
  }
  const policy = defaultPolicy(rules);
  const complete = (files: PolicyInForceInput['files']): PolicyInForce => {
    const notes: string[] = [];
    const added = POLICY_PATHS.filter((p) => touched(files, p) !== undefined);
    if (base !== null && added.length > 0) {
      notes.push(
        `this change adds ${added.join(' and ')}: the base (${shortRef(base)}) has no policy, so the embedded ` +
          `default policy judges it, as it will on the pull request (locally, --policy ${added[0]} tries the new file)`,
      );
    } else {
      notes.push(`no policy file (${POLICY_PATHS.join(', ')}) at ${base === null ? 'the work tree' : `the base (${shortRef(base)})`}: the embedded default policy applies`);
    }
    return { policy, origin: { path: null, source: 'default' }, text: null, notes };
  };
  return { policy, complete };
}

/** Notes for a change that edits, renames, deletes or re-points the policy file in force. */
function touchNotes(files: PolicyInForceInput['files'], path: string, resolved: string, base: string | null): string[] {
  const hit = touched(files, path) ?? (resolved !== path ? touched(files, resolved) : undefined);
  if (hit === undefined) return [];
  if (base === null) {
    return [`the diff changes ${path}: it was judged by ${path} as it is in the work tree`];
  }
  const via = resolved !== path ? ` (a symlink to ${resolved} at the base)` : '';
  const verb = hit === 'deleted' ? 'deletes' : hit === 'renamed' ? 'renames' : 'edits';
  return [
    `this change ${verb} ${path}${via}: it is judged by the policy at the base (${shortRef(base)}), as it will ` +
      `be on the pull request (locally, --policy ${path} tries the edited file)`,
  ];
}
