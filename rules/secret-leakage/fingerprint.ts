// How a secret is identified without being shown.
import { sha256Hex } from '../../src/rule-kit/hash.ts';

/**
 * Stable fingerprint: the first 12 hex digits of SHA-256 over `secret-leakage:` + the secret.
 * The same secret gives the same fingerprint in every file, commit and run, which is what the
 * policy's `allow:` list takes. (For private keys the secret is the base64 body of the key.)
 */
export function fingerprint(ruleId: string, secret: string): string {
  return sha256Hex(`${ruleId}:${secret}`).slice(0, 12);
}

/**
 * What a finding may show of a secret: its first four characters, fewer for short secrets
 * (a quarter of the length), so that a short password is never mostly revealed.
 */
export function preview(secret: string): string {
  return secret.slice(0, Math.min(4, Math.floor(secret.length / 4)));
}
