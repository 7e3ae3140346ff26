// What the rule knows about one language family: how its test suites are weakened (focus and
// skip markers), how its tests assert, how a comment line starts and which file names its test
// runners collect. Every pattern is matched against one line, and no repeated group holds an
// unbounded repetition (test/rules/tests-touched-patterns.test.ts); `npm run bench:tests-touched`
// has recheck prove each pattern linear and measures it on hostile lines.

/**
 * `focus`: only the marked tests run. `skip`: the marked test never runs (or its failure is
 * expected). `conditional`: the test is skipped when a condition holds (a platform, a variable).
 * `constant`: an assertion on constants (`expect(true).toBe(true)`, `assert True`), which passes
 * whatever the code does; it is no assertion when they are counted.
 */
export type MarkerKind = 'focus' | 'skip' | 'conditional' | 'constant';

export interface Marker {
  kind: MarkerKind;
  /** Matches the marker in one line; the match (trimmed) is quoted in the message. */
  pattern: RegExp;
  /** Also look for it in source files of the language (Rust tests live beside the code). */
  inSource?: boolean;
  /**
   * Reported only when put on a test that was already there, as a conditional skip is: a new test
   * may be written with it (`#[should_panic]` on a test of a panic).
   */
  onExisting?: boolean;
}

export interface Language {
  name: string;
  /** Lower-case file extensions, without the dot. */
  extensions: readonly string[];
  /** Tried in order, first match wins: constant forms (`skipIf(true)`) come before conditional ones. */
  markers: readonly Marker[];
  /** Every match of these (with the `g` flag) in a line is one assertion. */
  assertions: readonly RegExp[];
  /** A line this matches defines a test (`it(`, `def test_`, `func TestX(`, `@Test`). */
  definitions: RegExp;
  /**
   * A line this matches declares one test that its runner collects by the declaration alone
   * (`def test_x`, `func TestX(`, `@Test`, `[Fact]`, `#[test]`): a change that loses such lines
   * stops tests from running even when their assertions stay. Left out where tests are calls
   * (`it(`, `describe(`) that come and go with their assertions.
   */
  collected?: RegExp;
  /**
   * Table-driven tests (`it.each`, `@pytest.mark.parametrize`, `[Theory]`): one assertion line
   * there runs once per row, so counting lines says little about how much is checked.
   */
  parametrized: RegExp;
  /** A line this matches is a comment: its assertions do not count. */
  comment: RegExp;
  /** What starts a comment that runs to the end of the line (outside strings). */
  lineComment: '//' | '#';
  /**
   * Calls that assert nothing alone, only through the matcher chained on them (`expect(x)` without
   * `.toBe(…)`): one followed by no `.` holds no assertion.
   */
  expectation?: RegExp;
  /**
   * One-line strings and trailing comments hold no assertion: their text is blanked before the
   * assertions are looked for (Ruby's `it "should sum" do` is no `should`).
   */
  blankStrings?: boolean;
  /**
   * A line this matches opens a condition (`if (process.platform !== 'win32') {`, `if sys.platform
   * != "win32":`, `} else {`), not on a constant true: a skip on it or on the added line right after
   * it is a conditional skip, as `it.skipIf(cond)` is.
   */
  guard: RegExp;
  /**
   * Globs of the paths this language's runners collect as tests by their name alone (`test_*.py`,
   * `*_test.go`). A test file renamed away from all of them, outside `collectedFolders`, no longer
   * runs.
   */
  testNames: readonly string[];
  /** Globs of folders whose every file of the language is collected, whatever its name (`__tests__`). */
  collectedFolders?: readonly string[];
}

/** Line comments and block-comment lines of C-like languages. */
export const C_LIKE_COMMENT = /^\s*(?:\/\/|\/\*|\*)/;

/** `if (cond)`, `if cond {`, `} else if`, `} else {` lines of C-like languages; not `if (true)` (nor `if (false)`, dead code). */
export const C_LIKE_GUARD = /^\s*(?:\}\s*)?(?:else\s*(?:\{|$)|(?:else\s+)?if\b(?!\s*\(\s*(?:true|false)\s*\)|\s+(?:true|false)\s*\{))/;

/**
 * `if (false) {`, `if false {`: the block never runs, so the existing code put in it does not
 * either (a skip of C-like languages).
 */
export const C_LIKE_DEAD_CODE: Marker = { kind: 'skip', pattern: /^\s*(?:\}\s*else\s+)?if(?:\s*\(\s*false\s*\)|\s+false)\s*\{/ };

/** `#` comment lines (Python, Ruby). */
export const HASH_COMMENT = /^\s*#/;

/** `if cond:`, `elif cond:`, `else:` lines of Python; not `if True:`. */
export const PYTHON_GUARD = /^\s*(?:(?:el)?if\b(?!\s*(?:\(\s*True\s*\)|True)\s*:)|else\s*:)/;

/** `if cond`, `elsif cond`, `unless cond`, `else` lines of Ruby; not `if true`. */
export const RUBY_GUARD = /^\s*(?:(?:if|elsif|unless)\b(?!\s+true\s*(?:then\s*)?$)|else\s*$)/;

/**
 * A line as its assertions are looked for: in a language whose strings can read as assertions
 * (`blankStrings`), what its one-line strings hold and its trailing comment are blanked, so that
 * positions stay where they were.
 */
export function assertionText(line: string, language: Language): string {
  if (language.blankStrings !== true || (!/["']/.test(line) && !line.includes(language.lineComment))) return line;
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== '') {
      if (c === '\\') {
        out += i + 1 < line.length ? '  ' : ' ';
        i++;
      } else if (c === quote) {
        quote = '';
        out += c;
      } else out += ' ';
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === language.lineComment[0] && line.startsWith(language.lineComment, i)) {
      return out + ' '.repeat(line.length - i);
    } else out += c;
  }
  return out;
}
