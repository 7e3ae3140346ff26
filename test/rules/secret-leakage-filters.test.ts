// What a reviewer would never call a secret is not one; what is one keeps its confidence class
// and severity. Each case is shaped like a line seen in real repositories.
import { describe, expect, it } from 'vitest';
import type { ChangeSet, FileChange } from '../../src/model.ts';
import type { Violation } from '../../src/rule.ts';
import { checksumOf } from '../../rules/secret-leakage/checksums.ts';
import { fileKind } from '../../rules/secret-leakage/context.ts';
import { secretLeakage, type SecretLeakageOptions } from '../../rules/secret-leakage/index.ts';
import { WINDOW } from '../../rules/secret-leakage/scanner.ts';
import { change, context, file } from '../helpers/change.ts';
import { ALNUM, fake, pem, rng } from '../helpers/secret-samples.ts';

const DEFAULTS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const run = (c: ChangeSet, options: Partial<SecretLeakageOptions> = {}): Violation[] =>
  secretLeakage.check(c, { ...DEFAULTS, ...options }, context());
const scan = (path: string, text: string, options: Partial<SecretLeakageOptions> = {}) =>
  run(change({ files: [file(path, { status: 'added', added: text.split('\n') })] }), options);
const severity = (v: Violation) => v.severity ?? 'error';
const r = rng(7);
const ghp = () => {
  const body = fake(r, ALNUM, 30);
  return `ghp_${body}${checksumOf.base62Crc(body)}`;
};
const RANDOM = 'q8Zr3kLmN7vXp2WtY5sB';

describe('secret-leakage filters: not secrets', () => {
  const cases: [string, string, string][] = [
    ['a comparison in a test', 'tests/test_session.py', "    assert result.session_api_key == 'session_key_123'"],
    ['a comparison in code', 'src/auth.ts', "if (session.apiToken === 'q8Zr3kLmN7vXp2WtY5sB') return;"],
    ['an expect() assertion', 'src/auth.test.ts', '  expect(config.apiToken).toBe("q8Zr3kLmN7vXp2Wt");'],
    ['an f-string placeholder as URL password', 'src/azure.py', "    url = f'https://testorg:{azure_devops_token}@dev.azure.com/testorg/p'"],
    ['a printf placeholder', 'src/db.py', '    password = "%s" % os.environ["DB"]'],
    ['a template placeholder', 'deploy/values.yaml', '  token: "{{ .Values.apiToken }}"'],
    ['a shell variable', 'scripts/deploy.sh', 'export API_TOKEN="$CI_DEPLOY_TOKEN"'],
    ['an angle-bracket placeholder', 'README.md', 'API_TOKEN=<your-api-token>'],
    ['a version constraint', 'pyproject.toml', 'google-auth = ">=1.25.0,<3.0dev"'],
    ['lockfile metadata', 'poetry.lock', 'google-auth = ">=1.25.0,<3.0dev"'],
    ['a YOUR-… placeholder', 'docs/setup.md', 'CONFIDENT_API_KEY="YOUR-PROJECT-API-KEY"'],
    ['a made-up value of words', 'src/s3.ts', "  accessKey: 'my-access-key-123',"],
    ['a made-up value ending in a digit', 'src/s3.ts', "  secretKey: 'secret-key-1',"],
    ['a test bot token', 'src/bot.ts', '  botToken: "123456:TEST-TOKEN",'],
    ['a …_123 key', 'src/cline.ts', '  api_key: "cline_key_123",'],
    ['a short fake provider prefix', 'src/llm.ts', '  apiKey: "sk-ant-123",'],
    ['an identifier', 'src/mcp.ts', "const authKey = '__mcpAuth'"],
    ['a word', 'src/form.ts', "  password: 'Password',"],
    ['a sequence', 'src/seed.ts', "  password: 'Abcd1234!',"],
    ['a URL after a name ending in -https', 'src/graph.test.ts', '        "token-prefix-https://169.254.169.254/latest",'],
  ];
  for (const [what, path, line] of cases) {
    it(what, () => expect(scan(path, line)).toEqual([]));
  }

  it('a URL password on a host reserved for documentation (RFC 2606) opens nothing', () => {
    expect(scan('src/client.py', 'url = "https://username%40gmail.com:Xk9mQ2vL7nR4wT@example.com"')).toEqual([]);
    expect(scan('src/db.ts', "const url = 'postgres://app:Xk9mQ2vL7nR4wT@db.internal.test:5432/app';")).toEqual([]);
  });

  it('a URL password in a test or with a human-written value is weak; on a real host in code it is an error', () => {
    expect(scan('tests/test_auth.py', 'url = "https://user:Xk9mQ2vL7nR4wT@api.acme.io/"').map(severity)).toEqual(['warning']);
    expect(scan('httpx/_urls.py', '    https://jo%40email.com:a%20secret%20pass@m\u00fcller.de:1234/path').map(severity)).toEqual(['warning']);
    const real = scan('docs/deploy.md', 'curl https://deploy:Xk9mQ2vL7nR4wTq8Z@registry.acme.io/v2/');
    expect(real.map((v) => [v.data?.pattern, v.confidence, severity(v)])).toEqual([['url-credentials', 'generic', 'error']]);
  });

  it('snapshot files: generic assignments are data (by path and by content)', () => {
    const insta = ['---', 'source: crates/parser/tests/spec.rs', 'expression: snapshot', '---', '  l_curly_token: L_CURLY@317..318 "{" [] [],'];
    expect(scan('crates/css/tests/specs/ok/a.css.snap', insta.join('\n'))).toEqual([]);
    expect(scan('crates/css/out/a.txt', insta.join('\n'))).toEqual([]);
    const jest = ['// Jest Snapshot v1, https://goo.gl/fbAQLP', '', `exports[\`x 1\`] = \`{ "token": "${RANDOM}" }\`;`];
    expect(scan('src/__snapshots__/x.test.ts.snap', jest.join('\n'))).toEqual([]);
  });

  it('a source map is recognised by content: its mappings are inert, its sourcesContent is scanned', () => {
    const token = ghp();
    const map = `{"version":3,"mappings":"AAAA,SAASA,GAAG${fake(r, ALNUM, 40)};AACA","sourcesContent":["const t = '${token}';"]}`;
    const found = scan('dist/keys.map', map);
    expect(found.map((v) => v.data?.pattern)).toEqual(['github-classic-pat']);
  });
});

