// The composition root. Each entry (the CLI, the Action) builds one App with the rules it runs and
// the clock, and hands every check a CheckRequest it built from its own inputs: where the change
// comes from (with the repository reader that goes with it), which policy, the PR's metadata.
// Below this, nothing imports the rule registry, reads process.* or knows which entry it serves.
import { evaluateChange } from './evaluate.ts';
import type { ChangeSet, Commit, FileChange, Provenance, ProvenanceInput, PullRequest, Report } from './model.ts';
import { PerFileResults, policyOptions } from './per-file.ts';
import { type PolicyAtBase, policyAtBase, policyInForce, type PolicyChoice, type PolicyInForce } from './policy/in-force.ts';
import { defaultOptions, type ResolvedPolicy } from './policy/resolve.ts';
import { resolveProvenance } from './provenance/index.ts';
import type { RepoReader } from './repo/reader.ts';
import type { AnyRule, PrField } from './rule.ts';
import { secretScan, type SecretScan } from './secret-scan.ts';

/** Where a change comes from: local git, a diff, the GitHub API. */
export interface ChangeSource {
  /** Reads the change; `events` lets the check start work while the change streams in. */
  load(events?: LoadEvents): Promise<ChangeSet>;
  /** Reads the repository the change belongs to (policy and attributes at the base, documents at the head). */
  reader: RepoReader;
  /** The commit the policy is read at, or null when there is none (a diff: the work tree). */
  policyRef(change: ChangeSet): string | null;
  /** Stops a source that started reading when it was made and will not be loaded (a git source). */
  dispose?(): void;
}

/** What a source may report while it reads the change (each is optional for the source to call). */
export interface LoadEvents {
  /**
   * Each file as soon as it is final (its patch parsed, a binary file's content read: everything
   * but `attributes`), while the rest still streams in: the rules' per-file phases run on it then
   * (src/per-file.ts).
   */
  onFile?(file: FileChange): void;
  /** What `policyRef(change)` will answer, as soon as the source knows it: the policy is read meanwhile. */
  onPolicyRef?(ref: string | null): void;
  /**
   * The change's commits and head branch, as soon as the source has them (the same array and
   * branch the change set will hold): provenance, which reads nothing else of the change, is
   * worked out meanwhile.
   */
  onCommits?(commits: readonly Commit[], branch: string | undefined): void;
}

export interface CheckRequest {
  source: ChangeSource;
  policy: PolicyChoice;
  /** The pull request's metadata, when the entry has it (flags, or the GitHub event). */
  pr?: PullRequest;
  /** `--ai yes|no`: overrides detection. */
  ai?: boolean;
  /**
   * Runs once the policy is decided, before the rules: the Action adds what depends on the policy
   * (team membership of the owners and waivers it names) to the change.
   */
  enrich?(change: ChangeSet, policy: PolicyInForce): Promise<void>;
  /**
   * PR fields the entry does not have (a local check: the description without --pr-body, the
   * labels without --label, the reviews): findings that need them are decided on the pull request.
   */
  unavailable?: readonly PrField[];
}

export interface AppDeps {
  /** Every rule that may run, in display order. */
  rules: readonly AnyRule[];
  /** The clock (waivers, backtests); the engine never reads it. */
  clock?: () => Date;
}

export interface CheckResult {
  report: Report;
  change: ChangeSet;
  policy: PolicyInForce;
}

export interface App {
  readonly rules: readonly AnyRule[];
  readonly clock: () => Date;
  /** The policy in force for a change read from `source`. */
  policyFor(source: ChangeSource, change: ChangeSet, choice: PolicyChoice): Promise<PolicyInForce>;
  /** Read the change, decide the policy, detect provenance, run the rules. */
  runCheck(request: CheckRequest): Promise<CheckResult>;
  /** The redaction boundary for text outside a report, masking every secret an earlier check saw too (secret-scan.ts). */
  scrub: SecretScan['scrub'];
  /** The secrets of a verified provider format in a name (a pushed ref's), masked by `scrub` from then on. */
  findVerifiedSecrets: SecretScan['findVerifiedSecrets'];
}

/** Provenance worked out while the change streamed in, and what it was worked out from. */
interface EarlyProvenance extends ProvenanceInput {
  options: ResolvedPolicy['provenance'];
  provenance: Provenance;
}

export function createApp(deps: AppDeps): App {
  const rules = deps.rules;
  const seen = new Set<string>();
  const clock = deps.clock ?? (() => new Date());
  const policyFor: App['policyFor'] = (source, change, choice) =>
    policyInForce({ choice, reader: source.reader, base: source.policyRef(change), files: change.files, rules });
  return {
    rules,
    clock,
    policyFor,
    async runCheck(request) {
      // Per-file phases run as the change streams in: with the rules' default options until the
      // policy at the base is read (started as soon as the source knows the base), then with the
      // policy's. The engine reruns a phase wherever the options it runs with differ.
      const perFile = new PerFileResults(rules, (rule) => [defaultOptions(rule)]);
      const readAtBase = (base: string | null): Promise<PolicyAtBase> =>
        policyAtBase({ choice: request.policy, reader: request.source.reader, base, rules });
      let atBaseRead: { ref: string | null; read: Promise<PolicyAtBase> } | undefined;
      const onPolicyRef = (ref: string | null): void => {
        if (atBaseRead) return;
        const read = readAtBase(ref);
        read.then((p) => perFile.expect(rules, policyOptions(p.policy))).catch(() => undefined); // an error surfaces below
        atBaseRead = { ref, read };
      };
      // Provenance as soon as the commits and the policy at the base are in, while the diff still
      // streams in; used only if the change set ends with the same commits, branch, PR and options.
      let early: EarlyProvenance | undefined;
      const onCommits = (commits: readonly Commit[], branch: string | undefined): void => {
        void atBaseRead?.read.then((p) => {
          const options = p.policy.provenance;
          const input = { commits: commits as Commit[], ...(branch !== undefined ? { branch } : {}), ...(request.pr ? { pr: request.pr } : {}) };
          try {
            early = { ...input, options, provenance: resolveProvenance(input, { flag: request.ai, ...options }) };
          } catch {
            // worked out again in the engine, where a failure is reported
          }
        }, () => undefined);
      };
      const change = await request.source.load({ onFile: perFile.add, onPolicyRef, onCommits });
      if (request.pr) change.pr = request.pr;
      const ref = request.source.policyRef(change);
      const atBase = await (atBaseRead && atBaseRead.ref === ref ? atBaseRead.read : readAtBase(ref));
      const inForce = atBase.complete(change.files);
      if (request.enrich) await request.enrich(change, inForce);
      const same =
        early !== undefined && early.commits === change.commits && early.branch === change.branch && early.pr === change.pr &&
        early.options === inForce.policy.provenance;
      const report = await evaluateChange({
        change,
        policy: inForce.policy,
        origin: inForce.origin,
        rules,
        flag: request.ai,
        notes: inForce.notes,
        reader: request.source.reader,
        headRef: change.head,
        onSecrets: (secrets) => secrets.forEach((x) => seen.add(x)),
        baseRef: ref ?? 'HEAD',
        unavailable: request.unavailable,
        perFile,
        ...(same ? { provenance: early!.provenance } : {}),
      });
      return { report, change, policy: inForce };
    },
    ...secretScan(rules, seen),
  };
}
