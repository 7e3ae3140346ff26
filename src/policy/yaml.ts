// YAML as policies and their test fixtures are read: positions kept, and a key written twice in
// one mapping found in linear time. yaml's own check (`uniqueKeys`) compares each key with every
// key before it: a policy of 80,000 keys took 39 s to be refused, 300,000 never ended.
import { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { LocatedProblem } from '../errors.ts';

export interface YamlText {
  doc: Document;
  lineCounter: LineCounter;
}

export function parseYaml(text: string): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  return { doc, lineCounter };
}

type At = (offset: number, message: string) => LocatedProblem;

/** YAML syntax errors listed one by one; the rest are counted. */
const MAX_SYNTAX_ERRORS = 5;
const MAX_MESSAGE = 160;

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

/** yaml's words for a second document name its own API; the reader needs to know what to remove. */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0]!;
  if (first.startsWith('Source contains multiple documents')) {
    return 'the file holds more than one YAML document (a `---` or `...` line after the first one): keep one document';
  }
  if (first.includes('Maximum call stack size exceeded')) return 'the YAML nests too deeply to be read (lists or mappings inside one another, thousands deep)';
  return `YAML syntax error: ${clip(first)}`;
}

/**
 * What makes the text unreadable as one mapping per place: the first few syntax errors (past
 * them, one begets the next) and how many more, else the keys written twice.
 */
export function structureProblems({ doc, lineCounter }: YamlText, at: At): LocatedProblem[] {
  if (doc.errors.length > 0) {
    const shown = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => at(e.pos[0], syntaxMessage(e.message)));
    const rest = doc.errors.length - shown.length;
    if (rest > 0) shown.push(at(doc.errors[MAX_SYNTAX_ERRORS]!.pos[0], `and ${rest} more YAML syntax error${rest === 1 ? '' : 's'} from here on`));
    return shown;
  }
  const duplicates = duplicateKeys(doc).map((d) => at(d.offset, duplicateMessage(d, lineCounter)));
  return duplicates.length > 0 ? duplicates : tagProblems(doc, at);
}

/** Tags whose values are the JSON data a policy is: text, numbers, booleans, null, lists, mappings. */
const DATA_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * A value written with another tag (`!!set`, `!!timestamp`, `!!binary`, `!!omap`, or one yaml does
 * not know, such as `!custom`) becomes a Set, a Date, bytes, or a string yaml only warns about:
 * none is a policy value, and a Set or a Date passed the schema as an object with no keys.
 */
function tagProblems(doc: Document, at: At, max = 5): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
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
      problems.push(at((node as Node).range?.[0] ?? 0, `the YAML tag ${shown} makes no policy value: write text, a number, true or false, a list or a mapping, without the tag`));
      continue;
    }
    if (isCollection(node)) stack.push(...node.items);
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
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
