import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { parsePushedRefs } from '../../src/hooks/push-refs.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('parsePushedRefs', () => {
  it.each([
    ['an update', `refs/heads/f ${A} refs/heads/f ${B}\n`, [{ kind: 'update', localSha: A, remoteSha: B }]],
    ['a new branch', `refs/heads/f ${A} refs/heads/f ${Z}\n`, [{ kind: 'create', remoteRef: 'refs/heads/f' }]],
    ['a deletion', `(delete) ${Z} refs/heads/old ${B}\n`, [{ kind: 'delete', localRef: '(delete)' }]],
    ['several refs and blank lines', `\nrefs/heads/a ${A} refs/heads/a ${Z}\r\n\nrefs/heads/b ${B} refs/heads/b ${A}\n`, [{ localRef: 'refs/heads/a' }, { localRef: 'refs/heads/b' }]],
    ['nothing (git pushes nothing)', '', []],
    ['a local ref as the user wrote it, with spaces', `HEAD@{1 day ago} ${A} refs/heads/x ${Z}\n`, [{ kind: 'create', localRef: 'HEAD@{1 day ago}', localSha: A, remoteRef: 'refs/heads/x' }]],
    ['SHA-256 object names', `HEAD ${'c'.repeat(64)} refs/heads/x ${'0'.repeat(64)}`, [{ kind: 'create' }]],
  ])('%s', (_name, input, expected) => {
    const refs = parsePushedRefs(input);
    expect(refs).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(refs[i]).toMatchObject(e));
  });

  it.each([
    ['three fields', `refs/heads/f ${A} refs/heads/f`],
    ['a short sha', `refs/heads/f abc refs/heads/f ${B}`],
    ['upper-case junk', `refs/heads/f ${A.toUpperCase()} refs/heads/f ${B}`],
  ])('rejects %s with a usage error naming the line', (_name, input) => {
    expect(() => parsePushedRefs(`refs/heads/ok ${A} refs/heads/ok ${B}\n${input}`)).toThrowError(UsageError);
    expect(() => parsePushedRefs(input)).toThrowError(/line 1 is not "<local ref> <local sha> <remote ref> <remote sha>"/);
  });
});
