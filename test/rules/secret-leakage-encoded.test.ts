// Secrets stored base64-encoded (a Kubernetes Secret's data, an HTTP Basic header, a CI variable)
// are found as gitleaks finds them, by decoding, and the encoded form is masked with the secret.
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine.ts';
import { defaultPolicy } from '../../src/policy/index.ts';
import { resolveProvenance } from '../../src/provenance/index.ts';
import { formatters } from '../../src/report/index.ts';
import { allRules } from '../../rules/index.ts';
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { base64Anchors, stableEncoding } from '../../rules/secret-leakage/decode.ts';
import { fingerprint } from '../../rules/secret-leakage/fingerprint.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { rng, sample } from '../helpers/secret-samples.ts';
import { run } from './helpers.ts';

const r = rng(64);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const scan = (lines: string[], path = 'k8s/secret.yaml') => run(secretLeakage, change({ files: [file(path, { status: 'added', added: lines })] }));

describe('base64 anchors', () => {
  it('are what a keyword always encodes to, whatever bytes come before it in its group', () => {
    for (const keyword of ['ghp_', 'github_pat_', 'xoxb-', 'sk_live_', 'glpat-']) {
      for (const shift of [0, 1, 2]) {
        const anchor = stableEncoding(keyword, shift);
        expect(anchor.length, `${keyword} ${shift}`).toBeGreaterThanOrEqual(4);
        for (let i = 0; i < 50; i++) {
          const before = Buffer.from(Array.from({ length: 3 * (i % 3) + shift }, () => 32 + Math.floor(r() * 95)));
          expect(Buffer.concat([before, Buffer.from(`${keyword}Zq8`)]).toString('base64')).toContain(anchor);
        }
      }
    }
  });

  it('cover every keyword of the catalogue that encodes to 4 stable characters at its group start', () => {
    const anchors = base64Anchors(catalogue);
    for (const p of catalogue.filter((d) => !d.ciKeywords && !d.block)) {
      for (const k of p.keywords.filter((w) => stableEncoding(w, 0).length >= 4)) {
        expect(anchors.some((a) => stableEncoding(k, 0).includes(a)), `${p.id} ${k}`).toBe(true);
      }
    }
  });
});

