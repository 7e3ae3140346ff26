// `prguard secrets baseline`: record the fingerprints (never the secrets) of today's
// secret-leakage findings in a file the policy names, so a repository full of fixtures starts clean.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { writeInRepo } from '../repo/write.ts';
import { DiffStream } from '../diff/index.ts';
import { describeFsError, UsageError } from '../errors.ts';
import { readHistory } from '../git/history.ts';
import { loadGitChangeSet, repoRoot } from '../git/index.ts';
import { verifyCommit } from '../git/range.ts';
import { openGit } from '../git/run.ts';
import { spoolGit } from '../git/spool.ts';
import type { ChangeSet } from '../model.ts';
import { redact, secretList } from '../mask.ts';
import { loadPolicy } from '../policy/index.ts';
import { formatBaseline, type BaselineEntry } from '../../rules/secret-leakage/baseline.ts';
import { secretLeakage, type SecretLeakageOptions } from '../../rules/secret-leakage/index.ts';
import type { Command } from './types.ts';

export const DEFAULT_BASELINE = '.github/prguard-secrets-baseline.json';
/** git's empty tree: a diff from it to a commit adds every file of that commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const help = `Usage: prguard secrets baseline [options]

Scan the repository for secret-leakage findings and write their fingerprints (12 hex digits
of a SHA-256; never the secrets) to a baseline file. Name that file in the policy and the
findings it lists are reported as notices instead of failing the check:

  rules:
    secret-leakage:
      baseline: ${DEFAULT_BASELINE}

prguard reads the baseline at the BASE commit of each change, so a change cannot accept its
own leak by adding a fingerprint; commit the baseline on the base branch first. The baseline
file itself is scanned like any other file.

Options:
  -o, --output FILE  where to write (default: the policy's \`baseline\`, else
                     ${DEFAULT_BASELINE}; those defaults are written inside the
                     repository only, never through a symlink)
  --head REF         the commit whose files are scanned (default: HEAD)
  --base REF         only record findings of the range --base..--head (and its commits)
  --policy FILE      policy file for the rule's options (default: .github/prguard.yml,
                     then .prguard.yml)
  -h, --help         show this help
`;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every file tracked at `head`, as added lines (a diff from the empty tree). */
async function wholeTree(root: string, head: string): Promise<ChangeSet> {
  const stream = new DiffStream();
  const args = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--no-relative', EMPTY_TREE, head, '--'];
  await spoolGit(root, args, (chunk) => stream.write(chunk));
  return { base: EMPTY_TREE, head, files: stream.end().files, commits: [] };
}

export const secretsCommand: Command = {
  name: 'secrets',
  summary: 'write a baseline of accepted secret-leakage findings (fingerprints only)',
  options: { output: { type: 'string', short: 'o' }, base: { type: 'string' }, head: { type: 'string' }, policy: { type: 'string' } },
  positionals: true,
  help,
  async run({ values, positionals }, io, appOf) {
    const app = await appOf();
    const [sub, extra] = positionals;
    if (sub !== 'baseline' || extra !== undefined) {
      throw new UsageError(`secrets takes one subcommand, "baseline"${sub === undefined ? '' : `, got "${positionals.join(' ')}"`}. See prguard secrets --help.`);
    }
    const root = await repoRoot(io.cwd);
    if (root === null) throw new UsageError(`${io.cwd} is not inside a git repository: secrets baseline scans the repository's files.`);
    const explicit = str(values.policy);
    const policy = loadPolicy({ root, rules: app.rules, ...(explicit !== undefined ? { explicit: resolve(io.cwd, explicit) } : {}) });
    const entry = policy.rules[secretLeakage.meta.id];
    const options = { ...(entry?.options as unknown as SecretLeakageOptions) };
    const head = str(values.head) ?? 'HEAD';
    const base = str(values.base);
    let change: ChangeSet;
    if (base !== undefined) {
      change = await loadGitChangeSet({ cwd: io.cwd, root, base, head });
      const history = await readHistory(root, change.base, change.head, change.files);
      if (history.length > 0) change.history = history;
    } else {
      // Checked as check checks it: a --head git would read as an option (`--output=FILE`) or
      // that names nothing is an error, never an empty scan written as a clean baseline.
      change = await wholeTree(root, await verifyCommit(openGit(root), head, '--head'));
    }
    // Record every finding, including those an older baseline already lists.
    const violations = secretLeakage.check(change, { ...options, baseline: '' }, { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: policy.core, policyPath: policy.source, documents: {}, baseDocuments: {} });
    const entries: BaselineEntry[] = [];
    const secrets: string[] = [];
    for (const v of violations) {
      secrets.push(...(v.secrets ?? []));
      if (v.fingerprint === undefined || v.severity === 'notice') continue;
      entries.push({ fingerprint: v.fingerprint, pattern: String(v.data?.pattern ?? ''), ...(v.path !== undefined ? { path: v.path } : {}), ...(v.line !== undefined ? { line: v.line } : {}) });
    }
    const named = options.baseline || undefined;
    const output = str(values.output);
    const target = output ?? named ?? DEFAULT_BASELINE;
    const file = output !== undefined ? resolve(io.cwd, output) : join(root, target);
    // The file is committed: a path that holds a secret (a key pasted into a file name) is masked
    // in it, as in every report.
    const text = redact(formatBaseline(entries), secretList(secrets));
    if (output === undefined) {
      // Where the policy names it: in the repository, never through a symlink (repo/write.ts).
      if (isAbsolute(target)) throw new UsageError(`cannot write the baseline ${target}: the policy's baseline must be a path in the repository`);
      writeInRepo(root, target, text);
    } else {
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      } catch (err) {
        throw new UsageError(`Cannot write the baseline ${target}: ${describeFsError(err as NodeJS.ErrnoException)}.`);
      }
    }
    // What it prints names the file as given: masked like every output (a key pasted into a path).
    const say = (text: string): void => io.stdout(app.scrub(text));
    const unique = new Set(entries.map((e) => e.fingerprint)).size;
    const rel = relative(root, file).split('\\').join('/');
    say(`prguard: wrote ${entries.length} finding(s), ${unique} distinct fingerprint(s), to ${rel} (fingerprints only, no secret).\n`);
    if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) {
      // A policy names a repository path only (it is read at the base commit): no snippet to copy.
      say('It is outside the repository, so no policy can name it: to use it, move it into the repository, commit it and name that path as secret-leakage `baseline`.\n');
      return 0;
    }
    if (named !== rel) {
      say(`Name it in the policy to use it:\n  rules:\n    secret-leakage:\n      baseline: ${rel}\n`);
    }
    say('It applies to changes once it is committed on the base branch (prguard reads it at the base commit).\n');
    return 0;
  },
};
