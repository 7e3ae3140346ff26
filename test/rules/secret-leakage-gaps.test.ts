// The formats catalogue-gaps.ts added (each missed before: confirmed with the built CLI), their
// near misses, and the MongoDB URL options that are no secret. Tokens are fakes built at run time.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleContext, Violation } from '../../src/rule.ts';
import { isDiscordBotToken } from '../../rules/secret-leakage/checksums.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, file } from '../helpers/change.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { discordBot, gapNearMisses, twitterBearer } from '../helpers/secret-samples-gaps.ts';
import { ALNUM, HEX, fake, pick, rng } from '../helpers/secret-samples.ts';

const CONTEXT = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} } as RuleContext;
function scan(content: string, path = 'config/app.env'): Violation[] {
  const files = [file(path, { status: 'added', added: content.split('\n') })];
  return secretLeakage.check(change({ files }), { allow: [], exclude: [], patterns: [], generic: true }, CONTEXT);
}
const ids = (vs: Violation[]) => vs.map((v) => v.data?.pattern);

const r = rng(2027);
const uuid = () => `${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-4${pick(r, HEX, 3)}-b${pick(r, HEX, 3)}-${pick(r, HEX, 12)}`;
const twitter = twitterBearer(r);
const discord = discordBot(r);
const crates = `cio${fake(r, ALNUM, 32)}`;
const maxmind = `${pick(r, ALNUM, 6)}_${fake(r, ALNUM, 29)}_mmk`;
const [heroku, snyk] = [uuid(), uuid()];
const mongoPassword = fake(r, ALNUM, 20);

/** What each line of the diff holds, and the pattern that must report it. */
const CASES: [path: string, line: string, pattern: string, secret: string][] = [
  ['.env', `TWITTER_BEARER_TOKEN=${twitter}`, 'twitter-bearer-token', twitter],
  ['ci/deploy.yml', `        HEROKU_API_KEY: "${heroku}"`, 'heroku-legacy-api-key', heroku],
  ['.github/workflows/snyk.yml', `      - run: snyk auth ${snyk}`, 'snyk-api-token', snyk],
  ['scripts/release.sh', `cargo publish --token ${crates}`, 'crates-io-token', crates],
  ['bot/index.js', `client.login("${discord}");`, 'discord-bot-token', discord],
  ['GeoIP.conf', `LicenseKey ${maxmind}`, 'maxmind-license-key', maxmind],
  ['src/db.py', `client = MongoClient("mongodb://app:${mongoPassword}@db1.internal:27017,db2.internal:27017/app?replicaSet=rs0&authSource=admin&authMechanism=SCRAM-SHA-256")`, 'database-url-password', mongoPassword],
];

describe('secret-leakage: formats it missed, through the built CLI', () => {
  const dir = tempDir('prguard-secret-gaps-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const diff = CASES.flatMap(([path, line]) => [`diff --git a/${path} b/${path}`, 'new file mode 100644', `--- /dev/null`, `+++ b/${path}`, '@@ -0,0 +1 @@', `+${line}`]);
  writeFileSync(join(dir, 'change.diff'), `${diff.join('\n')}\n`);
  const res = runCli(['check', '--diff', 'change.diff', '--format', 'json'], { cwd: dir });
  const findings = (JSON.parse(res.stdout) as { findings: { ruleId: string; message: string; path?: string }[] }).findings.filter((f) => f.ruleId === 'secret-leakage');

  it.each(CASES)('%s: reported as its format', (path, _line, pattern) => {
    expect(res.code, res.stderr).toBe(1);
    expect(findings.filter((f) => f.path === path).map((f) => /\(pattern ([\w-]+)/.exec(f.message)?.[1])).toEqual([pattern]);
  });

  it('prints none of the secrets', () => {
    for (const [, , , secret] of CASES) {
      expect(res.stdout).not.toContain(secret);
      expect(res.stderr).not.toContain(secret);
    }
  });
});

describe('secret-leakage: the new formats, in the rule', () => {
  it('reports a Twitter bearer token as written and percent-decoded, with the token as the secret', () => {
    const plain = twitterBearer(rng(5), false);
    expect(scan(`bearer = "${plain}"`).map((v) => [v.data?.pattern, v.secrets])).toEqual([['twitter-bearer-token', [plain]]]);
    expect(ids(scan(`curl -H "Authorization: Bearer%20${twitter}"`))).toEqual(['twitter-bearer-token']);
  });

  it('does not report the example bearer token of the X developer docs', () => {
    const docs = ['AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3D', 'EUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F'].join('');
    expect(ids(scan(`TWITTER_BEARER_TOKEN=${docs}`))).toEqual([]);
    expect(ids(scan(`bearer = "${decodeURIComponent(docs)}"`))).toEqual([]);
  });

  it('reads the placeholder checks after the run of A a Twitter token starts with', () => {
    const xs = `${'A'.repeat(21)}${'x'.repeat(38)}%3D${'x'.repeat(50)}`;
    expect(ids(scan(`TWITTER_BEARER_TOKEN=${xs}`))).not.toContain('twitter-bearer-token');
  });

  it('reports a Discord token only when its first part decodes to a user id', () => {
    expect(isDiscordBotToken(discord)).toBe(true);
    const notAnId = `N${pick(r, ALNUM, 23)}.${pick(r, ALNUM, 6)}.${pick(r, ALNUM, 38)}`;
    expect(isDiscordBotToken(notAnId)).toBe(false);
    expect(isDiscordBotToken(discordBot(r, `0${pick(r, '0123456789', 17)}`))).toBe(false); // no id starts with 0
    expect(ids(scan(`DISCORD_TOKEN=${notAnId}`))).toEqual([]);
    expect(ids(scan(`bot.run('${discord}')`, 'bot.py'))).toEqual(['discord-bot-token']);
  });

  it('takes a UUID for a Heroku or Snyk key only under that vendor\'s key name', () => {
    expect(ids(scan(`heroku_api_key = '${heroku}'`))).toEqual(['heroku-legacy-api-key']);
    expect(ids(scan(`machine api.heroku.com login ops@shop.dev password ${heroku}`, '.netrc'))).toEqual(['heroku-legacy-api-key']);
    expect(ids(scan(`snyk config set api=${snyk}`, 'setup.sh'))).toEqual(['snyk-api-token']);
    expect(ids(scan(`SNYK_ORG_ID=${snyk}\nHEROKU_APP_ID=${heroku}\nHEROKU_API_KEY=00000000-0000-0000-0000-000000000000`))).toEqual([]);
  });

  it('finds crates.io tokens on lines that name their context, and no other cio word', () => {
    expect(ids(scan(`CARGO_REGISTRY_TOKEN=${crates}`))).toEqual(['crates-io-token']);
    expect(ids(scan(`[registry]\ntoken = "${crates}"`, '.cargo/credentials.toml'))).toEqual(['crates-io-token']);
    expect(ids(scan(`crates mirror: cio${pick(r, ALNUM, 33)}`))).toEqual([]);
  });

  it('reports no near miss of the new formats', () => {
    const q = rng(99);
    for (const make of gapNearMisses) {
      const text = make(q);
      expect(scan(text).map((v) => `${String(v.data?.pattern)} in ${text}`)).toEqual([]);
    }
  });

  it('does not take a MongoDB authMechanism for a secret (it names a SASL mechanism)', () => {
    expect(scan('MONGO_URL=mongodb://db.internal:27017/app?authSource=admin&authMechanism=SCRAM-SHA-256')).toEqual([]);
    expect(scan('authMechanism: "SCRAM-SHA-256"', 'config/mongo.yaml')).toEqual([]);
  });
});
