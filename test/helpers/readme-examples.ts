// Reads the executable examples of a rule README: `## Examples` with `### Incorrect` and
// `### Correct`, each holding fenced blocks recognised by their info string
// (`diff`, `yaml policy`, `markdown pr-body`, `json reviews`, `text flags`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './repo.ts';

export interface ReadmeExample {
  kind: 'Incorrect' | 'Correct';
  diff: string;
  policy?: string;
  prBody?: string;
  /** A `json reviews` block: the PR's reviews as `gh api .../pulls/N/reviews` prints them (`--reviews`). */
  reviews?: string;
  flags: string[];
}

/** The body of the heading `name` at `level` (up to the next heading as high), or null. Fences are skipped. */
export function section(markdown: string, heading: string, level = 2): string | null {
  let fence: string | null = null;
  let found = false;
  const body: string[] = [];
  for (const line of markdown.split('\n')) {
    const fenceMark = /^(`{3,})/.exec(line)?.[1];
    if (fenceMark !== undefined) {
      if (fence === null) fence = fenceMark;
      else if (line.trim() === fence) fence = null;
    }
    const h = fence === null && fenceMark === undefined ? /^(#{1,6}) (.*)$/.exec(line) : null;
    if (!found) {
      found = h !== null && h[1]!.length === level && h[2]!.trim() === heading;
      continue;
    }
    if (h !== null && h[1]!.length <= level) break;
    body.push(line);
  }
  return found ? body.join('\n') : null;
}

/** Fenced blocks by info string; a repeated info string is an error. */
export function fencedBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, fence, info] = open as unknown as [string, string, string];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== fence) body.push(lines[j++]!);
    if (j === lines.length) throw new Error(`unclosed ${fence}${info} block`);
    const key = info.trim();
    if (blocks.has(key)) throw new Error(`two \`${key}\` blocks in one example`);
    blocks.set(key, `${body.join('\n')}\n`);
    i = j;
  }
  return blocks;
}

/** Split one line of flags like a shell would for simple quoting: `--pr-title "a b" --ai yes`. */
export function splitFlags(line: string): string[] {
  const args: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) args.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return args;
}

export function readmeExamples(ruleId: string): ReadmeExample[] {
  const readme = readFileSync(join(ROOT, 'rules', ruleId, 'README.md'), 'utf8');
  const examples = section(readme, 'Examples');
  if (examples === null) throw new Error(`rules/${ruleId}/README.md has no "## Examples" section`);
  return (['Incorrect', 'Correct'] as const).map((kind) => {
    const text = section(examples, kind, 3);
    if (text === null) throw new Error(`rules/${ruleId}/README.md has no "### ${kind}" example`);
    const blocks = fencedBlocks(text);
    const diff = blocks.get('diff');
    if (diff === undefined) throw new Error(`rules/${ruleId}/README.md: the ${kind} example has no \`diff\` block`);
    const example: ReadmeExample = { kind, diff, flags: splitFlags(blocks.get('text flags') ?? '') };
    const policy = blocks.get('yaml policy');
    if (policy !== undefined) example.policy = policy;
    const prBody = blocks.get('markdown pr-body');
    if (prBody !== undefined) example.prBody = prBody;
    const reviews = blocks.get('json reviews');
    if (reviews !== undefined) example.reviews = reviews;
    return example;
  });
}
