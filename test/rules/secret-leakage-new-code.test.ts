// Shapes met on code the rule was not tuned on (secret scanners' own test data, SDK API examples,
// a baseline of hashed secrets): each is no credential and must not be reported, while the
// credential next to it still is.
import { describe, expect, it } from 'vitest';
import type { Violation } from '../../src/rule.ts';
import { checksumOf } from '../../rules/secret-leakage/checksums.ts';
import { fileKind } from '../../rules/secret-leakage/context.ts';
import { secretLeakage, type SecretLeakageOptions } from '../../rules/secret-leakage/index.ts';
import { change, context, file } from '../helpers/change.ts';
import { ALNUM, fake, rng } from '../helpers/secret-samples.ts';

const OPTIONS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const scan = (path: string, text: string): Violation[] =>
  secretLeakage.check(change({ files: [file(path, { status: 'added', added: text.split('\n') })] }), OPTIONS, context());
const severities = (vs: Violation[]) => vs.map((v) => v.severity ?? 'error');
const r = rng(11);
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('secret-leakage on new code: not secrets', () => {
  it('a hash under a name that says it was hashed (a secrets baseline, a user table)', () => {
    const sha1 = fake(r, '0123456789abcdef', 40);
    expect(scan('.secrets.baseline', `      "hashed_secret": "${sha1}",`)).toEqual([]);
    expect(scan('src/users.ts', `  hashedPassword: '${fake(r, '0123456789abcdef', 64)}',`)).toEqual([]);
    // The secret itself under a name that only mentions hashing is still one.
    expect(severities(scan('src/hmac.ts', `const hashSecret = '${fake(r, ALNUM, 32)}';`))).toEqual(['error']);
  });

  it('pagination tokens an API returns (AWS, Google, Azure) are page markers, not credentials', () => {
    const marker = `${fake(r, ALNUM, 40)}/${fake(r, ALNUM, 14)}==`;
    expect(scan('data/s3/api.json', `      "NextContinuationToken": "${marker}",`)).toEqual([]);
    expect(scan('src/list.py', `    next_page_token = "${fake(r, ALNUM, 32)}"`)).toEqual([]);
    expect(scan('src/list.ts', `  nextToken: '${fake(r, ALNUM, 32)}',`)).toEqual([]);
    expect(scan('data/jobs/paginators.json', '      "output_token": "Jobs[-1].JobId9",')).toEqual([]);
    // A session or access token is still a credential.
    expect(severities(scan('src/list.ts', `  sessionToken: '${fake(r, ALNUM, 32)}',`))).toEqual(['error']);
  });

  it('a key spec is an algorithm name', () => {
    expect(scan('src/kms.ts', '  CustomerMasterKeySpec: "ECC_NIST_P256",')).toEqual([]);
  });

  it('a file named as API examples is documentation: a password in it is a warning', () => {
    const line = `      "NewPassword": "]35d/{pB9Fo9wJ",`;
    expect(severities(scan('data/iam/2010-05-08/examples-1.json', line))).toEqual(['warning']);
    expect(severities(scan('config/example.yaml', `password: "]35d/{pB9Fo9wJ"`))).toEqual(['warning']);
    expect(severities(scan('data/iam/2010-05-08/service-2.json', line))).toEqual(['error']);
    expect(fileKind('api/examples-1.json')).toBe('doc');
    expect(fileKind('src/example.ts')).toBe('code');
  });

  it('a token body typed along the alphabet is a placeholder, up or down, any case', () => {
    const body = `1234sample567890${'zyxwvutsrqponmlkjihgfedcba'}${'ZYXWVUTSRQPONMLKJIHGFEDCBA'}0987654321`.repeat(2);
    expect(scan('src/fly.ts', `const token = "FlyV1 fm2_${body}";`)).toEqual([]);
    expect(scan('src/cfg.ts', `export const apiKey = "Q7${'klmnopqr'}Xz91Lm";`)).toEqual([]);
    expect(scan('src/cfg.ts', `export const apiKey = "Q7${'98765432'}Xz91LmWp";`)).toEqual([]);
    // Seven steps are not enough to call it typed: a random body can hold a short run.
    expect(severities(scan('src/ci.ts', `const t = "glpat-Q7${'klmnopq'}Xz91LmWp4Rt6";`))).toEqual(['error']);
    expect(scan('src/ci.ts', `const t = "glpat-Q7${'klmnopqr'}Xz91LmWp4Rt";`)).toEqual([]);
  });

  it('an unsecured JWT (alg none, no signature) grants nothing; a signed one is still reported', () => {
    const header = b64url({ alg: 'none' });
    const payload = b64url({ sub: 'test-user' });
    expect(scan('src/Auth.java', `String tokenWithNoneAlg = "${header}.${payload}.";`)).toEqual([]);
    const hs = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${payload}.${fake(r, ALNUM, 43)}`;
    expect(severities(scan('src/Auth.java', `String token = "${hs}";`))).toEqual(['error']);
    // A header that is not `none` with an empty signature stays a generic finding.
    expect(severities(scan('src/Auth.java', `String token = "${b64url({ alg: 'RS256' })}.${payload}.";`))).toEqual(['error']);
  });

  it('an f-string field that calls a function is filled in at run time', () => {
    expect(scan('src/seed.py', `        f.write(f'secret = "{uuid.uuid4()}"'.encode())`)).toEqual([]);
    expect(scan('src/seed.py', `    token = f"{secrets.token_hex(16)}"`)).toEqual([]);
  });

  it('a checksum-valid token under a pagination name is still its provider\'s finding', () => {
    const body = fake(r, ALNUM, 30);
    const ghp = `ghp_${body}${checksumOf.base62Crc(body)}`;
    expect(scan('src/list.ts', `  nextToken: '${ghp}',`).map((v) => v.data?.pattern)).toEqual(['github-classic-pat']);
  });
});
