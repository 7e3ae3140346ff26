// JavaScript and TypeScript: Vitest, Jest, Mocha, Jasmine, Playwright, Cypress, AVA, tap, node:test.
import { C_LIKE_COMMENT, C_LIKE_GUARD, type Language } from './language.ts';

const JS_EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';

// A test block, not a property of something else (`page.test`, `$it`), then its modifiers: the
// `.describe.parallel` of `test.describe.parallel.only`, spaces around the dots (`it .only`).
const BLOCK = '(?<![\\w$.])(?:it|test|describe|context|suite|specify|bench)';
// Modifiers that may come between the block and the marker.
const MODIFIERS = '(?:\\s{0,4}\\.\\s{0,4}(?:describe|concurrent|sequential|serial|parallel|shuffle|each)\\b){0,2}';
const CHAIN = `${BLOCK}${MODIFIERS}\\s*\\.\\s*`;
// Only test runners' own blocks expect failures (`context.fail()` is AWS Lambda's).
const EXPECTING = `(?<![\\w$.])(?:it|test|describe)${MODIFIERS}\\s*\\.\\s*`;
const CALL = '(?:\\s*\\()?'; // quote the `(` when there is one: `it.only(`
const TRUE = '(?:true|1|!0|!false)';
const FALSE = '(?:false|0|!1|!true|null|undefined|\'\'|""|``)';
const NEVER = (constant: string) => `\\s*\\(\\s*${constant}\\s*\\)`;
// The options object of a node:test call: test('name', { skip: true }, fn)
const OPTIONS = '(?<![\\w$.])(?:it|test|describe|suite)\\s*\\([^(){}]*\\{[^{}]*?\\b';
const QUOTE = '[\'"`]';

const re = (source: string) => new RegExp(source);

// A literal: what an assertion on constants compares (bounded, so a hostile line stays linear).
// A value compared with itself: a literal, or the same name on both sides (`assert.equal(a, a)`).
const SAME = `(?:true|false|null|undefined|-?\\d{1,20}(?:\\.\\d{1,20})?|'[^'\\\\]{0,200}'|"[^"\\\\]{0,200}"|[A-Za-z_$][\\w$.]{0,80})`;
const LITERAL = `(?:true|false|null|undefined|-?\\d{1,20}(?:\\.\\d{1,20})?|'[^'\\\\]{0,200}'|"[^"\\\\]{0,200}"|\`[^\`$\\\\]{0,200}\`)`;

