// What makes a policy's text no YAML to read at all, found before the YAML parser sees it: a NUL
// byte (a binary file given as the policy), a size no policy has, and bytes that are not UTF-8.
import type { LocatedProblem } from '../errors.ts';

/**
 * The largest policy read, in bytes. A policy is a few KB; a list of 10,000 globs (the most
 * values one is read with) is well under this. Past it the YAML parser alone took 11 s and 2 GB
 * for 50 MB, and the pre-push hook waited on it.
 */
export const MAX_POLICY_BYTES = 1024 * 1024;

function at(text: string, offset: number, file: string, message: string): LocatedProblem {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, col: offset - before.lastIndexOf('\n'), message };
}

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

export function textProblem(text: string, file: string): LocatedProblem | null {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most texts are decided without counting.
  if (text.length > MAX_POLICY_BYTES / 3 && Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    const size = Buffer.byteLength(text);
    return at(text, 0, file, `the policy file is ${mib(size)}, larger than the ${MAX_POLICY_BYTES / (1024 * 1024)} MiB a policy may be: is it the file you meant? (list a few globs rather than every path)`);
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // A binary file given as the policy (a wrong path): one line, not a YAML error per byte run.
    return at(text, nul, file, 'this is not a YAML text file (it holds a NUL byte): is it the policy file you meant?');
  }
  // Every reader decodes the file as UTF-8, turning bytes that are not into U+FFFD: a glob saved
  // in Latin-1 would then match no path, silently. (To mean the character itself, write "\uFFFD".)
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    return at(text, replaced, file, 'the policy is not UTF-8 text here (bytes of another encoding, such as Latin-1 or UTF-16, or the character U+FFFD): save the file as UTF-8');
  }
  return null;
}
