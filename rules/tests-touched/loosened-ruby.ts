// What one Ruby assertion claims (see loosened-forms.ts): RSpec's `expect(x).to eq(3)`,
// `expect { … }.to raise_error(Foo)`, `is_expected.to`, `x.should ==`, mocks' `receive(:m).with(…)`;
// Minitest's `assert_equal 3, x`, `assert_raises(Foo)`, `refute_nil x` and its specs'
// `_(x).must_equal 3`. So `.to eq(2)` → `.to be_truthy` (or `be_present`, `not_to be_nil`) and
// `raise_error(Foo)` → `raise_error` are seen; `eq` → `eql`, `be_truthy` → `be_present` or
// `raise_error` → `raise_exception` check as much, and are not.
import { callArgs, cores, norm } from './call-args.ts';
import { type Claim, type Family, subjectsOf } from './claim.ts';
import { ruby } from './lang-ruby.ts';
import { assertionText } from './language.ts';

/** Errors that any failure raises: asserting one says only that something was raised. */
const GENERIC_ERROR = /^(?:::)?(?:StandardError|Exception)$/;
const NIL_OR_FALSE = /^(?:nil|false)$/;

// RSpec's matchers by what they check.
const LEVELS: Record<string, [Family, number]> = {
  eq: ['value', 3], eql: ['value', 3], equal: ['value', 3], match: ['value', 3], match_array: ['value', 3], contain_exactly: ['value', 3],
  include: ['value', 3], have_attributes: ['value', 3], have_key: ['value', 3], have_value: ['value', 3], start_with: ['value', 3],
  end_with: ['value', 3], be_within: ['value', 3], '==': ['value', 3], '===': ['value', 3], '=~': ['value', 3], have_content: ['value', 3], have_text: ['value', 3],
  be_a: ['value', 2], be_an: ['value', 2], be_kind_of: ['value', 2], be_a_kind_of: ['value', 2], be_instance_of: ['value', 2],
  be_an_instance_of: ['value', 2], be_between: ['value', 2], respond_to: ['value', 2],
  be_truthy: ['value', 1], be_present: ['value', 1], exist: ['value', 1], be_any: ['value', 1],
  be_nil: ['nullish', 3], be_falsey: ['nullish', 1], be_falsy: ['nullish', 1],
};
/** Negated, these say only that a value exists: `not_to be_nil`, `to_not be_empty`. */
const NOT_NULLISH = new Set(['be_nil', 'be_falsey', 'be_falsy', 'be_empty', 'be_blank']);

