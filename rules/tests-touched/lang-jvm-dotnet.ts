// Java and Kotlin (JUnit 4 and 5, TestNG, Kotest, Mockito, AssertJ) and C# (xUnit, NUnit, MSTest).
import { C_LIKE_COMMENT, C_LIKE_DEAD_CODE, C_LIKE_GUARD, type Language } from './language.ts';

// An annotation, also fully qualified: @Disabled, @org.junit.Ignore
const ANNOTATION = '@\\s*(?:[\\w.]*\\.)?';

const re = (source: string) => new RegExp(source);

// A literal an assertion on constants compares (bounded, so a hostile line stays linear).
// (or the same name on both sides: a value compared with itself)
const LITERAL = '(?:[A-Za-z_][\\w.]{0,80}|true|false|null|-?\\d{1,20}(?:\\.\\d{1,20})?[LlFfDdMm]?|"[^"\\\\]{0,200}")';

export const jvm: Language = {
  name: 'Java/Kotlin',
  extensions: ['java', 'kt', 'kts'],
  markers: [
    // Kotest: test names with the `f:` prefix run alone
    { kind: 'focus', pattern: /(?<![\w.])(?:test|should|it|describe|context|feature|scenario|given|expect)\s*\(\s*"f:/ },
    // ... and with the `!` prefix are disabled; StringSpec's "f:name" { and "!name" { the same
    { kind: 'focus', pattern: /^\s*"f:[^"\\]{0,200}"\s*(?:\{|\.\s*config\b)/ },
    { kind: 'skip', pattern: /(?<![\w.])(?:test|should|it|describe|context|feature|scenario|given|expect)\s*\(\s*"!|^\s*"![^"\\]{0,200}"\s*(?:\{|\.\s*config\b)/ },
    // JUnit 5 @Disabled, JUnit 4 @Ignore (not @DisabledOnOs and other platform conditions)
    { kind: 'skip', pattern: re(`${ANNOTATION}(?:Disabled|Ignore)\\b(?![.\\w])`) },
    // @DisabledIf("..."), @EnabledIfEnvironmentVariable(named = "CI", ...), and the platform
    // conditions: @EnabledOnOs(OS.WINDOWS), @DisabledOnJre(JAVA_8), @EnabledForJreRange, @DisabledInNativeImage
    { kind: 'conditional', pattern: re(`${ANNOTATION}(?:Disabled|Enabled)(?:If|On|For|In)\\w*\\b`) },
    // TestNG @Test(enabled = false); Kotest .config(enabled = false)
    { kind: 'skip', pattern: /(?:@\s*Test|\.\s*config)\s*\([^()]*\benabled\s*=\s*false\b/ },
    // the same, its arguments on lines of their own: @Test(\n    enabled = false) (not a bare
    // `enabled = false`, a Kotlin property set in an apply block)
    { kind: 'skip', pattern: /^\s*enabled\s*=\s*false\s*[,)]/ },
    { kind: 'conditional', pattern: /\.\s*config\s*\([^()]*\benabledIf\s*=/ },
    // Assumptions that always fail skip the test: assumeTrue(false), assumeFalse(true)
    { kind: 'skip', pattern: /\b(?:assumeTrue\s*\(\s*false|assumeFalse\s*\(\s*true)\s*[,)]/ },
    { kind: 'skip', pattern: /\bAssumptions\s*\.\s*abort\s*\(/ },
    C_LIKE_DEAD_CODE,
    { kind: 'conditional', pattern: /\b(?:assumeTrue(?!\s*\(\s*true\s*[,)])|assumeFalse(?!\s*\(\s*false\s*[,)])|assumeThat|assumeNotNull|assumeNoException)\s*\(/ },
    // Kotest: xtest(, xshould(, xdescribe(, ...
    { kind: 'skip', pattern: /(?<![\w.])x(?:test|should|it|describe|context|feature|scenario|given|when|then|expect)\s*\(/ },
    // Assertions on constants, which pass whatever the code does: assertTrue(true),
    // Assertions.assertEquals(1, 1), assertThat(true).isTrue(), true shouldBe true
    { kind: 'constant', pattern: /(?<!\w)(?:assertTrue\s*\(\s*true|assertFalse\s*\(\s*false|assertNull\s*\(\s*null)\s*[,)]/ },
    { kind: 'constant', pattern: re(`(?<!\\w)assert(?:Equals|Same)\\s*\\(\\s*(${LITERAL})\\s*,\\s*\\1\\s*[,)]`) },
    { kind: 'constant', pattern: /(?<!\w)assertThat\s*\(\s*true\s*\)\s*\.\s*isTrue\s*\(\s*\)|(?<![\w.])true\s+shouldBe\s+true\b/ },
  ],
  assertions: [
    // assertEquals(, Assertions.assertThat(, assertThrows<E> {, Mockito verify(, fail(
    /(?<!\w)assert[A-Z]\w*\s*[(<{]|(?<![\w.])(?:verify|fail)\s*[(<{]/g,
    // Java's assert keyword
    /(?<![\w.])assert\s(?!\s*=)/g,
    // Kotest and Kluent: x shouldBe 1, x.shouldContain(y); Strikt: expectThat(
    /\bshould[A-Z]\w*\b|(?<![\w.])expectThat\s*\(/g,
  ],
  // @Test, @ParameterizedTest, @RepeatedTest, @TestFactory; Kotest test("name")
  definitions: /@\s*(?:[\w.]*\.)?(?:Test|ParameterizedTest|RepeatedTest|TestFactory)\b|(?<![\w.])(?:test|should|describe|context)\s*\(\s*"/,
  // JUnit and TestNG annotations only: Kotest's test("name") calls come and go with their assertions
  collected: /@\s*(?:[\w.]*\.)?(?:Test|ParameterizedTest|RepeatedTest|TestFactory)\b/,
  // JUnit 5 @ParameterizedTest and its sources, JUnit 4 @Parameters, Kotest withData / forAll
  parametrized: /@\s*(?:ParameterizedTest|Parameters|MethodSource|CsvSource|ValueSource|EnumSource|ArgumentsSource)\b|\b(?:withData|forAll)\s*[({]/,
  comment: C_LIKE_COMMENT,
  lineComment: '//',
  guard: C_LIKE_GUARD,
  // Maven Surefire and Failsafe include these by default.
  testNames: ['**/Test*.{java,kt}', '**/*{Test,Tests,TestCase,IT,ITCase}.{java,kt}', '**/IT*.{java,kt}'],
};

export const csharp: Language = {
  name: 'C#',
  extensions: ['cs'],
  markers: [
    // xUnit: [Fact(Skip = "flaky")], [Theory(DisplayName = "x", Skip = "y")]
    { kind: 'skip', pattern: /\b(?<m>(?:Fact|Theory)\w*\s*\([^()]*\bSkip)\s*=/ },
    // the same, its arguments on lines of their own: [Fact(\n        Skip = "flaky")]
    { kind: 'skip', pattern: /^\s*(?<m>Skip)\s*=\s*[@$]{0,2}"/ },
    // xUnit v3: [Fact(SkipUnless = nameof(IsWindows))]
    { kind: 'conditional', pattern: /\b(?:Fact|Theory)\w*\s*\([^()]*\bSkip(?:Unless|When)\s*=/ },
    // NUnit and MSTest: [Ignore("later")], [Test, Ignore], [TestMethod, Ignore], NUnit [Explicit]
    { kind: 'skip', pattern: /[[,]\s*(?:Ignore|Explicit)(?:Attribute)?\b(?!\s*=)/ },
    // NUnit: [TestCase(1, Ignore = "later")]
    { kind: 'skip', pattern: /\bTestCase\w*\s*\([^()]*\bIgnore(?:Reason)?\s*=/ },
    { kind: 'skip', pattern: /\bAssert\s*\.\s*(?:Ignore|Inconclusive|Skip)\s*\(/ },
    { kind: 'conditional', pattern: /\bAssert\s*\.\s*Skip(?:Unless|When)\s*\(/ },
    // Xunit.SkippableFact: Skip.If(cond), Skip.IfNot(cond); NUnit: Assume.That(cond)
    { kind: 'conditional', pattern: /\bSkip\s*\.\s*If(?:Not)?\s*\(/ },
    { kind: 'conditional', pattern: /\bAssume\s*\.\s*That\s*\(/ },
    // NUnit: [Platform(Exclude = "Linux")], [Test, Platform("Win")]
    { kind: 'conditional', pattern: /[[,]\s*Platform(?:Attribute)?\s*\(/ },
    // #if false compiles the code out; #if WINDOWS builds it only where the symbol is defined
    { kind: 'skip', pattern: /^\s*#\s*(?:el)?if\s+(?:\(\s*)?(?:false|!\s*true)\b/ },
    { kind: 'conditional', pattern: /^\s*#\s*(?:el)?if\s+\S[^\n]{0,120}/ },
    C_LIKE_DEAD_CODE,
    // Assertions on constants, which pass whatever the code does: Assert.True(true),
    // Assert.IsTrue(true), Assert.AreEqual(1, 1); NUnit's Assert.Pass() ends the test as passed
    { kind: 'constant', pattern: /\bAssert\s*\.\s*(?:(?:True|IsTrue)\s*\(\s*true|(?:False|IsFalse)\s*\(\s*false|(?:Null|IsNull)\s*\(\s*null)\s*[,)]|\bAssert\s*\.\s*Pass\s*\(/ },
    { kind: 'constant', pattern: re(`\\bAssert\\s*\\.\\s*(?:Equal|AreEqual|Same|AreSame)\\s*\\(\\s*(${LITERAL})\\s*,\\s*\\1\\s*[,)]`) },
  ],
  assertions: [
    // Assert.Equal(, Assert.That(, CollectionAssert.AreEqual(, Assert.Throws<E>(
    /\b\w*Assert\s*\.\s*\w+\s*[(<]/g,
    // FluentAssertions x.Should(); Moq mock.Verify(; NSubstitute sub.Received(
    /\.\s*(?:Should|Verify\w*|Received|DidNotReceive)\s*\(/g,
  ],
  definitions: /[[,]\s*(?:Fact|Theory|Test|TestMethod|TestCase|DataTestMethod)\b/,
  collected: /[[,]\s*(?:Fact|Theory|Test|TestMethod|TestCase|DataTestMethod)\b/,
  // xUnit [Theory] with [InlineData]/[MemberData], NUnit [TestCase]/[TestCaseSource], MSTest [DataRow]
  parametrized: /[[,]\s*(?:Theory|InlineData|MemberData|ClassData|TestCase|TestCaseSource|DataRow|DynamicData)\b/,
  comment: C_LIKE_COMMENT,
  lineComment: '//',
  guard: C_LIKE_GUARD,
  // dotnet test runs every test method of a test project, whatever the file's name.
  testNames: [],
};
