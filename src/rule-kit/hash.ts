// SHA-256 for rules, without loading node:crypto at start-up: a run that hashes no secret (most
// pushes) does not pay for it (its modules took about 2 ms of a pre-push hook's start).
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

/** SHA-256 of `text` (UTF-8) in hex; node:crypto is loaded on first use. */
export function sha256Hex(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256').update(text).digest('hex');
}
