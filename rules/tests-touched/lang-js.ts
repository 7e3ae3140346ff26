// JavaScript and TypeScript: Vitest, Jest, Mocha, Jasmine, Playwright, Cypress, AVA, tap, node:test.
import { C_LIKE_COMMENT, type Language } from './language.ts';

const JS_EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';

// A test block, not a property of something else (`page.test`, `$it`), then its modifiers: the
// `.describe.parallel` of `test.describe.parallel.only`, spaces around the dots (`it .only`).
const BLOCK = '(?<![\\w$.])(?:it|test|describe|context|suite|specify|bench)';
const CHAIN = `${BLOCK}\\s{0,4}(?:\\.[\\w\\s.]{0,60}?)?\\.\\s{0,4}`;
// Only test runners' own blocks expect failures (`context.fail()` is AWS Lambda's).
const EXPECTING = '(?<![\\w$.])(?:it|test|describe)\\s{0,4}(?:\\.[\\w\\s.]{0,60}?)?\\.\\s{0,4}';
const CALL = '(?:\\s{0,4}\\()?'; // quote the `(` when there is one: `it.only(`
const TRUE = '(?:true|1|!0|!false)';
const FALSE = '(?:false|0|!1|!true|null|undefined|\'\'|""|``)';
const NEVER = (constant: string) => `\\s{0,4}\\(\\s{0,4}${constant}\\s{0,4}\\)`;
const QUOTE = '[\'"`]';

const re = (source: string) => new RegExp(source);

export const javascript: Language = {
  name: 'JavaScript/TypeScript',
  extensions: ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'svelte'],
  markers: [
    // it.only(, test.describe.only(, it .only(, `const focused = it.only`
    { kind: 'focus', pattern: re(`${CHAIN}only\\b${CALL}`) },
    // it['only'](
    { kind: 'focus', pattern: re(`${BLOCK}\\s{0,4}\\[\\s{0,4}${QUOTE}only${QUOTE}\\s{0,4}\\]`) },
    // Jasmine/Jest: fit(, fdescribe(, fit.each(
    { kind: 'focus', pattern: /(?<![\w$.])f(?:it|describe)(?=\s{0,4}[(.])(?:\s{0,4}\()?/ },
    // node:test options: test('x', { only: true }, ...)
    { kind: 'focus', pattern: re(`[{,]\\s{0,4}(?<m>only\\s{0,4}:\\s{0,4}(?:true\\b|${QUOTE}))`) },
    // const { only } = test
    { kind: 'focus', pattern: /\{[^}]{0,80}\bonly\b[^}]{0,80}\}\s{0,4}=\s{0,4}(?:it|test|describe|context|suite)\b/ },
    // it.skip(, test.fixme( (Playwright), test.fail( (Playwright), it.fails( (Vitest),
    // test.failing( (Jest, AVA), `const later = it.skip`
    { kind: 'skip', pattern: re(`${CHAIN}skip\\b${CALL}`) },
    { kind: 'skip', pattern: re(`${EXPECTING}(?:fixme|fail|fails|failing)\\b${CALL}`) },
    // Vitest's conditions that are constants: it.skipIf(true)(, describe.runIf(false)(
    { kind: 'skip', pattern: re(`${CHAIN}(?:skipIf\\s{0,4}\\(\\s{0,4}${TRUE}|runIf\\s{0,4}\\(\\s{0,4}${FALSE})\\s{0,4}\\)`) },
    { kind: 'skip', pattern: re(`${BLOCK}\\s{0,4}\\[\\s{0,4}${QUOTE}skip${QUOTE}\\s{0,4}\\]`) },
    // xit(, xdescribe(, xtest(, xcontext(, xspecify(, xit.each(
    { kind: 'skip', pattern: /(?<![\w$.])x(?:it|describe|test|context|specify)(?=\s{0,4}[(.])(?:\s{0,4}\()?/ },
    // `const later = xit`
    { kind: 'skip', pattern: /=\s{0,4}(?<m>x(?:it|describe|test|context|specify))\s{0,4}(?:[;,)]|$)/ },
    // Mocha's this.skip(), Vitest's ctx.skip(), node:test's and tap's t.skip()
    { kind: 'skip', pattern: /(?<![\w$.])(?:this|ctx|t)\s{0,4}\.\s{0,4}skip\s{0,4}\(/ },
    { kind: 'skip', pattern: re(`[{,]\\s{0,4}(?<m>skip\\s{0,4}:\\s{0,4}(?:true\\b|${QUOTE}))`) },
    { kind: 'skip', pattern: /\{[^}]{0,80}\bskip\b[^}]{0,80}\}\s{0,4}=\s{0,4}(?:it|test|describe|context|suite)\b/ },
    // it.skipIf(process.platform === 'win32')(, describe.runIf(process.env.CI)(
    // (a constant that never skips, `skipIf(false)`, is no marker)
    { kind: 'conditional', pattern: re(`${CHAIN}(?:skipIf\\b(?!${NEVER(FALSE)})|runIf\\b(?!${NEVER(TRUE)}))${CALL}`) },
  ],
  assertions: [
    // expect(, expect.soft(, assert(, assert.equal(, chai.expect(, supertest's .expect(200), expectTypeOf(
    /(?<![\w$])(?:expect|assert)(?:TypeOf|Type)?(?=\s{0,4}[(.])/g,
    // chai and Cypress: x.should.equal(1), cy.get(a).should('be.visible'); should.js: should(x)
    /\.\s{0,4}should\b|(?<![\w$.])should\s{0,4}\(/g,
    // AVA, tap, node:test: t.is(, t.deepEqual(, t.throws(
    /(?<![\w$.])t\s{0,4}\.\s{0,4}(?:is|not|deepEqual|notDeepEqual|like|true|false|truthy|falsy|throws|throwsAsync|notThrows|notThrowsAsync|regex|notRegex|snapshot|equal|notEqual|same|notSame|strictSame|ok|notOk|match|notMatch|has|fail|error)\s{0,4}\(/g,
  ],
  comment: C_LIKE_COMMENT,
  testNames: [`**/*.{test,spec}.${JS_EXT}`],
  collectedFolders: ['**/__tests__/**', '**/test/**', '**/tests/**'],
};