describe('secret-leakage: confidence classes and severities', () => {
  it('a password with `$` in it is not taken for a shell variable', () => {
    expect(scan('.env', 'DB_PASSWORD="Xk9mQ2vL7nR4$word"').map((v) => [v.data?.pattern, severity(v)])).toEqual([['generic-secret', 'error']]);
    expect(scan('.env', 'DB_PASSWORD=$DB_PASSWORD_FROM_VAULT')).toEqual([]);
  });

  it('a password in a query string ends where the string holding it ends (a JDBC URL, a CLI flag)', () => {
    const jdbc = scan('src/db.py', `url = "jdbc:mysql://db.internal:3306/app?user=app&password=${RANDOM}"`);
    expect(jdbc.map((v) => [v.data?.pattern, severity(v)])).toEqual([['generic-secret', 'error']]);
    expect(JSON.stringify(jdbc[0]!.data)).not.toContain(RANDOM);
    expect(scan('scripts/run.ts', `spawn('mysql', ['--password=${RANDOM}']);`).map((v) => v.data?.pattern)).toEqual(['generic-secret']);
    // Only a host after `//` is a protocol-relative URL, not a value that happens to start so.
    expect(scan('src/db.ts', `const password = "//${RANDOM}";`).map((v) => v.data?.pattern)).toEqual(['generic-secret']);
  });

  it('every finding carries its class', () => {
    const vs = scan('src/config.ts', [`const a = '${ghp()}';`, `const b = 'glpat-${fake(r, ALNUM, 20)}';`, `const api_key = "${RANDOM}";`].join('\n'));
    expect(vs.map((v) => [v.data?.pattern, v.confidence, severity(v)])).toEqual([
      ['github-classic-pat', 'verified-format', 'error'],
      ['gitlab-pat', 'format', 'error'],
      ['generic-secret', 'generic', 'error'],
    ]);
  });

  it('a generic finding is weak (warning) in tests, fixtures and docs, and for human-written values', () => {
    for (const path of ['src/api.test.ts', 'tests/conftest.py', 'test/fixtures/env.json', 'docs/guide.md']) {
      expect(scan(path, `api_key = "${RANDOM}"`).map(severity), path).toEqual(['warning']);
    }
    expect(scan('src/tinybird.ts', 'TOKEN "inboxzero-vercel-2026-04-21" READ').map(severity)).toEqual(['warning']);
  });

  it('a checksum-valid token in a test stays an error and says how to mark a fixture', () => {
    const [v] = scan('test/sanitizer.test.ts', `redact("Token: ${ghp()}")`);
    expect(severity(v as Violation)).toBe('error');
    const message = JSON.stringify(v?.data) + secretLeakage.meta.messages.found;
    for (const how of ['prguard-allow-secret', '`allow:`', 'prguard secrets baseline']) expect(message).toContain(how);
  });

  it('the severities option maps classes, off drops them', () => {
    const text = [`const a = '${ghp()}';`, `const api_key = "${RANDOM}";`].join('\n');
    const vs = scan('src/config.ts', text, { severities: { generic: 'notice', 'verified-format': 'warning' } });
    expect(vs.map((v) => [v.confidence, severity(v)])).toEqual([['verified-format', 'warning'], ['generic', 'notice']]);
    expect(scan('src/config.ts', text, { severities: { generic: 'off' } }).map((v) => v.confidence)).toEqual(['verified-format']);
  });

  it('file kinds by path', () => {
    expect(['src/a.ts', 'pkg/a_test.go', 'tests/x.py', 'a/__fixtures__/b.json', 'x.snap', 'yarn.lock', 'README.md'].map((p) => fileKind(p))).toEqual([
      'code', 'test', 'test', 'fixture', 'snapshot', 'lock', 'doc',
    ]);
  });
});

