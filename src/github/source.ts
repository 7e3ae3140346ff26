// Where the Action reads the change from: local git when the workspace checkout has both the
// base and the head commits (no caps, every patch), else the REST API. Either way the pull
// request itself (body, labels, head) is the one `pulls.get` returned in this run.
import { UsageError } from '../errors.ts';
import { loadGitChangeSet, readRepoFile } from '../git/index.ts';
import type { ChangeSet } from '../model.ts';
import { loadApiChangeSet } from './changeset.ts';
import type { GitHub } from './client.ts';
import { readFileAt } from './contents.ts';
import type { PullContext } from './context.ts';
import type { FreshPull } from './pull.ts';

export interface PullSource {
  change: ChangeSet;
  via: 'git' | 'api';
  /** Reads a repository file at the head commit (for Rule.documents). */
  readAtHead(path: string): Promise<string | undefined>;
}

export async function loadPullChange(
  octokit: GitHub,
  pull: PullContext,
  fresh: FreshPull,
  workspace: string | undefined,
  log: (message: string) => void,
): Promise<PullSource> {
  if (workspace) {
    try {
      const change = await loadGitChangeSet({ cwd: workspace, base: pull.baseSha, head: fresh.headSha });
      change.pr = fresh.pr;
      log(`prguard: read the change with git in ${workspace}.`);
      return { change, via: 'git', readAtHead: (path) => readRepoFile(workspace, change.head, path) };
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      log(
        'prguard: reading the change through the GitHub API (the checkout does not have both the base and the head ' +
          `commits: ${err.message.split('\n')[0]}).`,
      );
    }
  }
  const change = await loadApiChangeSet(octokit, pull, fresh);
  return { change, via: 'api', readAtHead: (path) => readFileAt(octokit, pull, path, change.head) };
}
