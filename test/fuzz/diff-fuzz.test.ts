// A small, fixed-seed fuzz over the diff parser and the policy loader, in the default test run
// (a few seconds). `npm run fuzz` runs the big mutational one (scripts/fuzz.ts).
import { describe, expect, it } from 'vitest';
import { checkDiff, checkPolicy } from './oracle.ts';
import { DIFF_SEEDS, int, mutateMany, mutatePolicy, POLICY_SEEDS, realSlices, rng } from './mutate.ts';

describe('fuzz (fixed seed)', () => {
  it('the diff parser returns normalised files or a DiffFormatError, whole or streamed, on 1,500 mutated diffs', () => {
    const r = rng(0xd1ff);
    const seeds = [...DIFF_SEEDS, ...realSlices(r, 40, { limit: 3, maxBytes: 6_000 })];
    expect(seeds.length).toBeGreaterThan(DIFF_SEEDS.length); // real diffs were read
    const outcomes = { parsed: 0, refused: 0 };
    for (let i = 0; i < 1500; i++) {
      const input = mutateMany(r, seeds[int(r, seeds.length)]!, 1 + int(r, 4));
      outcomes[checkDiff(input, r).kind]++;
    }
    // Both ends are exercised: mutations that still parse and ones that are refused.
    expect(outcomes.parsed).toBeGreaterThan(150);
    expect(outcomes.refused).toBeGreaterThan(150);
  });

  it('the policy loader returns a policy or a PolicyError with positions, on 600 mutated policies', () => {
    const r = rng(0x9011c7);
    const outcomes = { parsed: 0, refused: 0 };
    for (let i = 0; i < 600; i++) {
      let text = POLICY_SEEDS[int(r, POLICY_SEEDS.length)]!;
      for (let k = 1 + int(r, 3); k > 0; k--) text = mutatePolicy(r, text);
      outcomes[checkPolicy(text).kind]++;
    }
    expect(outcomes.parsed).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(30);
  });
});
