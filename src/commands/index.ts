// Every CLI command, in the order `prguard --help` lists them. Each entry names its command and
// says what it does; the command's code loads when it runs: `check` and `pre-push` (what a hook
// and CI run) from ./on-path.ts, the others (and what they import: the backtest, the policy
// tooling, the rule docs) from ./on-demand.ts, so a push does not parse what `prguard init`
// needs and `prguard --version` parses neither. A test keeps each entry's name and summary equal to its command's.
import type { Command } from './types.ts';

const onPath = () => import('./on-path.ts');
const onDemand = () => import('./on-demand.ts');

export interface CommandEntry {
  name: string;
  /** One line for `prguard --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'check', summary: 'lint a change (git range or diff) against the policy', load: async () => (await onPath()).check },
  { name: 'pre-push', summary: 'check the commits being pushed (run by the git pre-push hook)', load: async () => (await onPath()).prePush },
  { name: 'install-hook', summary: 'install the git pre-push hook (respects core.hooksPath)', load: async () => (await onDemand()).installHookCommand },
  { name: 'init', summary: 'write a starter .github/prguard.yml and PR template', load: async () => (await onDemand()).init },
  { name: 'policy', summary: 'print, validate or test the policy', load: async () => (await onDemand()).policyCommand },
  { name: 'backtest', summary: "replay the policy over the repository's merged pull requests", load: async () => (await onDemand()).backtest },
  { name: 'rules', summary: 'list every rule with its default severity', load: async () => (await onDemand()).rulesCommand },
  { name: 'explain', summary: "print a rule's documentation", load: async () => (await onDemand()).explain },
  { name: 'secrets', summary: 'write a baseline of accepted secret-leakage findings (fingerprints only)', load: async () => (await onDemand()).secretsCommand },
];
