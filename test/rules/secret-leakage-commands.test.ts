// Credentials on a command line, in a header without a scheme and under lower-case vendor names
// (command-forms.ts, generic-forms.ts): each was missed before (checked with the built CLI on a
// real repository): `curl -uuser:password`, `mysql -pS3cret`, `mysqldump`/`mysqladmin`/`mariadb-dump`,
// `PGPASSWORD=… psql`, `docker login -p …`, `--password …` after a space (`docker login`, `helm
// repo add`), `sshpass -p`, `redis-cli -a`, `mongosh -p`, `Authorization: <key>`, `cohere_key = "…"`,
// `api-key: …`. Values are fakes built at run time, so this file holds none.
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleContext, Violation } from '../../src/rule.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, file } from '../helpers/change.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { ALNUM, DIGITS, HEX, fake, pick, rng } from '../helpers/secret-samples.ts';

const CONTEXT = { ai: { assisted: false, agents: [], evidence: [], source: 'none' }, core: {}, policyPath: null, documents: {}, baseDocuments: {} } as RuleContext;
function scan(content: string, path = 'scripts/deploy.sh'): Violation[] {
  const files = [file(path, { status: 'added', added: content.split('\n') })];
  return secretLeakage.check(change({ files }), { allow: [], exclude: [], patterns: [], generic: true }, CONTEXT);
}
const found = (vs: Violation[]) => vs.map((v) => [v.line, v.data?.pattern, v.severity ?? 'error', v.secrets?.[0]]);

const r = rng(3306);
/** A password of three character classes, as a generator writes them. */
const password = () => `${fake(r, ALNUM, 16)}${pick(r, DIGITS, 2)}${pick(r, ALNUM, 3)}`;
/** A random key (with a digit: a value of letters only reads as a word). */
const key = () => `${fake(r, ALNUM, 32)}${pick(r, DIGITS, 4)}`;

const P = Array.from({ length: 16 }, password);
const K = Array.from({ length: 6 }, key);

/** What each file holds, the line the secret is on, and the secret. */
const CASES: [path: string, text: string, line: number, secret: string][] = [
  ['scripts/upload.sh', `curl -fsS -udeploy:${P[0]} https://artifacts.corp.io/upload`, 1, P[0]!],
  ['scripts/db.sh', `mysql -h db.corp.io -uapp -p${P[1]} app < schema.sql`, 1, P[1]!],
  ['scripts/dump.sh', `mysqldump -u app -p'${P[2]}' app > dump.sql`, 1, P[2]!],
  ['scripts/status.sh', `/usr/bin/mysqladmin -u root -p"${P[3]}" status`, 1, P[3]!],
  ['scripts/maria.sh', `mariadb-dump -uroot -p${P[4]} --all-databases | gzip > all.sql.gz`, 1, P[4]!],
  ['scripts/psql.sh', `PGPASSWORD=${P[5]} psql -h db.corp.io -U app -c 'select 1'`, 1, P[5]!],
  ['.github/workflows/push.yml', `jobs:\n  push:\n    steps:\n      - run: docker login -u ci -p ${P[6]} registry.corp.io`, 4, P[6]!],
  ['scripts/login.sh', `docker login --username ci --password ${P[7]} registry.corp.io`, 1, P[7]!],
  ['scripts/helm.sh', `helm repo add corp https://charts.corp.io --username ci --password ${P[8]}`, 1, P[8]!],
  ['scripts/ssh.sh', `sshpass -p ${P[9]} ssh -o StrictHostKeyChecking=no deploy@10.0.0.5`, 1, P[9]!],
  ['scripts/ssh2.sh', `sshpass -p'${P[10]}' scp build.tgz deploy@10.0.0.5:/srv`, 1, P[10]!],
  ['scripts/cache.sh', `redis-cli -h cache.corp.io -p 6380 -a ${P[11]} ping`, 1, P[11]!],
  ['scripts/mongo.sh', `mongosh --host db.corp.io -u admin -p ${P[12]} --authenticationDatabase admin`, 1, P[12]!],
  ['scripts/sudo.sh', `sudo -u postgres true && sudo mysql -uroot -p${P[13]} -e 'flush privileges'`, 1, P[13]!],
  ['scripts/api.sh', `curl -H 'Authorization: ${K[0]}' https://api.corp.io/v2/transcript`, 1, K[0]!],
  ['src/transcribe.py', `headers = {"authorization": "${K[1]}", "content-type": "application/json"}`, 1, K[1]!],
  ['src/llm.py', `cohere_key = "${K[2]}"`, 1, K[2]!],
  ['src/settings.py', `settings.openai_key = '${K[3]}'`, 1, K[3]!],
  ['config/app.yaml', `service:\n  api-key: ${K[4]}`, 2, K[4]!],
];

