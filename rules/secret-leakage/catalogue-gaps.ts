// Provider patterns, part 7: formats the catalogue lacked against gitleaks' default rules and
// trufflehog's common detectors, each written from the vendor's documented (or issued) format.
// Three kinds: a distinctive fixed part (Twitter's zero header, MaxMind's `_mmk`, New Relic's
// `NRAL`), a structure check (Discord's base64 user id), or a keyword plus a strict body (a UUID
// assigned to a Heroku or Snyk name, which the generic check skips since most UUIDs are ids).
// A prefix too short or too common for the keyword pass (crates.io's `cio`, Discord's none) is
// found on the lines that name its context: `token`, `auth` and `login`, words the generic check
// (or each other) already has the keyword pass find, so they cost the pass nothing more (`cargo`,
// `crates`, `discord` and `authorization` measured 0.2-0.4% more window steps each on 50 MB).
// Last in the catalogue: the benchmark corpus draws samples in catalogue order, so the earlier
// patterns' samples stay as they were; on a span a key pattern also finds (a Sidekiq URL's
// userinfo, `url-credentials`) the key pattern wins, an error either way.
import { B, E, ED, UUID, type ProviderPattern } from './catalogue-types.ts';

/** `names` assigned a value (`NAME=`, `name: "…"`), or `command` followed by it (a CLI argument). */
function keyed(names: string, command: string, value: string): string {
  return String.raw`(?:(?:${names})["']?\s*(?:=>|:=|[:=])\s*["']?|(?:${command})\s+["']?)(${value})(?![A-Za-z0-9_-])`;
}

