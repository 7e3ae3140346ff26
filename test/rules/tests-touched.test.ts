import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/model.ts';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

interface Case {
  name: string;
  files: FileChange[];
  options?: Record<string, unknown>;
  /** Expected findings as `messageId path:line` (path and line when the finding has them). */
  found: string[];
  contains?: string[];
}

const src = (path: string, added: string[] | number = 1) => file(path, { added });
const test = src;

/** Source paths that need a test change, one per language convention. */
const SOURCES = [
  'src/index.ts', 'lib/util.js', 'app/page.tsx', 'pkg/mod.mjs', 'web/App.vue',
  'app/models.py', 'cmd/main.go', 'src/main/java/com/x/Foo.java', 'app/src/main/kotlin/Foo.kt',
  'src/lib.rs', 'lib/thing.rb', 'src/Foo/Bar.cs',
];

/** Test paths, one per convention; each alone satisfies a source change. */
const TESTS = [
  'src/index.test.ts', 'lib/util.spec.js', 'src/__tests__/x.ts', 'test/a.js', 'tests/a.ts',
  'tests/test_models.py', 'app/test_models.py', 'app/models_test.py', 'conftest.py',
  'cmd/main_test.go', 'cmd/testdata/golden.txt',
  'src/test/java/com/x/FooTest.java', 'app/src/test/kotlin/FooTests.kt', 'src/FooIT.java',
  'tests/integration.rs', 'spec/thing_spec.rb', 'lib/thing_spec.rb', 'test/thing_test.rb',
  'src/Foo.Tests/BarTests.cs', 'src/BarTests.cs',
];

const JS_TEST = ["test('a', () => {", '  expect(a()).toBe(1);', '});'];
const PY_TEST = ['def test_api(client):', '    assert client.get("/").status_code == 200'];