describe('secret-leakage: base64-encoded secrets', () => {
  const token = sample('github-classic-pat', r).secret;

  it('finds a token encoded as a whole value, after a user name and in the URL-safe alphabet', () => {
    const vs = scan([
      'kind: Secret',
      'data:',
      `  token: ${b64(token)}`,
      `  basic: ${b64(`ci-bot:${token}`)}`,
      `  url: ${b64(`${token}?>`).replace(/\+/g, '-').replace(/\//g, '_')}`,
    ]);
    expect(vs.map((v) => [v.line, v.data?.pattern, v.data?.name])).toEqual([3, 4, 5].map((l) => [l, 'github-classic-pat', 'GitHub classic personal access token, base64-encoded']));
    // The same fingerprint as the token written plainly (an allow: entry covers both), and the
    // encoded run is masked with it.
    expect(vs.map((v) => v.fingerprint)).toEqual(Array(3).fill(fingerprint('secret-leakage', token)));
    expect(vs[0]?.secrets).toEqual([token, b64(token)]);
  });

  it('finds a token in a Docker config, base64 inside base64 (a Kubernetes .dockerconfigjson)', () => {
    const config = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`robot:${token}`) } } });
    const vs = scan(['type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${b64(config)}`]);
    expect(vs.map((v) => [v.line, v.data?.name, v.fingerprint])).toEqual([[3, 'GitHub classic personal access token, base64-encoded', fingerprint('secret-leakage', token)]]);
    expect(vs[0]?.secrets).toEqual([token, b64(config), b64(`robot:${token}`)]);
  });

  it('finds encoded tokens of many providers', () => {
    const ids = ['npm-access-token', 'slack-bot-token', 'stripe-live-secret-key', 'gitlab-pat', 'anthropic-api-key', 'aws-access-key-id'];
    const samples = ids.map((id) => sample(id, r));
    const vs = scan(samples.map((s, i) => `  key${i}: ${b64(s.text)}`));
    expect(vs.map((v) => v.data?.pattern)).toEqual(ids);
  });

  it('custom patterns are found encoded too (their anchors are made at start-up, not taken from the build)', () => {
    const patterns = [{ id: 'acme-key', regex: 'acme_live_[A-Za-z0-9]{24}', keywords: ['acme_live_'] }];
    const vs = run(secretLeakage, change({ files: [file('deploy/values.yaml', { status: 'added', added: [`  acme: ${b64('acme_live_Zq8wXk2mPv9tRb4nLc7yHd3s')}`] })] }), { options: { patterns } });
    expect(vs.map((v) => v.data?.pattern)).toEqual(['acme-key']);
  });

  it('a token that does not validate, text and binary data are no findings when decoded', () => {
    const bad = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, ...Buffer.from('ghp_'), 1, 2, 3, 4, 5, 6, 7, 8]).toString('base64');
    expect(scan([`  token: ${b64(bad)}`, `  note: ${b64('the ghp_ prefix marks a classic token')}`, `  icon: ${png}`])).toEqual([]);
  });

  it('the encoded form is in no output (a trailer that provenance quotes)', () => {
    const encoded = b64(`deploy:${token}`);
    const message = `Add pull secret\n\nCo-authored-by: Claude ${encoded} <noreply@anthropic.com>\n`;
    const changeSet = change({ commits: [commit(message, { trailers: [{ key: 'Co-authored-by', value: `Claude ${encoded} <noreply@anthropic.com>`, line: 3 }] })], pr: pr({ body: `Used \`${encoded}\`` }) });
    const report = runEngine({ change: changeSet, policy: defaultPolicy(allRules), rules: allRules, ai: resolveProvenance(changeSet) });
    expect(report.findings.filter((f) => f.ruleId === 'secret-leakage')).toHaveLength(2);
    expect(JSON.stringify(report.ai)).toContain('…[redacted]');
    for (const format of Object.values(formatters)) {
      const out = format(report, { color: false, rules: allRules.map((x) => x.meta) });
      expect(out).not.toContain(encoded.slice(8, 28));
      expect(out).not.toContain(token.slice(4, 16));
    }
  });
});

describe('secret-leakage: percent-encoded secrets', () => {
  const pct = (text: string) => encodeURIComponent(text);

  it('finds a webhook URL in a query string, an AWS secret key with escaped characters, a password in a URL in a URL', () => {
    const hook = sample('slack-webhook-url', r);
    const aws = sample('aws-secret-access-key', r);
    const vs = scan([
      `const next = 'https://app.example.io/cb?to=${pct(hook.text)}';`,
      aws.text.replace(/[/+]/g, (c) => pct(c)),
      `redirect: "https://app.example.io/login?r=${pct('https://deploy:Vq7rLp2xZr9wKd4m@db.internal/shop')}"`,
    ], 'config/app.yaml');
    expect(vs.map((v) => [v.line, v.data?.pattern])).toEqual([[1, 'slack-webhook-url'], [2, 'aws-secret-access-key'], [3, 'url-credentials']]);
    expect(vs[0]?.data?.name).toBe('Slack incoming webhook URL, percent-encoded');
    expect(vs[0]?.secrets?.[0]).toBe(hook.secret);
    expect(vs[0]?.secrets?.[1]).toBe(pct(hook.secret));
    expect(vs.map((v) => v.fingerprint)).toEqual([hook.secret, aws.secret, 'Vq7rLp2xZr9wKd4m'].map((x) => fingerprint('secret-leakage', x)));
  });

  it('escapes that make no secret, and a password on a documentation host, are no findings', () => {
    expect(scan(['const t = `token=${encodeURIComponent(x)}%20and%20more`;', "u = 'https://user%40gmail.com:pw@example.com'", 'printf("password: %s %2d", p, n);'], 'src/a.ts')).toEqual([]);
  });
});
