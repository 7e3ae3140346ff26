// The rule registry: every rule prguard ships, in display order.
import type { AnyRule } from '../src/rule.ts';

import { secretLeakage } from './secret-leakage/index.ts';

export const allRules: AnyRule[] = [secretLeakage];
