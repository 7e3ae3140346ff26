// Every CLI command, in the order `prguard --help` lists them. Each entry names its command and
// says what it does; the command itself (its flags, help and code, and what they import: the
// YAML parser, the rule docs, the backtest) is loaded only when it runs, so `prguard pre-push`
// does not parse what `prguard init` needs. A test keeps each entry's name and summary equal to
// its command's.
import type { Command } from './types.ts';

export interface CommandEntry {
  name: string;
  /** One line for `prguard --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'check', summary: 'lint a change (git range or diff) against the policy', load: async () => (await import('./check.ts')).check },
  { name: 'pre-push', summary: 'check the commits being pushed (run by the git pre-push hook)', load: async () => (await import('./pre-push.ts')).prePush },
  { name: 'install-hook', summary: 'install the git pre-push hook (respects core.hooksPath)', load: async () => (await import('./install-hook.ts')).installHookCommand },
  { name: 'init', summary: 'write a starter .github/prguard.yml and PR template', load: async () => (await import('./init.ts')).init },
  { name: 'policy', summary: 'print, validate or test the policy', load: async () => (await import('./policy.ts')).policyCommand },
  { name: 'backtest', summary: "replay the policy over the repository's merged pull requests", load: async () => (await import('./backtest.ts')).backtest },
  { name: 'rules', summary: 'list every rule with its default severity', load: async () => (await import('./rules.ts')).rulesCommand },
  { name: 'explain', summary: "print a rule's documentation", load: async () => (await import('./rules.ts')).explain },
  { name: 'secrets', summary: 'write a baseline of accepted secret-leakage findings (fingerprints only)', load: async () => (await import('./secrets.ts')).secretsCommand },
];
