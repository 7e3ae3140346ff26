// The fuzzing kit shared by the default fuzz tests and `npm run fuzz`: seeded randomness, corpora
// (slices of the real diffs in ../shared/datasets/real-diffs, hand-made mailboxes, combined
// diffs and policies) and mutations that keep inputs close to valid, where parsers break.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REAL_DIFFS as DEFAULT_REAL_DIFFS, rng, type Rng } from '../helpers/rng.ts';
export { rng, type Rng };


export const int = (r: Rng, n: number): number => Math.floor(r() * n);
export const pick = <T>(r: Rng, list: readonly T[]): T => list[int(r, list.length)]!;

export const REAL_DIFFS = DEFAULT_REAL_DIFFS;

/**
 * The real diffs as texts: the shared ranges (at most `limit` files, smallest first); where a clone
 * has no shared/ beside it, this repository's own recent history (`git log -p`), real diffs too.
 */
function realDiffTexts(limit: number): string[] {
  if (existsSync(REAL_DIFFS)) {
    return readdirSync(REAL_DIFFS)
      .filter((f) => f.endsWith('.diff.gz'))
      .map((f) => join(REAL_DIFFS, f))
      .sort((a, b) => readFileSync(a).length - readFileSync(b).length)
      .slice(0, limit)
      .map((f) => gunzipSync(readFileSync(f)).toString('utf8'));
  }
  const root = join(import.meta.dirname, '..', '..');
  const log = execFileSync('git', ['log', '-p', '--no-color', '--no-ext-diff', '--format=', '-n', '60', '--', 'src', 'rules', 'test'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return [log];
}

/** Windows of one to four consecutive file patches from the real diffs, each under `maxBytes`. */
export function realSlices(r: Rng, count: number, opts: { limit?: number; maxBytes?: number } = {}): string[] {
  const patches: string[][] = realDiffTexts(opts.limit ?? Infinity).map((text) => text.split(/^(?=diff --git )/m));
  const out: string[] = [];
  const max = opts.maxBytes ?? 16_000;
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const list = pick(r, patches);
    const start = int(r, list.length);
    const text = list.slice(start, start + 1 + int(r, 4)).join('');
    if (text.length <= max && text.startsWith('diff --git ')) out.push(text);
  }
  return out;
}

const SHA = 'a'.repeat(40);

/** Hand-made inputs of the kinds real diffs lack: mailboxes, combined diffs, plain diffs. */
export const DIFF_SEEDS: readonly string[] = [
  [`From ${SHA} Mon Sep 17 00:00:00 2001`, 'From: Ada <ada@example.com>', 'Date: Mon, 1 Jan 2024 00:00:00 +0000',
    'Subject: [PATCH 1/2] one', '', 'Body line.', `From ${'b'.repeat(40)} in the text`, '', 'Co-authored-by: X <x@example.com>',
    '---', ' a.ts | 1 +', '', 'diff --git a/a.ts b/a.ts', 'index 1..2 100644', '--- a/a.ts', '+++ b/a.ts', '@@ -1 +1,2 @@', ' a',
    '+b', '-- ', '2.43.0', '', `From ${'c'.repeat(40)} Mon Sep 17 00:00:00 2001`, 'From: Ada <ada@example.com>',
    'Subject: [PATCH 2/2] two', '', '---', 'diff --git a/a.ts b/c.ts', 'similarity index 90%', 'rename from a.ts', 'rename to c.ts',
    '--- a/a.ts', '+++ b/c.ts', '@@ -1,2 +1,2 @@', ' a', '-b', '+c', ''].join('\n'),
  ['diff --cc src/m.ts', 'index 1,2..3', '--- a/src/m.ts', '+++ b/src/m.ts', '@@@ -1,3 -1,3 +1,4 @@@', '  one', '+ two', ' +three',
    '++evil', '- gone', ' -gone2', ''].join('\n'),
  ['--- old/one.c\t2024-01-01', '+++ new/one.c\t2024-01-02', '@@ -1,2 +1,2 @@', ' int x;', '-int y;', '+int z;',
    '--- /dev/null', '+++ b/two.c', '@@ -0,0 +1 @@', '+two', ''].join('\n'),
  ['diff --git "a/sp\\303\\251 x" "b/sp\\303\\251 x"', 'new file mode 100644', '--- /dev/null', '+++ "b/sp\\303\\251 x"',
    '@@ -0,0 +1 @@', '+x', '\\ No newline at end of file', 'diff --git a/bin b/bin', 'index 1..2 100644',
    'Binary files a/bin and b/bin differ', 'diff --git a/m b/m', 'old mode 100644', 'new mode 100755', ''].join('\n'),
];

/** Lines that start or change structure: headers, hunk headers, separators. */
const STRUCTURE = [
  'diff --git a/x b/x', 'diff --git x x', 'diff --cc x', '--- a/x', '+++ b/x', '--- /dev/null', '+++ /dev/null', '@@ -1 +1 @@',
  '@@ -1,3 +1,2 @@', '@@ -0,0 +1,1000000 @@', '@@@ -1 -1 +1 @@@', 'Binary files a/x and b/x differ', 'deleted file mode 100644',
  'new file mode 100644', 'rename from ../x', 'rename to /etc/x', 'GIT binary patch', '\\ No newline at end of file',
  `From ${SHA} Mon Sep 17 00:00:00 2001`, `From ${SHA} text`, '---', '-- ', '', '+', '-', ' ', 'Subject: x', 'index 1..2 160000',
  '+++ "b/\\777"', 'diff --git "a/x', 'diff --git a/./x b//x', 'diff --git a/a/../../x b/a/../../x',
];

const ODD = ['\0', '\r', '\r\n', '\t', '"', '\\', '/', '..', 'é', '\u{1F600}', '\uFFFD', ' ', '@@', '\n'];

/** One random mutation of `text` (line-level mostly, sometimes byte-level). */
export function mutate(r: Rng, text: string): string {
  const lines = text.split('\n');
  const at = int(r, lines.length);
  switch (int(r, 11)) {
    case 0: lines.splice(at, 1); break;
    case 1: lines.splice(at, 0, lines[int(r, lines.length)] ?? ''); break;
    case 2: lines.splice(at, 0, pick(r, STRUCTURE)); break;
    case 3: { const b = int(r, lines.length); [lines[at], lines[b]] = [lines[b] ?? '', lines[at] ?? '']; break; }
    case 4: return text.slice(0, int(r, text.length + 1)); // cut off
    case 5: lines[at] = (lines[at] ?? '').replace(/\d+/, () => String(int(r, 5))); break;
    case 6: lines[at] = (lines[at] ?? '').replace(/\b[ab]\//g, pick(r, ['', 'c/', 'a/./', 'a//', '../', '/'])); break;
    case 7: { const l = lines[at] ?? ''; const i = int(r, l.length + 1); lines[at] = l.slice(0, i) + pick(r, ODD) + l.slice(i); break; }
    case 8: lines[at] = (lines[at] ?? '').slice(0, int(r, (lines[at] ?? '').length + 1)); break;
    case 9: lines.splice(at, int(r, 8)); break;
    default: { const l = lines[at] ?? ''; lines[at] = `${pick(r, ['+', '-', ' ', '@', 'd', 'F', '\\'])}${l.slice(1)}`; }
  }
  return lines.join('\n');
}

/** `n` stacked mutations. */
export function mutateMany(r: Rng, text: string, n: number): string {
  for (let i = 0; i < n; i++) text = mutate(r, text);
  return text;
}

/** Valid policies to start from. */
export const POLICY_SEEDS: readonly string[] = [
  'version: 1\nextends: recommended\n',
  [
    'version: 1', 'extends: recommended', 'core:', '  auth: ["src/auth/**"]', '  billing: ["src/billing/**", "lib/{pay,bill}/*.ts"]',
    'rules:', '  pr-size:', '    severity: error', '    max-lines: 600', '    exclude: ["**/*.snap"]', '    ai:', '      max-lines: 300',
    '  tests-touched: error', '  secret-leakage:', '    exclude: ["fixtures/**"]', '',
  ].join('\n'),
  ['version: 1', 'core:', '  shared: &globs ["src/core/**", "src/db/*.sql"]', '  again: *globs', 'rules:', '  protected-paths:',
    '    severity: warning', '  core-changes: error', ''].join('\n'),
];

const YAML_BITS = ['&a ', '*a', '*b', '&b [*a, *a]', '<<: *a', '{', '}', '[', ']', ': ', '- ', '"', "'", '#', '\t', '  ', '!!str ',
  '!!binary ', '? ', '|', '>', '%YAML 1.2\n---\n', '...', '\0', 'é', '**/*a*a*a*a*a*a*b', '!(x)', '+(a|aa)', '{a,b}', '[z-a]'];

/** One random mutation of policy text. */
export function mutatePolicy(r: Rng, text: string): string {
  if (r() < 0.5) return mutate(r, text);
  const i = int(r, text.length + 1);
  return text.slice(0, i) + pick(r, YAML_BITS) + text.slice(i + (r() < 0.3 ? 1 : 0));
}
