// Java and Kotlin (JUnit 4 and 5, TestNG, Kotest, Mockito, AssertJ) and C# (xUnit, NUnit, MSTest).
import { C_LIKE_COMMENT, type Language } from './language.ts';

// An annotation, also fully qualified: @Disabled, @org.junit.Ignore
const ANNOTATION = '@\\s{0,4}(?:[\\w.]{0,80}\\.)?';

const re = (source: string) => new RegExp(source);

export const jvm: Language = {
  name: 'Java/Kotlin',
  extensions: ['java', 'kt', 'kts'],
  markers: [
    // Kotest: test names with the `f:` prefix run alone
    { kind: 'focus', pattern: /(?<![\w.])(?:test|should|it|describe|context|feature|scenario|given|expect)\s{0,4}\(\s{0,4}"f:/ },
    // JUnit 5 @Disabled, JUnit 4 @Ignore (not @DisabledOnOs and other platform conditions)
    { kind: 'skip', pattern: re(`${ANNOTATION}(?:Disabled|Ignore)\\b(?![.\\w])`) },
    // @DisabledIf("..."), @EnabledIfEnvironmentVariable(named = "CI", ...)
    { kind: 'conditional', pattern: re(`${ANNOTATION}(?:Disabled|Enabled)If\\w{0,40}\\b`) },
    // TestNG @Test(enabled = false); Kotest .config(enabled = false)
    { kind: 'skip', pattern: /(?:@\s{0,4}Test|\.\s{0,4}config)\s{0,4}\([^)]{0,200}?\benabled\s{0,4}=\s{0,4}false\b/ },
    { kind: 'conditional', pattern: /\.\s{0,4}config\s{0,4}\([^)]{0,200}?\benabledIf\s{0,4}=/ },
    // Assumptions that always fail skip the test: assumeTrue(false), assumeFalse(true)
    { kind: 'skip', pattern: /\b(?:assumeTrue\s{0,4}\(\s{0,4}false|assumeFalse\s{0,4}\(\s{0,4}true)\s{0,4}[,)]/ },
    { kind: 'skip', pattern: /\bAssumptions\s{0,4}\.\s{0,4}abort\s{0,4}\(/ },
    { kind: 'conditional', pattern: /\b(?:assumeTrue(?!\s{0,4}\(\s{0,4}true\s{0,4}[,)])|assumeFalse(?!\s{0,4}\(\s{0,4}false\s{0,4}[,)])|assumeThat|assumeNotNull|assumeNoException)\s{0,4}\(/ },
    // Kotest: xtest(, xshould(, xdescribe(, ...
    { kind: 'skip', pattern: /(?<![\w.])x(?:test|should|it|describe|context|feature|scenario|given|when|then|expect)\s{0,4}\(/ },
  ],
  assertions: [
    // assertEquals(, Assertions.assertThat(, assertThrows<E> {, Mockito verify(, fail(
    /(?<![\w.])(?:assert[A-Z]\w{0,40}|verify|fail)\s{0,4}[(<{]/g,
    // Java's assert keyword
    /(?<![\w.])assert\s(?!\s{0,4}=)/g,
    // Kotest and Kluent: x shouldBe 1, x.shouldContain(y); Strikt: expectThat(
    /\bshould[A-Z]\w{0,40}\b|(?<![\w.])expectThat\s{0,4}\(/g,
  ],
  comment: C_LIKE_COMMENT,
  // Maven Surefire and Failsafe include these by default.
  testNames: ['**/Test*.{java,kt}', '**/*{Test,Tests,TestCase,IT,ITCase}.{java,kt}', '**/IT*.{java,kt}'],
};

export const csharp: Language = {
  name: 'C#',
  extensions: ['cs'],
  markers: [
    // xUnit: [Fact(Skip = "flaky")], [Theory(DisplayName = "x", Skip = "y")]
    { kind: 'skip', pattern: /\b(?<m>(?:Fact|Theory)\w{0,30}\s{0,4}\([^)]{0,200}?\bSkip)\s{0,4}=/ },
    // xUnit v3: [Fact(SkipUnless = nameof(IsWindows))]
    { kind: 'conditional', pattern: /\b(?:Fact|Theory)\w{0,30}\s{0,4}\([^)]{0,200}?\bSkip(?:Unless|When)\s{0,4}=/ },
    // NUnit and MSTest: [Ignore("later")], [Test, Ignore], [TestMethod, Ignore], NUnit [Explicit]
    { kind: 'skip', pattern: /[[,]\s{0,4}(?:Ignore|Explicit)(?:Attribute)?\b(?!\s{0,4}=)/ },
    // NUnit: [TestCase(1, Ignore = "later")]
    { kind: 'skip', pattern: /\bTestCase\w{0,20}\s{0,4}\([^)]{0,300}?\bIgnore(?:Reason)?\s{0,4}=/ },
    { kind: 'skip', pattern: /\bAssert\s{0,4}\.\s{0,4}(?:Ignore|Inconclusive|Skip)\s{0,4}\(/ },
    { kind: 'conditional', pattern: /\bAssert\s{0,4}\.\s{0,4}Skip(?:Unless|When)\s{0,4}\(|\bSkip\s{0,4}\.\s{0,4}If(?:Not)?\s{0,4}\(|\bAssume\s{0,4}\.\s{0,4}That\s{0,4}\(/ },
  ],
  assertions: [
    // Assert.Equal(, Assert.That(, CollectionAssert.AreEqual(, Assert.Throws<E>(
    /\b\w{0,30}Assert\s{0,4}\.\s{0,4}(?!(?:Ignore|Inconclusive|Skip\w{0,10})\s{0,4}\()\w{1,40}\s{0,4}[(<]/g,
    // FluentAssertions x.Should(); Moq mock.Verify(; NSubstitute sub.Received(
    /\.\s{0,4}(?:Should|Verify\w{0,20}|Received|DidNotReceive)\s{0,4}\(/g,
  ],
  comment: C_LIKE_COMMENT,
  // dotnet test runs every test method of a test project, whatever the file's name.
  testNames: [],
};
