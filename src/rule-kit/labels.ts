// Box labels read by meaning: their words, lightly stemmed, in order, and whether they negate.
import { foldLookalikes } from './lookalikes.ts';

const NEGATIONS = new Set(['not', 'no', 'without', 'never', 'none', 'nor']);

/** Words of a label, lower-cased and lightly stemmed ("uses", "used", "using" -> "us"); "doesn't" -> "does not". */
export function labelWords(text: string): string[] {
  return foldLookalikes(text)
    .toLowerCase()
    .replace(/n['\u2019]t\b/g, ' not')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length >= 3 ? w.replace(/(?:ing|ed|es|s|e)$/, '') || w : w));
}

/**
 * Does a box label say what `marker` says? The marker's words appear in the label in order, other
 * words may come between ("uses AI output" matches "This PR uses AI-generated output"), and a
 * label that negates ("does **not** use AI output") never matches a marker that does not.
 */
export function labelMatches(label: string, marker: string): boolean {
  const have = labelWords(label);
  const want = labelWords(marker);
  if (want.length === 0) return false;
  if (have.some((w) => NEGATIONS.has(w)) && !want.some((w) => NEGATIONS.has(w))) return false;
  let i = 0;
  for (const w of have) if (w === want[i]) i++;
  return i === want.length;
}

/** Does the label negate (not, no, without, never, none)? */
export function negates(label: string): boolean {
  return labelWords(label).some((w) => NEGATIONS.has(w));
}
