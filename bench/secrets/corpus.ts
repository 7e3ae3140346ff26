// The labelled corpus for `npm run bench:secrets`: every catalogue pattern as a fake but
// format-valid (checksum-valid) token in many file contexts, plus the hard negatives the rule
// must not report. Deterministic: the same seed gives the same corpus.
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { gapNearMisses } from '../../test/helpers/secret-samples-gaps.ts';
import { ALNUM, B64, DIGITS, HEX, URLSAFE, fake, pick, rng, sample, type Rng } from '../../test/helpers/secret-samples.ts';

export interface CorpusItem {
  path: string;
  content: string;
  /** Pattern id of the one secret in the item, or null for a negative. */
  label: string | null;
  /** For negatives: the hard-negative category. */
  category?: string;
  secret?: string;
}

type Context = { path: string; wrap: (text: string, r: Rng) => string };

const envName = (r: Rng) => pick(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 5) + '_CREDENTIAL';

/** Where people paste credentials. Single-line tokens go in all of them. */
export const CONTEXTS: Context[] = [
  { path: '.env', wrap: (t, r) => `APP_ENV=production\n${envName(r)}=${t}\nLOG_LEVEL=info` },
  { path: 'config/settings.yaml', wrap: (t) => `service:\n  region: eu-west-1\n  credential: "${t}"\n  retries: 3` },
  { path: 'config/settings.json', wrap: (t) => `{\n  "region": "eu-west-1",\n  "credential": ${JSON.stringify(t)},\n  "retries": 3\n}` },
  { path: 'src/client.ts', wrap: (t) => `import { Client } from './client-base';\n\nexport const client = new Client(${JSON.stringify(t)});` },
  { path: 'scripts/sync.py', wrap: (t) => `import requests\n\nCRED = '${t}'\nrequests.get(URL, timeout=5)` },
  { path: 'infra/main.tf', wrap: (t) => `resource "vault_generic_secret" "svc" {\n  path      = "secret/svc"\n  data_json = jsonencode({ value = "${t}" })\n}` },
  { path: 'deploy.sh', wrap: (t) => `#!/bin/sh\nset -eu\nexport SERVICE_CREDENTIAL='${t}'\n./deploy --prod` },
  { path: 'Dockerfile', wrap: (t) => `FROM node:20-alpine\nENV SERVICE_CREDENTIAL=${t}\nRUN npm ci` },
  { path: 'k8s/secret.yaml', wrap: (t) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: svc\nstringData:\n  credential: ${t}` },
  { path: 'docs/api.md', wrap: (t) => `Call the API:\n\n    curl -H "Authorization: Bearer ${t}" https://api.example.com/v1/me` },
  { path: 'notebooks/explore.ipynb', wrap: (t) => `{\n "cells": [{ "cell_type": "code", "source": [${JSON.stringify(`client = Client(${JSON.stringify(t)})\\n`)}] }]\n}` },
];

function positives(r: Rng, perPattern: number): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const p of catalogue) {
    for (let i = 0; i < perPattern; i++) {
      const s = sample(p.id, r);
      const ctx = CONTEXTS[(i + p.id.length) % CONTEXTS.length] as Context;
      const multiLine = s.text.includes('\n');
      // Multi-line keys are pasted as files, or escaped into JSON/.env strings.
      const content = multiLine
        ? i % 2 === 0 ? s.text : `{"private_key": ${JSON.stringify(s.text)}}`
        : ctx.wrap(s.text, r);
      items.push({ path: multiLine ? (i % 2 === 0 ? 'keys/id_key' : 'keys/key.json') : ctx.path, content, label: p.id, secret: s.secret });
    }
  }
  return items;
}

const uuid = (r: Rng) => `${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-4${pick(r, HEX, 3)}-a${pick(r, HEX, 3)}-${pick(r, HEX, 12)}`;

