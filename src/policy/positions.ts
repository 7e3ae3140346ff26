// Where each value of a policy was written: `file:line` for `policy print`. Reads the YAML once
// more (the validated config has no positions) and records the line of every mapping key.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { parseYaml } from './yaml.ts';

export type KeyPath = readonly (string | number)[];

export interface Positions {
  /** 1-based line of the key (or sequence item) at `path`, if it is written in the file. */
  lineOf(path: KeyPath): number | undefined;
}

const SEP = '\u0000';

export function keyPositions(text: string): Positions {
  const { doc, lineCounter } = parseYaml(text);
  const lines = new Map<string, number>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const child = [...path, String(pair.key.value)];
        const offset = (pair.key as Node).range?.[0];
        if (offset !== undefined) lines.set(child.join(SEP), lineCounter.linePos(offset).line);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = [...path, i];
        const offset = (item as Node | null)?.range?.[0];
        if (offset !== undefined) lines.set(child.join(SEP), lineCounter.linePos(offset).line);
        walk(item, child);
      });
    }
  };
  if (doc.errors.length === 0) walk(doc.contents, []);
  return { lineOf: (path) => lines.get(path.join(SEP)) };
}
