// Credentials whose value is not written right after a secret-like name (generic-forms.ts): each
// was missed before (confirmed with the built CLI): curl's `-u user:password`, ldap/smtp/imap
// URLs, `Authorization: Bearer|Basic|token …`, .NET `<add key=… value=…/>`, Spring
// `<property name=… value=…/>`, `<password>…</password>`, Postman and Kubernetes key/value pairs
// (also over two lines), `config['api_key'] = …`, `<VENDOR>_KEY=…`. Values are fakes built at
// run time, so this file holds none.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleContext, Violation } from '../../src/rule.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, file } from '../helpers/change.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { ALNUM, DIGITS, HEX, fake, pick, rng } from '../helpers/secret-samples.ts';

const CONTEXT = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} } as RuleContext;
function scan(content: string, path = 'config/app.cfg'): Violation[] {
  const files = [file(path, { status: 'added', added: content.split('\n') })];
  return secretLeakage.check(change({ files }), { allow: [], exclude: [], patterns: [], generic: true }, CONTEXT);
}
const found = (vs: Violation[]) => vs.map((v) => [v.line, v.data?.pattern, v.severity ?? 'error', v.secrets?.[0]]);

const r = rng(4242);
/** A password of three character classes, as a generator writes them. */
const password = () => `${fake(r, ALNUM, 16)}!${pick(r, DIGITS, 2)}${pick(r, ALNUM, 3)}`;
/** A random token (with a digit: a value of letters only reads as a word). */
const token = () => `${fake(r, ALNUM, 36)}${pick(r, DIGITS, 4)}`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const [curlPw, userPw, proxyPw, ldapPw, smtpPw, imapPw] = [password(), password(), password(), password(), password(), password()];
const [bearer, bearer2, bearer3, bearer4, ghToken, postman, postman2] = [token(), token(), token(), token(), token(), token(), token()];
const basicPw = password();
const basic = b64(`deploy:${basicPw}`);
const [netPw, springPw, xmlPw, k8sPw, dictKey, cohere, stripeUser] = [password(), password(), password(), password(), token(), token(), fake(r, ALNUM, 32)];

/** What each line holds, the line the secret is on, the pattern that must report it, and the secret. */
const CASES: [path: string, text: string, line: number, pattern: string, secret: string][] = [
  ['scripts/upload.sh', `curl -fsS -u deploy:${curlPw} https://artifacts.corp.io/upload`, 1, 'generic-secret', curlPw],
  ['scripts/upload2.sh', `curl -X POST \\\n  --user "deploy:${userPw}" \\\n  https://artifacts.corp.io/upload`, 2, 'generic-secret', userPw],
  ['scripts/proxy.sh', `curl --proxy-user=ops:${proxyPw} https://corp.io`, 1, 'generic-secret', proxyPw],
  ['scripts/charge.sh', `curl https://api.payments.io/v1/charges -u ${stripeUser}:`, 1, 'generic-secret', stripeUser],
  ['config/ldap.yml', `url: ldaps://cn=admin,dc=corp,dc=io:${ldapPw}@ldap.corp.io:636`, 1, 'url-credentials', ldapPw],
  ['config/mail.yml', `smtp: smtps://mailer:${smtpPw}@mail.corp.io:465`, 1, 'url-credentials', smtpPw],
  ['config/imap.yml', `imap: imap://mailer:${imapPw}@mail.corp.io`, 1, 'url-credentials', imapPw],
  ['scripts/api.sh', `curl -H "Authorization: Bearer ${bearer}" https://api.corp.io/v1/me`, 1, 'generic-secret', bearer],
  ['scripts/basic.sh', `curl -H 'Authorization: Basic ${basic}' https://api.corp.io/v1/me`, 1, 'generic-secret', basic],
  ['src/client.ts', `const res = await fetch(url, { headers: { Authorization: 'Bearer ${bearer2}' } });`, 1, 'generic-secret', bearer2],
  ['src/client.js', `headers['Authorization'] = "token ${ghToken}";`, 1, 'generic-secret', ghToken],
  ['client/client.go', `req.Header.Set("Authorization", "Bearer ${bearer3}")`, 1, 'generic-secret', bearer3],
  ['requests/me.http', `GET https://api.corp.io/v1/me\nAuthorization: Bearer ${bearer4}`, 2, 'generic-secret', bearer4],
  ['api.postman_collection.json', `{"key": "Authorization", "value": "Bearer ${postman}", "type": "text"}`, 1, 'generic-secret', postman],
  ['api2.postman_collection.json', `{\n\t"key": "token",\n\t"value": "${postman2}",\n\t"type": "string"\n}`, 3, 'generic-secret', postman2],
  ['Web.config', `<add key="DbPassword" value="${netPw}" />`, 1, 'generic-secret', netPw],
  ['src/main/resources/beans.xml', `<property name="password" value="${springPw}"/>`, 1, 'generic-secret', springPw],
  ['settings.xml', `<server><id>corp</id><username>ci</username><password>${xmlPw}</password></server>`, 1, 'generic-secret', xmlPw],
  ['k8s/deploy.yaml', `        - name: DB_PASSWORD\n          value: "${k8sPw}"`, 2, 'generic-secret', k8sPw],
  ['src/settings.py', `config['api_key'] = "${dictKey}"`, 1, 'generic-secret', dictKey],
  ['.env', `COHERE_KEY=${cohere}`, 1, 'generic-secret', cohere],
];

