// YAML anchors and aliases in a policy, checked before the document becomes data (with keys
// that are lists or mappings, which no policy key can be): an alias
// that names no anchor, one that refers to a node containing itself, and aliases that expand
// the policy beyond a bound (an "alias bomb": nine aliases of nine aliases of … grow
// exponentially) are located problems, not an "internal error" or a hung process.
import { isAlias, isCollection, isPair, isScalar, type Document, type Node } from 'yaml';
import type { LocatedProblem } from '../errors.ts';

/** At most this many aliases in one policy. */
export const MAX_ALIASES = 100;
/** At most this many nodes once every alias is expanded. */
export const MAX_EXPANDED_NODES = 10_000;

type At = (offset: number, message: string) => LocatedProblem;

/** A key JavaScript can hold as is: a scalar with a string, number, boolean or null value. */
function plainKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

export function aliasProblems(doc: Document, at: At): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const sizes = new Map<unknown, number>();
  let aliases = 0;
  let stop = false;

  // Expanded size of a node: itself plus its children, an alias counting as its target.
  const size = (node: unknown, inside: readonly unknown[]): number => {
    if (stop || node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (isAlias(node)) {
      aliases++;
      const offset = node.range?.[0] ?? 0;
      const target = node.resolve(doc);
      if (!target) {
        problems.push(at(offset, `YAML alias *${node.source} names no anchor &${node.source} before it`));
        return 0;
      }
      if (inside.includes(target)) {
        problems.push(at(offset, `YAML alias *${node.source} refers to a node that contains it (a cycle)`));
        stop = true;
        return 0;
      }
      if (aliases > MAX_ALIASES) {
        problems.push(at(offset, `the policy uses more than ${MAX_ALIASES} YAML aliases; write the values out instead`));
        stop = true;
        return 0;
      }
      n = size(target, inside);
    } else if (isCollection(node)) {
      const path = [...inside, node];
      for (const item of node.items) {
        if (isPair(item) && item.key !== null && !plainKey(isAlias(item.key) ? item.key.resolve(doc) : item.key)) {
          // JavaScript objects cannot have a list or a mapping as a key (yaml would stringify it
          // with a process warning).
          const offset = (item.key as Node).range?.[0] ?? 0;
          problems.push(at(offset, 'a mapping key must be a plain value (text or a number), not a list, a mapping or binary data'));
          stop = true;
          return 0;
        }
        n += isPair(item) ? size(item.key, path) + size(item.value, path) : size(item, path);
        if (n > MAX_EXPANDED_NODES) break;
      }
    } else if (!isScalar(node)) return 0;
    if (!stop && n > MAX_EXPANDED_NODES && !isAlias(node)) {
      const offset = (node as Node).range?.[0] ?? 0;
      problems.push(
        at(
          offset,
          aliases > 0
            ? `YAML aliases expand this value to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb?)`
            : `this value holds more than ${MAX_EXPANDED_NODES} values, more than a policy is read with: use globs instead of listing every path`,
        ),
      );
      stop = true;
    }
    sizes.set(node, n);
    return n;
  };
  size(doc.contents, []);
  return problems;
}
