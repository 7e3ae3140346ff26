// Provider patterns, part 5: prefixed formats of AI, data, developer-platform and payment
// services, each checked against the format its vendor documents (or, where the vendor documents
// only the prefix, against the shape of the tokens its dashboard issues). A `shape` states the
// prefix, alphabet and length the regex is built from, so tests draw samples from the same data.
// Every keyword costs the keyword pass on every line: prefixes of four characters that end in
// pairs common in code (`ion_`, `ico-`, `cog_`, `lip_`, `rdme_`, `pina_`, `shippo_`) measured up to
// 1% of the keyword pass each and are left out with their rarely met providers.
import { ALNUM, B, E, ED, HEX, URL_SAFE, prefixed, type ProviderPattern } from './catalogue-types.ts';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

/** The regex character class of each alphabet above. */
const CLASSES = new Map<string, string>([
  [ALNUM, 'A-Za-z0-9'],
  [URL_SAFE, 'A-Za-z0-9_-'],
  [HEX, 'a-f0-9'],
  [LOWER_ALNUM, 'a-z0-9'],
  [B64, 'A-Za-z0-9+/'],
]);
const ALPHABET_NAMES = new Map<string, string>([
  [ALNUM, 'alphanumerics'],
  [URL_SAFE, 'URL-safe characters'],
  [HEX, 'hex'],
  [LOWER_ALNUM, 'lower-case alphanumerics'],
  [B64, 'base64 characters'],
]);

/** `prefix` + `min`-`max` characters of `alphabet`: the pattern (see `prefixed`) with its shape. */
function shaped(id: string, name: string, prefix: string, alphabet: string, min: number, max: number, source: string): ProviderPattern {
  const b64 = alphabet === B64;
  const body = `[${CLASSES.get(alphabet) as string}]${min === max ? `{${min}}` : `{${min},${max}}`}${b64 ? '={0,2}' : ''}`;
  const end = b64 ? String.raw`={0,2}(?![A-Za-z0-9+/=])` : alphabet.includes('-') ? ED : E;
  const doc = `${min === max ? min : `${min}-${max}`} ${ALPHABET_NAMES.get(alphabet) as string} (${source}).`;
  return { ...prefixed(id, name, prefix, body, doc, end), shape: { prefix, alphabet, min, max } };
}

