// Literal text inside a regular expression.

/** `text` escaped so that a regular expression matches it literally (with or without the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
