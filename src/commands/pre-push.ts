// `prguard pre-push`: what the git pre-push hook runs. Checks every pushed range against the
// policy and blocks the push (exit 1) on error findings.
import { UsageError } from '../errors.ts';
import { branchOfRef } from '../git/branch.ts';
import { whyNoWorkTree } from '../git/index.ts';
import { mayBeChecked, objectsPolicyRef, resolvePushRanges, sendsObjects, shortRef } from '../git/push-ranges.ts';
import { isObjectId } from '../git/object-id.ts';
import { openGit } from '../git/run.ts';
import { gitVersion } from '../git/version.ts';
import { parsePushedRefs, type PushedRef } from '../hooks/push-refs.ts';
import { policyPrefetch } from '../policy/paths.ts';
import { printable } from '../report/printable.ts';
import { formatText } from '../report/text.ts';
import { parseAi, policyChoice, useColor } from './check.ts';
import { type NamesPolicy, namesPolicies, reportRefNames, scanRefNames, type RefNameScan } from './push-names.ts';
import { gitSource, historyOf, pushedObjectsSource } from './source.ts';
import type { CheckResult } from '../app.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import type { AppLoader, Command, IO, ParsedArgs } from './types.ts';

const options = {
  policy: { type: 'string' },
  ai: { type: 'string' },
} as const;

const help = `Usage: prguard pre-push [remote] [url] < refs

Run by the git pre-push hook (see prguard install-hook). Reads the refs being pushed from
standard input, one line each: <local ref> <local sha> <remote ref> <remote sha>, and checks
each pushed branch over the range its pull request will show, so the verdict is the PR's:
  - from its merge-base with the remote's default branch (refs/remotes/<remote>/HEAD, else
    <remote>/main or <remote>/master) to the pushed commit, for new and existing branches
    alike (when no default branch is known: from what the remote already has; a push to a
    URL as to the configured remote with that URL; to a remote nothing is known of, such as
    a new empty one, from the newest commit any remote has);
  - deleted branches are skipped, and so are tags, unless a tag brings commits that neither
    the remote nor a branch of the same push has: those are checked as a branch there would be;
  - what no pull request shows is scanned for secrets on its own: the messages of the annotated
    tags pushed (each level of a tag of a tag), a tree or blob a tag points at, and the new
    commits of a ref outside refs/heads (refs/notes/commits) the remote has no base for;
  - the name of every pushed ref, skipped or not, is scanned for secrets of a verified provider
    format: the remote shows it at once, so one stops the push (a deletion: a warning),
    unless its fingerprint is in the policy's allow: for secret-leakage (the policy is read
    for that only when a name holds one: at the branch's base, else where the pushed
    objects' policy is read; one that cannot be read waives nothing).
A push has no pull request yet: findings that depend on its description, labels or reviews
are notices "decided on the pull request", not errors.
Exits 1, which stops the push, when a range or a ref's name has error findings. Skip the
check once with git push --no-verify; CI still checks the pull request.

Under pre-commit (stage pre-push) the range comes from PRE_COMMIT_FROM_REF and
PRE_COMMIT_TO_REF (commits or refs) instead of standard input; without them (a push of a
root commit the remote lacks), PRE_COMMIT_LOCAL_BRANCH is checked as a new branch. The
remote is PRE_COMMIT_REMOTE_NAME.

Options:
  --policy FILE   try this policy file (default: .github/prguard.yml, then .prguard.yml,
                  read at the base of each range, as on the pull request; else the
                  embedded default policy)
  --ai yes|no     declare whether the change is AI-assisted, overriding detection
  -h, --help      show this help
`;

/**
 * More than git ever gives a pre-push hook (a line of about 170 bytes per pushed ref): input past
 * it is not a push, and is not read to its end (`prguard pre-push < /dev/zero`).
 */
const MAX_INPUT = 16 * 1024 * 1024;

