// The rule registry: every rule prguard ships, in display order.
import type { AnyRule } from '../src/rule.ts';
import { prSize } from './pr-size/index.ts';
import { testsTouched } from './tests-touched/index.ts';
import { protectedPaths } from './protected-paths/index.ts';
import { aiDisclosure } from './ai-disclosure/index.ts';
import { coreChanges } from './core-changes/index.ts';
import { secretLeakage } from './secret-leakage/index.ts';
import { reviewQuorum } from './review-quorum/index.ts';

export const allRules: AnyRule[] = [
  prSize,
  testsTouched,
  protectedPaths,
  aiDisclosure,
  coreChanges,
  secretLeakage,
  reviewQuorum,
];