export const javascript: Language = {
  name: 'JavaScript/TypeScript',
  extensions: ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'svelte'],
  markers: [
    // it.only(, test.describe.only(, it .only(, `const focused = it.only`
    { kind: 'focus', pattern: re(`${CHAIN}only\\b${CALL}`) },
    // it['only'](
    { kind: 'focus', pattern: re(`${BLOCK}\\s*\\[\\s*${QUOTE}only${QUOTE}\\s*\\]`) },
    // Jasmine/Jest: fit(, fdescribe(, fit.each(
    { kind: 'focus', pattern: /(?<![\w$.])f(?:it|describe)(?=\s*(?:\(|\.\s*each\b))(?:\s*\()?/ },
    // node:test options: test('x', { only: true }, ...)
    { kind: 'focus', pattern: re(`${OPTIONS}(?<m>only\\s*:\\s*(?:true\\b|${QUOTE}))`) },
    // const { only } = test
    { kind: 'focus', pattern: /\{(?=[^{}]*\bonly\b)[^{}]*\}\s*=\s*(?:it|test|describe|context|suite)\b/ },
    // (cond ? it : it.skip)(, (cond ? it.skip : it)(
    { kind: 'conditional', pattern: re(`[?:]\\s*(?<m>${CHAIN}skip)\\b\\s*[:)]`) },
    // it.skip(, test.fixme( (Playwright), test.fail( (Playwright), it.fails( (Vitest),
    // test.failing( (Jest, AVA), `const later = it.skip`
    { kind: 'skip', pattern: re(`${CHAIN}skip\\b${CALL}`) },
    { kind: 'skip', pattern: re(`${EXPECTING}(?:fixme|fail|fails|failing)\\b${CALL}`) },
    // Vitest's conditions that are constants: it.skipIf(true)(, describe.runIf(false)(
    { kind: 'skip', pattern: re(`${CHAIN}(?:skipIf\\s*\\(\\s*${TRUE}|runIf\\s*\\(\\s*${FALSE})\\s*\\)`) },
    { kind: 'skip', pattern: re(`${BLOCK}\\s*\\[\\s*${QUOTE}skip${QUOTE}\\s*\\]`) },
    // xit(, xdescribe(, xtest(, xcontext(, xspecify(, xit.each(
    { kind: 'skip', pattern: /(?<![\w$.])x(?:it|describe|test|context|specify)(?=\s*(?:\(|\.\s*each\b))(?:\s*\()?/ },
    // `const later = xit`
    { kind: 'skip', pattern: /=\s*(?<m>x(?:it|describe|test|context|specify))\s*(?:[;,)]|$)/ },
    // Mocha's this.skip(), Vitest's ctx.skip(), node:test's and tap's t.skip()
    { kind: 'skip', pattern: /(?<![\w$.])(?:this|ctx|t)\s*\.\s*skip\s*\(/ },
    { kind: 'skip', pattern: re(`${OPTIONS}(?<m>skip\\s*:\\s*(?:true\\b|${QUOTE}))`) },
    { kind: 'skip', pattern: /\{(?=[^{}]*\bskip\b)[^{}]*\}\s*=\s*(?:it|test|describe|context|suite)\b/ },
    // it.skipIf(process.platform === 'win32')(, describe.runIf(process.env.CI)(
    // (a constant that never skips, `skipIf(false)`, is no marker)
    { kind: 'conditional', pattern: re(`${CHAIN}(?:skipIf\\b(?!${NEVER(FALSE)})|runIf\\b(?!${NEVER(TRUE)}))${CALL}`) },
    // Assertions on constants, which pass whatever the code does: expect(true).toBe(true),
    // expect(1).toEqual(1), chai's expect(true).to.be.true, up to the end of the statement (or of
    // a one-line test: `it('a', () => expect(1).toBe(1));`), so that `expect('a@b.c').toMatch(EMAIL)`,
    // which checks EMAIL, is not one
    {
      kind: 'constant',
      pattern: re(`(?<![\\w$.])expect\\s*\\(\\s*${LITERAL}\\s*\\)(?:\\s{0,8}\\.\\s{0,8}[A-Za-z]{1,40}){1,6}\\s*(?:\\(\\s*(?:${LITERAL}\\s*)?\\))?(?=[\\s);]{0,8}$)`),
    },
    // assert(true), assert.ok(1), assert.isTrue(true), t.true(true), t.truthy(1) (not assert(false): that one is "never reached")
    { kind: 'constant', pattern: /(?<![\w$.])(?:assert(?:\s{0,8}\.\s{0,8}(?:ok|isOk|isTrue))?|t\s*\.\s*(?:true|truthy|ok))\s*\(\s*(?:true|1|!0|!false)\s*[,)]/ },
    // assert.equal(1, 1), assert.strictEqual('a', 'a'), t.is(1, 1), t.deepEqual(true, true)
    {
      kind: 'constant',
      pattern: re(`(?<![\\w$.])(?:assert|t)\\s*\\.\\s*(?:equal|strictEqual|deepEqual|deepStrictEqual|equals|is|same|strictSame)\\s*\\(\\s*(${SAME})\\s*,\\s*\\1\\s*[,)]`),
    },
    // expect(result).toBe(result): a value compared with itself
    { kind: 'constant', pattern: /(?<![\w$.])expect\s*\(\s*([A-Za-z_$][\w$.]{0,80})\s*\)\s*\.\s*(?:toBe|toEqual|toStrictEqual)\s*\(\s*\1\s*\)/ },
  ],
  assertions: [
    // expect(, expect.soft(, assert(, assert.equal(, chai.expect(, supertest's .expect(200), expectTypeOf(;
    // not an asymmetric matcher, which is part of an expected value: expect.any(String)
    /(?<![\w$])(?:expect|assert)(?:TypeOf|Type)?(?=\s*[(.])(?!\s*\.\s*(?:any|anything|objectContaining|arrayContaining|stringContaining|stringMatching|closeTo|not)\b)/g,
    // chai and Cypress: x.should.equal(1), cy.get(a).should('be.visible'); should.js: should(x)
    /\.\s*should\b|(?<![\w$.])should\s*\(/g,
    // AVA, tap, node:test: t.is(, t.deepEqual(, t.throws(
    /(?<![\w$.])t\s*\.\s*(?:is|not|deepEqual|notDeepEqual|like|true|false|truthy|falsy|throws|throwsAsync|notThrows|notThrowsAsync|regex|notRegex|snapshot|equal|notEqual|same|notSame|strictSame|ok|notOk|match|notMatch|has|fail|error)\s*\(/g,
  ],
  // expect(x) asserts only through its matcher: expect(x).toBe(3)
  expectation: /(?<![\w$.])expect\s*(?=\()/g,
  definitions: /(?<![\w$.])(?:it|test|describe|suite|context|specify|bench|fit|xit|fdescribe|xdescribe|xtest)\s*[.(]/,
  // it.each(, test.each`table`, describe.each(, Vitest's test.for(
  parametrized: /\.\s*(?:each|for)\s*[(`]/,
  comment: C_LIKE_COMMENT,
  lineComment: '//',
  guard: C_LIKE_GUARD,
  testNames: [`**/*.{test,spec}.${JS_EXT}`],
  collectedFolders: ['**/__tests__/**', '**/test/**', '**/tests/**'],
};