/** Hard negatives: each generator returns file content that holds no secret. */
const NEGATIVES: Record<string, (r: Rng) => [string, string]> = {
  'example keys': (r) => {
    const examples = [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";',
      'export GITHUB_TOKEN=gho_16C7e42F292c6912E7710c838347Ae178B4a',
      'AWS_ACCESS_KEY_ID=AKIAI44QH8DHBEXAMPLE\nAWS_SECRET_ACCESS_KEY=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    ];
    return ['docs/setup.md', examples[Math.floor(r() * examples.length)] as string];
  },
  'bad checksum': (r) => {
    const ids = ['github-classic-pat', 'github-oauth-token', 'github-server-to-server-token', 'npm-access-token', 'atlassian-api-token', 'grafana-service-account-token'];
    const s = sample(ids[Math.floor(r() * ids.length)] as string, r).text;
    const i = s.length - 1 - Math.floor(r() * 4);
    const ch = s[i] === 'A' ? 'B' : s[i] === '0' ? '1' : /[a-f]/.test(s[i] as string) ? '0' : 'A';
    return ['.env', `TOKEN=${s.slice(0, i)}${ch}${s.slice(i + 1)}`];
  },
  placeholders: (r) => {
    const p = ['<YOUR_API_KEY>', 'xxxxxxxxxxxxxxxxxxxx', 'changeme', '${API_TOKEN}', '${{ secrets.DEPLOY_TOKEN }}', '{{ vault_token }}', '%API_TOKEN%', 'process.env.API_TOKEN', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'];
    const v = p[Math.floor(r() * p.length)] as string;
    return ['config/app.yaml', `api_key: ${v.startsWith('process') ? v : `"${v}"`}\npassword: "${p[Math.floor(r() * 4)]}"`];
  },
  uuids: (r) => ['src/ids.ts', `const clientSecretId = "${uuid(r)}";\nconst client_secret = "${uuid(r)}";`],
  'git SHAs and digests': (r) => ['ci/pins.yaml', `commit: ${pick(r, HEX, 40)}\ntoken_sha: ${pick(r, HEX, 40)}\nsecret_digest: "${pick(r, HEX, 64)}"\nimage: node@sha256:${pick(r, HEX, 64)}`],
  'lockfile integrity': (r) => ['package-lock.json', `    "node_modules/x": {\n      "resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz",\n      "integrity": "sha512-${pick(r, B64, 86)}=="\n    }`],
  'base64 images and fonts': (r) => ['src/style.css', `.logo { background: url(data:image/png;base64,${pick(r, B64, 400)}); }\n@font-face { src: url(data:font/woff2;base64,${pick(r, B64, 600)}); } /* token secret */`],
  'source maps': (r) => ['dist/app.js', `console.log(1);\n//# sourceMappingURL=data:application/json;base64,${pick(r, B64, 300)}`],
  'public keys and certificates': (r) => [
    'keys/pub.pem',
    `public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${pick(r, B64, 43)} dev@host"\n-----BEGIN PUBLIC KEY-----\n${pick(r, B64, 64)}\n${pick(r, B64, 64)}\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\n${pick(r, B64, 64)}\n-----END CERTIFICATE-----`,
  ],
  'ordinary code': (r) => [
    'src/auth.ts',
    `const token = await getToken(req);\nconst passwordField = "password_confirmation";\nif (!secret) throw new Error("missing secret");\nconst cacheKey = "${pick(r, ALNUM, 24)}";\nconst id = "${fake(r, URLSAFE, 22)}";`,
  ],
  'near misses of key formats': (r) => ['config/services.env', (gapNearMisses[Math.floor(r() * gapNearMisses.length)] as (r: Rng) => string)(r)],
  // Command lines and headers that name a password but hold none (command-forms.ts): variables,
  // stdin, ports, a prompt, Digest parameters (hashes), an account id after --password-stdin.
  'command-line placeholders': (r) => {
    const lines = [
      `mysql -h db${pick(r, DIGITS, 2)}.corp.internal -uroot -p$MYSQL_ROOT_PASSWORD app`,
      'mysqldump -u app -p"${MYSQL_PASSWORD}" app > dump.sql',
      `mysql -u app -p app_${pick(r, ALNUM, 10)}${pick(r, DIGITS, 2)}`,
      `aws ecr get-login-password | docker login --username AWS --password-stdin ${pick(r, '123456789', 1)}${pick(r, DIGITS, 11)}.dkr.ecr.eu-west-3.amazonaws.com`,
      'docker login -u ci -p ${{ secrets.REGISTRY_PASSWORD }} ghcr.io',
      `docker run -d -p ${pick(r, '123456789', 1)}${pick(r, DIGITS, 3)}:80 -e MYSQL_ROOT_PASSWORD=changeme mysql:8`,
      'sshpass -p "$SSHPASS" ssh -p 2222 deploy@10.0.0.5',
      `redis-cli -h cache -p ${pick(r, '123456789', 1)}${pick(r, DIGITS, 3)} -a "$REDIS_PASSWORD" ping`,
      'helm repo add corp https://charts.corp.io --username ci --password "$HELM_PASSWORD"',
      `curl -H 'Authorization: Digest username="ci", realm="api", nonce="${pick(r, HEX, 32)}", uri="/v1", response="${pick(r, HEX, 32)}"' https://api.corp.io/v1`,
    ];
    const picked = Array.from({ length: 4 }, () => lines[Math.floor(r() * lines.length)] as string);
    return ['scripts/deploy.sh', `#!/bin/sh\nset -eu\n${picked.join('\n')}`];
  },
};

export function buildCorpus(seed = 20261126, perPattern = 6, negativesPerCategory = 40): CorpusItem[] {
  const r = rng(seed);
  const items = positives(r, perPattern);
  for (const [category, gen] of Object.entries(NEGATIVES)) {
    for (let i = 0; i < negativesPerCategory; i++) {
      const [path, content] = gen(r);
      items.push({ path, content, label: null, category });
    }
  }
  return items;
}
