// `prguard install-hook`: writes the pre-push hook where git looks for it (`core.hooksPath`
// respected), never over a hook that is not ours unless forced, and is a no-op when run twice.
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { openGit } from '../git/run.ts';

/** First comment line of every hook prguard writes; how we recognise our own hook. */
export const HOOK_MARKER = '# prguard pre-push hook';

export const PRE_PUSH_HOOK = `#!/bin/sh
${HOOK_MARKER}, written by \`prguard install-hook\` (rewrite it with --force).
# Checks the commits being pushed against the pull-request policy and blocks the push on errors.
# Skip it once with \`git push --no-verify\`; CI still checks the pull request.
# git runs hooks from the top of the work tree, where npm puts node_modules/.
if [ -x node_modules/.bin/prguard ]; then
  exec node_modules/.bin/prguard pre-push "$@"
elif command -v prguard >/dev/null 2>&1; then
  exec prguard pre-push "$@"
fi
echo "prguard: the pre-push hook cannot find prguard (no node_modules/.bin/prguard, none on PATH)." >&2
echo "Install it with 'npm install' (it is a devDependency), or skip the check once with 'git push --no-verify'; CI still checks." >&2
exit 1
`;

export const HUSKY_SNIPPET = `# .husky/pre-push
node_modules/.bin/prguard pre-push "$@"
`;

export const LEFTHOOK_SNIPPET = `# lefthook.yml
pre-push:
  commands:
    prguard:
      run: node_modules/.bin/prguard pre-push {1} {2}
      use_stdin: true   # git's pre-push input: the refs being pushed
`;

export interface InstallResult {
  path: string;
  status: 'installed' | 'unchanged' | 'updated' | 'replaced';
  /** Where a foreign hook was saved before --force replaced it. */
  backup?: string;
}

/** The directory git runs hooks from, honouring `core.hooksPath`. */
export async function hooksDir(cwd: string): Promise<string> {
  let out: string;
  try {
    out = (await openGit(cwd).raw(['rev-parse', '--git-path', 'hooks'])).trim();
  } catch {
    throw new UsageError(
      `${cwd} is not inside a git repository, so there is nowhere to install a hook.\n` +
        'Run prguard install-hook from your repository (after git init or git clone).',
    );
  }
  return resolve(cwd, out);
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export async function installHook(options: { cwd: string; force: boolean }): Promise<InstallResult> {
  const dir = await hooksDir(options.cwd);
  const path = resolve(dir, 'pre-push');
  const existing = await readIfExists(path);
  let result: InstallResult;
  if (existing === PRE_PUSH_HOOK) {
    await chmod(path, 0o755);
    return { path, status: 'unchanged' };
  } else if (existing === null) {
    result = { path, status: 'installed' };
  } else if (existing.includes(HOOK_MARKER)) {
    result = { path, status: 'updated' };
  } else if (!options.force) {
    throw new UsageError(
      `${path} already exists and was not written by prguard, so it was left alone.\n` +
        'Replacing it would silently switch off whatever it runs today. Either call prguard from it\n' +
        '(add the line: node_modules/.bin/prguard pre-push "$@"), or run prguard install-hook --force\n' +
        '(the current hook is kept as pre-push.prguard-backup).',
    );
  } else {
    const backup = `${path}.prguard-backup`;
    await copyFile(path, backup);
    result = { path, status: 'replaced', backup };
  }
  await mkdir(dir, { recursive: true });
  await writeFile(path, PRE_PUSH_HOOK, { mode: 0o755 });
  await chmod(path, 0o755);
  return result;
}