// Minitest's assertions and its specs' expectations (`must_` / `wont_` after `_(x).`).
const MINITEST = /^\s*(?<name>assert(?:_\w{1,40})?|refute(?:_\w{1,40})?)\b(?!\s*[=.:?!])/;
const SPEC = /(?<![\w.])(?:_|value|expect)\s*(?=[({])/;
const SPEC_MATCHER = /^\s*\.\s*(?<name>(?:must|wont)_\w{1,40})/;
const SPEC_LEVELS: Record<string, [Family, number]> = {
  must_equal: ['value', 3], must_be_same_as: ['value', 3], must_match: ['value', 3], must_include: ['value', 3], must_be_within_delta: ['value', 3],
  must_be_instance_of: ['value', 2], must_be_kind_of: ['value', 2], must_respond_to: ['value', 2],
  wont_be_nil: ['value', 1], wont_be_empty: ['value', 1], must_be_nil: ['nullish', 3],
};

const EXPECT = /(?<![\w.])expect\s*(?=[({])/;
const IS_EXPECTED = /(?<![\w.])is_expected(?=\s*\.\s*(?:to|not_to|to_not)\b)/;
const SHOULD = /(?<![\w])should(?<not>_not)?\b/;
// `.to`, `.not_to`, `.to_not`, then the matcher: a name (`eq`, `be_nil`, `raise_error`) or an operator (`== 3`)
const TO = /^\s*\.\s*(?<how>to|not_to|to_not)\b\s*\(?/;
const MATCHER = /^\s*(?<name>[a-z_]\w{0,40}[?!]?|===?|=~|[<>]=?)/;
// its(:total) { should eq 3 }: the attribute is the subject
const ITS = /(?<![\w.])its\s*\(([^()]{1,200})\)\s*\{\s*$/;
const CHAIN = /^\s*\.\s*(?<name>with|with_message|once|twice|thrice|exactly|at_least|at_most|times|ordered|by|from|to|of)\b/;

/** Every pattern this file runs on input lines (test/rules/tests-touched-patterns.test.ts checks their shape). */
export const RUBY_CLAIM_PATTERNS: readonly RegExp[] = [GENERIC_ERROR, NIL_OR_FALSE, MINITEST, SPEC, SPEC_MATCHER, EXPECT, IS_EXPECTED, SHOULD, TO, MATCHER, ITS, CHAIN];

/** What the arguments of a call or a command are: `(a, b)` or ` a, b` up to the end, a block or a comment. */
function argsAt(text: string): { args: string[]; rest: string } {
  const open = /^\s*\(/.exec(text);
  if (open !== null) {
    const found = callArgs(text, open[0].length - 1);
    if (found !== undefined) return { args: found.args, rest: text.slice(found.end) };
    return { args: [], rest: '' };
  }
  const end = assertionText(text, ruby).search(/\s+do\b|\s*[{}#]|\s+(?:if|unless)\s/);
  const spaced = (end < 0 ? text : text.slice(0, end)).trim();
  if (spaced === '') return { args: [], rest: text };
  const found = callArgs(`(${spaced})`, 0);
  return { args: found?.args ?? [spaced], rest: end < 0 ? '' : text.slice(end) };
}

/** The chained qualifiers after a matcher: `.with(1)`, `.once`, `.by(1)`, `.with_message(/x/)`. */
function chainOf(rest: string): string[] {
  const names: string[] = [];
  for (let step = 0; step < 6; step++) {
    const m = CHAIN.exec(rest);
    if (m === null) break;
    names.push(m.groups!.name!);
    rest = rest.slice(m[0].length);
    const args = /^\s*[({]/.test(rest) ? callArgs(rest, rest.search(/[({]/)) : undefined;
    if (args !== undefined) rest = rest.slice(args.end);
  }
  return names;
}

/** A matcher (its name, arguments and chain) said of `subject`, negated or not. */
function matcherClaim(subject: string, negated: boolean, text: string, block: boolean): Claim | undefined {
  const m = MATCHER.exec(text);
  if (m === null) return undefined;
  let name = m.groups!.name!;
  let after = text.slice(m[0].length);
  if (name === 'be' && /^\s*(?:[<>]=?|==)/.test(after)) {
    // be > 0, be >= 1: a range, or only that there is some
    const op = /^\s*([<>]=?|==)/.exec(after)!;
    name = `be ${op[1]}`;
    after = after.slice(op[0].length);
  }
  const { args, rest: afterArgs } = argsAt(after);
  // a block argument (`change { Post.count }`) before the chain
  const blockArg = /^\s*\{/.test(afterArgs) ? callArgs(afterArgs, afterArgs.indexOf('{')) : undefined;
  const rest = blockArg === undefined ? afterArgs : afterArgs.slice(blockArg.end);
  const chain = chainOf(rest);
  const exact = [norm(subject)];
  if (name === 'raise_error' || name === 'raise_exception') {
    if (negated) return undefined;
    const specific = args.length > 0 && /^(?:::)?[A-Z][\w:]{0,200}$/.test(norm(args[0]!)) && !GENERIC_ERROR.test(norm(args[0]!)) ? 1 : 0;
    const message = args.some((a) => /^["'/%]/.test(a.trim())) || chain.includes('with_message') || /^\s*\{\s*\|/.test(afterArgs) ? 1 : 0;
    return { family: 'throws', level: 1 + specific + message, subjects: exact };
  }
  if (name === 'receive' || name === 'have_received') {
    if (negated || args.length === 0) return undefined;
    const qualified = chain.some((c) => c !== 'ordered' && c !== 'at_least' && c !== 'at_most');
    return { family: 'called', level: qualified ? 2 : 1, subjects: [`${norm(subject)}${norm(args[0]!)}`] };
  }
  if (name === 'change') {
    // expect { }.to change { x }.by(1): a change by an amount, or only that something changed
    if (negated) return undefined;
    return { family: 'value', level: chain.some((c) => c === 'by' || c === 'from' || c === 'to') ? 3 : 1, subjects: exact };
  }
  if (block) return undefined;
  if (negated) {
    const nullish = NOT_NULLISH.has(name) || ((name === 'eq' || name === 'be') && args.length === 1 && NIL_OR_FALSE.test(norm(args[0]!)));
    return nullish ? { family: 'value', level: 1, subjects: cores(norm(subject)) } : undefined;
  }
  if (name === 'be' || name === 'eq' || name === 'eql' || name === 'equal' || name === '==') {
    if (args.length === 0) return name === 'be' ? { family: 'value', level: 1, subjects: cores(norm(subject)) } : undefined;
    if (NIL_OR_FALSE.test(norm(args[0]!))) return { family: 'nullish', level: 3, subjects: exact };
    return { family: 'value', level: 3, subjects: exact };
  }
  if (name === 'be >' || name === 'be >=') {
    const bound = norm(args[0] ?? '');
    const some = (name === 'be >' && bound === '0') || (name === 'be >=' && /^[01]$/.test(bound));
    return some ? { family: 'value', level: 1, subjects: cores(norm(subject)) } : { family: 'value', level: 2, subjects: exact };
  }
  if (name.startsWith('be ')) return { family: 'value', level: 2, subjects: exact };
  const level = LEVELS[name];
  if (level === undefined) return undefined;
  return { family: level[0], level: level[1], subjects: level[1] === 1 ? cores(norm(subject)) : exact };
}

/** Minitest's `assert_equal 3, x`, `assert x`, `refute_nil x`, `assert_raises(Foo) { … }`. */
function minitest(name: string, rest: string): Claim | undefined {
  const { args, rest: after } = argsAt(rest);
  if (name === 'assert_raises') {
    const block = /^\s*\{(.{1,400})\}\s*$/.exec(after)?.[1];
    const errors = args.filter((a) => !/^["']/.test(a.trim()));
    const specific = errors.length > 0 && errors.every((a) => !GENERIC_ERROR.test(norm(a))) ? 1 : 0;
    return { family: 'throws', level: 1 + specific, subjects: [block === undefined ? 'raises' : norm(block)] };
  }
  if (args.length === 0) return undefined;
  if (name === 'assert' || name === 'refute_nil' || name === 'refute_empty') return { family: 'value', level: 1, subjects: cores(norm(args[0]!)) };
  if (name === 'refute') return { family: 'nullish', level: 1, subjects: cores(norm(args[0]!)) };
  if (name === 'assert_nil') return { family: 'nullish', level: 3, subjects: subjectsOf(args.slice(0, 1)) };
  if (name === 'assert_kind_of' || name === 'assert_instance_of') return { family: 'value', level: 2, subjects: subjectsOf(args.slice(1, 2)) };
  if (/^assert_(?:equal|same|match|includes|in_delta|in_epsilon)$/.test(name)) return { family: 'value', level: 3, subjects: subjectsOf(args.slice(0, 2)) };
  return undefined;
}

/**
 * The claim of one Ruby line (or statement), or undefined when it is no assertion read here. The
 * assertion is looked for outside strings and comments (`it "should sum" do` holds none).
 */
export function rubyClaim(line: string): Claim | undefined {
  const code = assertionText(line, ruby);
  const mini = MINITEST.exec(code);
  if (mini !== null) return minitest(mini.groups!.name!, line.slice(mini[0].length));
  const expect = EXPECT.exec(code);
  if (expect !== null) {
    const open = expect.index + expect[0].length;
    const call = callArgs(line, open);
    if (call === undefined) return undefined;
    const block = line[open] === '{';
    const subject = block ? line.slice(open + 1, call.end - 1).trim() : call.args.length === 1 ? call.args[0]! : undefined;
    const to = TO.exec(line.slice(call.end));
    if (subject !== undefined && to !== null) return matcherClaim(subject, to.groups!.how !== 'to', line.slice(call.end + to[0].length), block);
  }
  const spec = SPEC.exec(code);
  if (spec !== null) {
    const open = spec.index + spec[0].length;
    const call = callArgs(line, open);
    const m = call === undefined ? null : SPEC_MATCHER.exec(line.slice(call.end));
    if (call !== undefined && m !== null) {
      const name = m.groups!.name!;
      const subject = line[open] === '{' ? line.slice(open + 1, call.end - 1).trim() : call.args[0] ?? '';
      const { args } = argsAt(line.slice(call.end + m[0].length));
      if (name === 'must_raise') {
        const specific = args.length > 0 && !GENERIC_ERROR.test(norm(args[0]!)) ? 1 : 0;
        return { family: 'throws', level: 1 + specific, subjects: [norm(subject)] };
      }
      const level = SPEC_LEVELS[name];
      if (level === undefined) return undefined;
      return { family: level[0], level: level[1], subjects: level[1] === 1 ? cores(norm(subject)) : [norm(subject)] };
    }
  }
  const implicit = IS_EXPECTED.exec(code);
  if (implicit !== null) {
    const at = implicit.index + implicit[0].length;
    const to = TO.exec(line.slice(at));
    const its = ITS.exec(line.slice(0, implicit.index))?.[1];
    if (to !== null) return matcherClaim(its === undefined ? 'subject' : `its(${norm(its)})`, to.groups!.how !== 'to', line.slice(at + to[0].length), false);
  }
  const should = SHOULD.exec(code);
  if (should !== null) {
    // x.should eq 3, should == 3 (on the implicit subject, as is_expected)
    // (`its(:total) { should eq 3 }`: on that attribute of it)
    const before = line.slice(0, should.index);
    const its = ITS.exec(before)?.[1];
    const receiver = /\.\s*$/.test(before) ? before.replace(/\.\s*$/, '').replace(/^.*[{]\s*/, '').trim() : its !== undefined ? `its(${norm(its)})` : 'subject';
    return matcherClaim(receiver === '' ? 'subject' : receiver, should.groups!.not !== undefined, line.slice(should.index + should[0].length), false);
  }
  return undefined;
}
