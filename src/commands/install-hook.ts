// `prguard install-hook`: set up the git pre-push hook, and show the husky / lefthook equivalents.
import { relative } from 'node:path';
import { HUSKY_SNIPPET, installHook, LEFTHOOK_SNIPPET } from '../hooks/install.ts';
import type { Command } from './types.ts';

const options = {
  force: { type: 'boolean' },
} as const;

const help = `Usage: prguard install-hook [options]

Write a git pre-push hook that runs \`prguard pre-push\`, so the commits you push are checked
against the policy first. The hook goes where git looks for hooks: .git/hooks, or the
directory set by core.hooksPath. Running it again is harmless. A bare repository, which has
no work tree to check a push from, is exit 2.

Options:
  --force       replace an existing pre-push hook that prguard did not write (it is kept
                as pre-push.prguard-backup, or .prguard-backup.N when that exists; a
                symlink is moved aside, and the file it points at left as it is)
  -h, --help    show this help

With husky or lefthook, add prguard to their configuration instead (this command prints both).
With pre-commit, use the hook id "prguard" from this repository's .pre-commit-hooks.yaml
(stage: pre-push).
`;

export const installHookCommand: Command = {
  name: 'install-hook',
  summary: 'install the git pre-push hook (respects core.hooksPath)',
  options,
  help,
  async run({ values }, io) {
    const result = await installHook({ cwd: io.cwd, force: values.force === true });
    const shown = (path: string) => relative(io.cwd, path) || path;
    const what = {
      installed: 'installed',
      updated: 'updated (it was an older prguard hook)',
      unchanged: 'already installed, nothing to do',
      replaced: `installed; the previous hook is saved as ${shown(result.backup ?? '')}`,
    }[result.status];
    io.stdout(
      `prguard: pre-push hook ${what}: ${shown(result.path)}\n` +
        'Every git push now checks the pushed commits; skip it once with git push --no-verify (CI still checks).\n\n' +
        `Using husky or lefthook instead? Use one of these, not both:\n\n${HUSKY_SNIPPET}\n${LEFTHOOK_SNIPPET}`,
    );
    return 0;
  },
};
