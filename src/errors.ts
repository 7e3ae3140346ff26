// Errors that end a run with exit code 2 (bad usage, policy or input) and a clear message.

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem located in a file, printed as `file:line:col: message`. */
export interface LocatedProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class PolicyError extends UsageError {
  override name = 'PolicyError';
  /** `hint`: a line after the problems, on where the file was read or what to do next. */
  constructor(readonly problems: LocatedProblem[], hint?: string) {
    super([...problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`), ...(hint === undefined ? [] : [hint])].join('\n'));
  }
}

/** A file-system error in words a user can act on. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EFBIG':
      return `it is larger than ${Math.round(((e as { limit?: number }).limit ?? 0) / 1024 / 1024)} MiB, more than prguard reads from such a file (is it the file you meant?)`;
    default:
      return e?.message ?? String(err);
  }
}
