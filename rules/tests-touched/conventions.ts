// Default globs: where tests live and what counts as source, by language convention.

const JS_EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';

/** Test files and folders. A path matching these is a test, never source. */
export const DEFAULT_TESTS: readonly string[] = [
  // JS/TS: foo.test.ts, foo.spec.js, __tests__/, test/, tests/
  `**/*.{test,spec}.${JS_EXT}`,
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  // Python: test_foo.py, foo_test.py, tests/, conftest.py
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  // Go: foo_test.go and golden files under testdata/
  '**/*_test.go',
  '**/testdata/**',
  // Java/Kotlin: src/test/** (covered by **/test/**), FooTest.java, FooTests.kt, FooIT.java
  '**/*{Test,Tests,IT}.{java,kt}',
  // Rust: tests/** (above); inline #[cfg(test)] modules are recognised from the added lines
  // Ruby: spec/**, foo_spec.rb, test/** (above), foo_test.rb
  '**/spec/**',
  '**/*_spec.rb',
  '**/*_test.rb',
  // C#: Foo.Tests/**, FooTests.cs, FooTest.cs
  '**/*.{Tests,Test,UnitTests,IntegrationTests}/**',
  '**/*{Test,Tests}.cs',
];

/** Source files whose change calls for a test change. */
export const DEFAULT_SOURCE: readonly string[] = [
  `**/*.${JS_EXT}`,
  '**/*.{vue,svelte}',
  '**/*.py',
  '**/*.go',
  '**/*.{java,kt}',
  '**/*.rs',
  '**/*.rb',
  '**/*.cs',
];

/** Files with a source extension that are configuration or declarations, not behaviour. */
export const DEFAULT_IGNORE: readonly string[] = [
  '**/*.config.{js,cjs,mjs,ts,cts,mts}', // vite.config.ts, eslint.config.js, ...
  '**/.*rc.{js,cjs,mjs}', // .eslintrc.js, .prettierrc.cjs, ...
  '**/*.d.ts', // type declarations
  '**/setup.py',
  '**/noxfile.py',
  '**/build.rs',
];