export const gapPatterns: ProviderPattern[] = [
  {
    id: 'twitter-bearer-token',
    name: 'Twitter / X app-only bearer token',
    doc: '21 `A` (the zero bytes of its header) + 38 base64 characters (`+` and `/` as written or percent-encoded) + `=` or `%3D` + 50 alphanumerics (X API OAuth 2.0 app-only bearer tokens, shown percent-encoded in the developer portal).',
    keywords: ['AAAAAAAAAAAAAAAAAAAAA'],
    regex: String.raw`(?:(?<=%20)|(?<![A-Za-z0-9+/%]))(A{21}(?:[A-Za-z0-9+/]|%2[BFbf]){38}(?:=|%3[Dd])[A-Za-z0-9]{50})(?![A-Za-z0-9%])`,
    judgeFrom: 21,
    minEntropy: 4.0,
  },
  {
    id: 'heroku-legacy-api-key',
    name: 'Heroku API key (UUID)',
    doc: 'A UUID assigned to a Heroku-named variable (`HEROKU_API_KEY=…`), or the password of an `api.heroku.com` `.netrc` line (Heroku API keys before the `HRKU-` format).',
    keywords: ['heroku'],
    ciKeywords: true,
    flags: 'i',
    regex: keyed(String.raw`heroku[A-Za-z0-9_.-]{0,20}?(?:api[_-]?key|api[_-]?token|token|key|password|secret)`, String.raw`api\.heroku\.com\s+login\s+\S+\s+password`, UUID),
    minEntropy: 3.2,
  },
  {
    id: 'snyk-api-token',
    name: 'Snyk API token',
    doc: 'A UUID assigned to a Snyk-named variable (`SNYK_TOKEN=…`), or after `snyk auth` / `snyk config set api=` (Snyk API tokens).',
    keywords: ['snyk'],
    ciKeywords: true,
    flags: 'i',
    regex: keyed(String.raw`snyk[A-Za-z0-9_.-]{0,20}?(?:token|api[_-]?key|key|auth)|snyk\s+config\s+set\s+api`, String.raw`snyk\s+auth`, UUID),
    minEntropy: 3.2,
  },
  {
    id: 'crates-io-token',
    name: 'crates.io API token',
    doc: '`cio` + 32 alphanumerics (crates.io API tokens), on a line that says `token`, `auth` or `login` (`CARGO_REGISTRY_TOKEN=…`, `cargo publish --token …`, `cargo login …`, a `credentials.toml` `token = "…"`, an `Authorization:` header).',
    keywords: ['token', 'auth', 'login'],
    ciKeywords: true,
    regex: String.raw`${B}(cio[A-Za-z0-9]{32})${E}`,
    minEntropy: 3.5,
  },
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    doc: 'The bot\'s user id in base64url (23-27 characters, decoding to 17-20 digits) + `.` + 6 + `.` + 27-38 URL-safe characters (Discord bot tokens), on a line that says `token`, `auth`, `login` or `.run(` (`DISCORD_TOKEN=…`, `Authorization: Bot …`, `client.login(…)`, `bot.run(…)`).',
    keywords: ['token', 'auth', 'login', '.run('],
    ciKeywords: true,
    regex: String.raw`(?<![A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])`,
    check: 'discord-bot',
    minEntropy: 3.5,
  },
  {
    id: 'maxmind-license-key',
    name: 'MaxMind license key',
    doc: '6 alphanumerics + `_` + 29 alphanumerics + `_mmk` (MaxMind license keys since 2024).',
    keywords: ['_mmk'],
    regex: String.raw`${B}([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)${E}`,
  },
  {
    id: 'newrelic-license-key',
    name: 'New Relic ingest license key',
    doc: '36 lower-case alphanumerics + `NRAL` (New Relic ingest license keys; EU keys start `eu01xx`).',
    keywords: ['NRAL'],
    regex: String.raw`${B}([a-z0-9]{36}NRAL)${E}`,
  },
  {
    id: 'newrelic-insert-key',
    name: 'New Relic insert key',
    doc: '`NRII-` + 32 URL-safe characters (New Relic Insights insert keys).',
    keywords: ['NRII-'],
    regex: String.raw`${B}(NRII-[A-Za-z0-9_-]{32})${ED}`,
  },
  {
    id: 'slack-config-refresh-token',
    name: 'Slack refresh token',
    doc: '`xoxe-1-` + 100-250 alphanumerics (Slack token rotation and configuration refresh tokens).',
    keywords: ['xoxe-1-'],
    regex: String.raw`${B}(xoxe-1-[A-Za-z0-9]{100,250})${E}`,
  },
  {
    id: 'sidekiq-enterprise-credentials',
    name: 'Sidekiq Pro / Enterprise gem credentials',
    doc: '`<8 hex>:<8 hex>` as `BUNDLE_ENTERPRISE__CONTRIBSYS__COM` / `BUNDLE_GEMS__CONTRIBSYS__COM`, after `bundle config … gems.contribsys.com`, or as the userinfo of a `contribsys.com` URL (Sidekiq Pro and Enterprise licences).',
    keywords: ['contribsys'],
    ciKeywords: true,
    flags: 'i',
    regex: String.raw`(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\s*[:=]\s*["']?|(?:enterprise|gems)\.contribsys\.com["']?\s+["']?|\/\/(?=[a-f0-9]{8}:[a-f0-9]{8}@(?:enterprise|gems)\.contribsys\.com))([a-f0-9]{8}:[a-f0-9]{8})(?![A-Za-z0-9_:-])`,
    minEntropy: 2.8,
  },
  {
    id: 'plaid-access-token',
    name: 'Plaid access token',
    doc: '`access-sandbox-`, `access-development-` or `access-production-` + a UUID (Plaid access tokens).',
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    regex: String.raw`${B}(access-(?:sandbox|development|production)-${UUID})${ED}`,
  },
  {
    id: 'braintree-access-token',
    name: 'Braintree access token',
    doc: '`access_token$production$` or `access_token$sandbox$` + 16-character merchant id + `$` + 32 hex (Braintree / PayPal SDK access tokens).',
    keywords: ['access_token$production$', 'access_token$sandbox$'],
    regex: String.raw`${B}(access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})${E}`,
  },
  {
    id: 'flutterwave-secret-key',
    name: 'Flutterwave secret key',
    doc: '`FLWSECK-` (live) or `FLWSECK_TEST-` + 32 hex + `-X` (Flutterwave API keys; the `FLWPUBK` public key is not a secret).',
    keywords: ['FLWSECK'],
    regex: String.raw`${B}(FLWSECK(?:_TEST|_LIVE)?-[a-fA-F0-9]{32}-X)${ED}`,
  },
  {
    id: 'tavily-api-key',
    name: 'Tavily API key',
    doc: '`tvly-` (or `tvly-dev-`, `tvly-prod-`) + 24-64 alphanumerics (Tavily search API keys).',
    keywords: ['tvly-'],
    regex: String.raw`${B}(tvly-(?:(?:dev|prod)-)?[A-Za-z0-9]{24,64})${ED}`,
    minEntropy: 3.5,
  },
];
