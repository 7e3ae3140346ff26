// `prguard policy print|validate`: the policy itself, for the lead who owns it and for its CI.
import { join, resolve } from 'node:path';
import { describeFsError, PolicyError, UsageError } from '../errors.ts';
import { repoRoot } from '../git/index.ts';
import { describePolicy } from '../policy/describe.ts';
import { discoverPolicy } from '../policy/index.ts';
import { POLICY_PATHS } from '../policy/paths.ts';
import { readTextFile } from '../read-text.ts';
import { printableLines } from '../report/printable.ts';
import { closest } from '../policy/suggest.ts';
import { DEFAULT_TESTS_DIR } from '../policy/fixtures.ts';
import { formatDescribedJson, formatDescribedText } from './policy-print.ts';
import { runPolicyTests } from './policy-test.ts';
import type { Command, IO, ParsedArgs } from './types.ts';

const options = {
  format: { type: 'string', short: 'f' },
  dir: { type: 'string' },
} as const;

const SUBCOMMANDS = ['print', 'validate', 'test'] as const;

const help = `Usage: prguard policy print [FILE] [--format text|json]
       prguard policy validate [FILE...]
       prguard policy test [FILE] [--dir DIR]

print     the resolved policy: core modules, waivers, provenance, the tests directory, every
          rule, whether it runs, its severity and effective options, its ai: overrides, the
          overrides: by directory, and where each value came from (default, extends, or
          file:line)
validate  check policy files (exit 0 when valid, 2 with file:line:col problems otherwise);
          for the CI of the policy itself. An ai: value looser than the value it
          replaces (max-lines 5000 against 300, severity off, a list without the rule's
          entries) is a note at its file:line:col, as in print and check: exit 0 still
test      run the policy's tests: each fixture (a YAML file in ${DEFAULT_TESTS_DIR}/, or
          the policy's tests: directory) holds a change (diff or diff-file), optionally
          commits: (commit messages), pr: (title, body, labels), optionally ai: yes|no,
          and what the policy must report
          (expect: pass: true, or findings: [{rule, severity, path?, line?}]); exit 1 on
          any mismatch

FILE defaults to the policy in the work tree (${POLICY_PATHS.join(', then ')}); print falls
back to the embedded default policy, validate fails when there is no policy file.

Options:
  -f, --format NAME  text or json (print only; default: text)
  --dir DIR          the policy tests' directory (test only)
  -h, --help         show this help
`;

interface PolicyFile {
  display: string;
  /** Read when asked: validate reads the files one by one, so one unreadable file is one problem. */
  text(): string;
}

function readPolicy(display: string, path: string): PolicyFile {
  return {
    display,
    text() {
      try {
        return readTextFile(path);
      } catch (err) {
        throw new UsageError(`cannot read policy file ${display}: ${describeFsError(err)}`);
      }
    },
  };
}

/** The file named on the command line (shown as given), else the one discovered in the work tree. */
async function policyFiles(names: string[], io: IO): Promise<PolicyFile[] | null> {
  if (names.length > 0) return names.map((name) => readPolicy(name, resolve(io.cwd, name)));
  const root = (await repoRoot(io.cwd)) ?? io.cwd;
  const rel = discoverPolicy(root);
  return rel === null ? null : [readPolicy(rel, join(root, rel))];
}

async function print(args: ParsedArgs, names: string[], io: IO, rules: Parameters<typeof describePolicy>[2]): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'text';
  if (format !== 'text' && format !== 'json') {
    const near = closest(format, ['text', 'json']);
    throw new UsageError(`unknown format "${format}" for policy print${near ? ` — did you mean "${near}"?` : ''} (choose from text, json)`);
  }
  if (names.length > 1) throw new UsageError('policy print takes one policy file');
  const files = await policyFiles(names, io);
  const file = files?.[0] ?? null;
  const described = describePolicy(file?.text() ?? null, file?.display ?? null, rules);
  io.stdout(format === 'json' ? formatDescribedJson(described) : formatDescribedText(described));
  return 0;
}

async function validate(args: ParsedArgs, names: string[], io: IO, rules: Parameters<typeof describePolicy>[2]): Promise<number> {
  if (args.values.format !== undefined) throw new UsageError('--format is for policy print; policy validate prints one line per file');
  const files = await policyFiles(names, io);
  if (files === null) {
    throw new UsageError(`no policy file to validate: none of ${POLICY_PATHS.join(', ')} exists here. Name one: prguard policy validate FILE`);
  }
  let bad = 0;
  for (const file of files) {
    try {
      const described = describePolicy(file.text(), file.display, rules);
      const ran = described.rules.filter((r) => r.runs).map((r) => r.id);
      io.stdout(`${file.display}: valid (${ran.length} of ${described.rules.length} rules run: ${ran.join(', ') || 'none'})\n`);
      for (const note of described.notes) io.stdout(`  note: ${note}\n`);
    } catch (err) {
      // One file that cannot be read or is invalid does not stop the others being validated.
      if (!(err instanceof UsageError)) throw err;
      bad++;
      io.stderr(`${err instanceof PolicyError ? '' : 'prguard: '}${err.message}\n`);
    }
  }
  if (bad > 0) {
    io.stderr(`prguard: ${bad} of ${files.length} policy file${files.length === 1 ? '' : 's'} invalid\n`);
    return 2;
  }
  return 0;
}

export const policyCommand: Command = {
  name: 'policy',
  summary: 'print, validate or test the policy',
  options,
  positionals: true,
  help,
  async run(args, raw, appOf) {
    const app = await appOf();
    // What a policy or a fixture holds is printed back (a glob, a fixture's name): masked on the way
    // out, as every report is, so that a token pasted into one is not shown.
    // What these commands print comes from policy and fixture files (a pull request's, in the
    // policy's own CI): masked, and with control characters but newlines escaped, as a report is.
    const shown = (text: string): string => printableLines(app.scrub(text));
    const io: IO = { ...raw, stdout: (text) => raw.stdout(shown(text)), stderr: (text) => raw.stderr(shown(text)) };
    const [sub, ...names] = args.positionals;
    if (sub !== 'test' && args.values.dir !== undefined) throw new UsageError('--dir is for policy test');
    if (sub === 'print') return print(args, names, io, app.rules);
    if (sub === 'validate') return validate(args, names, io, app.rules);
    if (sub === 'test') {
      if (args.values.format !== undefined) throw new UsageError('--format is for policy print; policy test prints one line per fixture');
      if (names.length > 1) throw new UsageError('policy test takes one policy file');
      const file = (await policyFiles(names, io))?.[0] ?? null;
      const root = (await repoRoot(io.cwd)) ?? io.cwd;
      const dir = typeof args.values.dir === 'string' ? args.values.dir : undefined;
      return runPolicyTests({ display: file?.display ?? null, text: file?.text() ?? null }, dir, root, io, app);
    }
    const near = sub === undefined ? undefined : closest(sub, SUBCOMMANDS);
    const head = sub === undefined ? 'policy needs a subcommand' : `unknown policy subcommand "${sub}"${near ? ` — did you mean "${near}"?` : ''}`;
    throw new UsageError(`${head} (${SUBCOMMANDS.join(', ')}). Run "prguard policy --help".`);
  },
};
