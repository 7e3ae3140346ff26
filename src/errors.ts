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
  constructor(readonly problems: LocatedProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
  }
}
