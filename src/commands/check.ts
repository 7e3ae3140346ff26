// `prguard check`: lint a change (a git range or a diff file) against the policy.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { evaluateChange } from '../evaluate.ts';
import { describeFsError, UsageError } from '../errors.ts';
import type { ChangeSet, PullRequest, Report } from '../model.ts';
import { defaultPolicy, discoverPolicy, loadPolicy, policyFromText, type ResolvedPolicy } from '../policy/index.ts';
import { formatters } from '../report/index.ts';
import { allRules } from '../../rules/index.ts';
import { writeOutput } from './output.ts';
import { readRepoFile, repoRoot } from '../git/index.ts';
import { addHistory, loadChange, readBaseDocument, readDocument } from './source.ts';
import type { Command, IO, ParsedArgs } from './types.ts';

const options = {
  base: { type: 'string' },
  head: { type: 'string' },
  diff: { type: 'string' },
  policy: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'pr-title': { type: 'string' },
  'pr-body': { type: 'string' },
  label: { type: 'string', multiple: true },
  ai: { type: 'string' },
} as const;

const help = `Usage: prguard check [options]

Lint a change against the policy and print the findings.

Where the change comes from (default: the local git repository):
  --base REF         start of the range (default: merge-base of --head with the remote's
                     default branch, from origin/HEAD or the branch's upstream)
  --head REF         end of the range (default: HEAD)
  --diff FILE        read a unified diff or \`git format-patch --stdout\` output instead of
                     git; "-" reads standard input; no repository needed

Policy:
  --policy FILE      policy file (default: .github/prguard.yml, then .prguard.yml, else the
                     embedded default policy)

Pull request metadata (what the Action reads from GitHub):
  --pr-title TEXT    the PR title
  --pr-body FILE     the PR description, read from FILE ("-" is not allowed with --diff -)
  --label NAME       a PR label; repeat for several
  --ai yes|no        declare whether the change is AI-assisted, overriding detection

Output:
  -f, --format NAME  ${Object.keys(formatters).join(', ')} (default: text); sarif is for
                     github/codeql-action/upload-sarif (whole-change findings point at the
                     policy file, line 1)
  -o, --output FILE  write the report to FILE instead of standard output
  -h, --help         show this help

Exit codes: 0 no error findings, 1 at least one error finding, 2 bad usage, policy or input.
`;

function str(v: ParsedArgs['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function parseAi(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'yes' || value === 'true') return true;
  if (value === 'no' || value === 'false') return false;
  throw new UsageError(`--ai takes "yes" or "no", not "${value}"`);
}

function readText(file: string, what: string, cwd: string): string {
  try {
    return readFileSync(file === '-' ? 0 : resolvePath(cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file}: ${describeFsError(err)}`);
  }
}

function prFromFlags(values: ParsedArgs['values'], cwd: string, change: ChangeSet): PullRequest | undefined {
  const title = str(values['pr-title']);
  const bodyFile = str(values['pr-body']);
  const labels = (values.label as string[] | undefined) ?? [];
  if (title === undefined && bodyFile === undefined && labels.length === 0) return undefined;
  if (bodyFile === '-' && values.diff === '-') {
    throw new UsageError('--pr-body - and --diff - cannot both read standard input');
  }
  return {
    title: title ?? '',
    body: bodyFile === undefined ? null : readText(bodyFile, 'PR body file', cwd),
    labels,
    author: { login: '', type: '' },
    baseRef: change.pr?.baseRef ?? change.base,
    headRef: change.pr?.headRef ?? change.head,
    draft: false,
  };
}

/**
 * The policy in force. `--policy` wins. Otherwise the discovered file — except that when a git
 * change edits that file, the change is judged by the policy at its base, as CI does, so that a
 * change cannot weaken the policy it is checked against.
 */
async function policyFor(
  root: string,
  explicit: string | undefined,
  change: ChangeSet | undefined,
  notes: string[],
  cwd: string,
): Promise<ResolvedPolicy> {
  if (explicit !== undefined) {
    const file = resolvePath(cwd, explicit);
    const policy = loadPolicy({ root, explicit: file, rules: allRules });
    const rel = relative(root, file);
    policy.source = rel.startsWith('..') || isAbsolute(rel) ? explicit : rel.split(sep).join('/');
    return policy;
  }
  const found = discoverPolicy(root);
  const edited = found !== null && change?.files.some((f) => f.path === found || f.oldPath === found);
  if (found !== null && edited && change) {
    const atBase = await readRepoFile(root, change.base, found);
    const base = change.base.slice(0, 12);
    if (atBase === undefined) {
      notes.push(
        `this change adds ${found}: it is judged by the embedded default policy, as CI will; ` +
          `pass --policy ${found} to try the new file`,
      );
      return defaultPolicy(allRules);
    }
    notes.push(
      `this change edits ${found}: it is judged by the policy at the base (${base}), as CI will; ` +
        `pass --policy ${found} to try the edited file`,
    );
    return policyFromText(atBase, found, allRules);
  }
  const policy = loadPolicy({ root, rules: allRules });
  if (policy.source === null) {
    notes.push('no policy file found (.github/prguard.yml, .prguard.yml): using the embedded default policy');
  }
  return policy;
}

export async function checkChange(values: ParsedArgs['values'], io: IO): Promise<Report> {
  const format = str(values.format) ?? 'text';
  if (!formatters[format]) {
    throw new UsageError(`unknown format "${format}" (choose from ${Object.keys(formatters).join(', ')})`);
  }
  const flag = parseAi(str(values.ai));
  const diff = str(values.diff);
  if (diff !== undefined && (values.base !== undefined || values.head !== undefined)) {
    throw new UsageError('--diff reads a diff instead of git: it cannot be combined with --base or --head');
  }
  // The work tree's top is found once, and the git source reuses it.
  const root = (await repoRoot(io.cwd)) ?? (diff !== undefined ? io.cwd : null);
  if (root === null) {
    throw new UsageError(`${io.cwd} is not inside a git repository. Run prguard in one, or pass --diff FILE.`);
  }
  const change = await loadChange({ cwd: io.cwd, root, diff, base: str(values.base), head: str(values.head) });
  const notes: string[] = [];
  const policy = await policyFor(root, str(values.policy), diff === undefined ? change : undefined, notes, io.cwd);
  await addHistory(root, change, diff, policy);
  const pr = prFromFlags(values, io.cwd, change);
  if (pr) change.pr = pr;
  return evaluateChange({
    change,
    policy,
    flag,
    notes,
    readDocument: (path) => readDocument(root, change, diff, path),
    readBaseDocument: (path) => readBaseDocument(root, change, diff, path),
  });
}

/** Colour on a TTY or with FORCE_COLOR, never with a non-empty NO_COLOR (no-color.org). */
export function useColor(io: IO): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

export const check: Command = {
  name: 'check',
  summary: 'lint a change (git range or diff) against the policy',
  options,
  help,
  async run({ values }, io) {
    const report = await checkChange(values, io);
    const format = str(values.format) ?? 'text';
    const output = str(values.output);
    const color = output === undefined && useColor(io);
    writeOutput(formatters[format]!(report, { color, rules: allRules.map((r) => r.meta) }), output, io);
    return report.conclusion === 'failure' ? 1 : 0;
  },
};
