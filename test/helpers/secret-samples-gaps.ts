// Generators of FAKE samples for the patterns of catalogue-gaps.ts (see secret-samples.ts): built
// at run time from the seeded PRNG, with the `PrgFake` marker where the alphabet allows. A format
// found only on a line that names its context (a UUID under a Heroku name, crates.io's `cio`) is
// sampled with that context, as a team writes it.
import type { Rng } from './rng.ts';

type Gen = (r: Rng) => { text: string; secret?: string };

const AZ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${AZ}abcdefghijklmnopqrstuvwxyz0123456789`;
const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function pick(r: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}
const fake = (r: Rng, alphabet: string, n: number) => (n >= 16 ? `PrgFake${pick(r, alphabet, n - 7)}` : pick(r, alphabet, n));
const uuid = (r: Rng) => `${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-4${pick(r, HEX, 3)}-a${pick(r, HEX, 3)}-${pick(r, HEX, 12)}`;
const named = (name: string, secret: string) => ({ text: `${name}=${secret}`, secret });

/** A Twitter bearer token: 21 `A`, base64 with its `+` `/` `=` percent-encoded as issued, 50 alphanumerics. */
export function twitterBearer(r: Rng, encoded = true): string {
  const head = `A${pick(r, ALNUM, 5)}AAAAA${pick(r, `${ALNUM}+/`, 21)}PrgFake=`; // the 21st `A`, 38 characters, `=`
  const body = `${'A'.repeat(20)}${head}${fake(r, ALNUM, 50)}`;
  return encoded ? body.replace(/[+/=]/g, (c) => encodeURIComponent(c)) : body;
}

/** A Discord bot token: an 18-digit user id in base64url, a 6-character timestamp, a 38-character HMAC. */
export function discordBot(r: Rng, id = `1${pick(r, '0123456789', 17)}`): string {
  return `${Buffer.from(id).toString('base64url')}.${pick(r, `${ALNUM}_-`, 6)}.${fake(r, `${ALNUM}_-`, 38)}`;
}

export const gapGenerators: Record<string, Gen> = {
  'twitter-bearer-token': (r) => ({ text: twitterBearer(r) }),
  'heroku-legacy-api-key': (r) => named('HEROKU_API_KEY', uuid(r)),
  'snyk-api-token': (r) => named('SNYK_TOKEN', uuid(r)),
  'crates-io-token': (r) => {
    const t = `cio${fake(r, ALNUM, 32)}`;
    return { text: `cargo publish --token ${t}`, secret: t };
  },
  'discord-bot-token': (r) => {
    const t = discordBot(r);
    return { text: `DISCORD_BOT_TOKEN=${t}`, secret: t };
  },
  'maxmind-license-key': (r) => ({ text: `${pick(r, ALNUM, 6)}_${fake(r, ALNUM, 29)}_mmk` }),
  'newrelic-license-key': (r) => ({ text: `eu01xx${pick(r, LOWER_ALNUM, 30)}NRAL` }),
  'newrelic-insert-key': (r) => ({ text: `NRII-${fake(r, ALNUM, 32)}` }),
  'slack-config-refresh-token': (r) => ({ text: `xoxe-1-${fake(r, ALNUM, 146)}` }),
  'sidekiq-enterprise-credentials': (r) => named('BUNDLE_ENTERPRISE__CONTRIBSYS__COM', `${pick(r, HEX, 8)}:${pick(r, HEX, 8)}`),
  'plaid-access-token': (r) => ({ text: `access-production-${uuid(r)}` }),
  'braintree-access-token': (r) => ({ text: `access_token$production$${pick(r, LOWER_ALNUM, 16)}$${pick(r, HEX, 32)}` }),
  'flutterwave-secret-key': (r) => ({ text: `FLWSECK-${pick(r, HEX, 32)}-X` }),
  'tavily-api-key': (r) => ({ text: `tvly-dev-${fake(r, ALNUM, 32)}` }),
};

/**
 * Near misses of the formats above: public keys and ids beside them, lengths one off, dotted
 * parts that do not decode to a Discord id, base64 with a run of zero bytes. None is a secret.
 */
export const gapNearMisses: ((r: Rng) => string)[] = [
  (r) => `SNYK_ORG_ID=${uuid(r)}\nHEROKU_APP_ID=${uuid(r)}`,
  (r) => `heroku_app_name: shop-${pick(r, LOWER_ALNUM, 6)}\nheroku_region: eu`,
  (r) => `# crates.io mirror revision cio${pick(r, ALNUM, 40)}`,
  (r) => `cargo: "cio${pick(r, ALNUM, 31)}"`,
  (r) => `// discord token format: N${pick(r, ALNUM, 23)}.${pick(r, ALNUM, 6)}.${pick(r, ALNUM, 27)}`,
  (r) => `const wasm = "${'A'.repeat(24)}${pick(r, `${ALNUM}+/`, 200)}==";`,
  (r) => `FLW_PUBLIC_KEY=FLWPUBK-${pick(r, HEX, 32)}-X`,
  (r) => `NEW_RELIC_BROWSER_KEY=NRJS-${pick(r, HEX, 19)}`,
  (r) => `PLAID_PUBLIC_TOKEN=public-sandbox-${uuid(r)}`,
  (r) => `LicenseKey ${pick(r, ALNUM, 6)}_${pick(r, ALNUM, 28)}_mmk`,
  () => `mongodb://app:\${MONGO_PASSWORD}@db.internal:27017/app?authSource=admin&authMechanism=SCRAM-SHA-256`,
];
