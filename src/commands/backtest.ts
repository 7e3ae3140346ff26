// `prguard backtest`: what a policy would have done on the repository's last merged pull requests.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeFsError, UsageError } from '../errors.ts';
import { repoRoot } from '../git/index.ts';
import { openGit } from '../git/run.ts';
import { discoverPolicy, policyFromText } from '../policy/index.ts';
import type { PolicyChoice } from '../policy/in-force.ts';
import { closest } from '../policy/suggest.ts';
import { readTextFile } from '../read-text.ts';
import { defaultBranch, mergedPrs } from './backtest-history.ts';
import { formatBacktestJson, formatBacktestMarkdown, formatBacktestText, type BacktestReport } from './backtest-format.ts';
import { runBacktest } from './backtest-run.ts';
import { summarise } from './backtest-summary.ts';
import { writeOutput } from './output.ts';
import type { Command, IO } from './types.ts';

const options = {
  policy: { type: 'string' },
  compare: { type: 'string' },
  limit: { type: 'string', short: 'n' },
  since: { type: 'string' },
  branch: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
} as const;

const FORMATS = ['text', 'json', 'markdown'];

const help = `Usage: prguard backtest [options]

Replay the policy over the repository's merged pull requests and print what it would have
done: per rule, the PRs flagged at error and at warning (AI-assisted vs not), the share that
would have been blocked, and the PRs behind each number (a rule the policy does not run is
"off"). Merged PRs are found on the first-parent history of the default branch: merge commits
(M^1..M^2) and squash merges (C^..C, numbered from "(#123)"); the direct pushes and octopus
merges in between are not pull requests, left out and counted in the header. Each PR is
checked as prguard check would check it, from git alone: findings that depend on the PR's
description, labels or reviews (review-quorum's approvals) are counted as "decided on the PR".
Ctrl-C stops early and prints what was done.

Options:
  --policy FILE      the policy to replay (default: the one in the work tree, .github/prguard.yml
                     or .prguard.yml, else the embedded default)
  --compare FILE     a second policy: both side by side, and the PRs whose verdict changes
  -n, --limit N      the last N merged PRs (default: 100)
  --since DATE       only PRs merged since DATE (2024-01-31, or "3 months ago")
  --branch REF       the default branch (default: origin/HEAD, else origin/main,
                     origin/master, main or master, else HEAD)
  -f, --format NAME  text, json or markdown (a comment for the policy's pull request)
  -o, --output FILE  write the report to FILE instead of standard output
  -h, --help         show this help

Exit codes: 0 done, 2 bad usage or policy, or a PR that could not be checked.
`;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A policy file named on the command line, or the work tree's, validated now (not once per PR). */
function choiceFor(file: string | undefined, root: string, io: IO, rules: Parameters<typeof policyFromText>[2]): { choice: PolicyChoice; label: string } {
  const rel = file === undefined ? discoverPolicy(root) : undefined;
  if (file === undefined && rel === null) {
    return { choice: { kind: 'default' }, label: 'embedded default' };
  }
  const display = file ?? rel!;
  const path = file !== undefined ? resolve(io.cwd, file) : join(root, rel!);
  let text: string;
  try {
    text = readTextFile(path);
  } catch (err) {
    throw new UsageError(`cannot read policy file ${display}: ${describeFsError(err)}`);
  }
  policyFromText(text, display, rules);
  const inRepo = relative(root, path);
  const repoPath = inRepo !== '' && !inRepo.startsWith('..') && !isAbsolute(inRepo) ? inRepo.split(sep).join('/') : undefined;
  return { choice: { kind: 'file', display, text, ...(repoPath ? { repoPath } : {}) }, label: display };
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 100;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit takes a whole number of pull requests, at least 1, not "${value}"`);
  return n;
}

function checkSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isNaN(Date.parse(value)) || /^\d+ (second|minute|hour|day|week|month|year)s? ago$/.test(value)) return value;
  throw new UsageError(`--since takes a date (2024-01-31) or an age ("3 months ago"), not "${value}"`);
}

export const backtest: Command = {
  name: 'backtest',
  summary: "replay the policy over the repository's merged pull requests",
  options,
  help,
  async run({ values }, io, appOf) {
    const app = await appOf();
    const format = str(values.format) ?? 'text';
    if (!FORMATS.includes(format)) {
      const near = closest(format, FORMATS);
      throw new UsageError(`unknown format "${format}"${near ? ` — did you mean "${near}"?` : ''} (choose from ${FORMATS.join(', ')})`);
    }
    const limit = parseLimit(str(values.limit));
    const since = checkSince(str(values.since));
    const root = await repoRoot(io.cwd);
    if (root === null) throw new UsageError(`${io.cwd} is not inside a git repository: backtest replays a repository's history.`);
    const policies = [choiceFor(str(values.policy), root, io, app.rules)];
    const compare = str(values.compare);
    if (compare !== undefined) policies.push(choiceFor(compare, root, io, app.rules));
    const branch = str(values.branch) ?? (await defaultBranch(root));
    const { prs, leftOut } = await mergedPrs(root, { branch, limit, ...(since !== undefined ? { since } : {}) });
    // A shallow clone's history ends early (a merge at its edge looks like a first commit):
    // fewer PRs than asked for is then the clone's depth, not the repository's history.
    const shallow = prs.length < limit && (await openGit(root).tryRaw(['rev-parse', '--is-shallow-repository'])) === 'true';
    const deepen = 'this clone is shallow: fetch the rest of the history (git fetch --unshallow) to replay more';
    if (prs.length === 0) {
      throw new UsageError(
        `no merged pull requests found on the first-parent history of ${branch}${since ? ` since ${since}` : ''} (merge commits, or squash merges ending in "(#123)")${shallow ? `; ${deepen}` : ''}`,
      );
    }
    if (shallow) io.stderr(`prguard: ${prs.length} merged PR${prs.length === 1 ? '' : 's'} found where ${limit} were asked for, and ${deepen}.\n`);
    const run = await runBacktest(prs, policies.map((p) => p.choice), root, io, app);
    const ids = app.rules.map((r) => r.meta.id);
    const report: BacktestReport = { branch, prs, leftOut, run, summaries: policies.map((p, i) => summarise(p.label, run.verdicts[i]!, ids)) };
    const text = format === 'json' ? formatBacktestJson(report) : format === 'markdown' ? formatBacktestMarkdown(report) : formatBacktestText(report);
    writeOutput(text, str(values.output), io);
    return run.unchecked.length > 0 ? 2 : 0;
  },
};
