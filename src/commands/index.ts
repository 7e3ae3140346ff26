// Every CLI command, in the order `prguard --help` lists them.
import { check } from './check.ts';
import type { Command } from './types.ts';

export const commands: Command[] = [check];
