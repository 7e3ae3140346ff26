// Python: pytest, unittest, nose.
import { HASH_COMMENT, PYTHON_GUARD, type Language } from './language.ts';

// `pytest.mark.skip`, after `import pytest as pt` `pt.mark.skip`, or after `from pytest import
// mark`, `mark.skip`.
const MARK = '(?<![\\w.])(?:[A-Za-z_]\\w{0,40}\\s*\\.\\s*)?mark\\s*\\.\\s*';
// unittest's decorators: `@unittest.skip(`, or after `from unittest import skip`, `@skip(`;
// also `unittest.skip` used as a value.
const UNITTEST = '(?:^\\s*@\\s*(?:unittest\\s*\\.\\s*)?|(?<![\\w.])unittest\\s*\\.\\s*)';
const ARG = '\\s*\\(\\s*';
const END = '\\s*[,)]';

const re = (source: string) => new RegExp(source);

// A literal an assertion on constants compares (bounded, so a hostile line stays linear), or the
// same name on both sides: a value compared with itself.
const LITERAL = '(?:[A-Za-z_][\\w.]{0,80}|True|False|None|-?\\d{1,20}(?:\\.\\d{1,20})?|\'[^\'\\\\]{0,200}\'|"[^"\\\\]{0,200}")';
// The end of an assert statement: its message, a comment, or the end of the line.
const STATEMENT_END = '\\s*(?:,|#|$)';

export const python: Language = {
  name: 'Python',
  extensions: ['py'],
  markers: [
    { kind: 'focus', pattern: re(`${MARK}(?:only|focus)\\b`) },
    // @pytest.mark.skip, @mark.skip, @pytest.mark.xfail, pytestmark = pytest.mark.skip
    { kind: 'skip', pattern: re(`${MARK}(?:skip|xfail)\\b`) },
    { kind: 'skip', pattern: re(`${MARK}skipif${ARG}(?:True|1)${END}`) },
    { kind: 'conditional', pattern: re(`${MARK}skipif\\b(?!${ARG}(?:False|0|None)${END})`) },
    { kind: 'skip', pattern: /(?<![\w.])pytest\s*\.\s*(?:skip|xfail)\s*\(/ },
    { kind: 'conditional', pattern: /(?<![\w.])pytest\s*\.\s*importorskip\s*\(/ },
    { kind: 'skip', pattern: re(`${UNITTEST}(?:skip|expectedFailure)\\b`) },
    { kind: 'skip', pattern: re(`${UNITTEST}(?:skipIf${ARG}(?:True|1)|skipUnless${ARG}(?:False|0|None))${END}`) },
    { kind: 'conditional', pattern: re(`${UNITTEST}(?:skipIf\\b(?!${ARG}(?:False|0|None)${END})|skipUnless\\b(?!${ARG}(?:True|1)${END}))`) },
    { kind: 'skip', pattern: /\bself\s*\.\s*skipTest\s*\(/ },
    // raise unittest.SkipTest("later"), raise SkipTest, raise pytest.skip.Exception
    { kind: 'skip', pattern: /\braise\s+[\w.]*(?:SkipTest|skip\s*\.\s*Exception)\b/ },
    // `__test__ = False` hides a module or class from pytest and nose collection
    { kind: 'skip', pattern: /^\s*__test__\s*=\s*False\b/ },
    // conftest.py: collect_ignore = ["test_api.py"], collect_ignore_glob.append(...)
    { kind: 'skip', pattern: /^\s*collect_ignore(?:_glob)?\s*(?:\+?=|\.\s*(?:append|extend)\b)/ },
    // nose: @nottest
    { kind: 'skip', pattern: /^\s*@\s*(?:nose\s*\.\s*tools\s*\.\s*)?nottest\b/ },
    // Assertions on constants, which pass whatever the code does: assert True, assert 1 == 1,
    // self.assertTrue(True), self.assertEqual(1, 1) (not `assert False`: that one is "never reached")
    { kind: 'constant', pattern: re(`^\\s*assert(?:\\s+(?:True|1)|\\s*\\(\\s*True\\s*\\))${STATEMENT_END}`) },
    { kind: 'constant', pattern: re(`^\\s*assert\\s+(${LITERAL})\\s*(?:==|is)\\s*\\1${STATEMENT_END}`) },
    { kind: 'constant', pattern: /\bassert(?:True|_)\s*\(\s*(?:True|1)\s*[,)]|\bassertFalse\s*\(\s*(?:False|0|None)\s*[,)]|\bassertIsNone\s*\(\s*None\s*[,)]/ },
    { kind: 'constant', pattern: re(`\\bassert(?:Equal|Equals|Is|EqualValues)\\s*\\(\\s*(${LITERAL})\\s*,\\s*\\1\\s*[,)]`) },
  ],
  assertions: [
    // assert x, self.assertEqual(, self.assertRaises(, mock.assert_called_once_with(,
    // np.testing.assert_array_equal(
    /\bassert(?:[A-Z_]\w*)?\b/g,
    // with pytest.raises(ValueError):, pytest.warns(
    /(?<![\w.])pytest\s*\.\s*(?:raises|warns|deprecated_call)\s*\(/g,
  ],
  definitions: /^\s*(?:async\s+)?def\s+test|^\s*class\s+\w*Test/,
  collected: /^\s*(?:async\s+)?def\s+test|^\s*class\s+\w*Test/,
  // @pytest.mark.parametrize, @parameterized.expand, with self.subTest(
  parametrized: /\bmark\s*\.\s*parametrize\b|@\s*parameterized\b|\bsubTest\s*\(/,
  comment: HASH_COMMENT,
  lineComment: '#',
  guard: PYTHON_GUARD,
  // pytest collects test_*.py and *_test.py, unittest discovery test*.py
  testNames: ['**/test_*.py', '**/*_test.py', '**/test*.py', '**/conftest.py'],
};
