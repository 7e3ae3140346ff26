// YAML as policies and their test fixtures are read: positions kept, and a key written twice in
// one mapping found in linear time. yaml's own check (`uniqueKeys`) compares each key with every
// key before it: a policy of 80,000 keys took 39 s to be refused, 300,000 never ended.
import { isAlias, isCollection, isPair, isScalar, LineCounter, Parser, parseDocument, type Document, type Node } from 'yaml';
import type { LocatedProblem } from '../errors.ts';

export interface YamlText {
  doc: Document;
  lineCounter: LineCounter;
  text: string;
}

export function parseYaml(text: string): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  return { doc, lineCounter, text };
}

type At = (offset: number, message: string) => LocatedProblem;

/** YAML syntax errors listed one by one; the rest are counted. */
const MAX_SYNTAX_ERRORS = 5;
const MAX_MESSAGE = 160;

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

const TOO_DEEP = 'the YAML nests too deeply to be read (lists or mappings inside one another, thousands deep)';

/** yaml's words for a second document name its own API; the reader needs to know what to remove. */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0]!;
  if (first.startsWith('Source contains multiple documents')) {
    return 'the file holds more than one YAML document (a `---` or `...` line after the first one): keep one document';
  }
  if (first.includes('Maximum call stack size exceeded')) return TOO_DEEP;
  return `YAML syntax error: ${clip(first)}`;
}

/**
 * What makes the text unreadable as one mapping per place: the first few syntax errors (past
 * them, one begets the next) and how many more, else the keys written twice.
 */
export function structureProblems({ doc, lineCounter, text }: YamlText, at: At): LocatedProblem[] {
  if (doc.errors.length > 0) {
    // Nesting too deep for the parser is one problem, wherever its stack gave out (it may say so twice).
    const deep = doc.errors.findIndex((e) => syntaxMessage(e.message) === TOO_DEEP);
    const errors = deep < 0 ? doc.errors : doc.errors.filter((e, i) => i === deep || syntaxMessage(e.message) !== TOO_DEEP);
    const shown = errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => at(e.pos[0], syntaxMessage(e.message)));
    const rest = errors.length - shown.length;
    if (rest > 0) shown.push(at(errors[MAX_SYNTAX_ERRORS]!.pos[0], `and ${rest} more YAML syntax error${rest === 1 ? '' : 's'} from here on`));
    return shown;
  }
  const duplicates = duplicateKeys(doc).map((d) => at(d.offset, duplicateMessage(d, lineCounter)));
  return duplicates.length > 0 ? duplicates : tagProblems(doc, text, at);
}

/** Tags whose values are the JSON data a policy is: text, numbers, booleans, null, lists, mappings. */
const DATA_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * A value written with another tag (`!!set`, `!!timestamp`, `!!binary`, `!!omap`, or one yaml does
 * not know, such as `!custom`) becomes a Set, a Date, bytes, or a string yaml only warns about:
 * none is a policy value, and a Set or a Date passed the schema as an object with no keys.
 */
function tagProblems(doc: Document, text: string, at: At, max = 5): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  let tags: number[] | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && problems.length < max) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    const tag = (node as { tag?: string } | null)?.tag;
    if ((isScalar(node) || isCollection(node)) && tag !== undefined && !DATA_TAGS.has(tag)) {
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      const start = (node as Node).range?.[0] ?? 0;
      tags ??= tagOffsets(text);
      problems.push(at(tagBefore(text, tags, start, tag) ?? start, `the YAML tag ${shown} makes no policy value: write text, a number, true or false, a list or a mapping, without the tag`));
      continue;
    }
    // One by one: a list of 300,000 items spread into push() overflowed the call stack.
    if (isCollection(node)) for (const item of node.items) stack.push(item);
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Offsets of the tags written in `text` (`!!set`, `!foo`, `!<…>`), in order, from yaml's CST. */
function tagOffsets(text: string): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [];
  for (const token of new Parser().parse(text)) stack.push(token);
  while (stack.length > 0) {
    const token = stack.pop();
    if (Array.isArray(token)) {
      for (const t of token) stack.push(t);
      continue;
    }
    if (token === null || typeof token !== 'object') continue;
    const t = token as Record<string, unknown>;
    if (t.type === 'tag' && typeof t.offset === 'number') offsets.push(t.offset);
    for (const key of ['start', 'key', 'sep', 'value', 'items', 'end', 'props']) if (t[key] !== undefined) stack.push(t[key]);
  }
  return offsets.sort((a, b) => a - b);
}

/**
 * Where the tag `tag` of the node starting at `start` is written: the last tag before the node
 * that names it (a node's tag comes before it, with maybe an anchor, spaces or a comment between).
 * The node itself (yaml's position) when none does.
 */
function tagBefore(text: string, offsets: readonly number[], start: number, tag: string): number | undefined {
  const suffix = tag.replace(/^tag:yaml\.org,2002:/, '').replace(/^!/, '');
  for (let i = offsets.length - 1; i >= 0; i--) {
    const offset = offsets[i]!;
    if (offset > start) continue;
    const written = /^\S+/.exec(text.slice(offset, offset + 1024))?.[0] ?? '';
    if (written.replace(/>$/, '').endsWith(suffix)) return offset;
  }
  return undefined;
}

export interface DuplicateKey {
  /** Offset of the second key. */
  offset: number;
  key: string;
  /** Offset of the first. */
  first: number;
}

/**
 * Keys written twice in one mapping, at most `max`. Keys are compared as the data holds them
 * (`1` and `"1"` are one key there, the later silently winning; an alias key as the scalar it
 * names); aliased values are not followed (their targets are nodes of the document, visited once).
 */
function duplicateKeys(doc: Document, max = 5): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && found.length < max) {
    const node = stack.pop();
    if (!isCollection(node)) continue;
    const seen = new Map<string, number>();
    for (const item of node.items) {
      if (!isPair(item)) {
        stack.push(item);
        continue;
      }
      // A key may be an alias of a scalar anchored elsewhere (`*name: value`): compared as its value.
      const key = isAlias(item.key) ? item.key.resolve(doc) : item.key;
      if (isScalar(key)) {
        const name = String(key.value);
        const offset = (item.key as Node).range?.[0] ?? 0;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, offset);
        else if (found.length < max) found.push({ offset, key: name, first });
      }
      stack.push(item.value);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function duplicateMessage(dup: DuplicateKey, lineCounter: LineCounter): string {
  const { line } = lineCounter.linePos(dup.first);
  return `duplicate key ${JSON.stringify(dup.key)}: it is already set at line ${line}, and a mapping holds each key once (remove or merge one of them)`;
}
