// An AWS secret access key is 40 base64 characters with no prefix: on its own it cannot be told
// from any other random string, but next to an access key id (same line or a few lines away, as
// in a credentials file or a CSV export) it can.
import { EXAMPLE_SECRETS, entropy, isPlaceholder } from './filters.ts';
import type { Hit, ScanLine } from './scan-types.ts';

const NEAR = 4;
const CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function looksLikeAwsSecret(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && entropy(s) >= 4.0 &&
    !isPlaceholder(s) && !EXAMPLE_SECRETS.has(s);
}

/** Add `aws-secret-access-key` hits for 40-character secrets near access key ids. */
export function pairAwsSecrets(lines: readonly ScanLine[], hits: Hit[]): void {
  const ids = hits.filter((h) => h.patternId === 'aws-access-key-id');
  const seen = new Set(hits.map((h) => `${h.at}:${h.index}`));
  for (const id of ids) {
    for (let j = Math.max(0, id.at - NEAR); j <= Math.min(lines.length - 1, id.at + NEAR); j++) {
      const text = (lines[j] as ScanLine).content;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(text)) !== null) {
        const key = `${j}:${m.index}`;
        if (seen.has(key) || !looksLikeAwsSecret(m[0]) || text.includes('prguard-allow-secret')) continue;
        seen.add(key);
        hits.push({ patternId: 'aws-secret-access-key', name: 'AWS secret access key', secret: m[0], at: j, endAt: j, index: m.index, confidence: 'verified-format' });
      }
    }
  }
}
