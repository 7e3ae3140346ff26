// What a push or a CI run loads besides the command line itself: the commands `check` and
// `pre-push`, and the composition root with the rule registry. One module, imported on demand
// by src/cli.ts and src/commands/index.ts, so that `prguard --version` and `--help` parse none of
// it and a push still loads few files.
import { allRules } from '../../rules/index.ts';
import { type App, createApp } from '../app.ts';

export { check } from './check.ts';
export { prePush } from './pre-push.ts';

/** The CLI's app: every registered rule. */
export function cliApp(): App {
  return createApp({ rules: allRules });
}
