// Microsoft's identifiable key formats (Azure DevOps PATs, Azure OpenAI and other CASK keys, the
// Azure access keys with a service signature), Teams and Power Automate webhook URLs, NuGet,
// SonarQube and HubSpot tokens: found as config and code write them (quoted, percent-encoded,
// JSON-escaped, base64-encoded), and a near miss of each shape is no finding.
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../rules/secret-leakage/fingerprint.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, file } from '../helpers/change.ts';
import { ALNUM, B64, HEX, cask, fake, guid, pick, rng, sample } from '../helpers/secret-samples.ts';
import { run } from './helpers.ts';

const r = rng(2026);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const pct = (text: string) => encodeURIComponent(text);
const scan = (lines: string[], path = 'config/app.yaml') => run(secretLeakage, change({ files: [file(path, { status: 'added', added: lines })] }));
const found = (lines: string[], path?: string) => scan(lines, path).map((v) => [v.line, v.data?.pattern]);
const fp = (secret: string) => fingerprint('secret-leakage', secret);

/** An identifiable key: `before` base64 characters, the signature, then the layout's tail. */
const identifiable = (before: number, signature: string, tail: string) => `${fake(r, B64, before)}${signature}${tail}`;

describe('secret-leakage: Azure identifiable keys', () => {
  const keys = [
    ...['+ASb', '+AEh', '+ARm', 'AIoT', 'AzCa'].map((s) => identifiable(33, s, `${pick(r, 'ABCDEFGHIJKLMNOP', 1)}${pick(r, B64, 5)}=`)),
    ...['+ASt', 'ACDb', 'APIM', '+ABa'].map((s) => identifiable(76, s, `${pick(r, B64, 5)}${pick(r, 'AQgw', 1)}==`)),
    `${fake(r, `${ALNUM}_-`, 44)}AzFu${pick(r, ALNUM, 5)}A==`,
    ...['+ACR', 'AzSe'].map((s) => identifiable(42, s, `${pick(r, 'ABCD', 1)}${pick(r, B64, 5)}`)),
  ];

  it('finds every service signature at its offset, as a bare value and in a connection string or URL', () => {
    const vs = scan(keys.map((k, i) => (i % 2 ? `  key${i}: "${k}"` : `KEY_${i}=${k}`)), 'deploy/.env');
    expect(vs.map((v) => v.data?.pattern)).toEqual(keys.map(() => 'azure-identifiable-key'));
    expect(vs.map((v) => v.fingerprint)).toEqual(keys.map(fp));
    const fn = keys[9] as string;
    expect(found([`curl "https://prgfake.azurewebsites.net/api/deploy?code=${fn}"`], 'scripts/hook.sh')).toEqual([[1, 'azure-identifiable-key']]);
  });

  it('a signature off its offset, a wrong character after it or a longer base64 run is no finding', () => {
    const sb = keys[0] as string;
    const lines = [
      `k1: ${sb.slice(1)}`, // signature at 32
      `k2: A${sb}`, // part of a longer run
      `k3: ${sb.slice(0, 37)}z${sb.slice(38)}`, // not A-P after the signature
      `k4: ${(keys[5] as string).replace(/==$/, 'A=')}`, // no == padding
      'const APIM = "APIM"; // the service name in code',
    ];
    expect(scan(lines, 'src/azure.ts')).toEqual([]);
  });

  it('finds a key percent-encoded in a URL and base64-encoded in a Kubernetes Secret', () => {
    const key = keys[5] as string;
    const vs = scan([`url: "https://app.prgfake.io/cb?key=${pct(key)}"`, 'data:', `  key: ${b64(key)}`]);
    expect(vs.map((v) => [v.line, v.data?.pattern, v.fingerprint])).toEqual([[1, 'azure-identifiable-key', fp(key)], [3, 'azure-identifiable-key', fp(key)]]);
    expect(vs.map((v) => v.data?.name)).toEqual(['Azure access key (identifiable format), percent-encoded', 'Azure access key (identifiable format), base64-encoded']);
  });
});

describe('secret-leakage: Azure common annotated security keys (CASK)', () => {
  it('tells an Azure DevOps PAT from another service key by the provider signature', () => {
    const ado = cask(r, 'AZDO');
    const openai = cask(r, 'ACOG');
    const long = `${cask(r, 'AZMP')}${pick(r, ALNUM, 2)}==`;
    const vs = scan([`AZURE_DEVOPS_EXT_PAT=${ado}`, `AZURE_OPENAI_API_KEY="${openai}"`, `maps_key: '${long}'`]);
    expect(vs.map((v) => [v.data?.pattern, v.fingerprint])).toEqual([['azure-devops-pat', fp(ado)], ['azure-cask-key', fp(openai)], ['azure-cask-key', fp(long)]]);
  });

  it('finds a PAT in a git URL and base64-encoded as an HTTP Basic header (how git and curl send it)', () => {
    const ado = cask(r, 'AZDO');
    const vs = scan([`git clone https://build:${ado}@dev.azure.com/prgfake/app/_git/app`, `curl -H "Authorization: Basic ${b64(`:${ado}`)}" https://dev.azure.com/prgfake/_apis/projects`], 'ci/setup.sh');
    expect(vs.map((v) => [v.line, v.data?.pattern, v.fingerprint])).toEqual([[1, 'azure-devops-pat', fp(ado)], [2, 'azure-devops-pat', fp(ado)]]);
  });

  it('a wrong kind character, a month letter past L or one character short is no finding', () => {
    const k = cask(r, 'AZDO');
    expect(scan([`a=${k.slice(0, 57)}X${k.slice(58)}`, `b=${k.slice(0, 59)}M${k.slice(60)}`, `c=${k.slice(1)}`])).toEqual([]);
  });
});

