import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../src/model.ts';
import type { RuleContext, Violation } from '../../src/rule.ts';
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { checksumOf } from '../../rules/secret-leakage/checksums.ts';
import { fingerprint } from '../../rules/secret-leakage/fingerprint.ts';
import { secretLeakage, type SecretLeakageOptions } from '../../rules/secret-leakage/index.ts';
import { KeywordIndex, type Keyword } from '../../rules/secret-leakage/keywords.ts';
import { ROOT } from '../helpers/repo.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { ALNUM, HEX, fake, naiveKeywordHits, pem, pemBody, pick, rng, sample } from '../helpers/secret-samples.ts';

const addedFile = (path: string, content: string) => file(path, { status: 'added', added: content.split('\n') });
const changeSet = (files: ReturnType<typeof file>[], more: Partial<ChangeSet> = {}) => change({ files, ...more });
const DEFAULTS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const CONTEXT = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} } as RuleContext;

function run(change: ChangeSet, options: Partial<SecretLeakageOptions> = {}): Violation[] {
  return secretLeakage.check(change, { ...DEFAULTS, ...options }, CONTEXT);
}
function scanText(content: string, path = 'src/config.ts', options: Partial<SecretLeakageOptions> = {}): Violation[] {
  return run(changeSet([addedFile(path, content)]), options);
}
const ids = (vs: Violation[]) => vs.map((v) => v.data?.pattern);

/** The same token with its random characters replaced by `x`: a placeholder, not a leak. */
function masked(text: string, keyword: string): string {
  const at = text.indexOf(keyword);
  const start = at >= 0 ? at + keyword.length : 0;
  // A keyword that ends the token (a suffix: `_mmk`, `NRAL`) keeps itself; the body before it is masked.
  if (at > 0 && start === text.length) return text.slice(0, at).replace(/[A-Za-z0-9]/g, 'x') + keyword;
  return text.slice(0, start) + text.slice(start).replace(/[A-Za-z0-9]/g, 'x');
}

describe('secret-leakage: every catalogue pattern', () => {
  it('has at least 60 documented patterns with unique ids and keywords', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(60);
    expect(new Set(catalogue.map((p) => p.id)).size).toBe(catalogue.length);
    for (const p of catalogue) {
      expect(p.doc.length, p.id).toBeGreaterThan(10);
      expect(p.keywords.length, p.id).toBeGreaterThan(0);
    }
  });

  const r = rng(42);
  const contexts: [string, (t: string) => string][] = [
    ['.env', (t) => `SERVICE_CREDENTIAL=${t}`],
    ['config.json', (t) => `{ "value": ${JSON.stringify(t)} }`],
    ['deploy.yaml', (t) => `value: "${t}"`],
  ];
  for (const p of catalogue) {
    const s = sample(p.id, r);
    const multiLine = s.text.includes('\n');
    it(`${p.id}: found (positive)`, () => {
      for (const [path, wrap] of multiLine ? [['key.txt', (t: string) => t] as const] : contexts) {
        const vs = scanText(wrap(s.text), path);
        const v = vs.find((x) => x.data?.pattern === p.id);
        expect(v, `${p.id} in ${path}`).toBeDefined();
        expect(v?.secrets).toEqual([s.secret]);
        expect(v?.fingerprint).toBe(fingerprint('secret-leakage', s.secret));
      }
    });
    it(`${p.id}: placeholder of the same shape is not found (negative)`, () => {
      const neg = multiLine
        ? s.text.replace(/\n[^-][^\n]*/g, '').replace(/-----\n-----/, '-----\n...\n-----')
        : masked(s.text, p.keywords.find((k) => s.text.includes(k)) ?? '');
      expect(ids(scanText(neg, 'fixtures/sample.txt'))).not.toContain(p.id);
    });
  }
});

