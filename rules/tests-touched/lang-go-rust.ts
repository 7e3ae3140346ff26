// Go (testing, testify, Ginkgo/Gomega) and Rust (built-in tests, rstest, proptest, insta).
import { C_LIKE_COMMENT, C_LIKE_DEAD_CODE, C_LIKE_GUARD, type Language } from './language.ts';

// Ginkgo's containers and specs, focused with `F`, skipped with `X` or pending with `P`.
const GINKGO = '(?:It|Describe|Context|When|Specify|Entry|DescribeTable|DescribeTableSubtree)';

const re = (source: string) => new RegExp(source);

// A literal an assertion on constants compares (bounded, so a hostile line stays linear).
// (or the same name on both sides: a value compared with itself)
const LITERAL = '(?:[A-Za-z_][\\w.]{0,80}|true|false|nil|None|-?\\d{1,20}(?:\\.\\d{1,20})?|"[^"\\\\]{0,200}")';

export const go: Language = {
  name: 'Go',
  extensions: ['go'],
  markers: [
    { kind: 'focus', pattern: re(`(?<![\\w.])F${GINKGO}\\s*\\(`) },
    // It("works", Focus, func() { ... })
    { kind: 'focus', pattern: /,\s*Focus\s*[,)]/ },
    // t.Skip(, b.Skipf(, f.SkipNow(, tt.Skip(, tb.Skip( (a testing.TB helper), s.T().Skip( (testify suites)
    { kind: 'skip', pattern: /(?:(?<![\w.])(?:[tbf]|tt|tb)|\bT\s*\(\s*\))\s*\.\s*Skip(?:f|Now)?\s*\(/ },
    { kind: 'skip', pattern: re(`(?<![\\w.])[PX]${GINKGO}\\s*\\(`) },
    { kind: 'skip', pattern: /,\s*Pending\s*[,)]/ },
    // Ginkgo's Skip("...")
    { kind: 'skip', pattern: /(?<![\w.])Skip\s*\(/ },
    // A build constraint that no build satisfies drops the whole file: //go:build ignore
    { kind: 'skip', pattern: /^\s*\/\/\s*(?:go:build|\+build)\b[^\n]*\bignore\b/ },
    // Any other constraint builds the file only with those tags or on those platforms:
    // //go:build integration keeps an existing test file out of a plain `go test ./...`.
    { kind: 'conditional', pattern: /^\s*\/\/\s*(?:go:build|\+build)\s+\S[^\n]{0,120}/ },
    C_LIKE_DEAD_CODE,
    // Assertions on constants, which pass whatever the code does: assert.True(t, true),
    // require.Equal(t, 1, 1), s.True(true), Expect(true).To(BeTrue())
    { kind: 'constant', pattern: /(?<![\w.])(?:(?:assert|require)\s*\.\s*(?:True\s*\(\s*\w{1,40}\s*,\s*true|False\s*\(\s*\w{1,40}\s*,\s*false)|s\s*\.\s*(?:True\s*\(\s*true|False\s*\(\s*false))\s*[,)]/ },
    { kind: 'constant', pattern: re(`(?<![\\w.])(?:(?:assert|require)\\s*\\.\\s*(?:Equal|EqualValues|Exactly)\\s*\\(\\s*\\w{1,40}\\s*,|s\\s*\\.\\s*(?:Equal|EqualValues)\\s*\\()\\s*(${LITERAL})\\s*,\\s*\\1\\s*[,)]`) },
    { kind: 'constant', pattern: /(?<![\w.])(?:Expect|\u03A9)\s*\(\s*true\s*\)\s*\.\s*(?:To|Should)\s*\(\s*BeTrue\s*\(\s*\)\s*\)/ },
  ],
  assertions: [
    // t.Error(, t.Errorf(, t.Fatal(, t.Fatalf(, t.Fail(, t.FailNow( (also tb, a testing.TB)
    /(?<![\w.])(?:[tbf]|tt|tb)\s*\.\s*(?:Errorf?|Fatalf?|Fail|FailNow)\s*\(/g,
    // testify: assert.Equal(, require.NoError(, s.Require().Len(, s.Assert().True(
    /(?<![\w.])(?:assert|require)\s*\.\s*[A-Z]\w*\s*\(|\.\s*(?:Require|Assert)\s*\(\s*\)\s*\.\s*[A-Z]/g,
    // testify suites: s.Equal(, s.NoError(
    /(?<![\w.])s\s*\.\s*(?:Equal|EqualValues|NotEqual|NoError|Error|ErrorIs|ErrorAs|ErrorContains|True|False|Nil|NotNil|Len|Contains|NotContains|Empty|NotEmpty|Zero|Panics|JSONEq|ElementsMatch|Greater|Less)\s*\(/g,
    // Gomega: Expect(, Eventually(, Consistently(, Ω(
    /(?<![\w.])(?:Expect|Eventually|Consistently|\u03A9)\s*\(/g,
  ],
  // Gomega's Expect(x) asserts only through its matcher: Expect(x).To(Equal(3))
  expectation: /(?<![\w.])(?:Expect|Eventually|Consistently|\u03A9)\s*(?=\()/g,
  // go test runs TestXxx only when Xxx does not start with a lower-case letter: Testsum is no test
  definitions: /^func\s+(?:(?:Test|Benchmark|Fuzz)(?![a-z])|Example)\w*\s*\(/,
  collected: /^func\s+(?:(?:Test|Benchmark|Fuzz)(?![a-z])|Example)\w*\s*\(/,
  // for _, tt := range tests { t.Run(tt.name, ...) }; Ginkgo DescribeTable / Entry
  parametrized: /\bt\s*\.\s*Run\s*\(|:=\s*range\b|\b(?:DescribeTable|Entry)\s*\(/,
  comment: C_LIKE_COMMENT,
  lineComment: '//',
  guard: C_LIKE_GUARD,
  testNames: ['**/*_test.go'],
};

export const rust: Language = {
  name: 'Rust',
  extensions: ['rs'],
  markers: [
    // #[ignore], #[ignore = "slow"]
    { kind: 'skip', pattern: /#\[\s*ignore\b/, inSource: true },
    // #[should_panic] put on an existing test makes its failure (a panic) the pass; a new test of a
    // panic is written with it, its #[test] added next to it
    { kind: 'skip', pattern: /#\[\s*should_panic\b/, inSource: true, onExisting: true },
    // #[cfg_attr(windows, ignore)]
    { kind: 'conditional', pattern: /#\[\s*cfg_attr\s*\([^[\]]*\bignore\b/, inSource: true },
    // #[cfg(any())], #[cfg(false)], #[cfg(not(all()))] and #[cfg(FALSE)] (a name no build sets)
    // compile the item (a test module) out
    { kind: 'skip', pattern: /#\[\s*cfg\s*\(\s*(?:any\s*\(\s*\)|false|FALSE|not\s*\(\s*all\s*\(\s*\)\s*\))\s*\)\s*\]/ },
    // any other condition but `test` builds it only there: #[cfg(windows)], #[cfg(feature = "slow")]
    { kind: 'conditional', pattern: /#\[\s*cfg\s*\((?!\s*(?:test|all\s*\(\s*\))\s*\)\s*\])[^[\]]{1,200}\]/ },
    C_LIKE_DEAD_CODE,
    // Assertions on constants, which pass whatever the code does: assert!(true), assert_eq!(1, 1)
    { kind: 'constant', pattern: /\bassert!\s*\(\s*true\s*[,)]/ },
    { kind: 'constant', pattern: re(`\\bassert_eq!\\s*\\(\\s*(${LITERAL})\\s*,\\s*\\1\\s*[,)]`) },
  ],
  assertions: [
    // assert!, assert_eq!, assert_ne!, debug_assert!, prop_assert_eq!, insta::assert_snapshot!, assert_matches!
    /\b(?:debug_|prop_)?assert(?:_\w+)?!/g,
  ],
  // #[test], #[tokio::test], #[rstest]
  definitions: /#\[\s*(?:\w+::)?(?:test|rstest|test_case)\b/,
  collected: /#\[\s*(?:\w+::)?(?:test|rstest|test_case)\b/,
  // rstest's #[case], test-case's #[test_case], proptest!
  parametrized: /#\[\s*(?:rstest|case|test_case|values)\b|\bproptest\s*!/,
  comment: C_LIKE_COMMENT,
  lineComment: '//',
  guard: C_LIKE_GUARD,
  // Cargo builds every tests/*.rs; inline tests are recognised by their attributes.
  testNames: [],
};
