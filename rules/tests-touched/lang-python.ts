// Python: pytest, unittest, nose.
import { HASH_COMMENT, type Language } from './language.ts';

// `pytest.mark.skip` or, after `from pytest import mark`, `mark.skip`.
const MARK = '(?<![\\w.])(?:pytest\\s{0,4}\\.\\s{0,4})?mark\\s{0,4}\\.\\s{0,4}';
// unittest's decorators: `@unittest.skip(`, or after `from unittest import skip`, `@skip(`;
// also `unittest.skip` used as a value.
const UNITTEST = '(?:^\\s*@\\s{0,4}(?:unittest\\s{0,4}\\.\\s{0,4})?|(?<![\\w.])unittest\\s{0,4}\\.\\s{0,4})';
const ARG = '\\s{0,4}\\(\\s{0,4}';
const END = '\\s{0,4}[,)]';

const re = (source: string) => new RegExp(source);

export const python: Language = {
  name: 'Python',
  extensions: ['py'],
  markers: [
    { kind: 'focus', pattern: re(`${MARK}(?:only|focus)\\b`) },
    // @pytest.mark.skip, @mark.skip, @pytest.mark.xfail, pytestmark = pytest.mark.skip
    { kind: 'skip', pattern: re(`${MARK}(?:skip|xfail)\\b`) },
    { kind: 'skip', pattern: re(`${MARK}skipif${ARG}(?:True|1)${END}`) },
    { kind: 'conditional', pattern: re(`${MARK}skipif\\b(?!${ARG}(?:False|0|None)${END})`) },
    { kind: 'skip', pattern: /(?<![\w.])pytest\s{0,4}\.\s{0,4}(?:skip|xfail)\s{0,4}\(/ },
    { kind: 'conditional', pattern: /(?<![\w.])pytest\s{0,4}\.\s{0,4}importorskip\s{0,4}\(/ },
    { kind: 'skip', pattern: re(`${UNITTEST}(?:skip|expectedFailure)\\b`) },
    { kind: 'skip', pattern: re(`${UNITTEST}(?:skipIf${ARG}(?:True|1)|skipUnless${ARG}(?:False|0|None))${END}`) },
    { kind: 'conditional', pattern: re(`${UNITTEST}(?:skipIf\\b(?!${ARG}(?:False|0|None)${END})|skipUnless\\b(?!${ARG}(?:True|1)${END}))`) },
    { kind: 'skip', pattern: /\bself\s{0,4}\.\s{0,4}skipTest\s{0,4}\(/ },
    // raise unittest.SkipTest("later"), raise SkipTest, raise pytest.skip.Exception
    { kind: 'skip', pattern: /\braise\s{1,4}[\w.]{0,60}?(?:SkipTest|skip\s{0,4}\.\s{0,4}Exception)\b/ },
    // `__test__ = False` hides a module or class from pytest and nose collection
    { kind: 'skip', pattern: /^\s*__test__\s{0,4}=\s{0,4}False\b/ },
    // conftest.py: collect_ignore = ["test_api.py"], collect_ignore_glob.append(...)
    { kind: 'skip', pattern: /^\s*collect_ignore(?:_glob)?\s{0,4}(?:\+?=|\.\s{0,4}(?:append|extend)\b)/ },
    // nose: @nottest
    { kind: 'skip', pattern: /^\s*@\s{0,4}(?:nose\s{0,4}\.\s{0,4}tools\s{0,4}\.\s{0,4})?nottest\b/ },
  ],
  assertions: [
    // assert x, self.assertEqual(, self.assertRaises(, mock.assert_called_once_with(,
    // np.testing.assert_array_equal(
    /\bassert(?:[A-Z_]\w{0,60})?\b/g,
    // with pytest.raises(ValueError):, pytest.warns(
    /(?<![\w.])pytest\s{0,4}\.\s{0,4}(?:raises|warns|deprecated_call)\s{0,4}\(/g,
  ],
  comment: HASH_COMMENT,
  // pytest collects test_*.py and *_test.py, unittest discovery test*.py
  testNames: ['**/test_*.py', '**/*_test.py', '**/test*.py', '**/conftest.py'],
};
