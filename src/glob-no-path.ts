// Globs that can match no path git names, refused where a policy is read (src/glob.ts globProblem):
// git names paths from the repository root, with no leading / or ./ and no . or .. step, and
// minimatch runs with nonegate, so a gitignore-style `!` exception would only match a name that
// starts with "!".

/**
 * A glob or path written from the root as CODEOWNERS writes it (`/src/auth/`, `./src/auth/`) as git
 * names it (`src/auth/`), for the lists that read a leading / or ./ as the repository root.
 */
export function fromRoot(glob: string): string {
  return glob.replace(/^(?:\.?\/)+/, '');
}

/** Why `glob` matches no path, with what to write instead, or null; `rooted` where a leading / or ./ is the root. */
export function matchesNoPath(glob: string, rooted: boolean): string | null {
  const quoted = glob.length <= 80 ? `${JSON.stringify(glob)} ` : '';
  if (glob.startsWith('!') && !glob.startsWith('!(')) {
    return (
      `${quoted}is not an exception: a leading "!" takes no paths away here (every glob of a list adds paths), it only ` +
      'matches a name that starts with "!". Leave it out and narrow the other globs instead (list what they should match, ' +
      'e.g. "dist/{css,js}/**"), or write \'\\!name\' (in single quotes) for such a name'
    );
  }
  // Where the caller reads a leading / or ./ as the root (`rooted`), only later steps.
  const root = fromRoot(glob);
  const stepped = root.split('/').some((seg) => seg === '.' || seg === '..');
  if (stepped || (!rooted && root !== glob)) {
    const hint = !stepped && root !== '' ? ` (write "${root}")` : '';
    return `${quoted}matches no path: globs are matched against paths from the repository root, which have no leading "/" and no "." or ".." step${hint}`;
  }
  return null;
}
