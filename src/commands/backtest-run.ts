// Replays policies over merged pull requests, in this process: one git ChangeSource per PR, its
// change read once (memoised) and judged by each policy through app.runCheck, as `check` would.
// A progress bar on stderr when it is a terminal; Ctrl-C stops after the current PR and the
// report covers what was done.
import type { App, ChangeSource } from '../app.ts';
import type { ChangeSet } from '../model.ts';
import type { PolicyChoice } from '../policy/in-force.ts';
import type { PrField } from '../rule.ts';
import type { MergedPr } from './backtest-history.ts';
import { verdictOf, type PrVerdict } from './backtest-summary.ts';
import { gitSource, historyOf } from './source.ts';
import type { IO } from './types.ts';

export interface BacktestRun {
  /** Per policy, the verdicts in PR order (the same PRs for each). */
  verdicts: PrVerdict[][];
  /** PRs that could not be checked, and why: never counted as passing. */
  unchecked: { pr: MergedPr; reason: string }[];
  interrupted: boolean;
  /** Of the PRs found, how many were processed (checked or not) before stopping. */
  done: number;
  seconds: number;
}

function memoised(source: ChangeSource): ChangeSource {
  let loaded: Promise<ChangeSet> | undefined;
  return { ...source, load: () => (loaded ??= source.load()) };
}

function bar(done: number, total: number, started: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} PRs · ${secs}s`;
}

/** No PR data from git: what only the PR decides is counted apart, as on a local check. */
const UNAVAILABLE: PrField[] = ['title', 'body', 'labels', 'reviews'];

export async function runBacktest(prs: readonly MergedPr[], policies: readonly PolicyChoice[], root: string, io: IO, app: App): Promise<BacktestRun> {
  const started = Date.now();
  const verdicts: PrVerdict[][] = policies.map(() => []);
  const unchecked: BacktestRun['unchecked'] = [];
  let interrupted = false;
  const stop = io.onInterrupt?.(() => {
    interrupted = true;
  });
  const progress = io.stderrIsTTY === true;
  const undecided = new Set(app.rules.filter((r) => r.meta.pullRequest?.needs?.some((f) => UNAVAILABLE.includes(f))).map((r) => r.meta.id));
  let done = 0;
  try {
    for (const pr of prs) {
      if (interrupted) break;
      if (progress) io.stderr(bar(done, prs.length, started));
      const source = memoised(gitSource({ cwd: root, root, base: pr.base, head: pr.head }));
      const enrich = historyOf(root);
      try {
        const results = [];
        for (const policy of policies) results.push(await app.runCheck({ source, policy, unavailable: UNAVAILABLE, enrich }));
        results.forEach((r, i) => verdicts[i]!.push(verdictOf(pr, r.report, undecided)));
      } catch (err) {
        // An error message may quote the change (a file name, a line): masked as every output is.
        unchecked.push({ pr, reason: app.scrub(err instanceof Error ? err.message.split('\n')[0]! : String(err)) });
      }
      done++;
    }
  } finally {
    stop?.();
    if (progress) io.stderr(`${bar(done, prs.length, started)}${interrupted ? ' · interrupted' : ''}\n`);
  }
  return { verdicts, unchecked, interrupted, done, seconds: (Date.now() - started) / 1000 };
}
