// The prguard command line: a thin dispatcher over src/commands/. `main` runs in process (tests
// call it with their own IO); src/bin.ts is the executable that calls it with the real process.
import type { App } from './app.ts';
import type { SecretScan } from './secret-scan.ts';
import { parseCommandArgs } from './commands/args.ts';
import { commands } from './commands/index.ts';
import type { AppLoader, IO } from './commands/types.ts';
import { UsageError } from './errors.ts';
import { closest } from './policy/suggest.ts';
import { printableLines } from './report/printable.ts';
import { VERSION } from './version.ts';

const MAIN_HELP = `prguard ${VERSION} — a policy linter for pull requests written with AI coding agents

Usage: prguard <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also: prguard <command> --help)
  -v, --version  print the version

Environment:
  NO_COLOR                      no colour (any non-empty value)
  FORCE_COLOR                   colour even when stdout is not a terminal (not 0 or false)
  PRGUARD_DEBUG=1               a stack trace with an internal error
  PRGUARD_MAX_DIFF_BYTES, PRGUARD_MAX_DIFF_LINES
                                defaults of check's --max-diff-bytes and --max-diff-lines
  NODE_DISABLE_COMPILE_CACHE=1  no cache: prguard keeps its compiled code per command, and
                                git's version, in the user's cache directory
                                ($XDG_CACHE_HOME/prguard, else ~/.cache/prguard;
                                ~/Library/Caches/prguard on macOS), so that later runs start
                                faster (README: Developer workflow)

Exit codes: 0 no error findings, 1 error findings (check and pre-push; check --fail-on sets
the level; policy test: a fixture mismatch), 2 bad usage, policy or input.
`;

/**
 * The CLI's app, with every registered rule; loaded when a command asks for it (check and
 * pre-push: once git diff runs) or an error needs scrubbing.
 */
async function cliApp(): Promise<App> {
  const [{ createApp }, { allRules }] = await Promise.all([import('./app.ts'), import('../rules/index.ts')]);
  return createApp({ rules: allRules });
}

/**
 * What a push with nothing to check but its ref names scans them with: the rules that find
 * secrets, alone (a test keeps this the registry's every such rule).
 */
async function cliSecretScan(): Promise<SecretScan> {
  const [{ secretScan }, { secretLeakage }] = await Promise.all([import('./secret-scan.ts'), import('../rules/secret-leakage/index.ts')]);
  return secretScan([secretLeakage]);
}

async function dispatch(argv: string[], io: IO, appOf: AppLoader): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(MAIN_HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    const hint = closest(first, commands.map((c) => c.name));
    throw new UsageError(`unknown command "${first}".${hint ? ` Did you mean "${hint}"?` : ''} Run "prguard --help" for the list.`);
  }
  const command = await entry.load();
  const parsed = parseCommandArgs(command, rest);
  if (parsed.values.help) {
    io.stdout(command.help);
    return 0;
  }
  if (!command.positionals && parsed.positionals.length > 0) {
    throw new UsageError(
      `unexpected argument "${parsed.positionals[0]}". Run "prguard ${command.name} --help".`,
    );
  }
  return command.run(parsed, io, appOf);
}

/**
 * Run the command line: returns the exit code. Every failure becomes a message on stderr and
 * exit 2, never a stack trace (PRGUARD_DEBUG=1 adds one for internal errors).
 */
export async function main(argv: string[], io: IO, given?: App): Promise<number> {
  // The app (the rules, the engine) is built only for a command that runs, or to scrub an error.
  let app = given;
  let scan: SecretScan | undefined;
  const appOf: AppLoader = Object.assign(
    async (): Promise<App> => {
      app ??= await cliApp();
      io.onAppLoaded?.();
      return app;
    },
    { secrets: async (): Promise<SecretScan> => app ?? (scan ??= await cliSecretScan()) },
  );
  try {
    return await dispatch(argv, io, appOf);
  } catch (err) {
    const { scrub } = await appOf();
    // The redaction boundary holds for errors too: a policy error may quote a pasted token. A
    // message may quote a path or a ref from the change: shown without its control characters.
    if (err instanceof UsageError) {
      io.stderr(`prguard: ${printableLines(scrub(err.message))}\n`);
    } else {
      const e = err as Error;
      io.stderr(`prguard: internal error: ${printableLines(scrub(e?.message ?? String(err)))}\n`);
      if (io.env.PRGUARD_DEBUG) io.stderr(`${printableLines(scrub(e?.stack ?? ''))}\n`);
      else io.stderr('Set PRGUARD_DEBUG=1 for details, and please report it.\n');
    }
    return 2;
  }
}
