// loadDiffChangeSet: a diff or format-patch file, or stdin; no repository needed.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadDiffChangeSet } from '../../src/diff/source.ts';
import { UsageError } from '../../src/errors.ts';
import { tempDir } from '../helpers/git.ts';

const DIFF = 'diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-a\n+b\n';
const MBOX = [
  'From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001',
  'From: A <a@x>',
  'Subject: [PATCH 1/2] One',
  '',
  '---',
  DIFF,
  'From 2222222222222222222222222222222222222222 Mon Sep 17 00:00:00 2001',
  'From: A <a@x>',
  'Subject: [PATCH 2/2] Two',
  '',
  '---',
  'diff --git a/y.txt b/y.txt\nnew file mode 100644\n--- /dev/null\n+++ b/y.txt\n@@ -0,0 +1 @@\n+y\n',
].join('\n');

function file(content: string, name = 'change.diff'): string {
  const p = path.join(tempDir(), name);
  fs.writeFileSync(p, content);
  return p;
}

describe('loadDiffChangeSet', () => {
  it('reads a diff file', async () => {
    const change = await loadDiffChangeSet(file(DIFF));
    expect(change).toMatchObject({ base: '', head: '', commits: [] });
    expect(change.files.map((f) => [f.path, f.additions, f.deletions])).toEqual([['x.txt', 1, 1]]);
  });

  it('reads a format-patch mailbox: commits, and base/head from their shas', async () => {
    const change = await loadDiffChangeSet(file(MBOX));
    expect(change.base).toBe('1111111111111111111111111111111111111111^');
    expect(change.head).toBe('2222222222222222222222222222222222222222');
    expect(change.commits.map((c) => c.message)).toEqual(['One', 'Two']);
    expect(change.files.map((f) => [f.path, f.status])).toEqual([['x.txt', 'modified'], ['y.txt', 'added']]);
  });

  it('reads stdin for "-"', async () => {
    const change = await loadDiffChangeSet('-', { stdin: Readable.from([Buffer.from(DIFF)]) });
    expect(change.files).toHaveLength(1);
  });

  it('a mailbox of commits that change no file (format-patch --always) says that no file was checked', async () => {
    const empty = ['From 3333333333333333333333333333333333333333 Mon Sep 17 00:00:00 2001', 'From: A <a@x>', 'Subject: [PATCH] Nothing', '', '---', ''].join('\n');
    const change = await loadDiffChangeSet(file(empty));
    expect(change).toMatchObject({ files: [], commits: [{ message: 'Nothing' }] });
    expect(change.notes).toEqual([expect.stringMatching(/^nothing to check: the range changes no file \(its commit adds up to no change/)]);
    // A mailbox that changes files says nothing of the kind.
    expect((await loadDiffChangeSet(file(MBOX))).notes ?? []).toEqual([]);
  });

  it('accepts an empty diff (no changes)', async () => {
    expect((await loadDiffChangeSet(file(''))).files).toEqual([]);
  });

  it.each([
    ['a missing file', () => path.join(tempDir(), 'nope.diff'), /Cannot read the diff from .*nope\.diff: the file does not exist/],
    ['a directory', () => tempDir(), /it is a directory/],
    ['text that is not a diff', () => file('version: 1\nrules: {}\n', 'policy.yml'), /does not look like a unified diff/],
  ])('fails with a UsageError on %s', async (_name, make, message) => {
    const err = await loadDiffChangeSet(make()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
  });

  it('refuses to wait on a terminal for "-"', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    await expect(loadDiffChangeSet('-', { stdin: tty })).rejects.toThrow(/nothing is piped in/);
  });
});
