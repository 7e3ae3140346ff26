// The one input error of the diff parser: the text is not a diff prguard can read in full.
import { UsageError } from '../errors.ts';

/**
 * A diff that cannot be read in full (a hunk cut off, names that disagree, a path outside the
 * repository). `line` is the 1-based line of the input where the problem shows; sources turn it
 * into `file:line: message` (exit 2), as `git apply` reports a "corrupt patch".
 */
export class DiffFormatError extends UsageError {
  override name = 'DiffFormatError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** The diff holds more added and deleted lines than the parser was allowed to keep. */
export class DiffLimitError extends UsageError {
  override name = 'DiffLimitError';
  constructor(readonly limit: number) {
    super(`the diff has more than ${limit} added and deleted lines`);
  }
}
