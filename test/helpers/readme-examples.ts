// Reads the executable examples of a rule README (format: COMMON.md / CONTRIBUTING): a
// `## Examples` section with `### Incorrect` and `### Correct` subsections holding fenced blocks
// ```diff (required), ```yaml policy, ```markdown pr-body and ```text flags.

export interface Example {
  diff: string;
  policy?: string;
  prBody?: string;
  flags: string[];
}

export interface RuleExamples {
  incorrect: Example;
  correct: Example;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/;
const CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;

/** CommonMark-style fence tracking: the fence open at each line (null outside code blocks). */
function fenceAt(lines: readonly string[]): (string | null)[] {
  const state: (string | null)[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    if (fence === null) {
      const open = OPEN.exec(line);
      state.push(open ? (fence = open[1]!) : null);
    } else {
      state.push(fence);
      if (isClose(line, fence)) fence = null;
    }
  }
  return state;
}

/** Fenced blocks with their info strings, in order. */
function fencedBlocks(text: string): { info: string; body: string }[] {
  const lines = text.split('\n');
  const blocks: { info: string; body: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !isClose(lines[j]!, open[1]!)) j++;
    blocks.push({ info: open[2]!.trim(), body: `${lines.slice(i + 1, j).join('\n')}\n` });
    i = j;
  }
  return blocks;
}

function isClose(line: string, fence: string): boolean {
  const close = CLOSE.exec(line);
  return close !== null && close[1]![0] === fence[0] && close[1]!.length >= fence.length;
}

/** Splits a one-line flag string like a POSIX shell would (quotes and backslashes; no expansion). */
export function splitFlags(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s"'\\]|\\.)+)|(\s+)/g;
  let current: string | null = null;
  for (const m of line.trim().matchAll(re)) {
    if (m[4] !== undefined) {
      if (current !== null) words.push(current);
      current = null;
      continue;
    }
    const piece = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]!.replace(/\\(.)/g, '$1');
    current = (current ?? '') + piece;
  }
  if (current !== null) words.push(current);
  return words;
}

/** The section under `heading` (any level), up to the next heading of the same or higher level. */
function section(text: string, heading: RegExp, level: number): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${'#'.repeat(level)} `) && heading.test(l.slice(level + 1).trim()));
  if (start === -1) return undefined;
  const fences = fenceAt(lines);
  let end = start + 1;
  for (; end < lines.length; end++) {
    const h = /^(#{1,6}) /.exec(lines[end]!);
    if (fences[end] === null && h && h[1]!.length <= level) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

function example(text: string, where: string): Example {
  const blocks = fencedBlocks(text);
  const pick = (info: string) => blocks.filter((b) => b.info === info);
  const diffs = pick('diff');
  if (diffs.length !== 1) throw new Error(`${where}: expected exactly one \`\`\`diff block, found ${diffs.length}`);
  const flags = pick('text flags')[0]?.body.trim();
  return {
    diff: diffs[0]!.body,
    policy: pick('yaml policy')[0]?.body,
    prBody: pick('markdown pr-body')[0]?.body,
    flags: flags ? splitFlags(flags) : [],
  };
}

export function readmeExamples(readme: string, where: string): RuleExamples {
  const examples = section(readme, /^Examples$/, 2);
  if (examples === undefined) throw new Error(`${where}: no "## Examples" section`);
  const incorrect = section(examples, /^Incorrect\b/, 3);
  const correct = section(examples, /^Correct\b/, 3);
  if (incorrect === undefined || correct === undefined) {
    throw new Error(`${where}: "## Examples" needs "### Incorrect" and "### Correct" subsections`);
  }
  return { incorrect: example(incorrect, `${where} Incorrect`), correct: example(correct, `${where} Correct`) };
}
