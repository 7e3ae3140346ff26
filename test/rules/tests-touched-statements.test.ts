// tests-touched: assertions read as the statements they are, over lines (`expect(` / `  x,` /
// `).toBe(3);`, `assertThat(x)` / `  .isEqualTo(3);`, `expect(x)` / `  .to eq(3)`), with the
// hunk's context lines; expectations with no matcher, asymmetric matchers and Ruby strings hold none.
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { parseUnifiedDiff } from '../../src/diff/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

/** A unified diff of one file: lines starting with ' ', '-' or '+', in order. */
function diff(path: string, lines: string[]): string {
  const old = lines.filter((l) => !l.startsWith('+')).length;
  const now = lines.filter((l) => !l.startsWith('-')).length;
  return `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -10,${old} +10,${now} @@\n${lines.join('\n')}\n`;
}

const findings = (text: string) =>
  runRule(testsTouched, change({ files: parseUnifiedDiff(text) })).map((v) => `${v.messageId} ${v.path ?? ''}${v.line === undefined ? '' : `:${v.line}`} ${v.message.split(':')[0]}`);

const removed = (path: string, n: number, added = 'none') =>
  `assertionsRemoved ${path} This change removes ${n === 1 ? '1 assertion' : `${n} assertions`} from this test file and adds ${added}`;

describe('assertions over lines', () => {
  it.each([
    ['the matcher line of a JS assertion', 'src/cart.test.ts', ['   expect(total([1, 2]))', '-    .toBe(3);', '   expect(total([]))', '     .toBe(0);']],
    ['the matcher of a JS assertion, its subject kept', 'src/cart.test.ts', ['-  expect(total([1, 2]))', '-    .toBe(3);', '+  expect(total([1, 2]));', '   done();']],
    ['the matcher of a one-line JS assertion', 'src/cart.test.ts', ['-  expect(total([1, 2])).toBe(3);', '+  expect(total([1, 2]));']],
    ['the matcher line of an RSpec expectation', 'spec/cart_spec.rb', ['     expect(cart.total)', '-      .to eq(3)', '   end']],
    ['the closing line of a wrapped AssertJ assertion', 'src/test/java/CartTest.java', ['         assertThat(cart.total())', '-                .isEqualTo(3);', '+                ;']],
    ['a Python assertion over four lines', 'tests/test_cart.py', ['-        self.assertEqual(', '-            total([1, 2]),', '-            3,', '-        )', '         total([])']],
    ['a Go check over two lines', 'cart_test.go', ['-\tif got != want {', '-\t\tt.Errorf("Total(%v) = %d, want %d",', '-\t\t\tin, got, want)', '-\t}', ' }']],
  ])('removing %s is reported', (_, path, lines) => {
    expect(findings(diff(path, lines))).toEqual([removed(path, 1)]);
  });

  it('a bare `expect(` line is no move: one removed in a file, another added in a second file', () => {
    const text =
      diff('src/a.test.ts', ["   it('a', () => {", '-    expect(', '-      total([1, 2]),', '-    ).toBe(3);', '+    total([1, 2]);', '   });']) +
      diff('src/b.test.ts', ["   it('b', () => {", '+    expect(', '+      run(),', '+    ).toBeDefined();', '   });']);
    expect(findings(text)).toEqual([removed('src/a.test.ts', 1)]);
  });

  it.each([
    ['a JS matcher on the closing line', 'src/cart.test.ts', ['   expect(', '     total([4]),', '-  ).toEqual(4);', '+  ).toBeDefined();'], 12, '`expect(total([4])).toBeDefined();` replaces `expect(total([4])).toEqual(4);`'],
    ['an AssertJ matcher on its own line', 'src/test/java/CartTest.java', ['         assertThat(cart.total())', '-                .isEqualTo(3);', '+                .isNotNull();'], 11, '`assertThat(cart.total()).isNotNull();` replaces `assertThat(cart.total()).isEqualTo(3);`'],
    ['an RSpec matcher on its own line', 'spec/cart_spec.rb', ['     expect { Cart.new(nil) }', '-      .to raise_error(ArgumentError)', '+      .to raise_error'], 11, '`expect { Cart.new(nil) }.to raise_error` replaces `expect { Cart.new(nil) }.to raise_error(ArgumentError)`'],
  ])('loosening %s is reported, quoting the whole assertions', (_, path, lines, line, quoted) => {
    const found = runRule(testsTouched, change({ files: parseUnifiedDiff(diff(path, lines)) }));
    expect(found.map((v) => `${v.messageId} ${v.line}`)).toEqual([`assertionLoosened ${line}`]);
    expect(found[0]!.message).toContain(quoted);
  });

  it.each([
    ['an assertion re-wrapped over lines', 'src/cart.test.ts', ['-  expect(total([1, 2])).toBe(3);', '+  expect(', '+    total([1, 2]),', '+  ).toBe(3);']],
    ['a chain joined onto one line', 'src/cart.test.ts', ['-  expect(total([1, 2]))', '-    .toBe(3);', '+  expect(total([1, 2])).toBe(3);']],
    ['an AssertJ chain re-wrapped', 'src/test/java/CartTest.java', ['-        assertThat(cart.total()).isEqualTo(3);', '+        assertThat(cart.total())', '+                .isEqualTo(3);']],
    ['a field of an expected object deleted (a changed expectation)', 'src/cart.test.ts', ['   expect(cart).toEqual({', '     a: 1,', '-    b: 2,', '   });']],
    ['a field of an expected object changed', 'src/cart.test.ts', ['   expect(cart).toMatchObject({', '-    total: 2,', '+    total: 3,', '   });']],
    ['an asymmetric matcher deleted from an expected object', 'src/cart.test.ts', ['   expect(rule).toMatchObject({', '-    name: expect.any(String),', '-    id: expect.stringMatching(/^r-/),', '     actions: [],', '   });']],
    ['a multi-line call of a helper whose name starts like one', 'src/cart.test.ts', ['-  expectTotal(', '-    cart,', '-  );', '+  checkTotal(cart);']],
    ['an RSpec example renamed from "should …"', 'spec/cart_spec.rb', ['-  it "should sum" do', '+  it "sums" do', '     expect(Cart.new([1, 2]).total).to eq(3)']],
    ['a comment that says should, after code', 'spec/cart_spec.rb', ['-    total = cart.total # should be 3', '+    total = cart.total']],
  ])('%s is not reported', (_, path, lines) => {
    expect(findings(diff(path, lines))).toEqual([]);
  });

  it('an assertion moved to another test file and re-wrapped there is no loss', () => {
    const text =
      diff('src/a.test.ts', ["   it('a', () => {", '-    expect(total([1, 2])).toBe(3);', '+    total([1, 2]);', '   });']) +
      diff('src/b.test.ts', ["   it('b', () => {", '+    expect(', '+      total([1, 2]),', '+    ).toBe(3);', '   });']);
    expect(findings(text)).toEqual([]);
  });

  it('without context lines (a hand-made hunk), consecutive deleted lines are still read as one assertion', () => {
    const files = [file('src/cart.test.ts', { deleted: ['  expect(', '    total([1, 2]),', '  ).toBe(3);'], added: [] })];
    expect(runRule(testsTouched, change({ files })).map((v) => v.message.split(':')[0])).toEqual(['This change removes 1 assertion from this test file and adds none']);
  });
});
