// What a push or a CI run loads besides the command line and the rule registry: the commands
// `check` and `pre-push`, and the composition root. One module, imported by src/commands/index.ts
// and src/cli.ts when a command runs, so that `prguard --version` and `--help` parse none of it
// and a push still loads few files.
export { createApp } from '../app.ts';
export { check } from './check.ts';
export { prePush } from './pre-push.ts';
