// The rule registry: every rule prguard ships, in display order.
import type { AnyRule } from '../src/rule.ts';
import { aiDisclosure } from './ai-disclosure/index.ts';
import { coreChanges } from './core-changes/index.ts';

export const allRules: AnyRule[] = [aiDisclosure, coreChanges];
