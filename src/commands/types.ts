// The shape every CLI command has: its flags (node:util parseArgs), its help, and a run function.
import type { ParseArgsConfig } from 'node:util';
import type { App } from '../app.ts';
import type { SecretScan } from '../secret-scan.ts';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface IO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Is stdout a terminal (for colour)? */
  isTTY: boolean;
  /** Standard input (a diff, the refs a pre-push hook is given); `isTTY` when nothing is piped. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /**
   * Standard input read at once to its end, or to just past `max` bytes (the CLI's: from its
   * descriptor, without making a stream, for short input such as a push's refs). Without it,
   * `stdin` is read.
   */
  readStdin?: (max: number) => string;
  /** Is standard input a terminal? (Else `stdin.isTTY` tells.) */
  stdinIsTTY?: boolean;
  /** Is stderr a terminal (for a progress bar)? */
  stderrIsTTY?: boolean;
  /**
   * Call `handler` on the first Ctrl-C instead of ending the process (a second one ends it);
   * returns the function that stops listening. Long commands (backtest) use it to stop cleanly.
   */
  onInterrupt?: (handler: () => void) => () => void;
  /** Told when the rules and the engine are loaded (the executable caches compiled code after such runs). */
  onAppLoaded?: () => void;
}

/**
 * The composition root (the rules and the engine), loaded on the first call; or, with `secrets`,
 * only what scans a text for secrets (the rules that find them), for a push with nothing to check
 * but its ref names: the engine and the other rules are not loaded, and the executable, which
 * caches compiled code after a check (IO.onAppLoaded), is not told.
 */
export interface AppLoader {
  (): Promise<App>;
  secrets(): Promise<SecretScan>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for `prguard --help`. */
  summary: string;
  options: OptionsConfig;
  /** Whether the command takes positional arguments. */
  positionals?: boolean;
  /** Full help text; a test checks it mentions every option. */
  help: string;
  /**
   * Returns the exit code. Throw UsageError for exit 2. `app` gives the composition root (the
   * rules and the engine), loaded on the first call: a command that reads git starts it first.
   */
  run(args: ParsedArgs, io: IO, app: AppLoader): Promise<number>;
}
