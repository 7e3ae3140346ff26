// What a check says of a change that changes no file: a merge that brings nothing (the branch
// merged the base, or a branch already in it), commits made with --allow-empty, or commits that
// undo each other. It passes, as an empty change should, but a pass is not to be mistaken for a
// checked change: the note says no file was there to check. One wording for every source (a git
// range, the Action's pull request read with git or through the API, a patch series), so that the
// terminal, the push and the pull request say the same. Pure.

/** The note for a change of `commits` commits (at least one) and no changed file. */
export function noFileChangedNote(commits: number): string {
  const them = commits === 1 ? 'its commit adds' : `its ${commits} commits add`;
  return (
    `nothing to check: the range changes no file (${them} up to no change, as a merge that brings nothing does), ` +
    'so this pass checked no file, only the commits themselves'
  );
}