describe('secret-leakage: checksums', () => {
  const r = rng(7);
  const flip = (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');
  it.each(['github-classic-pat', 'github-oauth-token', 'npm-access-token', 'atlassian-api-token', 'grafana-service-account-token'])(
    '%s with a wrong checksum is not a leak',
    (id) => {
      const s = sample(id, r);
      expect(ids(scanText(`TOKEN=${s.text}`, '.env'))).toContain(id);
      const bad = id.startsWith('grafana') ? s.text.slice(0, -1) + (s.text.endsWith('0') ? '1' : '0') : flip(s.text);
      expect(scanText(`TOKEN=${bad}`, '.env')).toEqual([]);
    },
  );
  it('computes the GitHub checksum as base62 CRC-32 padded to 6', () => {
    expect(checksumOf.base62Crc('a'.repeat(30))).toHaveLength(6);
    expect(checksumOf.base62Crc('')).toBe('000000');
  });
});

describe('secret-leakage: documented example keys and hard negatives', () => {
  const negatives: [string, string, string][] = [
    ['AWS docs access key id', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', '.aws/credentials'],
    ['AWS docs secret key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '.aws/credentials'],
    ['jwt.io example', 'const t = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"', 'a.ts'],
    ['GitHub docs token', 'token: gho_16C7e42F292c6912E7710c838347Ae178B4a', 'docs.md'],
    ['Stripe API reference test key', 'stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"', 'tests/test_billing.py'],
    ['placeholder <YOUR_KEY>', 'api_key = "<YOUR_API_KEY_HERE>"', 'a.py'],
    ['xxxx', 'password: "xxxxxxxxxxxxxxxx"', 'a.yaml'],
    ['changeme', 'DB_PASSWORD=changeme123', '.env'],
    ['${VAR}', 'password: ${DB_PASSWORD}', 'a.yaml'],
    ['${{ secrets.X }}', 'token: ${{ secrets.NPM_TOKEN }}', '.github/workflows/ci.yml'],
    ['{{ … }}', 'api_key: "{{ vault_api_key }}"', 'roles/x.yml'],
    ['%VAR%', 'set PASSWORD=%DB_PASSWORD%', 'run.bat'],
    ['process.env', 'const secret = process.env.CLIENT_SECRET_9;', 'a.js'],
    ['UUID', 'client_secret = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"', 'a.py'],
    ['git SHA under a hash name', 'token_sha = "3f786850e387550fdab836ed7e6dc881de23001b"', 'a.py'],
    ['sha256 digest', 'secret_digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"', 'a.yml'],
    ['lockfile integrity', '"integrity": "sha512-Ld4uFt6VqWyGmU2ZQxk0hX2qVTeGdUu0v8yX3F8m9fGq7YBcT1mPvZ6WbKpRqN2sH5jL3aD4cE8xF0gI1nO7uAw=="', 'package-lock.json'],
    ['base64 image', 'background: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==); /* token */', 'a.css'],
    ['base64 font', "src: url('data:font/woff2;base64,d09GMgABAAAAAAJkAAoAAAAABkQAAAIZAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAABmAAgkIKgUyBVAsGAAE2AiQDCAQgBYNUBzMbrQQRFZyFyAU=') /* secret */", 'a.css'],
    ['source map', '//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbInRva2VuLnRzIl0sIm1hcHBpbmdzIjoiQUFBQSJ9', 'dist/app.js'],
    ['public key', 'public_key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0"', 'a.py'],
    ['ssh public key', 'deploy_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dev@host"', 'a.yml'],
    ['certificate', '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UEChMJQmFs\n-----END CERTIFICATE-----', 'cert.pem'],
    ['elided private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----', 'README.md'],
    ['local default db password', 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app', '.env.example'],
    ['variable, not a literal', 'token = request.headers.get("Authorization")', 'a.py'],
    ['identifier value', 'const passwordField = "passwordConfirmation";', 'a.ts'],
    ['secret name, not value', 'SECRET_NAME=prod/api/stripe-key', '.env'],
    ['words with digits', 'auth: "personal-access-token123"', 'README.md'],
    ['a word-like state name', 'lastSignificantToken = "?InterpolationInTemplate";', 'lexer.js'],
    ['non-ASCII prose', '"Running_extra_pass_1": "项目“{0}”中启用了键入内容的自动发现。"', 'messages.json'],
  ];
  it.each(negatives)('%s is not a finding', (_label, text, path) => {
    expect(scanText(text, path)).toEqual([]);
  });

  const r = rng(3);
  const positives: [string, string][] = [
    ['quoted password', `password = "${pick(r, ALNUM, 10)}#${pick(r, ALNUM, 6)}"`],
    ['.env api key', `MY_SERVICE_API_KEY=${fake(r, ALNUM, 32)}`],
    ['yaml client secret', `client_secret: ${fake(r, ALNUM, 40)}`],
    ['json token', `{"auth_token": "${fake(r, ALNUM + '-_', 36)}"}`],
    ['hex api key', `api_key = "${pick(r, HEX, 32)}"`],
    ['go := assignment', `secretKey := "${fake(r, ALNUM, 24)}"`],
  ];
  it.each(positives)('generic: %s is a finding', (_label, text) => {
    expect(ids(scanText(text))).toEqual(['generic-secret']);
  });
  it('generic assignments can be turned off', () => {
    expect(scanText(positives[1]![1], '.env', { generic: false })).toEqual([]);
  });
});

describe('secret-leakage: multi-line private keys', () => {
  it('reports a PEM key spread over added lines once, with its line range', () => {
    const key = pem(rng(5), 'OPENSSH PRIVATE KEY', 8);
    const vs = scanText(`# deploy key\n${key}\n`, 'deploy/id_ed25519');
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ line: 2, endLine: 11, secrets: [pemBody(key)] });
  });
  it('reports a key in a JSON string with \\n escapes', () => {
    const key = pem(rng(6), 'RSA PRIVATE KEY', 10);
    const vs = scanText(`{"key": ${JSON.stringify(key)}}`, 'k.json');
    expect(ids(vs)).toEqual(['private-key-rsa']);
    expect(vs[0]?.secrets).toEqual([pemBody(key)]);
  });
  it('labels a service-account JSON key as GCP', () => {
    const s = sample('gcp-service-account', rng(8));
    expect(ids(scanText(s.text, 'sa.json'))).toEqual(['gcp-service-account']);
  });
});

describe('secret-leakage: where it looks', () => {
  const r = rng(11);
  const token = sample('github-classic-pat', r).text;
  it('names the commit for a secret in a commit message', () => {
    const vs = run(changeSet([], { commits: [commit(`Fix deploy\n\nused ${token} to test`, { sha: 'abcdef1234567890' })] }));
    expect(vs).toHaveLength(1);
    expect(vs[0]?.data?.where).toBe('the message of commit abcdef1 (line 3)');
    expect(vs[0]?.path).toBeUndefined();
  });
  it('says "PR description" for the PR body and names the PR title', () => {
    const vs = run(changeSet([], { pr: pr({ title: `Use ${token}`, body: `Set\nNPM_TOKEN=${sample('npm-access-token', r).text}` }) }));
    expect(vs.map((v) => v.data?.where)).toEqual(['the PR title', 'the PR description (line 2)']);
  });
  it('points at file and line, and ignores deleted lines, binary and deleted files', () => {
    const file = addedFile('src/a.ts', `const a = 1;\nconst t = "${token}";`);
    file.hunks[0]!.deleted.push({ line: 1, content: `const old = "${sample('github-classic-pat', r).text}";` });
    const bin = { ...addedFile('img.png', token), binary: true };
    const gone = { ...addedFile('old.ts', token), status: 'deleted' as const };
    const vs = run(changeSet([file, bin, gone]));
    expect(vs.filter((v) => v.messageId !== 'notScanned').map((v) => [v.path, v.line])).toEqual([['src/a.ts', 2]]);
    // A binary file the source gave no content of is never a silent pass: a notice off credential paths.
    expect(vs.filter((v) => v.messageId === 'notScanned').map((v) => [v.path, v.severity])).toEqual([['img.png', 'notice']]);
  });
  it('a binary file with no content is an error where credentials commonly live', () => {
    const vs = run(changeSet([{ ...addedFile('deploy/prod.env', ''), binary: true }]));
    expect(vs.map((v) => [v.messageId, v.path, v.severity])).toEqual([['notScanned', 'deploy/prod.env', 'error']]);
  });
});

describe('secret-leakage: waivers', () => {
  const r = rng(13);
  const token = sample('stripe-live-secret-key', r).text;
  it('honours prguard-allow-secret on the line', () => {
    expect(scanText(`key = "${token}" // prguard-allow-secret test fixture`)).toEqual([]);
  });
  it('honours allow: fingerprints', () => {
    const [v] = scanText(`key = "${token}"`);
    expect(v?.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(scanText(`key = "${token}"`, 'src/config.ts', { allow: [v!.fingerprint!] })).toEqual([]);
  });
  it('honours exclude: path globs', () => {
    expect(scanText(`key = "${token}"`, 'test/fixtures/keys.ts', { exclude: ['test/fixtures/**'] })).toEqual([]);
    expect(scanText(`key = "${token}"`, 'src/keys.ts', { exclude: ['test/fixtures/**'] })).toHaveLength(1);
  });
});

describe('secret-leakage: custom patterns', () => {
  const acme = { id: 'acme-key', regex: 'acme_live_[A-Za-z0-9]{32}', keywords: ['acme_live_'] };
  it('finds a custom pattern', () => {
    const token = `acme_live_${fake(rng(17), ALNUM, 32)}`;
    expect(ids(scanText(`k = ${token}`, 'a.txt', { patterns: [acme] }))).toEqual(['acme-key']);
  });
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an exponential regex', { id: 'bad', regex: '(a+)+$', keywords: ['aaa'] }, /catastrophic backtracking/],
    ['a polynomial regex', { id: 'bad', regex: 'tok_(\\w+)\\w*x', keywords: ['tok_'] }, /polynomial/],
    ['an invalid regex', { id: 'bad', regex: '([a-z', keywords: ['abc'] }, /not a valid JavaScript regular expression/],
    ['a built-in id', { ...acme, id: 'github-classic-pat' }, /already a built-in pattern id/],
    ['an empty-matching regex', { id: 'bad', regex: '[a-z]*', keywords: ['abc'] }, /empty string/],
  ];
  it.each(cases)('rejects %s with a located problem', (_label, pattern, message) => {
    const problems = secretLeakage.validate!({ ...DEFAULTS, patterns: [acme, pattern as never] });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path[0]).toBe('patterns');
    expect(problems[0]?.path[1]).toBe(1);
    expect(problems[0]?.message).toMatch(message);
  });
  it('accepts safe custom patterns', () => {
    expect(secretLeakage.validate!({ ...DEFAULTS, patterns: [acme] })).toEqual([]);
  });
});

describe('secret-leakage: never shows the secret', () => {
  it('puts only a preview and the fingerprint in the message data', () => {
    const r = rng(19);
    for (const p of catalogue) {
      const s = sample(p.id, r);
      for (const v of scanText(s.text, 'x.txt')) {
        const data = JSON.stringify(v.data);
        expect(data.includes(s.secret), p.id).toBe(false);
        expect(String(v.data?.preview).length).toBeLessThanOrEqual(4);
        expect(v.secrets).toContain(s.secret);
      }
    }
  });
  it('shows fewer characters of short secrets', () => {
    // Built from parts so that this file does not itself hold a finding.
    const [v] = scanText(['DATABASE_URL=mysql://app:', 'Zq8#kP2m', '@db.internal/app'].join(''), '.env');
    expect(v?.data?.preview).toBe('Zq');
  });
});

/** The index reports exactly the occurrences a naive search of every keyword finds. */
function expectSameAsNaive(index: KeywordIndex, keywords: readonly Keyword[], text: string): void {
  const got: string[] = [];
  index.scan(text, (at, k) => got.push(`${at}:${k.text}`), 0, text.length);
  expect(got.sort(), text).toEqual(naiveKeywordHits(keywords, text));
}

describe('secret-leakage: keyword prefilter', () => {
  it('finds exactly the occurrences a naive search finds, case-sensitive and not', () => {
    const keywords = [
      { text: 'ghp_', caseInsensitive: false, patterns: [0] },
      { text: 'gh', caseInsensitive: false, patterns: [1] },
      { text: 'pass', caseInsensitive: true, patterns: [2] },
      { text: 'pAt', caseInsensitive: false, patterns: [3] },
      { text: 'SK', caseInsensitive: false, patterns: [4] },
    ];
    const index = new KeywordIndex(keywords);
    const r = rng(23);
    for (let round = 0; round < 200; round++) {
      const text = pick(r, 'ghp_aPAsSKtké', 40);
      expectSameAsNaive(index, keywords, text);
    }
  });
  it('finds long keywords matched on an inner window, at the text edges too', () => {
    // Keywords longer than the window are matched on their rarest window, which need not be the
    // first: an occurrence must still be reported once, where the keyword starts.
    const texts = ['password', 'api_key', 'credential', 'sk_live_', 'PRIVATE KEY', 'xoxb-', 'pwd', 'Q~x', 'token'];
    const keywords = texts.map((text, i) => ({ text, caseInsensitive: i % 2 === 0, patterns: [i] }));
    const index = new KeywordIndex(keywords);
    const r = rng(29);
    for (let round = 0; round < 300; round++) {
      // Text made of keyword fragments and noise, so occurrences overlap and sit at the edges.
      let text = '';
      while (text.length < 60) {
        const k = texts[Math.floor(r() * texts.length)] as string;
        const from = r() < 0.6 ? 0 : Math.floor(r() * k.length);
        text += r() < 0.3 ? k.slice(from).toUpperCase() : k.slice(from);
        if (r() < 0.4) text += pick(r, ' =_-aesy', 2);
      }
      expectSameAsNaive(index, keywords, text);
    }
  });
});

describe('secret-leakage: README', () => {
  it('documents every catalogue pattern', () => {
    const readme = readFileSync(join(ROOT, 'rules/secret-leakage/README.md'), 'utf8');
    for (const p of catalogue) expect(readme, p.id).toContain(`| \`${p.id}\` |`);
  });
});
