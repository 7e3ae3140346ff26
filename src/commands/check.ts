// `prguard check`: lint a change (a git range or a diff file) against the policy.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import type { App, CheckRequest, CheckResult } from '../app.ts';
import { describeFsError, UsageError } from '../errors.ts';
import { MAX_TEXT_FILE, readTextFile } from '../read-text.ts';
import { repoRoot, whyNoWorkTree } from '../git/index.ts';
import { tryResolveRange } from '../git/range.ts';
import { openGit } from '../git/run.ts';
import type { PullRequest } from '../model.ts';
import type { PrField } from '../rule.ts';
import { POLICY_PATHS, policyPrefetch } from '../policy/paths.ts';
import { closest } from '../policy/suggest.ts';
import type { PolicyChoice } from '../policy/in-force.ts';
import { WorkTreeReader } from '../repo/fs.ts';
import { readAt, type RepoReader } from '../repo/reader.ts';
import { type FailOn, withVerdict } from '../report/findings.ts';
import { formatterNamed, formatters } from '../report/index.ts';
import { parseReviewsJson } from '../github/review-json.ts';
import { writeOutput } from './output.ts';
import { diffSource, gitSource, historyOf } from './source.ts';
import type { Command, IO, ParsedArgs } from './types.ts';

const options = {
  base: { type: 'string' },
  head: { type: 'string' },
  diff: { type: 'string' },
  'max-diff-bytes': { type: 'string' },
  'max-diff-lines': { type: 'string' },
  policy: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'pr-title': { type: 'string' },
  'pr-body': { type: 'string' },
  label: { type: 'string', multiple: true },
  ai: { type: 'string' },
  reviews: { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

const help = `Usage: prguard check [options]

Lint a change against the policy and print the findings.

Where the change comes from (default: the local git repository):
  --base REF         start of the range (default: merge-base of --head with the remote's
                     default branch: origin/HEAD, else another remote's HEAD, else the
                     branch's upstream)
  --head REF         end of the range (default: HEAD)
  --diff FILE        read a unified diff or \`git format-patch --stdout\` output instead of
                     git; "-" reads standard input (empty standard input is an
                     error: it usually means the command piping in failed)
  --max-diff-bytes N the largest --diff input read, in bytes (suffix K, M or G for
                     KiB, MiB, GiB; default 512M, or PRGUARD_MAX_DIFF_BYTES); a bigger
                     diff is exit 2, never a partial check
  --max-diff-lines N the most added and deleted lines read from --diff (default
                     10000000, or PRGUARD_MAX_DIFF_LINES); more is exit 2

Policy:
  --policy FILE      try this policy file (default: .github/prguard.yml, then .prguard.yml,
                     read at the base commit so a change cannot weaken its own policy, as on
                     the pull request, or from the work tree with --diff; else the embedded
                     default policy)

Pull request metadata (what the Action reads from GitHub). Without any of these flags, findings
that depend on the PR's description or labels are notices "decided on the pull request"; with
one, the flags describe the whole PR (no --label: it has no labels):
  --pr-title TEXT    the PR title
  --pr-body FILE     the PR description, read from FILE
  --label NAME       a PR label; repeat for several
  --ai yes|no        declare whether the change is AI-assisted, overriding detection
  --reviews FILE     the PR's reviews, as \`gh api repos/O/R/pulls/N/reviews\` prints them,
                     to simulate the review-quorum rule (approvals on other commits than
                     --head count as stale: what changed since is not known locally)

Output:
  -f, --format NAME  ${Object.keys(formatters).join(', ')} (default: text); sarif is for
                     github/codeql-action/upload-sarif (whole-change findings point at the
                     policy file, line 1; past code scanning's limits, 5,000 results or
                     10 MB, the most severe are kept and standard error says how many
                     were left out)
  -o, --output FILE  write the report to FILE instead of standard output
  --fail-on LEVEL    error (default), warning or never: the lowest severity that makes the
                     exit code 1, as the Action's fail-on input
  -h, --help         show this help

FILE "-" is standard input, for one of --diff, --policy, --pr-body and --reviews at most.
Exit codes: 0 no finding at --fail-on or worse, 1 at least one, 2 bad usage, policy or input.
`;

function str(v: ParsedArgs['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A positive count from a flag or the environment; with `units`, a K, M or G (binary) suffix. */
function parseSize(value: string | undefined, what: string, fromFlag: boolean, units: boolean): number | undefined {
  if (value === undefined || (!fromFlag && value === '')) return undefined;
  const m = (units ? /^\s*(\d{1,15})\s*([KMG](?:i?B)?)?\s*$/i : /^\s*(\d{1,15})\s*$/).exec(value);
  if (!m || Number(m[1]) === 0) {
    throw new UsageError(`${what} takes a positive ${units ? 'number of bytes (e.g. 1073741824 or 1G)' : 'whole number'}, not "${value}"`);
  }
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').charAt(0).toLowerCase()]!;
  return Number(m[1]) * unit;
}

export function parseAi(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'yes' || value === 'true') return true;
  if (value === 'no' || value === 'false') return false;
  throw new UsageError(`--ai takes "yes" or "no", not "${value}"`);
}

/** Standard input, bounded as a named file is: `yes | prguard check --pr-body -` ran V8 out of memory. */
function readStdinText(io: IO): string {
  const text = io.readStdin ? io.readStdin(MAX_TEXT_FILE) : readFileSync(0, 'utf8');
  if (Buffer.byteLength(text) > MAX_TEXT_FILE) throw Object.assign(new Error('standard input is too large'), { code: 'EFBIG', limit: MAX_TEXT_FILE });
  return text;
}

function readText(file: string, what: string, io: IO): string {
  try {
    return file === '-' ? readStdinText(io) : readTextFile(resolvePath(io.cwd, file));
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file === '-' ? 'from standard input' : file}: ${describeFsError(err)}`);
  }
}

export function prFromFlags(values: ParsedArgs['values'], io: IO): PullRequest | undefined {
  const title = str(values['pr-title']);
  const bodyFile = str(values['pr-body']);
  const labels = (values.label as string[] | undefined) ?? [];
  if (title === undefined && bodyFile === undefined && labels.length === 0) return undefined;
  return {
    title: title ?? '',
    body: bodyFile === undefined ? null : readText(bodyFile, 'PR body file', io),
    labels,
    author: { login: '', type: '' },
    baseRef: '',
    headRef: '',
    draft: false,
  };
}

/**
 * `--policy FILE` (read now, shown as the user wrote it) or discovery at the change's base. The
 * decision itself is policyInForce's, the same for check, pre-push and the Action.
 */
export function policyChoice(explicit: string | undefined, io: IO, root: string): PolicyChoice {
  if (explicit === undefined) return { kind: 'discover' };
  const rel = relative(root, resolvePath(io.cwd, explicit));
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const text = readText(explicit, 'policy file', io);
  return { kind: 'file', display: explicit, text, ...(inside ? { repoPath: rel.split(sep).join('/') } : {}) };
}

/**
 * A policy file with uncommitted edits in the work tree is not what judges the change (the base
 * commit's is, as on the pull request): say so, and how to try it, so a lead is not left guessing.
 * Committed edits are already explained by the policy decision's own notes.
 */
export async function workTreePolicyNote(root: string, result: CheckResult, reader: RepoReader): Promise<string | undefined> {
  if (result.policy.origin.source === 'explicit') return undefined;
  const workTree = new WorkTreeReader(root);
  for (const path of POLICY_PATHS) {
    // Only a note: a file that cannot be read here is simply not compared.
    const edited = await readAt(workTree, 'HEAD', path).catch(() => undefined);
    if (edited === undefined) continue;
    const committed = await readAt(reader, result.change.head, path).catch(() => undefined);
    if (committed?.text === edited.text) continue;
    return (
      `${path} has uncommitted changes in the work tree; they are not in force (the policy is read at the base ` +
      `commit, as on the pull request): --policy ${path} tries them`
    );
  }
  return undefined;
}

/** The check request `prguard check` flags describe. */
export async function checkRequest(
  values: ParsedArgs['values'],
  io: IO,
): Promise<CheckRequest & { root: string; mode: 'git' | 'diff' }> {
  const format = str(values.format) ?? 'text';
  if (!formatterNamed(format)) {
    const near = closest(format, Object.keys(formatters));
    throw new UsageError(`unknown format "${format}"${near ? ` — did you mean "${near}"?` : ''} (choose from ${Object.keys(formatters).join(', ')})`);
  }
  const ai = parseAi(str(values.ai));
  const diff = str(values.diff);
  if (diff !== undefined && (values.base !== undefined || values.head !== undefined)) {
    throw new UsageError('--diff reads a diff instead of git: it cannot be combined with --base or --head');
  }
  for (const flag of ['max-diff-bytes', 'max-diff-lines']) {
    if (diff === undefined && values[flag] !== undefined) {
      throw new UsageError(`--${flag} limits what --diff reads; without --diff there is nothing for it to limit (git is read as it streams)`);
    }
  }
  // The work tree's top is found once, and the git source reuses it. With --base, one rev-parse
  // answers it and the range together (one git fewer); when that does not give a whole answer
  // (not a repository, a bad ref), the usual way says what is wrong.
  const base = str(values.base);
  const head = str(values.head);
  const range = diff === undefined && base !== undefined ? await tryResolveRange(openGit(io.cwd), base, head ?? 'HEAD', true) : undefined;
  const root = range?.root ?? (await repoRoot(io.cwd)) ?? (diff !== undefined ? io.cwd : null);
  if (root === null) {
    throw new UsageError(`${await whyNoWorkTree(io.cwd)}. Run prguard in a clone's work tree, or pass --diff FILE.`);
  }
  const limit = (flag: string, env: string, units: boolean) => {
    const fromFlag = values[flag] !== undefined;
    return parseSize(str(values[flag]) ?? io.env[env], fromFlag ? `--${flag}` : env, fromFlag, units);
  };
  const maxBytes = limit('max-diff-bytes', 'PRGUARD_MAX_DIFF_BYTES', true);
  const maxLines = limit('max-diff-lines', 'PRGUARD_MAX_DIFF_LINES', false);
  const mode = diff !== undefined ? 'diff' : 'git';
  // Standard input can be read once: a second "-" would silently get nothing (a policy or a PR
  // body swallowed by another flag), so at most one flag may name it.
  const stdin = ['diff', 'pr-body', 'reviews', 'policy'].filter((flag) => values[flag] === '-');
  if (stdin.length > 1) throw new UsageError(`--${stdin[0]} - and --${stdin[1]} - cannot both read standard input: give all but one of them a file`);
  // Any PR flag describes the pull request (no --label then means it has none); without one, what
  // only the pull request can decide is a notice. Reviews come only from --reviews or the PR.
  const flagged = prFromFlags(values, io);
  let pr = flagged;
  const reviewsFile = str(values.reviews);
  if (reviewsFile !== undefined) {
    pr ??= { title: '', body: null, labels: [], author: { login: '', type: '' }, baseRef: '', headRef: '', draft: false };
    pr.reviews = parseReviewsJson(readText(reviewsFile, 'reviews file', io), reviewsFile);
  }
  const unavailable: PrField[] = [...(flagged ? [] : (['title', 'body', 'labels'] as const)), ...(reviewsFile === undefined ? (['reviews'] as const) : [])];
  const enrich = mode === 'git' ? historyOf(root) : undefined;
  const policy = policyChoice(str(values.policy), io, root);
  // Last, once every flag is read: a git source starts git diff as it is made (the caller
  // disposes of it if it is not loaded).
  const source =
    diff !== undefined
      ? diffSource({ file: diff, cwd: io.cwd, root, io, maxBytes, maxLines })
      : gitSource({ cwd: io.cwd, root, base, head, prefetch: policyPrefetch(policy), ...(range ? { range } : {}) });
  return { source, policy, pr, ai, root, mode, unavailable, ...(enrich ? { enrich } : {}) };
}

/** Colour on a TTY or with FORCE_COLOR, never with a non-empty NO_COLOR (no-color.org). */
export function useColor(io: IO): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

export function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return 'error';
  if (value === 'error' || value === 'warning' || value === 'never') return value;
  const near = closest(value, ['error', 'warning', 'never']);
  throw new UsageError(`--fail-on takes error, warning or never, not "${value}"${near ? ` — did you mean "${near}"?` : ''}`);
}

export const check: Command = {
  name: 'check',
  summary: 'lint a change (git range or diff) against the policy',
  options,
  help,
  async run({ values }, io, appOf) {
    const failOn = parseFailOn(str(values['fail-on']));
    const request = await checkRequest(values, io); // git diff runs from here on
    let app: App;
    let result: CheckResult;
    try {
      app = await appOf(); // the rules load while git diff runs
      result = await app.runCheck(request);
    } finally {
      request.source.dispose?.();
    }
    const { report } = result;
    const note = request.mode === 'git' ? await workTreePolicyNote(request.root, result, request.source.reader) : undefined;
    if (note) report.notes.push(note);
    const format = str(values.format) ?? 'text';
    const output = str(values.output);
    const color = output === undefined && useColor(io);
    // Every format's verdict is the exit code's: under --fail-on warning a warning fails the
    // check, under --fail-on never nothing does.
    const judged = withVerdict(report, failOn);
    const code = judged.conclusion === 'failure' ? 1 : 0;
    const policyRepoPath = request.policy.kind === 'file' ? request.policy.repoPath : undefined;
    // A SARIF file that had to leave findings out says so inside; the terminal is told too.
    const onLeftOut = (message: string) => io.stderr(`prguard: ${message}\n`);
    const options = { color, rules: app.rules.map((r) => r.meta), onLeftOut, ...(policyRepoPath ? { policyRepoPath } : {}) };
    writeOutput(formatterNamed(format)!(judged, options), output, io);
    return code;
  },
};
