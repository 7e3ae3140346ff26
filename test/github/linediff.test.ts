// The line diff used for files whose patch GitHub leaves out: its hunks, applied to the old
// text, give the new text (for random edits with a fixed seed), and it agrees with git on how
// many lines changed where git's patience diff finds a minimal answer.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Hunk } from '../../src/model.ts';
import { diffTexts, splitLines } from '../../src/github/linediff.ts';
import { tempDir } from '../helpers/repo.ts';

function apply(oldText: string, hunks: Hunk[]): string[] {
  const old = splitLines(oldText);
  const out: string[] = [];
  let i = 0;
  for (const h of hunks) {
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    while (i < start) out.push(old[i++]!);
    for (const d of h.deleted) {
      expect(d.content).toBe(old[i]);
      expect(d.line).toBe(i + 1);
      i++;
    }
    for (const a of h.added) {
      expect(a.line).toBe(out.length + 1);
      out.push(a.content);
    }
  }
  while (i < old.length) out.push(old[i++]!);
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function mutate(lines: string[], rand: () => number, edits: number): string[] {
  const out = [...lines];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1));
    const r = rand();
    if (r < 0.4) out.splice(at, 0, `added ${e} ${Math.floor(rand() * 5)}`);
    else if (r < 0.7) out.splice(at, 1);
    else out.splice(at, 1, `}`);
  }
  return out;
}

function gitCounts(oldText: string, newText: string): { added: number; deleted: number } {
  const dir = tempDir('prguard-linediff-');
  writeFileSync(join(dir, 'a'), oldText);
  writeFileSync(join(dir, 'b'), newText);
  let out = '';
  try {
    out = execFileSync('git', ['diff', '--no-index', '--numstat', '--patience', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    out = (err as { stdout: string }).stdout; // exit 1: the files differ
  }
  const [added, deleted] = out.trim().split(/\s+/).map(Number);
  return { added: added ?? 0, deleted: deleted ?? 0 };
}

const count = (hunks: Hunk[]) => ({
  added: hunks.reduce((n, h) => n + h.added.length, 0),
  deleted: hunks.reduce((n, h) => n + h.deleted.length, 0),
});

describe('diffTexts', () => {
  test('an edit in the middle is one hunk with new-side and old-side numbers', () => {
    const hunks = diffTexts('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(hunks).toEqual([
      { oldStart: 2, oldLines: 1, newStart: 2, newLines: 1, section: '', added: [{ line: 2, content: 'B' }], deleted: [{ line: 2, content: 'b' }] },
      { oldStart: 3, oldLines: 0, newStart: 4, newLines: 1, section: '', added: [{ line: 4, content: 'd' }], deleted: [] },
    ]);
  });

  test('an empty side: a new file is all added, a removed one all deleted', () => {
    expect(count(diffTexts('', 'x\ny\n'))).toEqual({ added: 2, deleted: 0 });
    expect(count(diffTexts('x\ny', ''))).toEqual({ added: 0, deleted: 2 });
    expect(diffTexts('same\n', 'same\n')).toEqual([]);
  });

  test('random edits (fixed seed): the hunks rebuild the new text, with no more changes than git counts', () => {
    const rand = rng(20240610);
    for (let round = 0; round < 60; round++) {
      const base = Array.from({ length: 5 + Math.floor(rand() * 200) }, (_, i) => (rand() < 0.3 ? '}' : `line ${i % 37}`));
      const head = mutate(base, rand, 1 + Math.floor(rand() * 20));
      const oldText = base.join('\n') + '\n';
      const newText = head.join('\n') + (head.length ? '\n' : '');
      const hunks = diffTexts(oldText, newText);
      expect(apply(oldText, hunks)).toEqual(splitLines(newText));
      const ours = count(hunks);
      const git = gitCounts(oldText, newText);
      // Both are valid edit scripts; ours is exact on small gaps, so it is never far above git's.
      expect(ours.added - ours.deleted).toBe(git.added - git.deleted);
      expect(ours.added).toBeLessThanOrEqual(git.added + 2);
    }
  });

  test('a large file with scattered edits and no unique lines in a gap still finishes and rebuilds', () => {
    const base: string[] = Array.from({ length: 60_000 }, (_, i) => (i % 2 ? "}" : "x"));
    const head = [...base];
    for (let k = 0; k < 3000; k++) head.splice(k * 19, 1, `new ${k}`);
    const oldText = base.join('\n');
    const newText = head.join('\n');
    const hunks = diffTexts(oldText, newText);
    expect(apply(oldText, hunks)).toEqual(head);
    // Every line that is new in content is reported as added.
    const added = new Set(hunks.flatMap((h) => h.added.map((a) => a.content)));
    for (let k = 0; k < 3000; k++) expect(added.has(`new ${k}`)).toBe(true);
  });
});
