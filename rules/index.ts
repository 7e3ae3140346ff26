// The rule registry: every rule prguard ships, in display order.
import type { AnyRule } from '../src/rule.ts';

export const allRules: AnyRule[] = [];
