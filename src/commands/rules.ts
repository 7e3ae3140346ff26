// `prguard rules` and `prguard explain <rule-id>`: the rules on the command line.
import { ruleDocs } from '../docs/rule-docs.ts';
import { UsageError } from '../errors.ts';
import { closest } from '../policy/suggest.ts';
import { useColor } from './check.ts';
import type { AnyRule } from '../rule.ts';
import type { Command } from './types.ts';

const rulesHelp = `Usage: prguard rules

List every rule prguard ships: its id, default severity and what it keeps true, and which
rules are opt-in (extends: recommended leaves them off).
\`prguard explain <rule-id>\` prints a rule's documentation.

Options:
  -h, --help    show this help
`;

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list every rule with its default severity',
  options: {},
  help: rulesHelp,
  async run(_args, io, appOf) {
    const app = await appOf();
    const allRules = app.rules;
    const width = Math.max(4, ...allRules.map((r) => r.meta.id.length)) + 2;
    const lines = allRules.map(
      (r) => `${r.meta.id.padEnd(width)}${r.meta.defaultSeverity.padEnd(9)}${r.meta.description}`,
    );
    io.stdout(`${'rule'.padEnd(width)}${'default'.padEnd(9)}description\n${lines.join('\n')}\n`);
    const optIn = allRules.filter((r) => r.meta.optIn).map((r) => r.meta.id);
    if (optIn.length > 0) io.stdout(`\nOpt-in, off under extends: recommended until listed under rules: ${optIn.join(', ')}.\n`);
    io.stdout('\nprguard explain <rule-id> shows why a rule exists, its options and examples.\n');
    return 0;
  },
};

const explainHelp = `Usage: prguard explain <rule-id>

Print a rule's documentation: why it exists, its options with their defaults and the
evidence behind them, an incorrect and a correct example, and when not to use it.
\`prguard rules\` lists the rule ids.

Options:
  -h, --help    show this help
`;

function unknownRule(id: string | undefined, allRules: readonly AnyRule[]): UsageError {
  const ids = allRules.map((r) => r.meta.id);
  const hint = id === undefined ? undefined : closest(id, ids);
  const head = id === undefined ? 'explain needs a rule id.' : `no rule "${id}".${hint ? ` Did you mean "${hint}"?` : ''}`;
  return new UsageError(`${head} The rules are:\n  ${ids.join('\n  ')}`);
}

export const explain: Command = {
  name: 'explain',
  summary: "print a rule's documentation",
  options: {},
  positionals: true,
  help: explainHelp,
  async run({ positionals }, io, appOf) {
    const app = await appOf();
    const [id, extra] = positionals;
    if (extra !== undefined) throw new UsageError(`explain takes one rule id, got "${id}" and "${extra}".`);
    if (id === undefined || !app.rules.some((r) => r.meta.id === id)) throw unknownRule(id, app.rules);
    const doc = ruleDocs()[id];
    if (doc === undefined) throw new UsageError(`rule "${id}" has no README (rules/${id}/README.md); this is a packaging bug.`);
    const bold = useColor(io) ? (s: string) => `\u001b[1m${s}\u001b[0m` : (s: string) => s;
    io.stdout(doc.replace(/^#{1,6} .*$/gm, (heading) => bold(heading)).replace(/\n*$/, '\n'));
    return 0;
  },
};
