import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/model.ts';
import { prSize } from '../../rules/pr-size/index.ts';
import { change, file } from '../helpers/change.ts';
import { optionsOf, runRule } from '../helpers/rules.ts';
import { rng } from '../helpers/rng.ts';

/** n small files of `lines` added lines each under `dir`. */
function many(n: number, dir = 'src', lines = 1): FileChange[] {
  return Array.from({ length: n }, (_, i) => file(`${dir}/f${i}.ts`, { added: lines }));
}

interface Case {
  name: string;
  files: FileChange[];
  options?: Record<string, unknown>;
  /** Expected message ids, in order. */
  ids: string[];
  /** Fragments every message (joined) must contain. */
  contains?: string[];
  excludes?: string[];
}

const cases: Case[] = [
  { name: 'an empty change passes', files: [], ids: [] },
  { name: 'exactly at the line limit passes', files: [file('src/a.ts', { added: 300, deleted: 100 })], ids: [] },
  {
    name: 'one line over the limit is flagged, additions and deletions both count',
    files: [file('src/a.ts', { added: 300, deleted: 101 })],
    ids: ['tooManyLines'],
    contains: ['changes 401 lines', 'limit of 400', 'src/a.ts (401)'],
  },
  {
    name: 'names the largest five contributors, biggest first',
    files: [
      file('a.ts', { added: 10 }),
      file('b.ts', { added: 200 }),
      file('c.ts', { added: 50 }),
      file('d.ts', { added: 100 }),
      file('e.ts', { added: 30 }),
      file('f.ts', { added: 20 }),
    ],
    ids: ['tooManyLines'],
    contains: ['Largest contributors: b.ts (200), d.ts (100), c.ts (50), e.ts (30), f.ts (20).', 'Split it'],
    excludes: ['a.ts (10)'],
  },
  {
    name: 'lockfiles at any depth are not counted, and the message says so',
    files: [
      file('src/a.ts', { added: 401 }),
      file('package-lock.json', { added: 5000 }),
      file('web/yarn.lock', { added: 3000 }),
    ],
    ids: ['tooManyLines'],
    contains: ['changes 401 lines', 'Not counted: 2 files, 8000 lines (2 lockfiles).'],
    excludes: ['package-lock.json ('],
  },
  ...[
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'Cargo.lock',
    'go.sum',
    'go.work.sum',
    'poetry.lock',
    'Gemfile.lock',
    'composer.lock',
    'deep/nested/dir/Cargo.lock',
  ].map(
    (path): Case => ({ name: `the lockfile ${path} is excluded`, files: [file(path, { added: 10_000 })], ids: [] }),
  ),
  {
    name: 'a file merely named like a lockfile is counted',
    files: [file('docs/yarn.lock.md', { added: 401 })],
    ids: ['tooManyLines'],
  },
  {
    name: 'generated, vendored and -diff files are not counted',
    files: [
      file('src/a.ts', { added: 10 }),
      file('src/api.gen.ts', { added: 900, attributes: { generated: true } }),
      file('third_party/lib.js', { added: 900, attributes: { vendored: true } }),
      file('data/blob.txt', { added: 900, attributes: { noDiff: true } }),
    ],
    options: { 'max-lines': 100, 'max-files': 1 },
    ids: [],
  },
  {
    name: 'exclude globs add to the built-in exclusions',
    files: [file('src/a.ts', { added: 10 }), file('test/__snapshots__/a.snap', { added: 2000 }), file('yarn.lock', { added: 9 })],
    options: { exclude: ['**/*.snap'] },
    ids: [],
  },
  {
    name: 'excluded reasons are summarised when another limit trips',
    files: [
      ...many(3),
      file('gen.ts', { added: 5, attributes: { generated: true } }),
      file('x.snap', { added: 7 }),
    ],
    options: { 'max-files': 2, exclude: ['*.snap'] },
    ids: ['tooManyFiles'],
    contains: ['changes 3 files', 'limit of 2', 'Not counted: 2 files, 12 lines (1 generated file, 1 file matching `exclude`).'],
  },
  {
    name: 'binary files count as files but not as lines',
    files: [file('img/logo.png', { binary: true }), file('src/a.ts', { added: 5 })],
    options: { 'max-lines': 5, 'max-files': 1 },
    ids: ['tooManyFiles'],
  },
  {
    name: 'submodule pointer changes count as files only',
    files: [{ ...file('vendor/lib', { submodule: true }), additions: 1, deletions: 1 }],
    options: { 'max-lines': 1 },
    ids: [],
  },
  { name: 'exactly at the file limit passes', files: many(30), ids: [] },
  {
    name: 'too many files is flagged with the busiest directories',
    files: [...many(20, 'src/ui'), ...many(10, 'src/api'), file('README.md', { added: 1 })],
    ids: ['tooManyFiles'],
    contains: ['changes 31 files', 'limit of 30', 'Most files are in: src/ui/ (20 files), src/api/ (10 files), (root) (1 file).'],
  },
  {
    name: 'both limits trip independently',
    files: many(31, 'src', 20),
    ids: ['tooManyLines', 'tooManyFiles'],
    contains: ['changes 620 lines', 'changes 31 files'],
  },
  {
    name: 'pure renames count as files with no lines',
    files: [file('src/new.ts', { oldPath: 'src/old.ts', similarity: 100 })],
    options: { 'max-lines': 1, 'max-files': 1 },
    ids: [],
  },
  {
    name: 'custom limits apply',
    files: [file('src/a.ts', { added: 51 })],
    options: { 'max-lines': 50 },
    ids: ['tooManyLines'],
    contains: ['limit of 50'],
  },
  {
    name: 'lone carriage returns (old Mac line endings, one line to git) count as the lines they are to the code',
    files: [file('src/big.ts', { added: [Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\r') + '\r'] })],
    ids: ['tooManyLines'],
    contains: ['changes 401 lines', 'src/big.ts (401)'],
  },
  {
    name: 'CRLF line endings add no line',
    files: [file('src/a.ts', { added: Array.from({ length: 400 }, (_, i) => `line ${i}\r`) })],
    ids: [],
  },
];

describe('pr-size', () => {
  it.each(cases)('$name', ({ files, options, ids, contains = [], excludes = [] }) => {
    const found = runRule(prSize, change({ files }), options);
    expect(found.map((v) => v.messageId)).toEqual(ids);
    const text = found.map((v) => v.message).join('\n');
    for (const fragment of contains) expect(text).toContain(fragment);
    for (const fragment of excludes) expect(text).not.toContain(fragment);
    for (const v of found) expect(v.path).toBeUndefined();
  });

  it('defaults to 400 lines and 30 files', () => {
    expect(optionsOf(prSize)).toEqual({ 'max-lines': 400, 'max-files': 30, exclude: [] });
  });

  it('gives every schema property a default', () => {
    for (const schema of Object.values(prSize.meta.schema.properties)) expect(schema).toHaveProperty('default');
  });
});

describe('pr-size: the largest contributors', () => {
  it('are the five a full sort by size, then path, would list (ties and all)', () => {
    const r = rng(99);
    // Code-point order, the one every list uses: the order of the paths' UTF-8 bytes.
    const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    for (let round = 0; round < 50; round++) {
      const files = Array.from({ length: 3 + Math.floor(r() * 60) }, (_, i) =>
        file(`src/${['a', 'B', 'c', 'ä'][Math.floor(r() * 4)]}/f${Math.floor(r() * 30)}-${i}.ts`, { added: 1 + Math.floor(r() * 4) * 150 }),
      );
      const lines = (f: FileChange) => f.additions + f.deletions;
      const want = [...files]
        .sort((a, b) => lines(b) - lines(a) || byCodePoint(a.path, b.path))
        .slice(0, 5)
        .map((f) => `${f.path} (${lines(f)})`)
        .join(', ');
      const found = runRule(prSize, change({ files }), { 'max-lines': 1 });
      expect(found[0]?.message).toContain(`Largest contributors: ${want}.`);
    }
  });
});
