// Generator of format-valid, checksum-valid FAKE credentials for every catalogue pattern.
// Tokens are built at run time from a seeded PRNG (nothing checksum-valid is committed), and carry
// a `PrgFake`/`prgfake` marker wherever the alphabet allows, so they are obviously not real.
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { checksumOf } from '../../rules/secret-leakage/checksums.ts';
import { gapGenerators } from './secret-samples-gaps.ts';
import { rng, type Rng } from './rng.ts';
export { rng, type Rng };

export interface Sample {
  id: string;
  /** The text as it appears in a file (may span lines). */
  text: string;
  /** The secret value the rule reports (and that must never be printed). */
  secret: string;
}


export const AZ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const az = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = AZ + az + DIGITS;
export const HEX = '0123456789abcdef';
export const B64 = ALNUM + '+/';
export const URLSAFE = ALNUM + '_-';

export function pick(r: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

/** Random part with the fake marker in front when the alphabet has mixed-case letters. */
export function fake(r: Rng, alphabet: string, n: number): string {
  if (n >= 16 && alphabet.includes('P') && alphabet.includes('g')) return `PrgFake${pick(r, alphabet, n - 7)}`;
  if (n >= 16 && alphabet === az + AZ) return `PrgFake${pick(r, alphabet, n - 7)}`;
  return pick(r, alphabet, n);
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const b64 = (s: string) => Buffer.from(s).toString('base64');

function base62Crc(prefix: string, r: Rng): string {
  const random = fake(r, ALNUM, 30);
  return `${prefix}${random}${checksumOf.base62Crc(random)}`;
}

export function pem(r: Rng, label: string, rows = 12): string {
  const body = Array.from({ length: rows }, () => pick(r, B64, 64));
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n');
}

/** Body of a PEM text as the rule fingerprints it. */
export function pemBody(text: string): string {
  return text.split('\n').filter((l) => !l.startsWith('-----')).join('');
}

/** A random GUID, lower-case hex. */
export function guid(r: Rng): string {
  return `${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-${pick(r, HEX, 4)}-${pick(r, HEX, 4)}-${pick(r, HEX, 12)}`;
}

/** A common annotated security key (Azure, 84 base62 characters) with the provider signature given. */
export function cask(r: Rng, signature: string): string {
  return `${fake(r, ALNUM, 52)}JQQJ99${pick(r, ALNUM, 1)}${pick(r, 'ABCDEFGHIJKL', 1)}${pick(r, ALNUM, 16)}${signature}${pick(r, ALNUM, 4)}`;
}

type Gen = (r: Rng) => { text: string; secret?: string };

const tok = (t: string) => ({ text: t });

export const generators: Record<string, Gen> = {
  'github-classic-pat': (r) => tok(base62Crc('ghp_', r)),
  'github-oauth-token': (r) => tok(base62Crc('gho_', r)),
  'github-user-to-server-token': (r) => tok(base62Crc('ghu_', r)),
  'github-server-to-server-token': (r) => tok(base62Crc('ghs_', r)),
  'github-refresh-token': (r) => tok(base62Crc('ghr_', r)),
  'github-fine-grained-pat': (r) => tok(`github_pat_${fake(r, ALNUM, 22)}_${pick(r, ALNUM, 59)}`),
  'gitlab-pat': (r) => tok(`glpat-${fake(r, URLSAFE, 20)}`),
  'gitlab-pipeline-trigger-token': (r) => tok(`glptt-${pick(r, HEX, 40)}`),
  'gitlab-runner-token': (r) => tok(`glrt-${fake(r, ALNUM, 20)}`),
  'gitlab-deploy-token': (r) => tok(`gldt-${fake(r, ALNUM, 20)}`),
  'gitlab-oauth-app-secret': (r) => tok(`gloas-${pick(r, HEX, 64)}`),
  'gitlab-feed-token': (r) => tok(`glft-${fake(r, ALNUM, 20)}`),
  'npm-access-token': (r) => tok(base62Crc('npm_', r)),
  'pypi-api-token': (r) => tok(`pypi-AgEIcHlwaS5vcmc${fake(r, URLSAFE, 70)}`),
  'rubygems-api-key': (r) => tok(`rubygems_${pick(r, HEX, 48)}`),
  'dockerhub-token': (r) => tok(`dckr_pat_${fake(r, URLSAFE, 27)}`),
  'aws-access-key-id': (r) => tok(`AKIA${pick(r, AZ + '234567', 16)}`),
  'aws-secret-access-key': (r) => {
    const s = `PrgFake${pick(r, ALNUM, 30)}/${pick(r, ALNUM, 2)}`;
    return { text: `aws_secret_access_key = ${s}`, secret: s };
  },
  'aws-mws-key': (r) => tok(`amzn.mws.${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-${pick(r, HEX, 4)}-${pick(r, HEX, 4)}-${pick(r, HEX, 12)}`),
  'gcp-api-key': (r) => tok(`AIza${fake(r, URLSAFE, 35)}`),
  'gcp-oauth-client-secret': (r) => tok(`GOCSPX-${fake(r, URLSAFE, 28)}`),
  'gcp-oauth-access-token': (r) => tok(`ya29.${fake(r, URLSAFE, 120)}`),
  'azure-storage-account-key': (r) => {
    const key = `${fake(r, B64, 86)}==`;
    return { text: `DefaultEndpointsProtocol=https;AccountName=prgfake;AccountKey=${key};EndpointSuffix=core.windows.net`, secret: key };
  },
  'azure-shared-access-key': (r) => {
    const key = `${fake(r, B64, 43)}=`;
    return { text: `Endpoint=sb://prgfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key}`, secret: key };
  },
  'azure-entra-client-secret': (r) => tok(`${pick(r, ALNUM, 3)}${pick(r, DIGITS, 1)}Q~${fake(r, ALNUM + '_~.-', 34)}`),
  'azure-sas-token': (r) => {
    const sig = `${fake(r, ALNUM, 43)}%3D`;
    return { text: `https://prgfake.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${sig}`, secret: sig };
  },
  'slack-bot-token': (r) => tok(`xoxb-${pick(r, DIGITS, 12)}-${pick(r, DIGITS, 13)}-${fake(r, ALNUM, 24)}`),
  'slack-user-token': (r) => tok(`xoxp-${pick(r, DIGITS, 12)}-${pick(r, DIGITS, 12)}-${pick(r, DIGITS, 13)}-${pick(r, HEX, 32)}`),
  'slack-app-token': (r) => tok(`xapp-1-A${pick(r, AZ + DIGITS, 10)}-${pick(r, DIGITS, 13)}-${pick(r, HEX, 64)}`),
  'slack-config-token': (r) => tok(`xoxe.xoxp-1-${fake(r, ALNUM, 140)}`),
  'slack-legacy-token': (r) => tok(`xoxs-${pick(r, DIGITS, 10)}-${fake(r, ALNUM, 40)}`),
  'slack-webhook-url': (r) => {
    const path = `T${pick(r, AZ + DIGITS, 10)}/B${pick(r, AZ + DIGITS, 10)}/${fake(r, ALNUM, 24)}`;
    return { text: `https://hooks.slack.com/services/${path}`, secret: path };
  },
  'stripe-live-secret-key': (r) => tok(`sk_live_${fake(r, ALNUM, 48)}`),
  'stripe-test-secret-key': (r) => tok(`sk_test_${fake(r, ALNUM, 48)}`),
  'stripe-restricted-key': (r) => tok(`rk_live_${fake(r, ALNUM, 48)}`),
  'stripe-webhook-secret': (r) => tok(`whsec_${fake(r, ALNUM, 32)}`),
  'openai-api-key': (r) => tok(`sk-proj-${fake(r, URLSAFE, 74)}T3BlbkFJ${pick(r, URLSAFE, 74)}`),
  'anthropic-api-key': (r) => tok(`sk-ant-api03-${fake(r, URLSAFE, 93)}AA`),
  'anthropic-admin-key': (r) => tok(`sk-ant-admin01-${fake(r, URLSAFE, 93)}AA`),
  'openrouter-api-key': (r) => tok(`sk-or-v1-${pick(r, HEX, 64)}`),
  'huggingface-access-token': (r) => tok(`hf_${fake(r, az + AZ, 34)}`),
  'huggingface-org-token': (r) => tok(`api_org_${fake(r, az + AZ, 34)}`),
  'groq-api-key': (r) => tok(`gsk_${fake(r, ALNUM, 52)}`),
  'replicate-api-token': (r) => tok(`r8_${fake(r, ALNUM, 37)}`),
  'perplexity-api-key': (r) => tok(`pplx-${fake(r, ALNUM, 48)}`),
  'xai-api-key': (r) => tok(`xai-${fake(r, ALNUM, 80)}`),
  'langsmith-api-key': (r) => tok(`lsv2_pt_${pick(r, HEX, 32)}_${pick(r, HEX, 10)}`),
  'atlassian-api-token': (r) => {
    const head = `ATATT3xFfGF0${fake(r, URLSAFE, 170)}=`;
    return tok(`${head}${checksumOf.atlassian(head)}`);
  },
  'grafana-service-account-token': (r) => {
    const head = `glsa_${fake(r, ALNUM, 32)}`;
    return tok(`${head}_${checksumOf.grafana(head)}`);
  },
  'grafana-cloud-token': (r) => tok(`glc_${b64(JSON.stringify({ o: pick(r, DIGITS, 6), n: 'prgfake', k: pick(r, ALNUM, 32), m: { r: 'us' } }))}`),
  'grafana-api-key': (r) => tok(b64(JSON.stringify({ k: fake(r, ALNUM, 32), n: 'prgfake', id: 1 }))),
  'sendgrid-api-key': (r) => tok(`SG.${fake(r, URLSAFE, 22)}.${pick(r, URLSAFE, 43)}`),
  'twilio-api-key': (r) => tok(`SK${pick(r, HEX, 32)}`),
  'twilio-auth-token': (r) => {
    const t = pick(r, HEX, 32);
    return { text: `TWILIO_AUTH_TOKEN=${t}`, secret: t };
  },
  'shopify-access-token': (r) => tok(`shpat_${pick(r, HEX, 32)}`),
  'shopify-custom-app-token': (r) => tok(`shpca_${pick(r, HEX, 32)}`),
  'shopify-private-app-token': (r) => tok(`shppa_${pick(r, HEX, 32)}`),
  'shopify-shared-secret': (r) => tok(`shpss_${pick(r, HEX, 32)}`),
  'databricks-token': (r) => tok(`dapi${pick(r, HEX, 32)}`),
  'vault-service-token': (r) => tok(`hvs.${fake(r, URLSAFE, 90)}`),
  'vault-batch-token': (r) => tok(`hvb.${fake(r, URLSAFE, 130)}`),
  'jwt-hmac': (r) =>
    tok(`${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: pick(r, DIGITS, 8), name: 'prgfake', iat: 1700000000 }))}.${pick(r, URLSAFE, 43)}`),
  'mailgun-api-key': (r) => tok(`key-${pick(r, HEX, 32)}`),
  'mailchimp-api-key': (r) => tok(`${pick(r, HEX, 32)}-us${1 + Math.floor(r() * 20)}`),
  'digitalocean-token': (r) => tok(`dop_v1_${pick(r, HEX, 64)}`),
  'linear-api-key': (r) => tok(`lin_api_${fake(r, ALNUM, 40)}`),
  'postman-api-key': (r) => tok(`PMAK-${pick(r, HEX, 24)}-${pick(r, HEX, 34)}`),
  'newrelic-user-key': (r) => tok(`NRAK-${pick(r, AZ + DIGITS, 27)}`),
  'sentry-user-token': (r) => tok(`sntryu_${pick(r, HEX, 64)}`),
  'sentry-org-token': (r) => tok(`sntrys_${b64(JSON.stringify({ iat: 1700000000, url: 'https://sentry.io', org: 'prgfake' })).replace(/=+$/, '')}_${pick(r, URLSAFE, 43)}`),
  'square-token': (r) => tok(`EAAA${fake(r, URLSAFE, 60)}`),
  'square-oauth-secret': (r) => tok(`sq0csp-${fake(r, URLSAFE, 43)}`),
  'discord-webhook-url': (r) => {
    const s = fake(r, URLSAFE, 68);
    return { text: `https://discord.com/api/webhooks/${pick(r, DIGITS, 18)}/${s}`, secret: s };
  },
  'telegram-bot-token': (r) => tok(`${1 + Math.floor(r() * 9)}${pick(r, DIGITS, 8)}:AA${fake(r, URLSAFE, 33)}`),
  'heroku-api-key': (r) => tok(`HRKU-AA${fake(r, URLSAFE, 58)}`),
  'doppler-token': (r) => tok(`dp.pt.${fake(r, ALNUM, 43)}`),
  'pulumi-access-token': (r) => tok(`pul-${pick(r, HEX, 40)}`),
  'terraform-cloud-token': (r) => tok(`${pick(r, ALNUM, 14)}.atlasv1.${fake(r, ALNUM, 67)}`),
  'age-secret-key': (r) => tok(`AGE-SECRET-KEY-1${pick(r, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`),
  'planetscale-token': (r) => tok(`pscale_tkn_${fake(r, ALNUM, 43)}`),
  'notion-token': (r) => tok(`ntn_${pick(r, DIGITS, 11)}${fake(r, ALNUM, 35)}`),
  'supabase-access-token': (r) => tok(`sbp_${pick(r, HEX, 40)}`),
  'airtable-pat': (r) => tok(`pat${pick(r, ALNUM, 14)}.${pick(r, HEX, 64)}`),
  'alibaba-access-key-id': (r) => tok(`LTAI${fake(r, ALNUM, 20)}`),
  'figma-pat': (r) => tok(`figd_${fake(r, URLSAFE, 40)}`),
  'dynatrace-token': (r) => tok(`dt0c01.${pick(r, AZ + DIGITS, 24)}.${pick(r, AZ + DIGITS, 64)}`),
  'mapbox-secret-token': (r) => tok(`sk.${b64url(JSON.stringify({ u: 'prgfake', a: pick(r, ALNUM, 12) }))}.${pick(r, URLSAFE, 22)}`),
  'onepassword-service-account-token': (r) => tok(`ops_${b64(JSON.stringify({ signInAddress: 'prgfake.1password.com', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', s: pick(r, ALNUM, 22) } }))}`),
  'netlify-token': (r) => tok(`nfp_${fake(r, ALNUM, 36)}`),
  'tailscale-key': (r) => tok(`tskey-auth-k${pick(r, ALNUM, 10)}-${fake(r, ALNUM, 32)}`),
  'prefect-api-key': (r) => tok(`pnu_${fake(r, ALNUM, 36)}`),
  'contentful-pat': (r) => tok(`CFPAT-${fake(r, URLSAFE, 43)}`),
  'private-key-rsa': (r) => tok(pem(r, 'RSA PRIVATE KEY')),
  'private-key-ec': (r) => tok(pem(r, 'EC PRIVATE KEY', 3)),
  'private-key-dsa': (r) => tok(pem(r, 'DSA PRIVATE KEY', 6)),
  'private-key-openssh': (r) => tok(pem(r, 'OPENSSH PRIVATE KEY', 7)),
  'private-key-pgp': (r) => tok(pem(r, 'PGP PRIVATE KEY BLOCK', 20)),
  'private-key-pkcs8': (r) => tok(pem(r, 'PRIVATE KEY', 16)),
  'gcp-service-account': (r) => {
    const key = pem(r, 'PRIVATE KEY', 16);
    const json = JSON.stringify({ type: 'service_account', project_id: 'prgfake', private_key: `${key}\n`, client_email: 'prgfake@prgfake.iam.gserviceaccount.com' }, null, 2);
    return { text: json, secret: pemBody(key) };
  },
  'private-key-putty': (r) => {
    const pub = pick(r, B64, 64);
    const priv = pick(r, B64, 64);
    const text = [
      'PuTTY-User-Key-File-3: ssh-ed25519', 'Encryption: none', 'Comment: prgfake@laptop', 'Public-Lines: 1', pub,
      'Private-Lines: 1', priv, `Private-MAC: ${pick(r, HEX, 64)}`,
    ].join('\n');
    return { text, secret: priv };
  },
  'private-key-base64': (r) => {
    const text = b64(`${pem(r, 'RSA PRIVATE KEY', 12)}\n`);
    return { text, secret: text };
  },
  'gitlab-ci-build-token': (r) => tok(`glcbt-${pick(r, HEX, 2)}_${fake(r, URLSAFE, 20)}`),
  'gitlab-incoming-mail-token': (r) => tok(`glimt-${fake(r, ALNUM, 25)}`),
  'gitlab-agent-token': (r) => tok(`glagent-${fake(r, URLSAFE, 50)}`),
  'gitlab-scim-token': (r) => tok(`glsoat-${fake(r, ALNUM, 20)}`),
  'gitlab-feature-flag-token': (r) => tok(`glffct-${fake(r, ALNUM, 20)}`),
  'gitlab-runner-registration-token': (r) => tok(`GR1348941${fake(r, ALNUM, 20)}`),
  'vercel-token': (r) => tok(`vc${pick(r, 'pikar', 1)}_${fake(r, URLSAFE, 56)}`),
  'linear-oauth-token': (r) => tok(`lin_oauth_${pick(r, HEX, 64)}`),
  'notion-legacy-token': (r) => tok(`secret_${fake(r, ALNUM, 43)}`),
  'cloudflare-origin-ca-key': (r) => tok(`v1.0-${pick(r, HEX, 24)}-${pick(r, HEX, 146)}`),
  'cloudflare-api-token': (r) => {
    const t = fake(r, URLSAFE, 40);
    return { text: `CLOUDFLARE_API_TOKEN=${t}`, secret: t };
  },
  'databricks-oauth-secret': (r) => tok(`dose${pick(r, HEX, 32)}`),
  'aws-bedrock-api-key': (r) => tok(`ABSKQmVkcm9ja0FQSUtleS${fake(r, ALNUM, 110)}`),
  'aws-bedrock-short-term-key': (r) => tok(`bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${fake(r, ALNUM, 400)}`),
  'fly-io-token': (r) => tok(`fo1_${fake(r, URLSAFE, 43)}`),
  'render-api-key': (r) => tok(`rnd_${fake(r, ALNUM, 32)}`),
  'supabase-secret-key': (r) => tok(`sb_secret_${fake(r, ALNUM, 31)}`),
  'buildkite-agent-token': (r) => tok(`bkua_${pick(r, HEX, 40)}`),
  'circleci-pat': (r) => tok(`CCIPAT_${fake(r, ALNUM, 22)}_${pick(r, HEX, 40)}`),
  'sourcegraph-token': (r) => tok(`sgp_${pick(r, HEX, 16)}_${pick(r, HEX, 40)}`),
  'posthog-personal-api-key': (r) => tok(`phx_${fake(r, ALNUM, 43)}`),
  'resend-api-key': (r) => tok(`re_${fake(r, ALNUM, 8)}_${fake(r, ALNUM, 24)}`),
  'nvidia-api-key': (r) => tok(`nvapi-${fake(r, URLSAFE, 64)}`),
  'elevenlabs-api-key': (r) => tok(`sk_${pick(r, HEX, 48)}`),
  'jfrog-reference-token': (r) => tok(`cmVmdGtuOjAxOj${fake(r, ALNUM, 50)}`),
  'npmrc-auth-token': (r) => {
    const t = `${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-${pick(r, HEX, 4)}-${pick(r, HEX, 4)}-${pick(r, HEX, 12)}`;
    return { text: `//registry.npmjs.org/:_authToken=${t}`, secret: t };
  },
  'datadog-api-key': (r) => {
    const t = pick(r, HEX, 32);
    return { text: `DD_API_KEY=${t}`, secret: t };
  },
  'database-url-password': (r) => {
    const pw = fake(r, ALNUM, 20);
    return { text: `postgres://app:${pw}@db.prgfake.internal:5432/app`, secret: pw };
  },
  'docker-swarm-join-token': (r) => tok(`SWMTKN-1-${pick(r, az + DIGITS, 55)}-${pick(r, az + DIGITS, 25)}`),
  'cockroach-cloud-api-key': (r) => tok(`CCDB1_${fake(r, ALNUM, 22)}_${pick(r, ALNUM, 40)}`),
  'duffel-api-token': (r) => tok(`duffel_live_${fake(r, URLSAFE, 43)}`),
  'harness-api-key': (r) => tok(`pat.${fake(r, URLSAFE, 22)}.${pick(r, HEX, 24)}.${pick(r, ALNUM, 20)}`),
  'onesignal-api-key': (r) => tok(`os_v2_app_${pick(r, az + '234567', 103)}`),
  'brevo-api-key': (r) => tok(`xkeysib-${pick(r, HEX, 64)}-${fake(r, ALNUM, 16)}`),
  'slack-session-token': (r) => tok(`xoxc-${pick(r, DIGITS, 13)}-${pick(r, DIGITS, 13)}-${pick(r, DIGITS, 13)}-${pick(r, HEX, 64)}`),
  'zuplo-api-key': (r) => tok(`zpka_${pick(r, az + DIGITS, 32)}_${pick(r, HEX, 8)}`),
  'mercury-api-token': (r) => tok(`mercury_production_rma_${fake(r, ALNUM, 45)}_yrucrem`),
  'azure-devops-pat': (r) => tok(cask(r, 'AZDO')),
  'azure-cask-key': (r) => tok(cask(r, 'ACOG')),
  'azure-identifiable-key': (r) => tok(`${fake(r, B64, 76)}+ASt${pick(r, B64, 5)}${pick(r, 'AQgw', 1)}==`),
  'microsoft-teams-webhook': (r) => {
    const path = `${guid(r)}@${guid(r)}/IncomingWebhook/${fake(r, ALNUM, 32)}/${guid(r)}`;
    return { text: `https://prgfake.webhook.office.com/webhookb2/${path}`, secret: path };
  },
  'power-automate-workflow-url': (r) => {
    const sig = fake(r, URLSAFE, 43);
    return { text: `https://prod-01.westus.logic.azure.com:443/workflows/${pick(r, HEX, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`, secret: sig };
  },
  'nuget-api-key': (r) => tok(`oy2${pick(r, az + '234567', 43)}`),
  'sonarqube-token': (r) => tok(`squ_${pick(r, HEX, 40)}`),
  'hubspot-private-app-token': (r) => tok(`pat-na1-${guid(r)}`),
  'url-credentials': (r) => {
    const pw = fake(r, ALNUM, 20);
    return { text: `https://deploy:${pw}@registry.prgfake.dev/v2/`, secret: pw };
  },
};

/** Patterns with a declared shape (prefix, alphabet, length) get samples drawn from it. */
function shapedGenerator(id: string): Gen | undefined {
  const shape = catalogue.find((p) => p.id === id)?.shape;
  if (!shape) return undefined;
  return (r) => tok(`${shape.prefix}${fake(r, shape.alphabet, shape.min + Math.floor(r() * (shape.max - shape.min + 1)))}`);
}

/** A sample of the given pattern id. */
export function sample(id: string, r: Rng): Sample {
  const gen = generators[id] ?? gapGenerators[id] ?? shapedGenerator(id);
  if (!gen) throw new Error(`no generator for pattern ${id}`);
  const { text, secret } = gen(r);
  const s = secret ?? (text.includes('-----BEGIN') ? pemBody(text) : text);
  return { id, text, secret: s };
}

/** Every occurrence of every keyword lying wholly in text[from, to), found the slow way: `${index}:${text}`, sorted. */
export function naiveKeywordHits(keywords: readonly { text: string; caseInsensitive: boolean }[], text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  for (let at = from; at < to; at++) {
    for (const k of keywords) {
      if (at + k.text.length > to) continue;
      const slice = text.slice(at, at + k.text.length);
      if (k.caseInsensitive ? slice.toLowerCase() === k.text.toLowerCase() : slice === k.text) out.push(`${at}:${k.text}`);
    }
  }
  return out.sort();
}
