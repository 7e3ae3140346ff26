// A run whose pull request moved on: the head `pulls.get` returns is not the one the event named.
// Its verdict would be for a commit nobody merges, so it checks and publishes nothing (no check
// run, no comment), says so in a notice and the job summary, sets `superseded=true` and exits 0:
// the run for the new head (GitHub starts one for the `synchronize` event) gives the verdict.
import * as core from '@actions/core';
import type { PullContext } from './context.ts';
import type { FreshPull } from './pull.ts';

export async function reportSuperseded(pull: PullContext, fresh: FreshPull): Promise<void> {
  const message =
    `prguard: this run is superseded. The pull request's head moved from ${pull.headSha.slice(0, 12)} (the event's) ` +
    `to ${fresh.headSha.slice(0, 12)} while the run was queued, so nothing was checked and no check run was ` +
    'published. The run for the new head commit gives the verdict.';
  core.notice(message, { title: 'prguard: superseded' });
  core.setOutput('superseded', 'true');
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(`${message}\n`, true).write({ overwrite: false });
  } catch (err) {
    core.info(`prguard: the job summary could not be written (${err instanceof Error ? err.message : String(err)}).`);
  }
}
