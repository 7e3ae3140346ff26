// Hashes for rules, without loading node:crypto at start-up: a run that hashes no secret (most
// pushes) does not pay for it (its modules took about 2 ms of a pre-push hook's start).
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

/** SHA-256 of `text` (UTF-8) in hex; node:crypto is loaded on first use. */
export function sha256Hex(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * A 64-bit digest of `text` in 16 hex digits (two 32-bit FNV-1a lanes with different seeds, each
 * finished with murmur3's mixer). Not cryptographic: for telling generated data from the input it
 * was made from, where an accidental collision (about 1 in 2^64) is the only risk.
 */
export function digest64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const mix = (h: number): number => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const hex = (h: number): string => h.toString(16).padStart(8, '0');
  return hex(mix(a)) + hex(mix(b ^ text.length));
}
