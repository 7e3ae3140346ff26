// Ruby: RSpec and Minitest.
import { HASH_COMMENT, RUBY_GUARD, type Language } from './language.ts';

// Example groups and examples, focused with `f` or skipped with `x`: fit, fdescribe, xit, xcontext.
const EXAMPLES = '(?:it|describe|context|specify|example|scenario|feature)';
// Followed by what a call takes: an argument, a block, or nothing else on the line.
const CALLED = '(?=\\s*[("\'{:]|\\s+do\\b|\\s*$)';

const re = (source: string) => new RegExp(source);

// The start of a line that opens an example or a group, up to its metadata.
const GROUP_OR_EXAMPLE = `^\\s*(?:RSpec\\s*\\.\\s*)?${EXAMPLES}\\b[^#\\n]{0,300}?`;

// A literal an assertion on constants compares (bounded, so a hostile line stays linear).
const LITERAL = '(?:true|false|nil|-?\\d{1,20}(?:\\.\\d{1,20})?|\'[^\'\\\\]{0,200}\'|"[^"\\\\]{0,200}"|:\\w{1,40})';

export const ruby: Language = {
  name: 'Ruby',
  extensions: ['rb'],
  markers: [
    { kind: 'focus', pattern: re(`(?<![\\w.$:])f${EXAMPLES}\\b${CALLED}`) },
    // it 'works', focus: true do; it 'works', :focus do
    { kind: 'focus', pattern: /\bfocus:\s*true\b|,\s*:focus\b/ },
    { kind: 'skip', pattern: re(`(?<![\\w.$:])x${EXAMPLES}\\b${CALLED}`) },
    // the same on RSpec itself: RSpec.fdescribe, RSpec.xdescribe
    { kind: 'focus', pattern: /\bRSpec\s*\.\s*f(?:describe|context|feature)\b/ },
    { kind: 'skip', pattern: /\bRSpec\s*\.\s*x(?:describe|context|feature)\b/ },
    // `skip "flaky" if windows?` inside an example: conditional
    { kind: 'conditional', pattern: /^\s*(?:skip|pending)\b(?!\s*[=:?!.])[^#]*\s(?:if|unless)\s/ },
    // RSpec's and Minitest's skip, RSpec's pending (the example is expected to fail)
    { kind: 'skip', pattern: /^\s*(?:skip|pending)\b(?!\s*[=:?!.])/ },
    // RSpec excludes examples with `if: false` or `unless: true` metadata: it 'works', if: ENV['DB'] do
    // (on an example or a group only: `validates :name, if: :paid?` is no test's)
    { kind: 'skip', pattern: re(`${GROUP_OR_EXAMPLE},\\s*(?<m>if:\\s*false|unless:\\s*true)\\b`) },
    { kind: 'conditional', pattern: re(`${GROUP_OR_EXAMPLE},\\s*(?<m>(?:if|unless):)\\s*\\S`) },
    // metadata: it 'works', skip: true; it 'works', pending: 'later'; it 'works', :skip
    { kind: 'skip', pattern: /[,(]\s*(?<m>(?:skip|pending):\s*(?:true\b|["']))|,\s*(?<s>:(?:skip|pending))\b/ },
    // Assertions on constants, which pass whatever the code does: expect(true).to be(true),
    // expect(1).to eq(1), expect(true).to be_truthy, assert true, assert_equal 1, 1
    { kind: 'constant', pattern: re(`(?<![\\w.])expect\\s*\\(\\s*(${LITERAL})\\s*\\)\\s*\\.\\s*to\\s*(?:\\(\\s*)?(?:eq|eql|be|equal)\\s*[( ]\\s*\\1\\s*\\)?\\s*\\)?\\s*$`) },
    { kind: 'constant', pattern: /(?<![\w.])expect\s*\(\s*true\s*\)\s*\.\s*to\s*(?:\(\s*)?be_truthy\b|^\s*assert(?:\s+|\s*\(\s*)true(?:\s*\))?\s*(?:,|#|$)/ },
    { kind: 'constant', pattern: re(`^\\s*assert_equal(?:\\s+|\\s*\\(\\s*)(${LITERAL})\\s*,\\s*\\1\\s*(?:[,)#]|$)`) },
  ],
  assertions: [
    // RSpec: expect(x), expect { }, is_expected, should, x.should
    /(?<![\w.])expect(?=\s*[({])|\bis_expected\b|\bshould(?:_not)?\b/g,
    // Minitest: assert x, assert_equal, refute_nil; specs: _(x).must_equal, wont_be_nil
    /(?<![\w.])(?:assert|refute)(?:_\w+)?\b|\.\s*(?:must|wont)_\w+/g,
  ],
  // expect(x) and expect { } assert only through their matcher: expect(x).to eq(3)
  expectation: /(?<![\w.])expect\s*(?=[({])/g,
  // it "should sum" do: what a description says is no `should`
  blankStrings: true,
  definitions: /^\s*(?:RSpec\s*\.\s*)?(?:describe|context|it|specify|example|scenario|feature)\b|^\s*def\s+test_|^\s*test(?:\s*\(\s*|\s+)["']/,
  // Minitest's test methods, also as Rails declares them (`test "sums" do`); RSpec's examples are
  // calls that come and go with their assertions
  collected: /^\s*def\s+test_|^\s*test(?:\s*\(\s*|\s+)["']/,
  // [...].each do |input, expected|, it_behaves_like, include_examples
  parametrized: /\.\s*each(?:_with_index)?\s+do\b|\b(?:it_behaves_like|include_examples|it_should_behave_like)\b/,
  comment: HASH_COMMENT,
  lineComment: '#',
  guard: RUBY_GUARD,
  testNames: ['**/*_spec.rb', '**/*_test.rb', '**/test_*.rb'],
};
