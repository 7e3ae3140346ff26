// The names a push gives the remote's refs. A remote shows a ref by its name as soon as it has it
// (GitHub lists branches and tags by name, in its pages and its API), whether or not the push
// brings anything else to check: a deletion, a tag of a commit the remote has, a branch already
// there under another name. So every pushed ref's name is scanned for the secrets of a verified
// provider format (a checksum or a fixed structure, which no name has by chance), on every push,
// whatever the policy: a push with nothing else to check reads none.
import type { PushedRef } from '../hooks/push-refs.ts';
import { redactor, secretList } from '../mask.ts';
import { printable } from '../report/printable.ts';
import type { NamedSecret } from '../rule.ts';
import type { SecretScan } from '../secret-scan.ts';

export interface RefNameCheck {
  /** Names that this push would give the remote: each stops the push. */
  errors: number;
  /** The findings for the terminal, every secret masked ('' when there is none). */
  text: string;
  /** Masks every secret found in the names (local ones too) out of a text. */
  mask: (text: string) => string;
}

interface Found {
  ref: PushedRef;
  hit: NamedSecret;
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
    'before, treat the secret as leaked: revoke or rotate it.'
  );
}

/**
 * Scans the name every ref of the push has on the remote, and the local names the output prints
 * (for masking only: a local name is not pushed). `app` is the composition root's scan: its
 * `scrub` masks what was found from then on.
 */
export function checkRefNames(refs: readonly PushedRef[], remote: string, app: Pick<SecretScan, 'findVerifiedSecrets'>, color: boolean): RefNameCheck {
  const found: Found[] = [];
  const secrets: string[] = [];
  const scanned = new Map<string, NamedSecret[]>();
  const scan = (name: string): NamedSecret[] => {
    let hits = scanned.get(name);
    if (!hits) scanned.set(name, (hits = app.findVerifiedSecrets(name)));
    return hits;
  };
  for (const ref of refs) {
    for (const hit of scan(ref.remoteRef)) found.push({ ref, hit });
    for (const hit of [...scan(ref.remoteRef), ...scan(ref.localRef)]) secrets.push(hit.secret);
  }
  const mask = secrets.length > 0 ? redactor(secretList(secrets)) : (text: string) => text;
  if (found.length === 0) return { errors: 0, text: '', mask };
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = ['prguard: the names of the pushed refs'];
  let errors = 0;
  for (const f of found) {
    const severity = f.ref.kind === 'delete' ? 'warning' : 'error';
    if (severity === 'error') errors++;
    lines.push(`  ${paint(severity === 'error' ? '31' : '33', severity.padEnd(7))}  ${printable(mask(message(f, remote, mask)))}`);
  }
  return { errors, text: `${lines.join('\n')}\n`, mask };
}
