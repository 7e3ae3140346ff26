// Generic secrets given to a command on its command line: a password option of a command that
// takes one, glued to its value or apart from it (`mysql -pS3cret`, `sshpass -p S3cret`,
// `docker login -p …`, `redis-cli -a …`), and a long option named for a secret with its value
// after a space (`--password S3cret`, `helm repo add … --password …`). Parsing only: generic.ts
// judges the values like any other.
import { COMMAND_END, VALUE, valueOf, type FormValue } from './generic-forms.ts';

/**
 * The keywords that find the commands and their options (the generic check's; case-insensitive):
 * the commands whose password is glued to `-p`, and the options given apart (` -p `, ` -a `),
 * whose command is then looked for before them. `sshpass` and `--password` hold `pass`, a keyword
 * already. (`mongo` and `redis-cli` as keywords cost the keyword pass 9% more verifications over
 * the throughput corpus, ` -p ` and ` -a ` 1%.)
 */
export const COMMAND_KEYWORDS = ['mysql', 'mariadb', 'login ', ' -p ', ' -a '];

/** A command's password option: its letter, and whether its value may be glued to it or follow a space. */
interface PasswordOption {
  option: '-p' | '-a';
  glued: boolean;
  spaced: boolean;
}

/**
 * The commands whose short option takes a password, in a command line (group 1: the command's
 * name): the MySQL and MariaDB clients (`mysql`, `mysqldump`, `mysqladmin`, `mariadb-dump`…),
 * the MongoDB shell and tools, `sshpass`, `redis-cli`, and a tool's `login` subcommand
 * (`docker login`, `podman login`, `helm registry login`, `oc login`, `cf login`, `az login`).
 */
/** The MySQL and MariaDB clients' names (`mysql`, `mysqldump`, `mariadb-dump`…). */
const MYSQL_CLIENT = String.raw`mysql[a-z]*|mariadb(?:-[a-z]+)?`;
const COMMAND = new RegExp(String.raw`(?:^|[\s/"'(])(${MYSQL_CLIENT}|mongo[a-z]*|sshpass|redis-cli|(?<=[\w-] +)login)(?=[ \t])`, 'g');
/** A MySQL or MariaDB client named before an option. */
const MYSQL_BEFORE = new RegExp(String.raw`(?:^|[\s/"'(])(?:${MYSQL_CLIENT})\s`);

/**
 * How each takes its password. The MySQL and MariaDB clients take it glued only: `mysql -p db`
 * asks for the password, and `db` is the database.
 */
function passwordOption(command: string): PasswordOption {
  if (command.startsWith('mysql') || command.startsWith('mariadb')) return { option: '-p', glued: true, spaced: false };
  if (command.startsWith('mongo')) return { option: '-p', glued: false, spaced: true };
  if (command === 'redis-cli') return { option: '-a', glued: false, spaced: true };
  return { option: '-p', glued: true, spaced: true }; // sshpass, login
}

/**
 * May the keyword at `at` (char code `c`) be one of the commands' (`mysql`, `mariadb`, `login `,
 * ` -p `, ` -a `, or `pass` in `sshpass`)? A test of a character or two for the other keywords.
 */
export function commandAt(line: string, at: number, c: number): boolean {
  if (c === 32) return line.charCodeAt(at + 1) === 45 && (line[at + 2] === 'p' || line[at + 2] === 'a') && line.charCodeAt(at + 3) === 32;
  const l = c | 32;
  return l === 109 /* m */ || l === 108 /* l */ || (l === 112 /* p */ && at >= 3 && line.slice(at - 3, at) === 'ssh');
}

/** A command line read: the password found in it, and where it ends. */
export interface CommandLine {
  found?: FormValue & { option: string };
  end: number;
}

/**
 * The password given on the command line whose keyword is at column `at` (a command's name or
 * its option), if the command is one of those above and its option comes before the command
 * ends: `mysql -uroot -pS3cret app`, `mysqldump -p'S3cret' app`, `sshpass -p S3cret ssh host`,
 * `docker login -u ci -p S3cret registry`, `redis-cli -h cache -a S3cret ping`. `from`: where a
 * command starts at or before `at` (0, or the end of the last one read: the keywords come in
 * order, so a line is read once however many commands it holds).
 */
export function commandPassword(line: string, at: number, from = 0): CommandLine {
  let start = from;
  COMMAND_END.lastIndex = from;
  for (let m = COMMAND_END.exec(line); m !== null; m = COMMAND_END.exec(line)) {
    if (m.index >= at) return passwordIn(line, start, m.index);
    start = m.index + m[0].length;
  }
  return passwordIn(line, start, line.length);
}

/**
 * The first password option of the commands in line[from, stop), each command's options read up
 * to the next command (`sudo mysql …`, `sshpass -p … ssh host mysql …`). Each part is cut out and
 * searched once: a search of the whole rest of the line per command cost a line of 1,500
 * `a login -p ` a time quadratic in its length.
 */
function passwordIn(line: string, from: number, stop: number): CommandLine {
  const text = line.slice(from, stop);
  const commands = [...text.matchAll(COMMAND)];
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i] as RegExpExecArray;
    const command = c[1] as string;
    const spec = passwordOption(command);
    const begin = c.index + c[0].length;
    const part = text.slice(begin, commands[i + 1]?.index ?? text.length);
    const re = optionValue(spec);
    re.lastIndex = 0;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      const glued = valueOf(m, 1);
      const got = glued ?? valueOf(m, 6);
      if (got === undefined || got.value.startsWith('-')) continue;
      const index = from + begin + m.index + m[0].lastIndexOf(got.value);
      const what = `Password in a \`${command} ${spec.option}${glued ? '' : ' '}…\` option`;
      return { found: { ...got, index, what, option: spec.option }, end: stop };
    }
  }
  return { end: stop };
}

const OPTION_RES = new Map<string, RegExp>();
/** `-p` + the value glued (groups 1-5), or after spaces (groups 6-10), after a space. */
function optionValue(spec: PasswordOption): RegExp {
  const key = `${spec.option}${spec.glued}${spec.spaced}`;
  let re = OPTION_RES.get(key);
  if (!re) {
    const glued = spec.glued ? VALUE : '(?!)()()()()()';
    const spaced = spec.spaced ? String.raw`[ \t]+` + VALUE : '(?!)()()()()()';
    re = new RegExp(String.raw`(?<=[ \t])${spec.option}(?:${glued}|${spaced})`, 'g');
    OPTION_RES.set(key, re);
  }
  return re;
}

/** After an option's name, its value after spaces (not another option). */
const SPACED = new RegExp(String.raw`[ \t]+(?!-)` + VALUE, 'y');

/**
 * The value of a long option named for a secret (`start`..`end` in the line, the name starting
 * with `-`) written after a space: `--password S3cret`, `--api-key …`, `-password …`. The name
 * must end with the secret word: `--password-stdin`, `--token-file` take no secret. Not on a
 * MySQL or MariaDB client's line: there `--password db` asks for the password, `db` is the database.
 */
export function spacedOption(line: string, start: number, end: number): FormValue | undefined {
  SPACED.lastIndex = end;
  const m = SPACED.exec(line);
  if (!m || MYSQL_BEFORE.test(line.slice(0, start))) return undefined;
  const got = valueOf(m, 1) as { value: string; quoted: boolean };
  return { ...got, index: m.index + m[0].lastIndexOf(got.value), what: `Secret given to the \`${line.slice(start, end)}\` option` };
}