const cases: Case[] = [
  { name: 'an empty change passes', files: [], found: [] },
  { name: 'docs only pass', files: [src('README.md'), src('docs/guide.md')], found: [] },
  {
    name: 'config only passes',
    files: [src('package.json'), src('.github/dependabot.yml'), src('tsconfig.json'), src('vite.config.ts'), src('.eslintrc.cjs'), src('Cargo.toml')],
    found: [],
  },
  ...SOURCES.map((path): Case => ({ name: `source ${path} alone is flagged`, files: [src(path)], found: ['untested'], contains: [path] })),
  ...TESTS.map((path): Case => ({ name: `test ${path} satisfies a source change`, files: [src('src/index.ts'), test(path)], found: [] })),
  ...TESTS.map((path): Case => ({ name: `test ${path} is not source`, files: [test(path)], found: [] })),
  {
    name: 'the message counts and lists the untested source files',
    files: [src('src/a.ts'), src('src/b.py'), src('README.md')],
    found: ['untested'],
    contains: ['2 source files changed without any test change: src/a.ts, src/b.py.'],
  },
  {
    name: 'the list is capped with "and N more"',
    files: Array.from({ length: 13 }, (_, i) => src(`src/f${String(i).padStart(2, '0')}.ts`)),
    found: ['untested'],
    contains: ['13 source files', 'src/f09.ts and 3 more.'],
  },
  { name: 'deleting source needs no test', files: [file('src/old.ts', { status: 'deleted', deleted: 10 })], found: [] },
  { name: 'a pure rename needs no test', files: [file('src/new.ts', { oldPath: 'src/old.ts', similarity: 100 })], found: [] },
  { name: 'an added empty source file counts', files: [file('src/empty.ts', { status: 'added' })], found: ['untested'] },
  { name: 'a mode change alone needs no test', files: [file('src/run.py', { modeChange: { oldMode: '100644', newMode: '100755' } })], found: [] },
  {
    name: 'generated and vendored files are not source',
    files: [
      file('src/api.gen.ts', { added: 5, attributes: { generated: true } }),
      file('vendor/lib.go', { added: 5, attributes: { vendored: true } }),
    ],
    found: [],
  },
  { name: 'a changed binary test file (a snapshot image) counts', files: [src('src/a.ts'), file('tests/__screenshots__/home.png', { binary: true })], found: [] },
  { name: 'type declarations are ignored by default', files: [src('types/global.d.ts')], found: [] },
  {
    name: 'a deleted test file does not count as a test change',
    files: [src('src/a.ts'), file('src/a.test.ts', { status: 'deleted', deleted: JS_TEST })],
    found: ['untested', 'testDeleted src/a.test.ts'],
  },
  {
    name: 'inline Rust tests count as a test change',
    files: [src('src/lib.rs', ['pub fn f() {}', '#[cfg(test)]', 'mod tests {', '    #[test]', '    fn f_works() {}', '}'])],
    found: [],
  },
  {
    name: 'a hunk inside a Rust tests module counts as a test change',
    files: [file('src/lib.rs', { added: ['        assert_eq!(f(), 2);'], section: 'mod tests {' })],
    found: [],
  },
  {
    name: 'a hunk elsewhere in a Rust file does not',
    files: [file('src/lib.rs', { added: ['    x + 1'], section: 'pub fn f() -> u32 {' })],
    found: ['untested'],
  },
  { name: 'custom source globs', files: [src('src/a.ts'), src('scripts/gen.sh')], options: { source: ['scripts/**'] }, found: ['untested'], contains: ['scripts/gen.sh.'] },
  { name: 'custom test globs', files: [src('src/a.ts'), test('qa/check_a.ts')], options: { tests: ['qa/**'] }, found: [] },
  { name: 'custom ignore globs', files: [src('migrations/001.py')], options: { ignore: ['migrations/**'] }, found: [] },
  {
    name: 'a deleted test file is flagged at the file',
    files: [file('tests/test_api.py', { status: 'deleted', deleted: PY_TEST })],
    found: ['testDeleted tests/test_api.py'],
    contains: ['This test file is deleted.'],
  },
  {
    name: 'weakened-tests: false turns off deleted-test and marker findings',
    files: [file('tests/test_api.py', { status: 'deleted', deleted: PY_TEST }), test('src/a.test.ts', ['it.only("x", () => {})'])],
    options: { 'weakened-tests': false },
    found: [],
  },
];

describe('tests-touched', () => {
  it.each(cases)('$name', ({ files, options, found, contains = [] }) => {
    const violations = runRule(testsTouched, change({ files }), options);
    expect(violations.map((v) => [v.messageId, v.path === undefined ? '' : `${v.path}${v.line === undefined ? '' : `:${v.line}`}`].join(' ').trim())).toEqual(found);
    const text = violations.map((v) => v.message).join('\n');
    for (const fragment of contains) expect(text).toContain(fragment);
  });

  it('ignores markers in deleted lines', () => {
    const files = [file('src/a.test.ts', { deleted: ["it.only('x', () => {})"], added: ["it('x', () => {})"] })];
    expect(runRule(testsTouched, change({ files }))).toEqual([]);
  });

  it('ignores markers in non-test source files, except Rust #[ignore] (inline tests)', () => {
    const files = [
      file('src/cli.ts', { added: ['const it = { only: (x) => x }; it.only(1);'] }),
      file('src/lib.rs', { added: ['    #[test]', '    #[ignore]', '    fn slow() {}'], startLine: 10 }),
    ];
    const violations = runRule(testsTouched, change({ files }));
    expect(violations.map((v) => `${v.messageId} ${v.path}:${v.line}`)).toEqual(['skipMarker src/lib.rs:11']);
  });

  it('reports every marker, one finding per added line', () => {
    const files = [file('src/a.test.ts', { added: ["it.only('a', f)", "it('b', f)", "xit('c', f)"] })];
    const violations = runRule(testsTouched, change({ files }));
    expect(violations.map((v) => `${v.messageId}:${v.line}`)).toEqual(['focusMarker:1', 'skipMarker:3']);
  });
});
