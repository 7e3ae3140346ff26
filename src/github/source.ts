// Where the Action reads the change from: local git when the workspace checkout has both the
// base and the head commits (no caps, every patch), else the REST API. Either way the source
// carries its repository reader, the policy is read at the PR's base commit, and the pull request
// itself (body, labels, head) is the one `pulls.get` returned in this run.
import type { ChangeSource } from '../app.ts';
import { UsageError } from '../errors.ts';
import { loadGitChangeSet } from '../git/index.ts';
import { GitRepoReader } from '../git/reader.ts';
import { openGit } from '../git/run.ts';
import type { ChangeSet } from '../model.ts';
import { loadApiChangeSet } from './changeset.ts';
import type { GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import type { FreshPull } from './pull.ts';
import { GitHubRepoReader } from './reader.ts';

export interface PullSource extends ChangeSource {
  /** Which way the change was read; known once `load` has run. */
  via(): 'git' | 'api' | undefined;
}

export function pullSource(
  octokit: GitHub,
  pull: PullContext,
  fresh: FreshPull,
  workspace: string | undefined,
  log: (message: string) => void,
): PullSource {
  let via: 'git' | 'api' | undefined;
  const api = new GitHubRepoReader(octokit, pull);
  const source: PullSource = {
    reader: api,
    policyRef: () => pull.baseSha,
    via: () => via,
    async load(): Promise<ChangeSet> {
      const change = await changeFromWorkspace(workspace, pull.baseSha, fresh.headSha, { what: 'the change', api: 'the GitHub API' }, log);
      if (change && workspace) {
        change.pr = fresh.pr;
        via = 'git';
        source.reader = new GitRepoReader(workspace);
        return change;
      }
      via = 'api';
      return loadApiChangeSet(octokit, pull, fresh);
    },
  };
  return source;
}

/**
 * Why git cannot read a change from `workspace`, in words, or undefined when it can try. A shallow
 * clone's history is cut (actions/checkout's fetch-depth other than 0): with both commits there,
 * git may still find an older merge base through a path the cut left (a change with the base's own
 * files in it) and list only the commits above the cut.
 */
async function whyGitCannotRead(workspace: string): Promise<string | undefined> {
  let shallow: string;
  try {
    shallow = (await openGit(workspace).raw(['rev-parse', '--is-shallow-repository'])).trim();
  } catch (err) {
    const message = (err as Error).message;
    if (/dubious ownership/.test(message)) {
      return (
        `git refuses the checkout in ${workspace}: another user owns it (a container job?). Let git read it with ` +
        `\`git config --global --add safe.directory "$GITHUB_WORKSPACE"\` in a step before prguard`
      );
    }
    if (/not a git repository/.test(message)) return `${workspace} is not a git checkout`;
    return `git cannot read ${workspace} (${message.replace(/^`git rev-parse` failed: /, '').split('\n')[0]})`;
  }
  if (shallow === 'true') {
    return 'the checkout is shallow, and a cut history can give git a wrong merge base and too few commits (check out with fetch-depth: 0 to read it with git)';
  }
  return undefined;
}

/**
 * The change read with git from the workspace checkout, or undefined (and a log line saying why)
 * when the checkout does not have both commits: then the caller reads it through `api`.
 */
export async function changeFromWorkspace(
  workspace: string | undefined,
  base: string,
  head: string,
  names: { what: string; api: string },
  log: (message: string) => void,
): Promise<ChangeSet | undefined> {
  if (!workspace) return undefined;
  const unusable = await whyGitCannotRead(workspace);
  if (unusable) {
    log(`prguard: reading ${names.what} through ${names.api}: ${unusable}.`);
    return undefined;
  }
  try {
    const change = await loadGitChangeSet({ cwd: workspace, base, head });
    log(`prguard: read ${names.what} with git in ${workspace}.`);
    return change;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    log(
      `prguard: reading ${names.what} through ${names.api} (the checkout does not have both the base and the head ` +
        `commits: ${err.message.split('\n')[0]}).`,
    );
    return undefined;
  }
}