async function readAll(stream: NodeJS.ReadableStream, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(b);
    if ((size += b.length) > max) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A commit pre-commit names (a sha, or a ref given to `pre-commit run --from-ref`), as a sha. */
async function commitOf(io: IO, name: string, variable: string): Promise<string> {
  if (isObjectId(name)) return name;
  const sha = await openGit(io.cwd).tryRaw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`]);
  if (!sha) throw new UsageError(`${variable} is ${JSON.stringify(name)}, which names no commit in this repository.`);
  return sha;
}

/** The refs being pushed: git's hook input, or pre-commit's environment variables. */
async function pushedRefs(io: IO): Promise<PushedRef[]> {
  const from = io.env.PRE_COMMIT_FROM_REF;
  const to = io.env.PRE_COMMIT_TO_REF;
  const localBranch = io.env.PRE_COMMIT_LOCAL_BRANCH;
  if (from && to) {
    // pre-commit passes the range, not git's input; an all-zero FROM marks a new branch.
    const [fromSha, toSha] = await Promise.all([commitOf(io, from, 'PRE_COMMIT_FROM_REF'), commitOf(io, to, 'PRE_COMMIT_TO_REF')]);
    return parsePushedRefs(`${localBranch || 'HEAD'} ${toSha} ${io.env.PRE_COMMIT_REMOTE_BRANCH || 'HEAD'} ${fromSha}`);
  }
  // pre-commit sets no range when the push brings a root commit the remote lacks (the first push
  // of a repository: it runs its hooks on all files then), and has read git's input itself: the
  // pushed branch is new to the remote, and is checked as git's hook would check it.
  const newBranch = async (branch: string): Promise<PushedRef[]> => {
    const sha = await commitOf(io, branch, 'PRE_COMMIT_LOCAL_BRANCH');
    return parsePushedRefs(`${branch} ${sha} ${io.env.PRE_COMMIT_REMOTE_BRANCH || branch} ${'0'.repeat(sha.length)}`);
  };
  const fromPreCommit = localBranch && !from && !to ? localBranch : undefined;
  if (io.stdinIsTTY ?? io.stdin.isTTY) {
    if (fromPreCommit) return newBranch(fromPreCommit);
    throw new UsageError(
      'prguard pre-push reads the refs being pushed from standard input, as git gives them to a pre-push hook.\n' +
        'Install the hook with prguard install-hook, or check the current branch with prguard check.',
    );
  }
  const input = io.readStdin ? io.readStdin(MAX_INPUT) : await readAll(io.stdin, MAX_INPUT);
  if (Buffer.byteLength(input) > MAX_INPUT) {
    throw new UsageError(`the pre-push input is over ${MAX_INPUT / 1024 / 1024} MB, which is not what git gives a pre-push hook.`);
  }
  const refs = parsePushedRefs(input);
  // git's own input, when there is some, is what is pushed, whatever the environment says.
  return refs.length === 0 && fromPreCommit ? newBranch(fromPreCommit) : refs;
}

async function checkPush({ values, positionals }: ParsedArgs, io: IO, appOf: AppLoader): Promise<number> {
  // pre-commit passes no arguments to its hooks, but names the remote in its environment.
  const remote = positionals[0] ?? (io.env.PRE_COMMIT_REMOTE_NAME || 'origin');
  // Standard input holds git's refs: a policy read from it would be read empty, or eat the refs.
  if (values.policy === '-') throw new UsageError('pre-push reads the refs being pushed from standard input: --policy - cannot read it too. Give --policy a file.');
  const refs = await pushedRefs(io);
  // A push's diff is small: loading the rules is the long pole, so it starts now and runs while
  // git answers. A push that only deletes or sends tags checks nothing but its ref names (unless
  // a tag brings commits), which every push gives the remote (push-names.ts): for those, only
  // what scans for secrets is loaded.
  const checks = refs.some(mayBeChecked);
  const app = checks ? appOf() : undefined;
  const scan = app ?? (refs.length > 0 ? appOf.secrets() : undefined);
  scan?.catch(() => undefined); // awaited below
  const planned = resolvePushRanges(refs, remote, io.cwd);
  // git's version decides how the attributes at the base are read: asked now, beside the plan, so
  // that every question about the range can go to git at once when the plan is made.
  if (checks) void gitVersion(openGit(io.cwd));
  const plan = await planned;
  const color = useColor(io);
  const root = plan.root;
  if (root === null) throw new UsageError(`${await whyNoWorkTree(io.cwd)}.`);
  const policy = policyChoice(typeof values.policy === 'string' ? values.policy : undefined, io, root);
  const ai = parseAi(typeof values.ai === 'string' ? values.ai : undefined);
  let blocked = 0;
  let outsidePr = false;
  const history = historyOf(root);
  // Every ref's name is scanned (push-names.ts), and what is printed from then on is masked of
  // what was found in them: the lines prguard writes of any other secret too (a report is masked
  // already). Not before the first range is checked: the scanner it builds is the one the names
  // need, and building it earlier would hold up the check's first git processes.
  const loaded = scan ? await scan : undefined;
  const scrub = (text: string) => (loaded ? loaded.scrub(text) : text);
  let scanned: RefNameScan | undefined;
  const names = (): RefNameScan => (scanned ??= loaded ? scanRefNames(refs, loaded) : { found: [], mask: (text) => text });
  // The policy each check read, for the names' `allow:` (push-names.ts).
  const rangePolicies = new Map<PushedRef, ResolvedPolicy>();
  let objectsPolicy: ResolvedPolicy | undefined;
  for (const range of plan.ranges) {
    // The pushed branch, as the Action will see it as the PR's head ref.
    const branch = branchOfRef(range.ref.localRef) ?? branchOfRef(range.ref.remoteRef);
    // The remote's name for it is scanned below, with every pushed ref's (push-names.ts): the
    // range's report does not report its secrets again.
    const branchNamePushed = branch !== undefined && branch === branchOfRef(range.ref.remoteRef);
    // The policy files at the base are read as soon as git answers it, while the diff runs.
    // Every base the plan finds is an ancestor of the head (a merge-base, or a commit the remote
    // has below it): git need not be asked for the range again.
    const source = gitSource({ cwd: io.cwd, root, base: range.base, head: range.head, branch, branchNamePushed, prefetch: policyPrefetch(policy), baseIsMergeBase: true }); // git diff starts
    let report: CheckResult['report'];
    try {
      // A push has no pull request yet: what only the PR can decide is a notice here.
      const result = await (await appOf()).runCheck({ source, policy, ai, unavailable: ['title', 'body', 'labels', 'reviews'], enrich: history });
      report = result.report;
      rangePolicies.set(range.ref, result.policy.policy);
    } finally {
      source.dispose?.();
    }
    blocked += report.findings.filter((f) => f.severity === 'error').length;
    io.stdout(
      scrub(
        `prguard: ${printable(shortRef(range.ref.localRef))} -> ${printable(`${remote}/${shortRef(range.ref.remoteRef)}`)} ` +
          `(${range.base.slice(0, 7)}..${range.head.slice(0, 7)}, base: ${range.baseLabel})\n`,
      ),
    );
    if (report.findings.length > 0 || report.notes.length > 0) io.stdout(names().mask(formatText(report, { color })));
  }
  for (const s of plan.skipped) {
    io.stdout(scrub(`prguard: ${printable(shortRef(s.ref.remoteRef))}: skipped (${s.reason})\n`));
  }
  const objects = plan.objects;
  if (sendsObjects(objects)) {
    // Tag messages, and the trees and blobs tags point at: on the remote once pushed, in no PR.
    const source = pushedObjectsSource(root, remote, objects, objects.policyRef ?? null);
    const { report, change, policy: inForce } = await (await appOf()).runCheck({ source, policy, ai, unavailable: ['title', 'body', 'labels', 'reviews'] });
    objectsPolicy = inForce.policy;
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    blocked += errors;
    outsidePr = errors > 0;
    const counts = [[change.tags?.length ?? 0, 'tag message'], [change.commits.length, 'commit of a ref outside refs/heads'], [change.pushedBlobs?.length ?? 0, 'blob']] as const;
    const what = counts.filter(([n]) => n > 0).map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`).join(', ');
    io.stdout(scrub(`prguard: pushed to ${printable(remote)} outside any branch (${what || 'not read'})\n`));
    if (report.findings.length > 0 || report.notes.length > 0) io.stdout(names().mask(formatText(report, { color })));
  }
  // A secret in a name is waived by the policy's `allow:`: the policy is read for that alone, only
  // when there is one (a skip-only push loads secret-leakage alone), where the pushed objects'
  // policy is read (the base of a range of the push, else the remote's default branch, else HEAD).
  const nameScan = names();
  const outside = async (): Promise<ResolvedPolicy> => {
    const known = objectsPolicy ?? (plan.ranges[0] && rangePolicies.get(plan.ranges[0].ref));
    if (known) return known;
    const [{ policyAtBase }, { GitRepoReader }, { rules }] = await Promise.all([import('../policy/in-force.ts'), import('../git/reader.ts'), appOf()]);
    const base = await objectsPolicyRef(openGit(root), remote, plan);
    return (await policyAtBase({ choice: policy, reader: new GitRepoReader(root), base, rules })).policy;
  };
  const policies = nameScan.found.length > 0 ? await namesPolicies(nameScan.found, rangePolicies, outside) : new Map<PushedRef, NamesPolicy>();
  const { errors: nameErrors, text: nameText } = reportRefNames(nameScan, remote, color, (ref) => policies.get(ref));
  if (nameText) io.stdout(scrub(nameText));
  blocked += nameErrors;
  if (blocked > 0) {
    io.stderr(
      `\nprguard: push blocked: ${blocked} error finding${blocked === 1 ? '' : 's'} (above). Fix ${blocked === 1 ? 'it' : 'them'} and push again,\n` +
        'or skip this check once with git push --no-verify — CI will still check the pull request' +
        (outsidePr ? ' (not the tags and objects above: no pull request shows them).\n' : '.\n') +
        (nameErrors > 0 ? 'A ref\'s name is on the remote as soon as the push is: no later check can take it back.\n' : ''),
    );
    return 1;
  }
  return 0;
}

export const prePush: Command = {
  name: 'pre-push',
  summary: 'check the commits being pushed (run by the git pre-push hook)',
  options,
  positionals: true,
  help,
  async run(args, io, appOf) {
    try {
      return await checkPush(args, io, appOf);
    } catch (err) {
      // Exit 2 stops the push too: say why it stopped and how to get past it.
      if (!(err instanceof UsageError)) throw err;
      throw new UsageError(
        `${err.message}\n\nThe push was stopped because prguard could not check it. Fix the problem above, or skip\n` +
          'this check once with git push --no-verify — CI will still check the pull request.',
      );
    }
  },
};
