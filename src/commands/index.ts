// Every CLI command, in the order `prguard --help` lists them.
import { backtest } from './backtest.ts';
import { check } from './check.ts';
import { init } from './init.ts';
import { installHookCommand } from './install-hook.ts';
import { policyCommand } from './policy.ts';
import { prePush } from './pre-push.ts';
import { explain, rulesCommand } from './rules.ts';
import { secretsCommand } from './secrets.ts';
import type { Command } from './types.ts';

export const commands: Command[] = [check, prePush, installHookCommand, init, policyCommand, backtest, rulesCommand, explain, secretsCommand];
