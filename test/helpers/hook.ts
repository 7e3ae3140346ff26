// A repository set up as a developer's would be after `npm i -D prguard`: prguard reachable as
// node_modules/.bin/prguard (here, the built CLI), ignored by git.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, GIT_ENV, Repo } from './repo.ts';

export function linkPrguard(repo: Repo): void {
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  chmodSync(CLI, 0o755);
  symlinkSync(CLI, join(repo.dir, 'node_modules', '.bin', 'prguard'));
  repo.write('.git/info/exclude', 'node_modules/\n');
}

export interface GitResult {
  code: number;
  /** stdout and stderr together: git sends a hook's output to its stderr. */
  output: string;
}

/** Runs git (e.g. a push, which runs the pre-push hook) without throwing on failure. */
export function gitRun(repo: Repo, ...args: string[]): GitResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  const r = spawnSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}
