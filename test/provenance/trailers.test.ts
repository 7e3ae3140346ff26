import { describe, expect, it } from 'vitest';
import { parseTrailers } from '../../src/provenance/trailers.ts';

// [case, message, expected [key, value, line][]]
const cases: [string, string, [string, string, number][]][] = [
  ['Claude Code commit', 'Add MCP middleware\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>', [['Co-Authored-By', 'Claude <noreply@anthropic.com>', 5]]],
  ['several trailers', 'Fix\n\nBody.\n\nSigned-off-by: Ada <ada@example.com>\nCo-authored-by: Bob <bob@example.com>', [['Signed-off-by', 'Ada <ada@example.com>', 5], ['Co-authored-by', 'Bob <bob@example.com>', 6]]],
  ['subject only is never a trailer', 'Fix: the parser', []],
  ['prose paragraph with a colon', 'Fix\n\nNote that this is prose: not a trailer block\nbecause it has prose lines.', []],
  ['mixed block with Signed-off-by (25% rule)', 'Fix\n\nSome text here\nCo-authored-by: Bob <bob@example.com>\nSigned-off-by: Ada <ada@example.com>', [['Co-authored-by', 'Bob <bob@example.com>', 4], ['Signed-off-by', 'Ada <ada@example.com>', 5]]],
  ['continuation line', 'Fix\n\nAssisted-by: Claude:claude-3-opus\n  coccinelle', [['Assisted-by', 'Claude:claude-3-opus coccinelle', 3]]],
  ['CRLF and trailing blank lines', 'Fix\r\n\r\nCo-authored-by: Bob <bob@example.com>\r\n\r\n', [['Co-authored-by', 'Bob <bob@example.com>', 3]]],
  ['comment lines ignored', 'Fix\n\nCo-authored-by: Bob <bob@example.com>\n# Please enter the commit message', [['Co-authored-by', 'Bob <bob@example.com>', 3]]],
];

describe('parseTrailers', () => {
  it.each(cases)('%s', (_name, message, expected) => {
    expect(parseTrailers(message).map((t) => [t.key, t.value, t.line])).toEqual(expected);
  });
});
