// The commands that are not on a push's or a CI run's path, in one module that src/commands/index.ts
// imports on demand: one split point keeps the bundle's chunks few (each chunk is one more file
// for node to resolve and load on every run), while a push still parses none of this.
export { backtest } from './backtest.ts';
export { init } from './init.ts';
export { installHookCommand } from './install-hook.ts';
export { policyCommand } from './policy.ts';
export { explain, rulesCommand } from './rules.ts';
export { secretsCommand } from './secrets.ts';
