// A test file renamed to where its runner no longer finds it is as good as deleted.
import type { FileChange } from '../../src/model.ts';
import { matchesAny } from '../../src/glob.ts';
import { languageOf } from './markers.ts';

/**
 * Was this test file renamed out of the tests: to a path the `tests` globs do not match, to
 * another language (`a.test.ts` -> `a.test.ts.bak`, `test_api.py` -> `test_api.py.off`), or away
 * from every file name its language's runners collect (`test_api.py` -> `api_checks.py`,
 * `FooTest.java` -> `FooCheck.java`) outside the folders they collect whole?
 */
export function renamedOutOfTests(file: FileChange, isTest: (path: string) => boolean): boolean {
  if (file.status !== 'renamed' || file.oldPath === undefined || !isTest(file.oldPath)) return false;
  const before = languageOf(file.oldPath);
  if (before === undefined) return false; // snapshots, data: not test code
  if (!isTest(file.path)) return true;
  if (languageOf(file.path) !== before) return true;
  if (before.testNames.length === 0) return false;
  return (
    matchesAny(file.oldPath, before.testNames) &&
    !matchesAny(file.path, before.testNames) &&
    !matchesAny(file.path, before.collectedFolders ?? [])
  );
}
