// Text files the user names (a policy, a PR body, reviews, policy tests) are read with a bound: a
// device or a pipe that never ends (`--policy /dev/zero`, `--pr-body <(yes)`) would otherwise be
// read until memory runs out. Past the bound the read fails with code EFBIG, which
// describeFsError puts in words.
import { closeSync, openSync, readSync } from 'node:fs';

/** More than any policy, PR description, reviews listing or fixture prguard reads. */
export const MAX_TEXT_FILE = 64 * 1024 * 1024;

const CHUNK = 1024 * 1024;

/** The UTF-8 text of `path`, read up to `max` bytes; a larger file throws (code EFBIG). */
export function readTextFile(path: string, max = MAX_TEXT_FILE): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      size += n;
      if (size > max) {
        throw Object.assign(new Error(`larger than ${max} bytes`), { code: 'EFBIG', limit: max });
      }
      chunks.push(n === CHUNK ? buffer : buffer.subarray(0, n));
    }
    return Buffer.concat(chunks, size).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
