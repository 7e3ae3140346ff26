// The keys the policy schema allows at a path, for "did you mean" on a misspelled nested key
// (e.g. `allow-label` inside a protected-paths entry). Walks properties, items and the object
// branch of an `if/then/else` (a rule entry's severity or options, a core module's globs or { paths, owners }).
import type { JsonSchema } from '../rule.ts';

function objectBranch(node: JsonSchema): JsonSchema {
  if (node.properties !== undefined) return node;
  // A rule entry's options are its `else` (a string is a severity); a core module's long form is its `then`.
  for (const branch of [node.else, node.then] as (JsonSchema | undefined)[]) if (branch?.properties !== undefined) return branch;
  return node;
}

export function keysInSchema(schema: JsonSchema, path: readonly (string | number)[]): string[] {
  let node: JsonSchema | undefined = schema;
  for (const seg of path) {
    if (node === undefined) return [];
    node = objectBranch(node);
    if (typeof seg === 'number') node = node.items as JsonSchema | undefined;
    else {
      const props = node.properties as Record<string, JsonSchema> | undefined;
      const additional = node.additionalProperties;
      node = props?.[seg] ?? (typeof additional === 'object' ? (additional as JsonSchema) : undefined);
    }
  }
  if (node === undefined) return [];
  const props = objectBranch(node).properties as Record<string, JsonSchema> | undefined;
  return props ? Object.keys(props) : [];
}
