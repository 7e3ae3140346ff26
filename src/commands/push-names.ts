// The names a push gives the remote's refs. A remote shows a ref by its name as soon as it has it
// (GitHub lists branches and tags by name, in its pages and its API), whether or not the push
// brings anything else to check: a deletion, a tag of a commit the remote has, a branch already
// there under another name. So every pushed ref's name is scanned for the secrets of a verified
// provider format (a checksum or a fixed structure, which no name has by chance), on every push,
// whatever the policy's severities: a push with nothing else to check reads no policy. Only a
// secret found is waived by a fingerprint in the policy's `allow:` for the rule that found it,
// as one in a file is: then, and only then, is the policy read (a policy that cannot be read
// waives nothing).
import { UsageError } from '../errors.ts';
import type { PushedRef } from '../hooks/push-refs.ts';
import { redactor, secretList } from '../mask.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import { printable } from '../report/printable.ts';
import type { FoundSecret, SecretScan } from '../secret-scan.ts';

export interface Found {
  ref: PushedRef;
  hit: FoundSecret;
}

export interface RefNameScan {
  /** The secrets in the names this push would give the remote, one per name and secret. */
  found: Found[];
  /** Masks every secret found in the names (local ones too) out of a text. */
  mask: (text: string) => string;
}

/**
 * What the policy in force for a ref says of the secrets in its name: the fingerprints each rule's
 * `allow:` waives (by rule id), or why the policy could not be read (then nothing is waived).
 */
export type NamesPolicy = { allow: ReadonlyMap<string, ReadonlySet<string>> } | { unread: string };

/**
 * The fingerprints a policy's `allow:` waives in a name, by rule: those in the rule's options that
 * its `ai:` block keeps too (a name has no provenance of its own: it is waived only by what waives
 * it whether or not the change is AI-assisted). Per-path `overrides:` do not apply: a name has no path.
 */
export function namesPolicy(policy: ResolvedPolicy): NamesPolicy {
  const allow = new Map<string, ReadonlySet<string>>();
  for (const [id, entry] of Object.entries(policy.rules)) {
    const list = entry.options.allow;
    if (!Array.isArray(list) || list.length === 0) continue;
    const ai = entry.aiOptions.allow;
    const kept = Array.isArray(ai) ? list.filter((fp) => ai.includes(fp)) : list;
    allow.set(id, new Set(kept.filter((fp): fp is string => typeof fp === 'string')));
  }
  return { allow };
}

function message(f: Found, remote: string, mask: (text: string) => string): string {
  const { ref, hit } = f;
  const what = `${hit.name} (pattern ${hit.patternId}, verified-format) in the name of the ${ref.kind === 'delete' ? 'deleted' : 'pushed'} ref ${mask(ref.remoteRef)}: \`${hit.preview}…\` (fingerprint ${hit.fingerprint}).`;
  if (ref.kind === 'delete') {
    return `${what} ${remote} has shown this name while the ref was there: deleting it is right, and is not stopped, but treat the secret as leaked: revoke or rotate it.`;
  }
  return (
    `${what} ${remote} would show the name as soon as it has the ref (GitHub lists branches and tags by name), before any pull ` +
    `request could flag it: push under another name (git push ${remote} <commit>:<other ref name>), and if this name was ever pushed ` +
    `before, treat the secret as leaked: revoke or rotate it. If it is a deliberate test fixture, add ${hit.fingerprint} to \`allow:\` ` +
    `for ${hit.ruleId} in the policy.`
  );
}

/**
 * Scans the name every ref of the push has on the remote, and the local names the output prints
 * (for masking only: a local name is not pushed). `app` is the composition root's scan: its
 * `scrub` masks what was found from then on.
 */
export function scanRefNames(refs: readonly PushedRef[], app: Pick<SecretScan, 'findVerifiedSecrets'>): RefNameScan {
  const found: Found[] = [];
  const secrets: string[] = [];
  const scanned = new Map<string, FoundSecret[]>();
  const scan = (name: string): FoundSecret[] => {
    let hits = scanned.get(name);
    if (!hits) scanned.set(name, (hits = app.findVerifiedSecrets(name)));
    return hits;
  };
  for (const ref of refs) {
    const seen = new Set<string>();
    for (const hit of scan(ref.remoteRef)) {
      // One finding per secret in a name, though two rules (or two patterns) find it.
      if (seen.has(hit.secret)) continue;
      seen.add(hit.secret);
      found.push({ ref, hit });
    }
    for (const hit of [...scan(ref.remoteRef), ...scan(ref.localRef)]) secrets.push(hit.secret);
  }
  const mask = secrets.length > 0 ? redactor(secretList(secrets)) : (text: string) => text;
  return { found, mask };
}

/**
 * The findings for the terminal, every secret masked ('' when there is none), less those the
 * policy in force for their ref allows; `errors` counts the names that stop the push.
 */
export function reportRefNames(
  scan: RefNameScan,
  remote: string,
  color: boolean,
  policyOf: (ref: PushedRef) => NamesPolicy | undefined,
): { errors: number; text: string } {
  const { mask } = scan;
  const unread = new Set<string>();
  const shown = scan.found.filter(({ ref, hit }) => {
    const policy = policyOf(ref);
    if (policy && 'unread' in policy) unread.add(policy.unread);
    return !(policy && 'allow' in policy && policy.allow.get(hit.ruleId)?.has(hit.fingerprint));
  });
  if (shown.length === 0) return { errors: 0, text: '' };
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = ['prguard: the names of the pushed refs'];
  let errors = 0;
  for (const f of shown) {
    const severity = f.ref.kind === 'delete' ? 'warning' : 'error';
    if (severity === 'error') errors++;
    lines.push(`  ${paint(severity === 'error' ? '31' : '33', severity.padEnd(7))}  ${printable(mask(message(f, remote, mask)))}`);
  }
  for (const why of unread) lines.push(`  ${printable(mask(`No fingerprint above is waived: ${why}`))}`);
  return { errors, text: `${lines.join('\n')}\n` };
}

/**
 * The policy each ref whose name holds a secret is judged by: a checked branch's is its range's
 * (read at its base); any other ref's is `outside()`, read once, where the push reads the policy of
 * what it sends outside any branch. A policy that cannot be read (`UsageError`: missing at that
 * commit, broken) waives nothing, and says why.
 */
export async function namesPolicies(
  found: readonly Found[],
  ranges: ReadonlyMap<PushedRef, ResolvedPolicy>,
  outside: () => Promise<ResolvedPolicy>,
): Promise<Map<PushedRef, NamesPolicy>> {
  const out = new Map<PushedRef, NamesPolicy>();
  let elsewhere: Promise<NamesPolicy> | undefined;
  const unread = (err: unknown): NamesPolicy => {
    if (!(err instanceof UsageError)) throw err;
    return { unread: `the policy could not be read (${err.message.split('\n')[0]}), so its \`allow:\` waives nothing here.` };
  };
  for (const { ref } of found) {
    if (out.has(ref)) continue;
    const own = ranges.get(ref);
    out.set(ref, own ? namesPolicy(own) : await (elsewhere ??= outside().then(namesPolicy, unread)));
  }
  return out;
}