describe('secret-leakage: command lines, headers without a scheme and lower-case vendor keys, through the built CLI', () => {
  const repo = Repo.init();
  repo.commit('base', { 'README.md': '# app\n' });
  repo.commit('add scripts', Object.fromEntries(CASES.map(([path, text]) => [path, `${text}\n`])));
  afterAll(() => repo.remove());
  const res = runCli(['check', '--base', 'HEAD~1', '--format', 'json'], { cwd: repo.dir });
  const findings = (JSON.parse(res.stdout) as { findings: { ruleId: string; message: string; path?: string; line?: number; severity: string }[] }).findings.filter((f) => f.ruleId === 'secret-leakage');

  it.each(CASES)('%s: an error on its line', (path, _text, line) => {
    expect(res.code, res.stderr).toBe(1);
    expect(findings.filter((f) => f.path === path).map((f) => [f.line, /\(pattern ([\w-]+)/.exec(f.message)?.[1], f.severity])).toEqual([[line, 'generic-secret', 'error']]);
  });

  it('prints none of the secrets', () => {
    for (const [, , , secret] of CASES) {
      expect(res.stdout).not.toContain(secret);
      expect(res.stderr).not.toContain(secret);
    }
  });
});

describe('secret-leakage: the command-line forms, in the rule', () => {
  it('names what it found: the command and its option', () => {
    const names = (text: string) => scan(text).map((v) => v.data?.name);
    expect(names(`mysql -uroot -p${password()} app`)).toEqual(['Password in a `mysql -p…` option']);
    expect(names(`sshpass -p ${password()} ssh host`)).toEqual(['Password in a `sshpass -p …` option']);
    expect(names(`podman login -u ci -p ${password()} quay.io`)).toEqual(['Password in a `login -p …` option']);
    expect(names(`redis-cli -a ${password()} ping`)).toEqual(['Password in a `redis-cli -a …` option']);
    expect(names(`docker login --password ${password()} quay.io`)).toEqual(['Secret given to the `--password` option']);
    expect(names(`curl -uci:${password()} https://corp.io`)).toEqual(['Password in a `-u user:password` option']);
    expect(names(`Authorization: ${key()}`)).toEqual(['Key in an `Authorization` header (no scheme)']);
  });

  it('is weak (a warning) in docs and tests, like every generic finding', () => {
    const pw = password();
    expect(found(scan(`mysql -uroot -p${pw} app`, 'docs/backup.md'))).toEqual([[1, 'generic-secret', 'warning', pw]]);
  });

  it('reads a header without a scheme, a lower-case vendor key and a `-u` glued only when the value is strong', () => {
    expect(scan('Authorization: my-api-key-goes-here-2024')).toEqual([]);
    expect(scan(`Authorization: ${pick(r, ALNUM, 16)}`)).toEqual([]); // shorter than 20
    expect(scan('cohere_key = "my-cohere-key-here-2024"')).toEqual([]);
  });

  const hex = () => pick(r, HEX, 32);
  const NOT_SECRETS: [string, string][] = [
    ['a variable glued to -p', 'mysql -uroot -p$MYSQL_ROOT_PASSWORD app'],
    ['a quoted variable glued to -p', 'mysql -uroot -p"$PW" app'],
    ['an expansion glued to -p', 'mysqldump -u app -p"${MYSQL_PASSWORD}" app > dump.sql'],
    ['a placeholder word', 'mysql -uroot -pPASSWORD app'],
    ['a placeholder in angle brackets', 'mysql -uroot -p<password> app'],
    ['a masked password', 'mysql -uroot -p******** app'],
    ['a default password', 'mysql -uroot -proot app && mysql -uroot -pchangeme app'],
    ['-p alone: mysql asks, the next word is the database', `mysql -h db -P 3306 -u app -p app_${pick(r, DIGITS, 4)}_${pick(r, ALNUM, 8)}`],
    ['--password and a space: mysql asks, the next word is the database', `mysql --user app --password db${pick(r, ALNUM, 10)}9`],
    ['a password read from stdin', `aws ecr get-login-password | docker login --username AWS --password-stdin ${pick(r, '123456789', 1)}${pick(r, DIGITS, 11)}.dkr.ecr.eu-west-3.amazonaws.com`],
    ['a workflow secret', 'run: docker login -u ci -p ${{ secrets.REGISTRY_PASSWORD }} ghcr.io'],
    ['a published port', 'docker run -d -p 127.0.0.1:8080:80 nginx'],
    ['a port', 'ssh -p 2222 deploy@host && redis-cli -c -p 7000 cluster info'],
    ['the option of another command after the login', `docker login registry.corp.io && deploy -p ${password()}`],
    ['a variable after sshpass -p', 'sshpass -p "$SSHPASS" ssh -p 2222 deploy@host'],
    ['a variable after redis-cli -a', 'redis-cli -h cache -a $REDIS_PASSWORD ping'],
    ['mkdir -p', 'mkdir -p build/x86_64-linux-gnu2'],
    ['an option that takes a file', `vault login --token-file /run/secrets/t0ken${pick(r, DIGITS, 3)}`],
    ['a password file of an option', 'geth account new --password /root/.ethereum/account/secret.txt'],
    ['an htpasswd line (a hash) under an htpasswd name', `htpasswdString: "user:$apr1$${pick(r, ALNUM, 8)}$${pick(r, ALNUM, 22)}"`],
    ['Digest parameters (the response is a hash)', `Authorization: Digest username="ci", realm="api", nonce="${hex()}", uri="/v1", response="${hex()}", opaque="${hex()}"`],
    ['a variable as the header', 'headers: { Authorization: authorizationHeaderValue2 }'],
    ['a call as the header', 'Authorization: getAuthorizationHeader(user2)'],
    ['a lower-case key of a cache (a digest)', `self.cached_creds_key = '${pick(r, HEX, 40)}'`],
    ['a lower-case key of a data structure', `sort_key = "${key()}"`],
    ['a camelCase key', `const cohereKey = "${key()}";`],
    ['a Stripe publishable key under STRIPE_KEY (Laravel Cashier)', `STRIPE_KEY=pk_test_51${pick(r, ALNUM, 40)}`],
    ['a PostHog project key (public) under a lower-case name', `posthog_key = "phc_${pick(r, ALNUM, 43)}"`],
  ];
  it.each(NOT_SECRETS)('not a secret: %s', (_what, text) => expect(found(scan(text))).toEqual([]));
});
