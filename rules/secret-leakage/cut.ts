// Text clipped before the masking stage saw it (an error message that shortens a long file name to
// 80 characters and an ellipsis) may end in the start of a token, which no longer validates and so
// is not found as a secret: a provider prefix in the run of token characters just before an
// ellipsis marks the rest of that run as a cut token, to be masked like a secret.
import { catalogue, providerPrefixes } from './catalogue.ts';

const ELLIPSIS = /\u2026|\.\.\./g; // U+2026 is the ellipsis character
/** Characters of tokens (every catalogue alphabet but the PEM body's whitespace). */
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=.~:]/;
const QUOTE = /["'`]/;
/** The shortest cut token worth masking (as in the masking stage). */
const MIN_CUT = 8;

let prefixes: string[] | undefined;

/** The catalogue's provider prefixes, each once. */
function cataloguePrefixes(): string[] {
  return (prefixes ??= [...new Set(providerPrefixes(catalogue))]);
}

/** The cut tokens of a text: from a provider prefix to the ellipsis that cut its run short. */
export function cutTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ELLIPSIS)) {
    // A quote may close the clipped text: V8's JSON.parse error quotes 10 characters of the input
    // as `"[ghp_AbCdEf"... is not valid JSON`.
    const end = m.index > 0 && QUOTE.test(text[m.index - 1] as string) ? m.index - 1 : m.index;
    let start = end;
    while (start > 0 && TOKEN_CHAR.test(text[start - 1] as string)) start--;
    const run = text.slice(start, end);
    let first = -1;
    for (const p of cataloguePrefixes()) {
      const at = run.indexOf(p);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    if (first >= 0 && run.length - first >= MIN_CUT) out.push(run.slice(first));
  }
  return out;
}