describe('secret-leakage: Teams and Power Automate webhook URLs', () => {
  const teams = sample('microsoft-teams-webhook', r);
  const flow = sample('power-automate-workflow-url', r);

  it('finds a Teams webhook (also with the /V2 signature) and a workflow URL quoted, in JSON and in YAML', () => {
    const v2 = `${teams.text}/V2${fake(r, `${ALNUM}_-`, 45)}`;
    const vs = scan([`TEAMS_WEBHOOK_URL="${teams.text}"`, `{"webhook": "${v2}"}`, `  flow_url: '${flow.text}'`]);
    expect(vs.map((v) => [v.line, v.data?.pattern])).toEqual([[1, 'microsoft-teams-webhook'], [2, 'microsoft-teams-webhook'], [3, 'power-automate-workflow-url']]);
    expect(vs.map((v) => v.fingerprint)).toEqual([fp(teams.secret), fp(v2.slice(v2.indexOf('webhookb2/') + 10)), fp(flow.secret)]);
  });

  it('finds them percent-encoded in a query string and JSON-escaped (`\\/`, Go\'s `\\u0026`)', () => {
    const json = teams.text.replace(/\//g, '\\/');
    const go = flow.text.replace(/&/g, '\\u0026');
    const vs = scan([`redirect: "https://app.prgfake.io/cb?to=${pct(teams.text)}"`, `{"hook":"${json}"}`, `{"flow":"${go}"}`], 'config/app.json');
    expect(vs.map((v) => [v.line, v.data?.name])).toEqual([
      [1, 'Microsoft Teams incoming webhook URL, percent-encoded'],
      [2, 'Microsoft Teams incoming webhook URL, JSON-escaped'],
      // The escapes are in the query around the signature, not in it: found on the decoded line.
      [3, 'Power Automate / Logic Apps workflow trigger URL'],
    ]);
    expect(vs.map((v) => v.fingerprint)).toEqual([fp(teams.secret), fp(teams.secret), fp(flow.secret)]);
  });

  it('a workflow signature that also has the shape of a storage SAS signature is the workflow URL', () => {
    // No `-` or `_` in the signature: azure-sas-token's `sv=…&sig=` would match it too.
    const sig = fake(r, ALNUM, 43);
    const url = flow.text.replace(flow.secret, sig);
    expect(scan([`FLOW_URL=${url}`]).map((v) => [v.data?.pattern, v.fingerprint])).toEqual([['power-automate-workflow-url', fp(sig)]]);
  });

  it('a URL with placeholders, or a workflow URL without its signature, is no finding', () => {
    const lines = [
      'url: https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<hook-id>/<owner-id>',
      `url: https://prod-01.westus.logic.azure.com:443/workflows/${pick(r, HEX, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01`,
      `url: https://prod-01.westus.logic.azure.com:443/workflows/${pick(r, HEX, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sig={{ secrets.FLOW_SIG }}`,
    ];
    expect(scan(lines, 'docs/alerts.yaml')).toEqual([]);
  });
});

describe('secret-leakage: NuGet, SonarQube and HubSpot tokens', () => {
  const nuget = sample('nuget-api-key', r).secret;
  const sonar = sample('sonarqube-token', r).secret;
  const hubspot = sample('hubspot-private-app-token', r).secret;

  it('finds each as its tool writes it', () => {
    const lines = [
      `dotnet nuget push out/*.nupkg --api-key ${nuget} --source https://api.nuget.org/v3/index.json`,
      `<add key="ClearTextPassword" value="${nuget}" />`,
      `sonar.token=${sonar}`,
      `curl -H "Authorization: Bearer ${hubspot}" https://api.hubapi.com/crm/v3/objects/contacts`,
    ];
    expect(found(lines, 'ci/publish.sh')).toEqual([[1, 'nuget-api-key'], [2, 'nuget-api-key'], [3, 'sonarqube-token'], [4, 'hubspot-private-app-token']]);
  });

  it('finds them base64-encoded (a Kubernetes Secret)', () => {
    const vs = scan(['data:', `  nuget: ${b64(nuget)}`, `  sonar: ${b64(sonar)}`, `  hubspot: ${b64(hubspot)}`], 'k8s/secret.yaml');
    expect(vs.map((v) => [v.data?.pattern, v.fingerprint])).toEqual([
      ['nuget-api-key', fp(nuget)],
      ['sonarqube-token', fp(sonar)],
      ['hubspot-private-app-token', fp(hubspot)],
    ]);
  });

  it('a NuGet key outside base32, a Sonar token of 39 hex or a HubSpot token without a GUID is no finding', () => {
    const lines = [`key: oy2${pick(r, 'abcdef01', 43)}`, `sonar.token=squ_${pick(r, HEX, 39)}`, `token: pat-na1-${guid(r).replace(/-/g, '')}`];
    expect(scan(lines, 'ci/publish.sh')).toEqual([]);
  });
});
