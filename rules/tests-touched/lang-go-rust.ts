// Go (testing, testify, Ginkgo/Gomega) and Rust (built-in tests, rstest, proptest, insta).
import { C_LIKE_COMMENT, type Language } from './language.ts';

// Ginkgo's containers and specs, focused with `F`, skipped with `X` or pending with `P`.
const GINKGO = '(?:It|Describe|Context|When|Specify|Entry|DescribeTable|DescribeTableSubtree)';

const re = (source: string) => new RegExp(source);

export const go: Language = {
  name: 'Go',
  extensions: ['go'],
  markers: [
    { kind: 'focus', pattern: re(`(?<![\\w.])F${GINKGO}\\s{0,4}\\(`) },
    // It("works", Focus, func() { ... })
    { kind: 'focus', pattern: /,\s{0,4}Focus\s{0,4}[,)]/ },
    // t.Skip(, b.Skipf(, f.SkipNow(, tt.Skip(, s.T().Skip( (testify suites)
    { kind: 'skip', pattern: /(?:(?<![\w.])(?:[tbf]|tt)|\bT\s{0,4}\(\s{0,4}\))\s{0,4}\.\s{0,4}Skip(?:f|Now)?\s{0,4}\(/ },
    { kind: 'skip', pattern: re(`(?<![\\w.])[PX]${GINKGO}\\s{0,4}\\(`) },
    { kind: 'skip', pattern: /,\s{0,4}Pending\s{0,4}[,)]/ },
    // Ginkgo's Skip("...")
    { kind: 'skip', pattern: /(?<![\w.])Skip\s{0,4}\(/ },
    // A build constraint that no build satisfies drops the whole file: //go:build ignore
    { kind: 'skip', pattern: /^\s*\/\/\s{0,4}(?:go:build|\+build)\b[^\n]{0,200}?\bignore\b/ },
  ],
  assertions: [
    // t.Error(, t.Errorf(, t.Fatal(, t.Fatalf(, t.Fail(, t.FailNow(
    /(?<![\w.])(?:[tbf]|tt)\s{0,4}\.\s{0,4}(?:Errorf?|Fatalf?|Fail|FailNow)\s{0,4}\(/g,
    // testify: assert.Equal(, require.NoError(, s.Require().Len(, s.Assert().True(
    /(?<![\w.])(?:assert|require)\s{0,4}\.\s{0,4}[A-Z]\w{0,40}\s{0,4}\(|\.\s{0,4}(?:Require|Assert)\s{0,4}\(\s{0,4}\)\s{0,4}\.\s{0,4}[A-Z]/g,
    // testify suites: s.Equal(, s.NoError(
    /(?<![\w.])s\s{0,4}\.\s{0,4}(?:Equal|EqualValues|NotEqual|NoError|Error|ErrorIs|ErrorAs|ErrorContains|True|False|Nil|NotNil|Len|Contains|NotContains|Empty|NotEmpty|Zero|Panics|JSONEq|ElementsMatch|Greater|Less)\s{0,4}\(/g,
    // Gomega: Expect(, Eventually(, Consistently(, Ω(
    /(?<![\w.])(?:Expect|Eventually|Consistently|Ω)\s{0,4}\(/g,
  ],
  comment: C_LIKE_COMMENT,
  testNames: ['**/*_test.go'],
};

export const rust: Language = {
  name: 'Rust',
  extensions: ['rs'],
  markers: [
    // #[ignore], #[ignore = "slow"]
    { kind: 'skip', pattern: /#\[\s{0,4}ignore\b/, inSource: true },
    // #[cfg_attr(windows, ignore)]
    { kind: 'conditional', pattern: /#\[\s{0,4}cfg_attr\s{0,4}\([^\]]{0,200}?\bignore\b/, inSource: true },
    // #[cfg(any())] and #[cfg(false)] compile the item (a test module) out
    { kind: 'skip', pattern: /#\[\s{0,4}cfg\s{0,4}\(\s{0,4}(?:any\s{0,4}\(\s{0,4}\)|false)\s{0,4}\)\s{0,4}\]/ },
  ],
  assertions: [
    // assert!, assert_eq!, assert_ne!, debug_assert!, prop_assert_eq!, insta::assert_snapshot!, assert_matches!
    /\b(?:debug_|prop_)?assert(?:_\w{1,40})?!/g,
  ],
  comment: C_LIKE_COMMENT,
  // Cargo builds every tests/*.rs; inline tests are recognised by their attributes.
  testNames: [],
};
