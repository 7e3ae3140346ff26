// A command's arguments, parsed with node:util parseArgs, with errors that read like the rest of
// prguard: unknown flags get a did-you-mean, a missing value says which flag needs one, and none
// of Node's own wording (with its stray quotes) reaches the user.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { closest } from '../policy/suggest.ts';
import type { Command, OptionsConfig, ParsedArgs } from './types.ts';

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

function more(command: Command): string {
  return `Run "prguard ${command.name} --help".`;
}

/** The first argument that is not an option of `options`, before parseArgs sees it. */
function unknownFlag(args: readonly string[], options: OptionsConfig): string | null {
  const shorts = new Map(Object.entries(options).flatMap(([long, def]) => (def.short ? [[def.short, long] as const] : [])));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return null;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      const def = options[name];
      if (!def) return `--${name}`;
      if (def.type === 'string' && !arg.includes('=')) i++;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const long = shorts.get(arg[k]!);
        if (long === undefined) return k === 1 && arg.length > 2 && !shorts.has(arg[1]!) ? arg.split('=')[0]! : `-${arg[k]}`;
        if (options[long]!.type === 'string') {
          if (k === arg.length - 1) i++;
          break;
        }
      }
    }
  }
  return null;
}

function suggestFlag(flag: string, options: OptionsConfig): string {
  const longs = Object.keys(options);
  if (flag.startsWith('--')) {
    const near = closest(flag.slice(2), longs);
    return near ? ` — did you mean --${near}?` : '';
  }
  // `-labels`: a long flag written with one dash.
  const near = flag.length > 2 ? closest(flag.slice(1), longs) : undefined;
  return near ? ` — did you mean --${near}?` : '';
}

/** Node's parseArgs messages quote the option as "'--base <value>'" or "'-f, --format <value>'". */
function flagIn(message: string): string | undefined {
  return /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
}

/**
 * Options whose empty value means something: an empty PR title; --output says it in its own words.
 * Any other empty value (`--policy=`, `--pr-body ""`) would name the working directory as a file
 * ("cannot read policy file : it is a directory") or a ref of nothing.
 */
const MAY_BE_EMPTY = new Set(['pr-title', 'output']);

function emptyValue(parsed: ParsedArgs): string | undefined {
  for (const [name, value] of Object.entries(parsed.values)) {
    if (MAY_BE_EMPTY.has(name)) continue;
    if (value === '' || (Array.isArray(value) && value.includes(''))) return `--${name}`;
  }
  return undefined;
}

export function parseCommandArgs(command: Command, args: string[]): ParsedArgs {
  const options: OptionsConfig = { ...command.options, ...HELP_OPTION };
  const unknown = unknownFlag(args, options);
  if (unknown !== null) {
    const hint = suggestFlag(unknown, options);
    throw new UsageError(`unknown option ${unknown} for prguard ${command.name}${hint || '.'} ${more(command)}`);
  }
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as Error & { code?: string };
    const flag = flagIn(e.message);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
      const def = options[flag.slice(2)];
      const message =
        def?.type === 'boolean'
          ? `${flag} is a switch and takes no value`
          : /ambiguous/.test(e.message)
            ? `${flag} needs a value, but the next argument starts with "-" (write ${flag}=VALUE if the value does)`
            : `${flag} needs a value`;
      throw new UsageError(`${message}. ${more(command)}`);
    }
    throw new UsageError(`${e.message.replace(/\.$/, '')}. ${more(command)}`);
  }
  const empty = emptyValue(parsed);
  if (empty !== undefined) throw new UsageError(`${empty} needs a value, not an empty one. ${more(command)}`);
  return parsed;
}
