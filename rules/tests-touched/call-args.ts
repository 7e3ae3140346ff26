// Reading the arguments of a call on one line, for comparing an assertion with the one it
// replaced: `assertEquals(3, cart.total())` holds `3` and `cart.total()`. Bounded and linear: one
// pass over the line, strings skipped.

/** The longest line read; longer lines hold no assertion the pairing compares. */
export const MOST_LINE = 1000;

/**
 * The top-level arguments of the call whose `(` (or `[`, `{`, `<`… any opening bracket) is at
 * `open`, trimmed, and the index after its closing bracket; undefined when it does not close on
 * the line.
 */
export function callArgs(line: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let from = open + 1;
  for (let i = open; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) {
        const last = line.slice(from, i).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return { args, end: i + 1 };
      }
    } else if (c === ',' && depth === 1) {
      args.push(line.slice(from, i).trim());
      from = i + 1;
    }
  }
  return undefined;
}

/** An expression's text for comparing: whitespace collapsed, and none around punctuation. */
export function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/ ?([^\w $]) ?/g, '$1');
}

/** A literal (a number, a string, a constant, an empty collection): what an assertion compares its subject with. */
const LITERAL = /^(?:-?\d[\d_.]{0,30}[a-zA-Z]{0,3}|(?:[rbfu]{0,2}|@)?(?:"[^"]{0,400}"|'[^']{0,400}'|`[^`$]{0,400}`)|true|false|True|False|null|None|nil|undefined|NaN|\[\]|\{\}|\(\)|vec!\[\]|Some\([^()]{0,40}\)|None|Ok\(\(\)\)|[A-Z][A-Z0-9_]{1,60})$/;

export function isLiteral(expression: string): boolean {
  return LITERAL.test(expression);
}

// What asserting on less than a value looks like around its subject: `!!x`, `bool(x)`, `x != null`,
// `x is not None`, `x.length > 0`, `len(x) > 0`, `x.is_some()`, `!x.isEmpty()`, `isinstance(x, T)`.
const WRAPPERS: readonly RegExp[] = [
  /^(?:!!|!|not )?(?:bool|Boolean|len|isinstance|Objects\.nonNull|Objects\.isNull)\((.{1,400}?)(?:,[^,()]{1,200})?\)$/,
  /^!!?(.{1,400})$/,
  /^(.{1,400}?)(?:!==?|==|>=?|<=?)(?:null|undefined|None|nil|0|1)$/,
  /^(.{1,400}?)(?: is|(?<=[)\]}'"])is) not None$/,
  /^(.{1,400}?) instanceof [\w.$]{1,200}$/,
  /^(.{1,400}?)\.(?:length|size|size\(\)|len\(\)|count\(\)|count|is_some\(\)|is_ok\(\)|is_err\(\)|is_none\(\)|is_empty\(\)|isPresent\(\)|isEmpty\(\)|isNotEmpty\(\)|is_a\?\([^()]{0,200}\)|present\?|nil\?|empty\?)$/,
];

/** Every pattern this file runs on input (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const CALL_ARG_PATTERNS: readonly RegExp[] = [LITERAL, ...WRAPPERS];

/**
 * The subjects a truthiness check may be about: the expression, and what it holds once the forms
 * above are peeled off (`len(items) > 0` is about `len(items)` and `items`), at most three deep.
 */
export function cores(expression: string): string[] {
  const out = [expression];
  let frontier = [expression];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const e of frontier) {
      for (const w of WRAPPERS) {
        const inner = w.exec(e)?.[1];
        if (inner !== undefined && !out.includes(inner)) {
          out.push(inner);
          next.push(inner);
        }
      }
    }
    frontier = next;
  }
  return out;
}
