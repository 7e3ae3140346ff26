// What one assertion line claims, per language, so that an assertion replaced by a weaker one on
// the same subject is seen: `expect(total).toBe(3)` → `expect(total).toBeDefined()`,
// `assertEquals(3, cart.total())` → `assertNotNull(cart.total())`, `toThrow('empty')` →
// `toThrow()`. A claim is a family (what kind of fact it checks), the subjects it checks and a
// level inside the family: a lower level on a shared subject checks less.
import { callArgs, cores, isLiteral, MOST_LINE, norm } from './call-args.ts';
import { type Claim, type Family, subjectsOf } from './claim.ts';
import { RUBY_CLAIM_PATTERNS, rubyClaim } from './loosened-ruby.ts';

export type { Claim } from './claim.ts';

const NULLISH_ARG = /^(?:null|undefined|None|nil|false|False|0|''|""|``)$/;
const GENERIC_ERROR = /^(?:(?:java\.lang\.)?(?:Exception|Throwable|RuntimeException)(?:::class|\.class)?|(?:System\.)?Exception|BaseException|Error)$/;

/** The argument list of the call whose name `pattern` matches at its end (`(` or `<…>(` next), and where it ends. */
function call(line: string, pattern: RegExp): { name: string; args: string[]; generic: string; end: number } | undefined {
  const m = pattern.exec(line);
  if (m === null) return undefined;
  let at = m.index + m[0].length;
  let generic = '';
  if (line[at] === '<') {
    const close = line.indexOf('>', at);
    if (close < 0 || close - at > 200) return undefined;
    generic = line.slice(at + 1, close).trim();
    at = close + 1;
  }
  while (line[at] === ' ') at++;
  if (line[at] !== '(') return undefined;
  const found = callArgs(line, at);
  return found === undefined ? undefined : { name: m.groups!.name!, args: found.args, generic, end: found.end };
}

// ---- JavaScript and TypeScript: Jest/Vitest `expect(x).matcher(y)`, chai, node:assert

