// spoolGit: git's whole output arrives, in order, however large; failures are UsageErrors.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { spoolGit } from '../../src/git/spool.ts';
import { commitAll, gitEnv, initRepo, write } from '../helpers/git.ts';

describe('spoolGit', () => {
  it('delivers output larger than its read size byte for byte', async () => {
    const repo = initRepo();
    const big = Array.from({ length: 60_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 90)}\n`).join('');
    write(repo, 'big.txt', big);
    commitAll(repo, 'big');
    expect(big.length).toBeGreaterThan(3 << 20);
    const chunks: Buffer[] = [];
    await spoolGit(repo, ['show', 'HEAD:big.txt'], (c) => chunks.push(Buffer.from(c)));
    expect(chunks.length).toBeGreaterThan(1);
    const expected = execFileSync('git', ['show', 'HEAD:big.txt'], { cwd: repo, env: gitEnv(), maxBuffer: 1 << 28 });
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  });

  it('rejects with a UsageError naming the command and git\'s message', async () => {
    const repo = initRepo();
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    const err = await spoolGit(repo, ['diff', 'no-such-ref'], () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/`git diff` failed \(exit 128\): .*no-such-ref/s);
  });

  it('passes on an error thrown by the consumer', async () => {
    const repo = initRepo();
    write(repo, 'a', '1\n');
    commitAll(repo, 'a');
    await expect(spoolGit(repo, ['log'], () => {
      throw new Error('consumer broke');
    })).rejects.toThrow('consumer broke');
  });
});
