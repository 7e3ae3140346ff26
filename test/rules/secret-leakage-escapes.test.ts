// Secrets as code and config really write them: JSON string escapes (`\/` as PHP's json_encode
// writes it, `\u002F`), escaped quotes (code inside a notebook's JSON), base64 values with `==`
// padding (a Kubernetes Secret, a Docker `auth`), and private keys as string literals in code,
// which must have the fingerprint the same key has in a .pem file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import { defaultPolicy } from '../../src/policy/index.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import { formatters } from '../../src/report/index.ts';
import { allRules } from '../../rules/index.ts';
import { fingerprint } from '../../rules/secret-leakage/fingerprint.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, file } from '../helpers/change.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { pem, pemBody, rng, sample } from '../helpers/secret-samples.ts';
import { run } from './helpers.ts';

const r = rng(77);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const changeOf = (lines: string[], path: string) => change({ files: [file(path, { status: 'added', added: lines })] });
const scan = (lines: string[], path = 'config/app.json') => run(secretLeakage, changeOf(lines, path));
const fp = (secret: string) => fingerprint('secret-leakage', secret);
const jsonSlashes = (text: string) => text.replace(/\//g, '\\/');
// A password as a generated one looks: mixed classes, no words.
const password = 'Zq8#vLm2!pRt9wXy';

describe('secret-leakage: JSON string escapes', () => {
  const hook = sample('slack-webhook-url', r);
  const aws = sample('aws-secret-access-key', r);

  it('finds a webhook URL and an AWS secret key written with `\\/`, and a password in a `https:\\/\\/` URL', () => {
    const vs = scan([
      `{"hook":"${jsonSlashes(hook.text)}",`,
      ` "aws_secret_access_key":"${jsonSlashes(aws.secret)}",`,
      ` "mirror":"https:\\/\\/deploy:Vq7rLp2xZr9wKd4m@git.acme.io\\/shop.git"}`,
    ]);
    expect(vs.map((v) => [v.line, v.data?.pattern])).toEqual([[1, 'slack-webhook-url'], [2, 'aws-secret-access-key'], [3, 'url-credentials']]);
    expect(vs[0]?.data?.name).toBe('Slack incoming webhook URL, JSON-escaped');
    expect(vs.map((v) => v.fingerprint)).toEqual([hook.secret, aws.secret, 'Vq7rLp2xZr9wKd4m'].map(fp));
    expect(vs[0]?.secrets).toContain(jsonSlashes(hook.secret));
  });

  it('finds a secret key written with `\\u002F` escapes', () => {
    const vs = scan([`{"aws_secret_access_key":"${aws.secret.replace(/\//g, '\\u002F')}"}`]);
    expect(vs.map((v) => [v.data?.pattern, v.fingerprint])).toEqual([['aws-secret-access-key', fp(aws.secret)]]);
  });

  it('the escaped form is in no report', () => {
    const changeSet = changeOf([`{"hook":"${jsonSlashes(hook.text)}"}`], 'config/app.json');
    const report = runEngine({ change: changeSet, policy: defaultPolicy(allRules), rules: allRules, ai: resolveProvenance(changeSet) });
    expect(report.findings.filter((f) => f.ruleId === 'secret-leakage')).toHaveLength(1);
    for (const format of Object.values(formatters)) {
      const out = format(report, { color: false, rules: allRules.map((x) => x.meta) });
      expect(out).not.toContain(jsonSlashes(hook.secret).slice(12, 40));
      expect(out).not.toContain(hook.secret.slice(12, 30));
    }
  });

  it('an escaped backslash or a `\\/` in an ordinary path is no finding', () => {
    expect(scan(['{"path":"C:\\\\tokens\\\\", "docs":"https:\\/\\/example.com\\/auth\\/token"}', '{"token_url":"https:\\/\\/auth.acme.io\\/oauth\\/token"}'])).toEqual([]);
  });
});

describe('secret-leakage: generic values as config really writes them', () => {
  it('finds a base64 value with `==` padding (a Kubernetes Secret, a Docker auth, an .npmrc _auth)', () => {
    const k8s = b64(password);
    const auth = b64(`deploy:${password}`);
    expect(k8s.endsWith('==') && auth.endsWith('=')).toBe(true);
    const vs = scan([`  password: ${k8s}`], 'k8s/secret.yaml');
    expect(vs.map((v) => v.fingerprint)).toEqual([fp(k8s)]);
    expect(scan([`{"auths":{"registry.acme.io":{"auth":"${auth}"}}}`], '.docker/config.json').map((v) => v.fingerprint)).toEqual([fp(auth)]);
    expect(scan([`_auth=${auth}`], '.npmrc').map((v) => v.fingerprint)).toEqual([fp(auth)]);
  });

  it('a base64 value is judged by what it encodes: base64 of a placeholder or of `user:password` is no finding', () => {
    const example = ['password', 'changeme', 'your-api-key-here', 'admin:admin'].map((t) => `  ${t.split(/[-:]/)[0]}: ${b64(t)}`);
    expect(scan(['apiVersion: v1', 'kind: Secret', 'data:', ...example], 'k8s/secret.example.yaml')).toEqual([]);
    expect(scan([`{"auths":{"registry.acme.io":{"auth":"${b64('user:password')}"}}}`, `_auth=${b64('me:changeme')}`], '.docker/config.json')).toEqual([]);
    // A document (a key file, an .env) encoded whole is not judged as one value.
    const env = b64(`DB_HOST=db.internal\nDB_USER=app\nDB_PASS=${password}\n`);
    expect(scan([`  credentials: ${env}`], 'k8s/app.yaml').map((v) => v.fingerprint)).toEqual([fp(env)]);
  });

  it('finds a password holding `!=`, and still takes a comparison for one', () => {
    expect(scan(['DB_PASSWORD=Vq7!=rLp2xZr9wKd'], '.env').map((v) => v.data?.pattern)).toEqual(['generic-secret']);
    expect(scan([`if password == "${password}":`, `assert token != '${password}'`], 'app/auth.py')).toEqual([]);
  });

  it('finds a value in escaped quotes: code in a notebook cell, a C string', () => {
    const cell = JSON.stringify({ cell_type: 'code', source: ['import os\n', `password = "${password}"\n`] });
    expect(scan([cell], 'notebooks/load.ipynb').map((v) => v.fingerprint)).toEqual([fp(password)]);
    expect(scan([`const char *cfg = "{\\"api_key\\": \\"${password}\\"}";`], 'src/cfg.c').map((v) => v.fingerprint)).toEqual([fp(password)]);
  });

  it('a base64 value that decodes to a provider token with a bad checksum is that provider’s to judge', () => {
    const token = sample('github-classic-pat', r).secret;
    const bad = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(scan([`  token: ${b64(bad)}`], 'k8s/secret.yaml')).toEqual([]);
  });
});

describe('secret-leakage: a private key as string literals in code', () => {
  const key = pem(r, 'RSA PRIVATE KEY');
  const rows = key.split('\n');
  const styles: [string, string, string[]][] = [
    ['a .pem file', 'keys/app.pem', rows],
    ['C strings with \\n', 'src/key.c', ['static const char *key =', ...rows.map((l) => `    "${l}\\n"`), ';']],
    ['one C string with line continuations', 'src/key2.c', `static const char *key = "${rows.join('\\n\\\n')}\\n";`.split('\n')],
    ['JavaScript concatenation', 'src/key.js', ['const key =', ...rows.map((l) => `  '${l}\\n' +`), "  '';"]],
    ['Java concatenation with a leading +', 'src/Key.java', ['String key = ""', ...rows.map((l) => `    + "${l}\\n"`), '    ;']],
    ['PHP concatenation', 'src/key.php', ['$key = ""', ...rows.map((l) => `  . "${l}\\n"`), ';']],
    ['a JSON array of rows', 'config/key.json', ['{"key": [', ...rows.map((l) => `  "${l}",`), ']}']],
    ['a JSON key file', 'config/sa.json', [JSON.stringify({ private_key: `${key}\n` })]],
  ];

  it.each(styles)('%s: the same fingerprint as the key in a .pem file', (_, path, lines) => {
    const vs = scan(lines, path);
    expect(vs.map((v) => [v.data?.pattern, v.fingerprint])).toEqual([['private-key-rsa', fp(pemBody(key))]]);
  });
});

describe('secret-leakage: the start of a token that an error message clipped', () => {
  it('is masked when a quote closes the clipped text (V8 quotes JSON it cannot parse as `"[ghp_AbCdEf"...`)', () => {
    for (const id of ['github-classic-pat', 'slack-bot-token']) {
      const token = sample(id, r).secret;
      let message = '';
      try {
        JSON.parse(`[${token}]`);
      } catch (e) {
        message = (e as Error).message;
      }
      const cut = message.slice(message.indexOf('[') + 1, message.indexOf('"...'));
      expect(token.startsWith(cut) && cut.length >= 8, message).toBe(true);
      expect(secretLeakage.findSecrets?.(message)).toContain(cut);
    }
  });

  it('through the built CLI: a --reviews file holding a token is reported without it', () => {
    const dir = tempDir('prguard-secret-cut-');
    const token = sample('github-classic-pat', r).secret;
    writeFileSync(join(dir, 'change.diff'), 'diff --git a/a.txt b/a.txt\nnew file mode 100644\n--- /dev/null\n+++ b/a.txt\n@@ -0,0 +1 @@\n+x\n');
    writeFileSync(join(dir, 'reviews.json'), `[${token}]`);
    const res = runCli(['check', '--diff', 'change.diff', '--reviews', 'reviews.json'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('is not the JSON');
    for (let i = 2; i + 6 <= token.length; i++) expect(res.stdout + res.stderr).not.toContain(token.slice(i, i + 6));
  });
});
