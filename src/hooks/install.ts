// `prguard install-hook`: writes the pre-push hook where git looks for it (`core.hooksPath`
// respected), never over a hook that is not ours unless forced, and is a no-op when run twice.
import { chmod, lstat, mkdir, readFile, readlink, rename, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeFsError, UsageError } from '../errors.ts';
import { openGit } from '../git/run.ts';
import { occupied } from '../repo/write.ts';

/** First comment line of every hook prguard writes; how we recognise our own hook. */
export const HOOK_MARKER = '# prguard pre-push hook';

export const PRE_PUSH_HOOK = `#!/bin/sh
${HOOK_MARKER}, written by \`prguard install-hook\` (rewrite it with --force).
# Checks the commits being pushed against the pull-request policy and blocks the push on errors.
# Skip it once with \`git push --no-verify\`; CI still checks the pull request.
# The check opens no network connection, so it needs no extra CA certificates: node reads the
# file NODE_EXTRA_CA_CERTS names at every start, before any code runs (50 ms for a system bundle).
unset NODE_EXTRA_CA_CERTS
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
  let bare: string | undefined;
  let out: string;
  try {
    [bare, out = ''] = (await openGit(cwd).raw(['rev-parse', '--is-bare-repository', '--git-path', 'hooks'])).trim().split('\n');
  } catch {
    throw new UsageError(
      `${cwd} is not inside a git repository, so there is nowhere to install a hook.\n` +
        'Run prguard install-hook from your repository (after git init or git clone).',
    );
  }
  if (bare === 'true') {
    // A push from a bare repository (a mirror) has no work tree to check: the hook would stop every one.
    throw new UsageError(
      `${cwd} is a bare repository: it has no work tree, so a pre-push hook here could check no push and would stop every one.\n` +
        'Run prguard install-hook in a clone\'s work tree.',
    );
  }
  const dir = resolve(cwd, out);
  // core.hooksPath set to nothing, or to a file (`/dev/null`, the usual way to turn hooks off):
  // git runs no hook from there, so a hook written there would check nothing.
  const entries = await openGit(cwd).tryRaw(['config', '--get-regexp', '^core\\.hookspath$']);
  const set = entries !== undefined;
  // `core.hookspath VALUE` per line, the last one in force (an empty value prints the key alone).
  const configured = entries?.split('\n').at(-1)?.replace(/^\S+ ?/, '') || undefined;
  let notDir = false;
  try {
    notDir = !(await stat(dir)).isDirectory();
  } catch {
    // Missing: created when the hook is written.
  }
  if (set && (configured === undefined || notDir)) {
    throw new UsageError(
      `core.hooksPath is ${configured === undefined ? 'set but empty' : `${JSON.stringify(configured)}, which is not a directory`}: git runs no hooks from it, ` +
        'so a pre-push hook there would check nothing. Point it at a directory (or git config --unset core.hooksPath), then run prguard install-hook again.',
    );
  }
  return dir;
}

/** What is at the hook's path, without following a symlink there. */
type Existing = { kind: 'none' } | { kind: 'file'; text: string } | { kind: 'symlink'; target: string };

function cannot(path: string, what: string, err: unknown): UsageError {
  return new UsageError(`cannot ${what} ${path}: ${describeFsError(err)}. Fix its permissions, or install the hook by hand.`);
}

async function existingHook(path: string): Promise<Existing> {
  let st;
  try {
    st = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw cannot(path, 'read', e);
  }
  // A symlink is never written through: it may point at a file the repository tracks, or
  // outside the repository; --force replaces the link itself.
  if (st.isSymbolicLink()) return { kind: 'symlink', target: await readlink(path) };
  if (!st.isFile()) {
    throw new UsageError(`${path} is ${st.isDirectory() ? 'a directory' : 'not a regular file'}, not a hook prguard can replace. Move it away, then run prguard install-hook again.`);
  }
  try {
    return { kind: 'file', text: await readFile(path, 'utf8') };
  } catch (e) {
    throw cannot(path, 'read', e);
  }
}

/**
 * A hook prguard wrote starts with its marker, right under the shebang (every version wrote it
 * there). Anywhere else, the marker is in a hook of the user's own (prguard's lines pasted
 * into it): replacing that would drop their other commands without a backup.
 */
function writtenByPrguard(text: string): boolean {
  return /^#![^\n]*\n/.exec(text) !== null && text.slice(text.indexOf('\n') + 1).startsWith(HOOK_MARKER);
}

/** `<hook>.prguard-backup`, or the first free `<hook>.prguard-backup.N`: an earlier backup is kept. */
function freeBackupPath(path: string): string {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? `${path}.prguard-backup` : `${path}.prguard-backup.${n}`;
    if (!occupied(candidate)) return candidate;
  }
}

export async function installHook(options: { cwd: string; force: boolean }): Promise<InstallResult> {
  const dir = await hooksDir(options.cwd);
  const path = resolve(dir, 'pre-push');
  const existing = await existingHook(path);
  let result: InstallResult;
  if (existing.kind === 'file' && existing.text === PRE_PUSH_HOOK) {
    await chmod(path, 0o755);
    return { path, status: 'unchanged' };
  } else if (existing.kind === 'symlink' && (await readFile(path, 'utf8').catch(() => null)) === PRE_PUSH_HOOK) {
    // A link to this very hook (a copy the repository tracks): nothing to do, and nothing written.
    return { path, status: 'unchanged' };
  } else if (existing.kind === 'none') {
    result = { path, status: 'installed' };
  } else if (existing.kind === 'file' && writtenByPrguard(existing.text)) {
    result = { path, status: 'updated' };
  } else if (!options.force) {
    const what = existing.kind === 'symlink' ? `is a symlink to ${existing.target}` : 'already exists and was not written by prguard';
    throw new UsageError(
      `${path} ${what}, so it was left alone.\n` +
        'Replacing it would silently switch off whatever it runs today. Either call prguard from it\n' +
        '(add the line: node_modules/.bin/prguard pre-push "$@"), or run prguard install-hook --force\n' +
        '(the current hook is kept as pre-push.prguard-backup).',
    );
  } else {
    // The hook (or the link) itself is moved aside: what a link points at is left as it is.
    const backup = freeBackupPath(path);
    try {
      await rename(path, backup);
    } catch (e) {
      throw cannot(path, 'move aside', e);
    }
    result = { path, status: 'replaced', backup };
  }
  try {
    await mkdir(dir, { recursive: true });
    // `wx`: created here, never written through a link or over a file that appeared meanwhile.
    if (result.status === 'updated') await writeFile(path, PRE_PUSH_HOOK, { mode: 0o755 });
    else await writeFile(path, PRE_PUSH_HOOK, { mode: 0o755, flag: 'wx' });
    await chmod(path, 0o755);
  } catch (e) {
    throw cannot(path, 'write', e);
  }
  return result;
}
