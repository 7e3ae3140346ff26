// Every CLI command, in the order `prguard --help` lists them. Each entry names its command and
// says what it does. `check` and `pre-push` (what a hook and CI run) are in the main bundle; the
// other commands (their flags, help and code, and what they import: the backtest, the policy
// tooling) load on demand, from ./on-demand.ts, so a push does not parse what `prguard init`
// needs. A test keeps each entry's name and summary equal to its command's.
import { check } from './check.ts';
import { prePush } from './pre-push.ts';
import type { Command } from './types.ts';

const onDemand = () => import('./on-demand.ts');

export interface CommandEntry {
  name: string;
  /** One line for `prguard --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'check', summary: 'lint a change (git range or diff) against the policy', load: async () => check },
  { name: 'pre-push', summary: 'check the commits being pushed (run by the git pre-push hook)', load: async () => prePush },
  { name: 'install-hook', summary: 'install the git pre-push hook (respects core.hooksPath)', load: async () => (await onDemand()).installHookCommand },
  { name: 'init', summary: 'write a starter .github/prguard.yml and PR template', load: async () => (await onDemand()).init },
  { name: 'policy', summary: 'print, validate or test the policy', load: async () => (await onDemand()).policyCommand },
  { name: 'backtest', summary: "replay the policy over the repository's merged pull requests", load: async () => (await onDemand()).backtest },
  { name: 'rules', summary: 'list every rule with its default severity', load: async () => (await onDemand()).rulesCommand },
  { name: 'explain', summary: "print a rule's documentation", load: async () => (await onDemand()).explain },
  { name: 'secrets', summary: 'write a baseline of accepted secret-leakage findings (fingerprints only)', load: async () => (await onDemand()).secretsCommand },
];
