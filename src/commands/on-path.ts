// What a push or a CI run loads besides the command line: the commands `check` and `pre-push`.
// One module, imported by src/commands/index.ts when a command runs, so that `prguard --version`
// and `--help` parse none of it. It holds what starts git diff (the arguments, the git source)
// and not the rules or the engine: those (src/app.ts, rules/index.ts) load while git diff runs.
export { check } from './check.ts';
export { prePush } from './pre-push.ts';
