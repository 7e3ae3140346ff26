// One-line value lists of table-driven tests: JUnit's `@ValueSource(ints = {1, 2, 3})` and
// `@CsvSource({"1, 2, 3", "2, 2, 4"})`, pytest's `@pytest.mark.parametrize("n", [1, 2, 3])`,
// `it.each([1, 2, 3])(` / `test.each([[1, 2], [3, 4]])(`, rstest's `#[values(1, 2)]`, NUnit's
// `[Values(1, 2)]`, Go's `range []int{1, 2, 3}`. The test runs once per value, so a list that loses
// values checks less while no assertion and no row line goes: the line is modified, not deleted.
// A deleted list is compared with the added lists of the same hunk that have the same head (the
// text before the list, normalised); values it loses are rows removed, values they gain rows
// added. A list with no counterpart (re-wrapped over lines, or gone with its test) is left to the
// row, assertion and definition counts, so a re-wrap is no loss.
import type { Hunk } from '../../src/model.ts';
import { callArgs, norm } from './call-args.ts';
import type { Language } from './language.ts';

/**
 * Where each language's one-line lists start, and which bracket holds the values: the one the head
 * ends at (`values`), the list that is the first argument of that call (`first`, `it.each([…])`),
 * or pytest's argument values (`argvalues`: the second argument, or `argvalues=`).
 */
const HEADS: Readonly<Record<string, { head: RegExp; take: 'values' | 'first' | 'argvalues' }>> = {
  // @ValueSource(ints = {1, 2}), @CsvSource({"1, 2", "3, 4"}), @CsvSource(value = {…}); Kotlin's [ ]
  'Java/Kotlin': { head: /@\s*(?:ValueSource|CsvSource)\s*\(\s*(?:\w{1,20}\s*=\s*)?(?=[{[])/, take: 'values' },
  // @pytest.mark.parametrize("n", [1, 2]), @mark.parametrize(…), parametrize(argnames, argvalues=[…])
  Python: { head: /(?<![\w.])(?:\w{1,40}\s*\.\s*)?(?:mark\s*\.\s*)?parametrize\s*(?=\()/, take: 'argvalues' },
  // it.each([1, 2])(, test.each([[1, 2], [3, 4]])(, describe.each([…]), test.for([…])
  'JavaScript/TypeScript': { head: /(?<![\w$.])(?:it|test|describe|bench)(?:\s*\.\s*(?:only|skip|concurrent|sequential))?\s*\.\s*(?:each|for)\s*(?=\(\s*\[)/, take: 'first' },
  // rstest: fn t(#[values(1, 2, 3)] n: u32)
  Rust: { head: /#\[\s*values\s*(?=\()/, take: 'values' },
  // NUnit: void T([Values(1, 2, 3)] int n)
  'C#': { head: /\[\s*Values\s*(?=\()/, take: 'values' },
  // for _, n := range []int{1, 2, 3} {
  Go: { head: /\brange\s+\[\][\w.*]{1,80}\s*(?=\{)/, take: 'values' },
};

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const LIST_PATTERNS: readonly RegExp[] = Object.values(HEADS).map((h) => h.head);

interface List {
  head: string;
  values: string[];
}

/** A value's text for comparing: no whitespace. */
const valueKey = (text: string) => text.replace(/\s+/g, '');

/** The one-line lists of a line: their head and their values, when the list closes on the line. */
function listsOf(content: string, { head, take }: (typeof HEADS)[string]): List[] {
  const out: List[] = [];
  let from = 0;
  for (let guard = 0; guard < 8 && from < content.length; guard++) {
    const m = head.exec(content.slice(from));
    if (m === null) break;
    const at = from + m.index + m[0].length;
    const call = callArgs(content, at);
    if (call === undefined) break;
    from = call.end;
    let name = norm(m[0]);
    let values: string[] | undefined = call.args;
    if (take !== 'values') {
      const list = take === 'first' ? call.args[0] : (call.args.find((a) => /^argvalues\s*=/.test(a))?.replace(/^argvalues\s*=\s*/, '') ?? call.args[1]);
      if (take === 'argvalues') name += norm(call.args[0] ?? '');
      values = list !== undefined && /^[[(]/.test(list) ? callArgs(list, 0)?.args : undefined;
    }
    if (values !== undefined) out.push({ head: name, values: values.filter((v) => v !== '').map(valueKey) });
  }
  return out;
}

/**
 * The values one-line lists of a hunk lose (`which: 'deleted'`) or gain (`'added'`) against the
 * lists of the other side with the same head, as row keys.
 */
export function listRows(hunk: Hunk, language: Language, which: 'added' | 'deleted'): string[] {
  const form = HEADS[language.name];
  if (form === undefined) return [];
  const read = (lines: readonly { content: string }[]) => {
    const byHead = new Map<string, string[]>();
    for (const { content } of lines) {
      if (language.comment.test(content) || !form.head.test(content)) continue;
      for (const list of listsOf(content, form)) {
        const values = byHead.get(list.head);
        if (values === undefined) byHead.set(list.head, [...list.values]);
        else values.push(...list.values);
      }
    }
    return byHead;
  };
  const mine = read(which === 'added' ? hunk.added : hunk.deleted);
  if (mine.size === 0) return [];
  const theirs = read(which === 'added' ? hunk.deleted : hunk.added);
  const out: string[] = [];
  for (const [name, values] of mine) {
    const other = theirs.get(name);
    if (other === undefined) continue; // no counterpart: re-wrapped, or gone with its test
    const left = new Map<string, number>();
    for (const v of other) left.set(v, (left.get(v) ?? 0) + 1);
    for (const v of values) {
      const n = left.get(v) ?? 0;
      if (n > 0) left.set(v, n - 1);
      else out.push(`${name}\0${v}`);
    }
  }
  return out;
}