describe('secret-leakage: what the change could not show', () => {
  const binary = (path: string, contentScan: FileChange['contentScan']): FileChange => ({ ...file(path, { status: 'added', binary: true }), contentScan });

  it('scans the printable runs of a binary file', () => {
    const token = ghp();
    const vs = run(change({ files: [binary('assets/blob.bin', { lines: [{ line: 1, content: `\u0001junk ${token} more` }] })] }));
    expect(vs.map((v) => v.data?.pattern)).toEqual(['github-classic-pat']);
  });

  it('a skipped binary file is an error where secrets live, a notice elsewhere', () => {
    const vs = run(change({ files: [binary('.env.production', { skipped: 'over the 8 MB limit' }), binary('img/logo.png', { skipped: 'over the 8 MB limit' })] }));
    expect(vs.map((v) => [v.messageId, v.path, severity(v)])).toEqual([
      ['notScanned', '.env.production', 'error'],
      ['notScanned', 'img/logo.png', 'notice'],
    ]);
  });

  it('an added line read only in part fails at the rule\'s severity, in the net diff and in a commit\'s history, unless its path is excluded', () => {
    const cutFile = (path: string): FileChange => {
      const f = file(path, { status: 'added', added: ['const a = 1;', `const b = "${'x'.repeat(64)}`] });
      f.hunks[0]!.cut = [2];
      return f;
    };
    const c = change({ files: [cutFile('dist/app.min.js')], history: [{ sha: 'abcdef1234567', files: [cutFile('old/blob.js')] }] });
    const vs = run(c);
    expect(vs.map((v) => [v.messageId, v.path, v.line, v.severity])).toEqual([
      ['scannedInPart', 'dist/app.min.js', 2, undefined],
      ['scannedInPart', 'old/blob.js', 2, undefined],
    ]);
    expect(vs.map((v) => v.data?.where)).toEqual(['dist/app.min.js:2', 'old/blob.js:2 as added by commit abcdef1']);
    expect(run(c, { exclude: ['dist/**', 'old/**'] })).toEqual([]);
  });

  it('a binary secret-prone file without any content is not a silent pass', () => {
    const vs = run(change({ files: [file('keys/deploy.pem', { status: 'added', binary: true })] }));
    expect(vs.map((v) => [v.messageId, severity(v)])).toEqual([['notScanned', 'error']]);
  });

  it('a token on the edge of a long-line window is found once', () => {
    const token = ghp();
    for (const at of [WINDOW - 10, WINDOW - 4096 + 3, 3 * WINDOW]) {
      const line = `${'a '.repeat(at / 2)}${token} ${'b '.repeat(WINDOW)}`;
      const vs = scan('dist/bundle.min.js', line);
      expect(vs.map((v) => v.data?.pattern), String(at)).toEqual(['github-classic-pat']);
      expect(vs[0]?.secrets).toEqual([token]);
    }
  });

  it('prguard-allow-secret waives a long line wherever on it the marker and the token are', () => {
    // A bundle embedding a document that mentions the marker: its windows are one line.
    const token = ghp();
    const line = `// prguard-allow-secret ${'a '.repeat(WINDOW)}${token} ${'b '.repeat(WINDOW)}`;
    expect(scan('dist/bundle.min.js', line)).toEqual([]);
    expect(scan('dist/bundle.min.js', line.replace('prguard-allow-secret', 'allow')).map((v) => v.data?.pattern)).toEqual(['github-classic-pat']);
  });

  it('history: a line only a commit added is reported with that commit and "rewrite"', () => {
    const token = ghp();
    const c = change({
      files: [file('src/a.ts', { added: ['const t = process.env.T;'] })],
      history: [{ sha: 'abcdef1234567890abcdef1234567890abcdef12', files: [file('src/a.ts', { added: [`const t = '${token}';`] })] }],
    });
    const [v] = run(c);
    expect(v?.messageId).toBe('foundInHistory');
    expect(v?.data?.where).toContain('commit abcdef1');
    expect(secretLeakage.meta.messages.foundInHistory).toMatch(/does not help.*Rotate.*rewrite/s);
  });

  it('a PEM key pasted in a line full of BEGIN markers is still one key', () => {
    const key = pem(r, 'RSA PRIVATE KEY', 12).split('\n').join('\\n');
    const vs = scan('config/k.json', `{"k": "${'-----BEGIN RSA PRIVATE KEY-----'.repeat(50)}${key}"}`);
    expect(vs.filter((v) => v.data?.pattern === 'private-key-rsa').length).toBeGreaterThan(0);
  });
});