const JS_EXPECT = /(?<![\w$.])expect\s*(?=\()/;
const JS_CHAIN = /^\s*\.\s*([A-Za-z]{1,40})/;
const JS_ASSERT = /(?<![\w$.])assert(?:\s*\.\s*(?<name>ok|equal|strictEqual|deepEqual|deepStrictEqual|throws|rejects))?\s*(?=\()/;

const JS_LEVELS: Record<string, [Family, number]> = {
  toBe: ['value', 3], toEqual: ['value', 3], toStrictEqual: ['value', 3], toMatchObject: ['value', 3], toHaveLength: ['value', 3],
  toContain: ['value', 3], toContainEqual: ['value', 3], toMatch: ['value', 3], toHaveProperty: ['value', 3], toBeCloseTo: ['value', 3],
  toMatchSnapshot: ['value', 3], toMatchInlineSnapshot: ['value', 3], equal: ['value', 3], equals: ['value', 3], eq: ['value', 3],
  eql: ['value', 3], members: ['value', 3], lengthOf: ['value', 3], include: ['value', 3], contain: ['value', 3], match: ['value', 3],
  toBeInstanceOf: ['value', 2], toBeGreaterThan: ['value', 2], toBeGreaterThanOrEqual: ['value', 2], toBeLessThan: ['value', 2],
  toBeLessThanOrEqual: ['value', 2], a: ['value', 2], an: ['value', 2], instanceOf: ['value', 2], above: ['value', 2], below: ['value', 2],
  least: ['value', 2], most: ['value', 2],
  toBeTruthy: ['value', 1], toBeDefined: ['value', 1], ok: ['value', 1], exist: ['value', 1],
  toBeNull: ['nullish', 3], toBeUndefined: ['nullish', 3], toBeNaN: ['nullish', 3], null: ['nullish', 3], undefined: ['nullish', 3],
  toBeFalsy: ['nullish', 1],
  toHaveBeenCalledWith: ['called', 2], toBeCalledWith: ['called', 2], toHaveBeenCalledTimes: ['called', 2], toBeCalledTimes: ['called', 2],
  toHaveBeenLastCalledWith: ['called', 2], toHaveBeenNthCalledWith: ['called', 2], calledWith: ['called', 2], calledOnceWith: ['called', 2],
  calledWithExactly: ['called', 2], calledOnce: ['called', 2], callCount: ['called', 2],
  toHaveBeenCalled: ['called', 1], toBeCalled: ['called', 1], called: ['called', 1],
};
const JS_THROWS = new Set(['toThrow', 'toThrowError', 'throw', 'throws', 'Throw']);
/** Negated, these say only that a value exists: `not.toBeNull()`, `.to.not.be.undefined`. */
const JS_NOT_NULLISH = new Set(['toBeNull', 'toBeUndefined', 'null', 'undefined', 'toBeFalsy']);

function javascript(line: string): Claim | undefined {
  const expect = JS_EXPECT.exec(line);
  if (expect !== null) {
    const subject = callArgs(line, expect.index + expect[0].length);
    if (subject === undefined || subject.args.length !== 1) return undefined;
    let rest = line.slice(subject.end);
    let negated = false;
    let async = '';
    let last: { word: string; args: string[] | undefined } | undefined;
    for (let step = 0; step < 8; step++) {
      const m = JS_CHAIN.exec(rest);
      if (m === null) break;
      const word = m[1]!;
      rest = rest.slice(m[0].length);
      let args: string[] | undefined;
      if (/^\s*\(/.test(rest)) {
        const found = callArgs(rest, rest.indexOf('('));
        if (found === undefined) return undefined;
        args = found.args;
        rest = rest.slice(found.end);
      }
      if (word === 'not') negated = true;
      else if (word === 'resolves' || word === 'rejects') async = `.${word}`;
      else last = { word, args };
    }
    if (last === undefined) return undefined;
    const exact = [norm(subject.args[0]!) + async];
    const subjects = cores(norm(subject.args[0]!)).map((s) => s + async);
    if (JS_THROWS.has(last.word)) return negated ? undefined : { family: 'throws', level: last.args?.length ? 2 : 1, subjects: exact };
    if (negated) return JS_NOT_NULLISH.has(last.word) ? { family: 'value', level: 1, subjects } : undefined;
    const level = JS_LEVELS[last.word];
    if (level === undefined) return undefined;
    if (level[0] === 'value' && level[1] === 3 && last.args?.length === 1 && NULLISH_ARG.test(norm(last.args[0]!))) return { family: 'nullish', level: 3, subjects: exact };
    // More than none: `toBeGreaterThan(0)`, `toBeGreaterThanOrEqual(1)` say only that there is some.
    const bound = last.args?.length === 1 ? norm(last.args[0]!) : '';
    if ((/^(?:toBeGreaterThan|above)$/.test(last.word) && bound === '0') || (/^(?:toBeGreaterThanOrEqual|least)$/.test(last.word) && /^[01]$/.test(bound))) {
      return { family: 'value', level: 1, subjects };
    }
    // Only a truthiness check is about what its expression holds (`expect(xs.length).toBeTruthy()` is about `xs`).
    return { family: level[0], level: level[1], subjects: level[1] === 1 ? subjects : exact };
  }
  const found = call(line, JS_ASSERT);
  if (found === undefined) return undefined;
  return assertCall(found.name ?? 'ok', found.args);
}

/** node:assert, and the assert-style calls of other languages read the same way. */
function assertCall(name: string, args: readonly string[]): Claim | undefined {
  if (name === 'ok' || name === '') return args.length >= 1 ? { family: 'value', level: 1, subjects: cores(norm(args[0]!)) } : undefined;
  if (name === 'throws' || name === 'rejects') return args.length >= 1 ? { family: 'throws', level: args.length >= 2 ? 2 : 1, subjects: [norm(args[0]!)] } : undefined;
  return { family: 'value', level: 3, subjects: subjectsOf(args.slice(0, 2)) };
}

// ---- Python: unittest, pytest's assert and raises, mock

const PY_METHOD = /(?<!\w)(?:self\s*\.\s*)?(?<name>assert(?:Equals?|ListEqual|DictEqual|TupleEqual|SetEqual|SequenceEqual|CountEqual|MultiLineEqual|AlmostEqual|Is|In|Regex|IsNone|IsNotNone|True|IsInstance|Greater|GreaterEqual|Less|LessEqual|Raises|RaisesRegex|_called_once_with|_called_with|_any_call|_called_once|_called))\s*(?=\()/;
const PY_RAISES = /(?<![\w.])pytest\s*\.\s*(?<name>raises)\s*(?=\()/;
const PY_ASSERT = /^\s*assert\s+(.{1,900}?)\s*(?:,\s*(?:f?["'].*)?)?$/;

/** Splits `a == b` at the first `op` outside brackets and strings (undefined when there is none). */
function splitTop(text: string, op: string): [string, string] | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && text.startsWith(op, i)) return [text.slice(0, i).trim(), text.slice(i + op.length).trim()];
  }
  return undefined;
}

function raisesLevel(args: readonly string[], regex: boolean): number {
  const specific = args.length > 0 && !GENERIC_ERROR.test(norm(args[0]!)) ? 1 : 0;
  const matched = regex || args.some((a) => /^match\s*=/.test(a)) ? 1 : 0;
  return 1 + specific + matched;
}

function python(line: string): Claim | undefined {
  const raises = call(line, PY_RAISES);
  if (raises !== undefined) return { family: 'throws', level: raisesLevel(raises.args, false), subjects: ['raises'] };
  const method = call(line, PY_METHOD);
  if (method !== undefined) {
    const { name, args } = method;
    if (name.startsWith('assert_called') || name === 'assert_any_call') {
      const mock = norm(line.slice(0, line.indexOf(name)).replace(/\.\s*$/, '').trim().split(/[\s=(]/).pop() ?? '');
      return mock === '' ? undefined : { family: 'called', level: name.endsWith('_with') || name === 'assert_any_call' ? 2 : 1, subjects: [mock] };
    }
    if (args.length === 0) return undefined;
    if (name === 'assertRaises' || name === 'assertRaisesRegex') return { family: 'throws', level: raisesLevel(args, name === 'assertRaisesRegex'), subjects: ['raises'] };
    if (name === 'assertTrue' || name === 'assertIsNotNone') return { family: 'value', level: 1, subjects: cores(norm(args[0]!)) };
    if (name === 'assertIsNone') return { family: 'nullish', level: 3, subjects: subjectsOf(args.slice(0, 1)) };
    if (name === 'assertIsInstance' || /^assert(?:Greater|Less)/.test(name)) return { family: 'value', level: 2, subjects: subjectsOf(args.slice(0, 1)) };
    return { family: 'value', level: 3, subjects: subjectsOf(args.slice(0, 2)) };
  }
  const statement = PY_ASSERT.exec(line)?.[1];
  if (statement === undefined) return undefined;
  const equal = splitTop(statement, '==');
  if (equal !== undefined) return { family: 'value', level: 3, subjects: subjectsOf(equal) };
  const is = /\bis not\b/.test(statement) ? undefined : splitTop(statement, ' is ');
  if (is !== undefined) return { family: NULLISH_ARG.test(norm(is[1])) ? 'nullish' : 'value', level: 3, subjects: subjectsOf(is) };
  if (/^not\s/.test(statement)) return { family: 'nullish', level: 1, subjects: cores(norm(statement.slice(4))) };
  const range = splitTop(statement, '>') ?? splitTop(statement, '<');
  if (range !== undefined && !/^[=>]/.test(range[1])) {
    // `assert len(x) > 0` says only that there is some; `assert total > 10` is a range
    return isLiteral(norm(range[1].replace(/^=/, ''))) && /^=?\s*[01]$/.test(range[1]) ? { family: 'value', level: 1, subjects: cores(norm(statement)) } : { family: 'value', level: 2, subjects: subjectsOf([range[0]]) };
  }
  if (/\s(?:in|not in|!=|<=|>=)\s|[<>]/.test(statement)) return undefined; // a membership or an inequality: not compared
  return { family: 'value', level: 1, subjects: cores(norm(statement)) };
}

// ---- Java and Kotlin: JUnit, AssertJ, Hamcrest; C#: xUnit, NUnit, MSTest

const JVM_ASSERT = /(?<![\w$])(?:Assertions\s*\.\s*|Assert\s*\.\s*)?(?<name>assert(?:Equals|Same|ArrayEquals|IterableEquals|LinesMatch|Null|NotNull|True|Throws))\s*(?=[(<])/;
const ASSERTJ = /(?<![\w$.])(?:Assertions\s*\.\s*)?(?<name>assertThat)\s*(?=\()/;
const ASSERTJ_LEVELS: Record<string, [Family, number]> = {
  isEqualTo: ['value', 3], containsExactly: ['value', 3], hasSize: ['value', 3], isSameAs: ['value', 3], containsOnly: ['value', 3],
  containsExactlyInAnyOrder: ['value', 3], isEqualToComparingFieldByField: ['value', 3], usingRecursiveComparison: ['value', 3],
  isInstanceOf: ['value', 2], isGreaterThan: ['value', 2], isPositive: ['value', 1], isNotNull: ['value', 1], isNotEmpty: ['value', 1],
  isNotBlank: ['value', 1], isTrue: ['value', 1], isPresent: ['value', 1], isNull: ['nullish', 3],
};
const ASSERTJ_CHAIN = /^\s*\.\s*(\w{1,60})\s*\(/;
const HAMCREST_WEAK = /^(?:is\()?(?:notNullValue|not\(nullValue\(\)\)|anything|instanceOf)\b/;
const CS_ASSERT = /(?<![\w$])(?:Assert|ClassicAssert)\s*\.\s*(?<name>Equal|AreEqual|Same|AreSame|StrictEqual|Equivalent|SequenceEqual|NotNull|IsNotNull|True|IsTrue|Null|IsNull|IsType|IsInstanceOfType|IsAssignableFrom|Throws|ThrowsAny|ThrowsAsync|ThrowsAnyAsync)\s*(?=[(<])/;

function jvm(line: string): Claim | undefined {
  const thatCall = call(line, ASSERTJ);
  if (thatCall !== undefined && thatCall.args.length >= 1) {
    if (thatCall.args.length >= 2) {
      // Hamcrest: assertThat(x, is(3)) / assertThat(x, notNullValue())
      const matcher = norm(thatCall.args[thatCall.args.length - 1]!);
      const subject = thatCall.args[thatCall.args.length - 2]!;
      return HAMCREST_WEAK.test(matcher) ? { family: 'value', level: 1, subjects: cores(norm(subject)) } : { family: 'value', level: 3, subjects: subjectsOf([subject]) };
    }
    const m = ASSERTJ_CHAIN.exec(line.slice(thatCall.end));
    const level = m === null ? undefined : ASSERTJ_LEVELS[m[1]!];
    const subject = norm(thatCall.args[0]!);
    return level === undefined ? undefined : { family: level[0], level: level[1], subjects: level[1] === 1 ? cores(subject) : [subject] };
  }
  const found = call(line, JVM_ASSERT);
  if (found === undefined || found.args.length === 0) return undefined;
  return junitLike(found.name, found.args, found.generic);
}

/** JUnit's and the .NET runners' assertion calls, by name. */
function junitLike(name: string, args: readonly string[], generic: string): Claim | undefined {
  const n = name.replace(/^assert/, '');
  if (/^(?:NotNull|IsNotNull|True|IsTrue)$/.test(n)) {
    // A boolean asserted true is as exact as `assertEquals(true, b)`: only what it is peeled from
    // (`total` of `total > 0`) is checked less
    const subjects = cores(norm(args[args.length === 2 && /^["@$]/.test(args[0]!) ? 1 : 0]!));
    return { family: 'value', level: 1, subjects: /True$/.test(n) ? subjects.slice(1) : subjects };
  }
  if (/^(?:Null|IsNull)$/.test(n)) return { family: 'nullish', level: 3, subjects: subjectsOf(args.slice(-1)) };
  if (/^(?:IsType|IsInstanceOfType|IsAssignableFrom)$/.test(n)) return { family: 'value', level: 2, subjects: subjectsOf(args) };
  if (n.startsWith('Throws')) {
    // assertThrows(X.class, exec) / Assert.Throws<X>(exec): the code run is the subject
    const type = generic !== '' ? generic : norm(args[0]!);
    const exec = args[args.length - 1]!;
    const level = n.startsWith('ThrowsAny') || GENERIC_ERROR.test(type) ? 1 : 2;
    return { family: 'throws', level, subjects: [norm(exec)] };
  }
  return { family: 'value', level: 3, subjects: subjectsOf(args.slice(0, 3)) };
}

function csharp(line: string): Claim | undefined {
  const found = call(line, CS_ASSERT);
  return found === undefined || found.args.length === 0 ? undefined : junitLike(found.name, found.args, found.generic);
}

// ---- Rust: assert_eq!, assert!, #[should_panic]; Go: testify

const RUST_ASSERT = /(?<![\w])(?<name>assert_eq|assert_matches|assert)!\s*(?=\()/;
const SHOULD_PANIC = /#\[\s*should_panic\b(\s*\(\s*expected\b)?/;
const TESTIFY = /(?<![\w$])(?:assert|require|s|suite|[a-z]{1,10})\s*(?:\.\s*(?:Assert|Require)\s*\(\s*\))?\s*\.\s*(?<name>Equal|EqualValues|Exactly|Len|ElementsMatch|JSONEq|YAMLEq|Same|NotNil|NotEmpty|True|NotZero|Positive|Greater|GreaterOrEqual|EqualError|ErrorIs|ErrorContains|ErrorAs|Error)\s*(?=\()/;

function rust(line: string): Claim | undefined {
  const panic = SHOULD_PANIC.exec(line);
  if (panic !== null) return { family: 'throws', level: panic[1] === undefined ? 1 : 2, subjects: ['should_panic'] };
  const found = call(line, RUST_ASSERT);
  if (found === undefined || found.args.length === 0) return undefined;
  if (found.name === 'assert') return { family: 'value', level: 1, subjects: cores(norm(found.args[0]!)) };
  return { family: 'value', level: found.name === 'assert_eq' ? 3 : 2, subjects: subjectsOf(found.name === 'assert_eq' ? found.args.slice(0, 2) : found.args.slice(0, 1)) };
}

function go(line: string): Claim | undefined {
  const found = call(line, TESTIFY);
  if (found === undefined) return undefined;
  // testify takes the *testing.T first; a suite's methods do not
  const args = found.args.length > 0 && /^(?:t|tt|b|s\.T\(\)|suite\.T\(\))$/.test(norm(found.args[0]!)) ? found.args.slice(1) : found.args;
  if (args.length === 0) return undefined;
  const name = found.name;
  if (/^(?:NotNil|NotEmpty|True|NotZero|Positive)$/.test(name)) return { family: 'value', level: 1, subjects: cores(norm(args[0]!)) };
  if (name === 'Greater' || name === 'GreaterOrEqual') return { family: 'value', level: 2, subjects: subjectsOf(args.slice(0, 1)) };
  if (name === 'Error') return { family: 'throws', level: 1, subjects: [norm(args[0]!)] };
  if (name.startsWith('Error') || name === 'EqualError') return { family: 'throws', level: 2, subjects: [norm(args[0]!)] };
  return { family: 'value', level: 3, subjects: subjectsOf(name === 'Len' ? args.slice(0, 1) : args.slice(0, 2)) };
}

const BY_LANGUAGE: Record<string, (line: string) => Claim | undefined> = {
  'JavaScript/TypeScript': javascript,
  Python: python,
  'Java/Kotlin': jvm,
  'C#': csharp,
  Rust: rust,
  Go: go,
  Ruby: rubyClaim,
};

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const CLAIM_PATTERNS: readonly RegExp[] = [JS_EXPECT, JS_CHAIN, JS_ASSERT, PY_METHOD, PY_RAISES, PY_ASSERT, JVM_ASSERT, ASSERTJ, ASSERTJ_CHAIN, HAMCREST_WEAK, CS_ASSERT, RUST_ASSERT, SHOULD_PANIC, TESTIFY, NULLISH_ARG, GENERIC_ERROR, ...RUBY_CLAIM_PATTERNS];

/** Lines that claim something though they hold no assertion their language counts, by language. */
export const CLAIMED_BESIDES: Readonly<Record<string, RegExp>> = { Rust: SHOULD_PANIC };

/** The claim of one line in a language (by its name), or undefined when it is no assertion read here. */
export function claimOf(languageName: string, line: string): Claim | undefined {
  if (line.length > MOST_LINE) return undefined;
  return BY_LANGUAGE[languageName]?.(line);
}
