// What git tells a pre-push hook: one stdin line per ref, `<local ref> <local sha> <remote ref>
// <remote sha>` (githooks(5)). Pure parsing; resolving ranges against the repository is in
// src/git/push-ranges.ts.
import { UsageError } from '../errors.ts';
import { isObjectId } from '../git/object-id.ts';

export interface PushedRef {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
  /** `delete`: local sha all zeros; `create`: remote sha all zeros; otherwise `update`. */
  kind: 'create' | 'update' | 'delete';
}

const ZERO = /^0+$/;

export function isZeroSha(sha: string): boolean {
  return ZERO.test(sha);
}

/** Parses git's pre-push stdin. Blank lines are ignored; a malformed line is a usage error. */
export function parsePushedRefs(input: string): PushedRef[] {
  const refs: PushedRef[] = [];
  const lines = input.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    // The local ref is what the user wrote when it is not a name git expands (githooks(5)), so it
    // may hold spaces (`git push origin "HEAD@{1 day ago}:refs/heads/x"`): read from the right.
    const parts = line.split(/\s+/);
    const [localSha, remoteRef, remoteSha] = parts.slice(-3);
    const localRef = parts.slice(0, -3).join(' ');
    if (parts.length < 4 || !isObjectId(localSha!) || !isObjectId(remoteSha!)) {
      throw new UsageError(
        `pre-push input line ${i + 1} is not "<local ref> <local sha> <remote ref> <remote sha>": ${JSON.stringify(line.slice(0, 200))}\n` +
          'prguard pre-push reads what git writes to a pre-push hook; run it from the hook (prguard install-hook) or pipe such lines to it.',
      );
    }
    const kind = isZeroSha(localSha!) ? 'delete' : isZeroSha(remoteSha!) ? 'create' : 'update';
    refs.push({ localRef, localSha: localSha!, remoteRef: remoteRef!, remoteSha: remoteSha!, kind });
  });
  return refs;
}