export const morePatterns: ProviderPattern[] = [
  shaped('neon-api-key', 'Neon API key', 'napi_', ALNUM, 64, 64, 'Neon API keys'),
  shaped('cerebras-api-key', 'Cerebras API key', 'csk-', LOWER_ALNUM, 48, 48, 'Cerebras Cloud API keys'),
  shaped('together-api-key', 'Together AI API key', 'tgp_v1_', URL_SAFE, 43, 43, 'Together AI API keys'),
  shaped('minimax-api-key', 'MiniMax API key', 'sk-api-', URL_SAFE, 100, 140, 'MiniMax platform API keys'),
  shaped('gemini-api-key', 'Google Gemini API key (AQ. format)', 'AQ.Ab8RN6', URL_SAFE, 40, 50, 'Google AI Studio keys of the `AQ.` format'),
  shaped('weights-and-biases-api-key', 'Weights & Biases API key (v1)', 'wandb_v1_', URL_SAFE, 70, 90, 'W&B v1 API keys'),
  shaped('pinecone-api-key', 'Pinecone API key', 'pcsk_', URL_SAFE, 60, 80, 'Pinecone API keys: a 5-6 character id, `_` and the secret'),
  shaped('apify-api-token', 'Apify API token', 'apify_api_', ALNUM, 34, 38, 'Apify API tokens'),
  shaped('deno-deploy-token', 'Deno Deploy access token', 'ddp_', ALNUM, 36, 36, 'Deno Deploy personal access tokens'),
  shaped('devin-api-key', 'Devin API key', 'apk_user_', B64, 100, 200, 'Devin personal API keys'),
  shaped('devin-service-api-key', 'Devin service API key', 'apk_', B64, 80, 100, 'Devin service API keys'),
  shaped('docker-swarm-unlock-key', 'Docker Swarm unlock key', 'SWMKEY-1-', B64, 40, 50, 'docker swarm unlock-key'),
  shaped('elastic-cloud-api-key', 'Elastic Cloud API key', 'essu_', URL_SAFE, 60, 200, 'Elastic Cloud serverless API keys'),
  shaped('frameio-api-token', 'Frame.io API token', 'fio-u-', URL_SAFE, 64, 64, 'Frame.io developer tokens'),
  shaped('mergify-application-key', 'Mergify application key', 'mergify_application_key_', URL_SAFE, 40, 200, 'Mergify application keys'),
  shaped('mongodb-atlas-sa-secret', 'MongoDB Atlas service account secret', 'mdb_sa_sk_', URL_SAFE, 40, 40, 'Atlas Admin API service accounts'),
  shaped('ramp-client-secret', 'Ramp API client secret', 'ramp_sec_', ALNUM, 48, 48, 'Ramp developer API client secrets'),
  shaped('rootly-api-key', 'Rootly API key', 'rootly_', HEX, 64, 64, 'Rootly API keys'),
  shaped('samsara-api-token', 'Samsara API token', 'samsara_api_', ALNUM, 26, 32, 'Samsara API tokens'),
  shaped('scalingo-api-token', 'Scalingo API token', 'tk-us-', URL_SAFE, 48, 48, 'Scalingo API tokens'),
  shaped('thunderstore-api-token', 'Thunderstore API token', 'tss_', URL_SAFE, 20, 80, 'Thunderstore service account tokens'),
  shaped('unkey-root-key', 'Unkey root key', 'unkey_', ALNUM, 20, 32, 'Unkey root keys'),
  shaped('upcloud-api-token', 'UpCloud API token', 'ucat_', ALNUM, 24, 32, 'UpCloud API tokens'),
  shaped('val-town-api-token', 'Val Town API token', 'vtwn_', URL_SAFE, 20, 80, 'Val Town API tokens'),
  shaped('wakatime-api-key', 'WakaTime API key', 'waka_', LOWER_ALNUM, 36, 64, 'WakaTime API keys'),
  shaped('canva-client-secret', 'Canva Connect client secret', 'cnvca', URL_SAFE, 51, 51, 'Canva Connect API client secrets'),
  shaped('cfx-server-key', 'Cfx.re server key', 'cfxk_', URL_SAFE, 20, 100, 'FiveM/RedM server license keys'),
  shaped('clojars-deploy-token', 'Clojars deploy token', 'CLOJARS_', LOWER_ALNUM, 60, 60, 'Clojars deploy tokens'),
  shaped('datastax-astra-token', 'DataStax Astra application token', 'AstraCS:', ALNUM, 20, 100, 'Astra DB application tokens'),
  shaped('devcycle-server-key', 'DevCycle server SDK key', 'dvc_server_', ALNUM, 8, 64, 'DevCycle server SDK keys'),
  shaped('easypost-api-key', 'EasyPost production API key', 'EZAK', LOWER_ALNUM, 54, 54, 'EasyPost API keys'),
  shaped('easypost-test-api-key', 'EasyPost test API key', 'EZTK', LOWER_ALNUM, 54, 54, 'EasyPost test API keys'),
  shaped('cloudsmith-api-key', 'Cloudsmith API key', 'csa_', ALNUM, 36, 36, 'Cloudsmith API keys'),
  shaped('artifactory-api-key', 'JFrog Artifactory API key', 'AKCp', ALNUM, 68, 70, 'Artifactory API keys'),
  shaped('openshift-user-token', 'OpenShift user token', 'sha256~', URL_SAFE, 43, 43, 'OpenShift OAuth access tokens'),
  shaped('settlemint-token', 'SettleMint access token', 'sm_pat_', ALNUM, 16, 16, 'SettleMint personal access tokens'),
  {
    id: 'docker-swarm-join-token',
    name: 'Docker Swarm join token',
    doc: '`SWMTKN-1-` + 50-60 lower-case alphanumerics + `-` + 24-30 (docker swarm join-token).',
    keywords: ['SWMTKN-1-'],
    regex: String.raw`${B}(SWMTKN-1-[a-z0-9]{50,60}-[a-z0-9]{24,30})${ED}`,
  },
  {
    id: 'cockroach-cloud-api-key',
    name: 'CockroachDB Cloud API key',
    doc: '`CCDB1_` + 22 alphanumerics + `_` + 40 alphanumerics (CockroachDB Cloud service account API keys).',
    keywords: ['CCDB1_'],
    regex: String.raw`${B}(CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40})${E}`,
  },
  {
    id: 'duffel-api-token',
    name: 'Duffel API token',
    doc: '`duffel_live_` or `duffel_test_` + 43 URL-safe characters (Duffel access tokens).',
    keywords: ['duffel_live_', 'duffel_test_'],
    regex: String.raw`${B}(duffel_(?:live|test)_[A-Za-z0-9_=-]{43})${ED}`,
  },
  {
    id: 'harness-api-key',
    name: 'Harness API key',
    doc: '`pat.` or `sat.` + 22 URL-safe + `.` + 24 hex + `.` + 20 alphanumerics (Harness personal and service account tokens).',
    keywords: ['pat.', 'sat.'],
    regex: String.raw`${B}((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20})${E}`,
  },
  {
    id: 'onesignal-api-key',
    name: 'OneSignal REST API key',
    doc: '`os_v2_app_` or `os_v2_org_` + 103 base32 characters (OneSignal rich authentication keys).',
    keywords: ['os_v2_app_', 'os_v2_org_'],
    regex: String.raw`${B}(os_v2_(?:app|org)_[a-z2-7]{103})${E}`,
  },
  {
    id: 'brevo-api-key',
    name: 'Brevo (Sendinblue) API key',
    doc: '`xkeysib-` + 64 hex + `-` + 16 alphanumerics (Brevo API v3 keys).',
    keywords: ['xkeysib-'],
    regex: String.raw`${B}(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})${E}`,
  },

  {
    id: 'slack-session-token',
    name: 'Slack session token',
    doc: '`xoxc-` + three numeric ids + 64 hex (the Slack web client session token).',
    keywords: ['xoxc-'],
    regex: String.raw`${B}(xoxc-[0-9]{9,15}-[0-9]{9,15}-[0-9]{9,15}-[a-f0-9]{64})${E}`,
  },
  {
    id: 'zuplo-api-key',
    name: 'Zuplo consumer API key',
    doc: '`zpka_` + 32 lower-case alphanumerics + `_` + 8 hex (Zuplo API keys).',
    keywords: ['zpka_'],
    regex: String.raw`${B}(zpka_[a-z0-9]{32}_[a-f0-9]{8})${E}`,
  },
  {
    id: 'mercury-api-token',
    name: 'Mercury API token',
    doc: '`mercury_production_` + environment + `_` + 40-50 alphanumerics + `_yrucrem` (Mercury banking API tokens).',
    keywords: ['mercury_production_'],
    regex: String.raw`${B}(mercury_production_[a-z]{3,6}_[A-Za-z0-9]{40,50}_yrucrem)${E}`,
  },
];