describe('secret-leakage: credentials given apart from their name, through the built CLI', () => {
  const dir = tempDir('prguard-secret-forms-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const diff = CASES.flatMap(([path, text]) => {
    const lines = text.split('\n');
    return [`diff --git a/${path} b/${path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${path}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)];
  });
  writeFileSync(join(dir, 'change.diff'), `${diff.join('\n')}\n`);
  const res = runCli(['check', '--diff', 'change.diff', '--format', 'json'], { cwd: dir });
  const findings = (JSON.parse(res.stdout) as { findings: { ruleId: string; message: string; path?: string; line?: number; severity: string }[] }).findings.filter((f) => f.ruleId === 'secret-leakage');

  it.each(CASES)('%s: an error on its line', (path, _text, line, pattern) => {
    expect(res.code, res.stderr).toBe(1);
    expect(findings.filter((f) => f.path === path).map((f) => [f.line, /\(pattern ([\w-]+)/.exec(f.message)?.[1], f.severity])).toEqual([[line, pattern, 'error']]);
  });

  it('prints none of the secrets', () => {
    for (const [, , , , secret] of CASES) {
      expect(res.stdout).not.toContain(secret);
      expect(res.stderr).not.toContain(secret);
    }
  });
});

describe('secret-leakage: the new forms, in the rule', () => {
  it('names what it found: the header, the option', () => {
    const names = (text: string) => scan(text).map((v) => v.data?.name);
    expect(names(`Authorization: Bearer ${token()}`)).toEqual(['Bearer token in an `Authorization` header']);
    expect(names(`Authorization: Basic ${basic}`)).toEqual(['Basic credentials in an `Authorization` header']);
    expect(names(`curl -u ci:${password()} https://corp.io`)).toEqual(['Password in a `-u user:password` option']);
    expect(names(`<add key="ApiToken" value="${token()}"/>`)).toEqual(['Secret assigned to `ApiToken`']);
  });

  it('is weak (a warning) in tests, fixtures and docs, like every generic finding', () => {
    const t = token();
    expect(found(scan(`Authorization: Bearer ${t}`, 'test/api.test.ts'))).toEqual([[1, 'generic-secret', 'warning', t]]);
    expect(found(scan(`curl -u ci:${curlPw} https://corp.io`, 'docs/upload.md'))).toEqual([[1, 'generic-secret', 'warning', curlPw]]);
    expect(found(scan(`{\n  "key": "password",\n  "value": "${netPw}"\n}`, 'test/fixtures/env.json'))).toEqual([[3, 'generic-secret', 'warning', netPw]]);
  });

  it('judges Basic credentials by their password', () => {
    expect(scan(`Authorization: Basic ${b64('admin:admin')}`)).toEqual([]);
    expect(scan(`Authorization: Basic ${b64('deploy:my-password-1')}`)).toEqual([]);
    expect(scan(`Authorization: Basic ${fake(r, ALNUM, 24)}`)).toEqual([]); // not base64 of user:password
  });

  it('a waiver on the value line of a two-line pair waives it', () => {
    expect(scan(`"key": "token",\n"value": "${token()}" // prguard-allow-secret`)).toEqual([]);
  });

  it('a value on a later line that is not the next one is not the name\'s', () => {
    const f = file('k8s/deploy.yaml', { added: ['- name: DB_PASSWORD'] });
    const hunk = f.hunks[0]!;
    f.hunks.push({ ...hunk, oldStart: 4, newStart: 5, added: [{ line: 5, content: `  value: "${k8sPw}"` }] });
    expect(secretLeakage.check(change({ files: [f] }), { allow: [], exclude: [], patterns: [], generic: true }, CONTEXT)).toEqual([]);
  });

  const NOT_SECRETS: [string, string][] = [
    ['a bearer token from a variable', 'headers: { Authorization: `Bearer ${token}` },'],
    ['a template placeholder', 'Authorization: Bearer {{access_token}}'],
    ['a concatenation', 'headers.Authorization = "Bearer " + token;'],
    ['an AWS Signature V4 header (a scheme, no secret)', `Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=${pick(r, HEX, 64)}`],
    ['a printf format', 'auth = aprintf("Authorization: %.*s4-HMAC-SHA256 ", len, provider);'],
    ['the bearer token of RFC 6750\'s examples', 'Authorization: Bearer mF_9.B5f-4.1JqM'],
    ['an assertion on a header', `expect(req.headers.Authorization).toBe("Bearer ${token()}");`],
    ['curl -u with shell variables', 'curl -u "$DEPLOY_USER:$DEPLOY_PASSWORD" https://corp.io'],
    ['curl -u with a default password', 'curl -u admin:admin http://localhost:8080'],
    ['curl -u with a made-up password', 'curl -u user:password123 http://localhost:8080'],
    ['a user name, no password', 'curl -u deploy https://corp.io'],
    ['a user and group id', 'docker run -u 1000:1000 image'],
    ['git push -u', 'git push -u origin feature/login:feature/login'],
    ['a human-written user as the key', 'curl -u deploy: https://corp.io'],
    ['a placeholder value of a key/value pair', '<add key="DbPassword" value="{{ db_password }}" />'],
    ['a property placeholder in an element', '<password>${db.password}</password>'],
    ['a Kubernetes secret reference', '- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}'],
    ['a key/value pair with a name that is no secret', `{"key": "requestId", "value": "${token()}"}`],
    ['an HTML password input', `<input type="password" value="${token()}">`],
    ['a <VENDOR>_KEY with a human-written value', 'COHERE_KEY=my-cohere-key-here'],
    ['a <VENDOR>_KEY with a short value', `OKTA_KEY=${pick(r, ALNUM, 14)}`],
    ['a public site key', `RECAPTCHA_SITE_KEY=6L${pick(r, ALNUM, 38)}`],
    ['a GPG key fingerprint', `GPG_KEY=${pick(r, HEX, 40).toUpperCase()}`],
    ['a lower-case key name (bare `key` is no secret name)', `cache_key = "${token()}"`],
  ];
  it.each(NOT_SECRETS)('not a secret: %s', (_what, text) => expect(found(scan(text))).toEqual([]));
});
