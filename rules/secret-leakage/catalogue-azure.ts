// Provider patterns, part 6: Microsoft's identifiable key formats (Azure DevOps, Azure OpenAI
// and the other Azure services that issue keys with a fixed signature at a fixed offset, as
// documented by Microsoft's open-source security-utilities library), Teams and Power Automate
// webhook URLs, and registry and CI tokens with a documented prefix (NuGet, SonarQube,
// HubSpot).
import { B, E, ED, type ProviderPattern } from './catalogue-types.ts';

const B62 = 'A-Za-z0-9';
const B64 = 'A-Za-z0-9+/';
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Not inside a longer base64 run. */
const B_B64 = String.raw`(?<![A-Za-z0-9+/])`;
const E_B64 = String.raw`(?![A-Za-z0-9+/=])`;

/**
 * A common annotated security key (CASK, 84 base62 characters or 88 with `==`): 52 random,
 * `JQQJ9` + the kind (`9` key, `D` derived, `H` hashed), a year and a month letter `A`-`L`, 16
 * reserved, the provider's 4-character signature (a letter first), 4 checksum characters.
 */
function cask(signature: string): string {
  return `${B}([${B62}]{52}JQQJ9[9DH][${B62}][A-L][${B62}]{16}${signature}[${B62}]{4}(?:[${B62}]{2}==)?)${E_B64}`;
}

export const azurePatterns: ProviderPattern[] = [
  {
    id: 'azure-devops-pat',
    name: 'Azure DevOps personal access token',
    doc: '84 base62 characters with the `JQQJ99` signature at offset 52 and `AZDO` at offset 76 (Azure DevOps PATs since 2024; Microsoft security-utilities, legacy CASK keys).',
    keywords: ['JQQJ9'],
    regex: cask('AZDO'),
  },
  {
    id: 'azure-cask-key',
    name: 'Azure service key (Azure OpenAI, AI services, Maps, Communication Services, Event Grid…)',
    doc: '84 base62 characters (88 with `==`) with the `JQQJ9` signature at offset 52 and a provider signature at offset 76 (`ACOG` Azure AI services and Azure OpenAI, `AZMP` Maps, `AZCS` Communication Services, `AZEG` Event Grid, `AZAC` App Configuration…; Microsoft security-utilities, common annotated security keys).',
    keywords: ['JQQJ9'],
    regex: cask(`[A-Za-z][${B62}]{3}`),
  },
  {
    id: 'azure-identifiable-key',
    name: 'Azure access key (identifiable format)',
    doc: 'A base64 key with a service signature at a fixed offset: 44 characters with `+ASb` (Service Bus), `+AEh` (Event Hubs), `+ARm` (Relay), `AIoT` (IoT Hub) or `AzCa` (Cache for Redis) at 33; 88 with `+ASt` (Storage), `ACDb` (Cosmos DB), `APIM` (API Management) or `+ABa` (Batch) at 76; 56 with `AzFu` (Functions) at 44; 52 with `+ACR` (Container Registry) or `AzSe` (AI Search) at 42 (Microsoft security-utilities, identifiable keys).',
    keywords: ['+ASb', '+AEh', '+ARm', 'AIoT', 'AzCa', '+ASt', 'ACDb', 'APIM', '+ABa', 'AzFu', '+ACR', 'AzSe'],
    regex:
      `${B_B64}(` +
      [
        `[${B64}]{33}(?:\\+ASb|\\+AEh|\\+ARm|AIoT|AzCa)[A-P][${B64}]{5}=`,
        `[${B64}]{76}(?:\\+ASt|ACDb|APIM|\\+ABa)[${B64}]{5}[AQgw]==`,
        `[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==`,
        `[${B64}]{42}(?:\\+ACR|AzSe)[A-D][${B64}]{5}`,
      ].join('|') +
      `)${E_B64}`,
  },
  {
    id: 'microsoft-teams-webhook',
    name: 'Microsoft Teams incoming webhook URL',
    doc: '`https://<tenant>.webhook.office.com/webhookb2/` + group GUID `@` tenant GUID + `/IncomingWebhook/` + 32 alphanumerics + `/` + GUID, optionally `/V2` + a signature (Teams incoming webhooks).',
    keywords: ['webhook.office.com'],
    regex: String.raw`\.webhook\.office\.com/webhookb2/(${GUID}@${GUID}/IncomingWebhook/[A-Za-z0-9]{32}/${GUID}(?:/V2[A-Za-z0-9_-]{20,80})?)${ED}`,
  },
  {
    id: 'nuget-api-key',
    name: 'NuGet API key',
    doc: '`oy2` + 43 lower-case base32 characters (nuget.org API keys; Microsoft security-utilities).',
    keywords: ['oy2'],
    regex: `${B}(oy2[a-z2-7]{43})${E}`,
  },
  {
    id: 'sonarqube-token',
    name: 'SonarQube token',
    doc: '`squ_` (user), `sqp_` (project analysis) or `sqa_` (global analysis) + 40 hex (SonarQube docs, managing tokens).',
    keywords: ['squ_', 'sqp_', 'sqa_'],
    regex: `${B}(sq[upa]_[0-9a-f]{40})${E}`,
  },
  {
    id: 'hubspot-private-app-token',
    name: 'HubSpot private app access token',
    doc: '`pat-` + the account region (`na1`, `eu1`…) + `-` + a GUID (HubSpot private apps).',
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    regex: `${B}(pat-(?:na|eu|ap)[1-9]-${GUID})${ED}`,
  },
];

/**
 * Listed before the platform patterns: a workflow URL's `sv=1.0&sig=…` also has the shape of a
 * storage SAS (`azure-sas-token`), and on one span the earlier pattern wins.
 */
export const workflowUrlPatterns: ProviderPattern[] = [
  {
    id: 'power-automate-workflow-url',
    name: 'Power Automate / Logic Apps workflow trigger URL',
    doc: 'The `sig=` of a workflow trigger URL on `*.logic.azure.com` or `*.environment.api.powerplatform.com` (`/workflows/<32 hex>/triggers/…/paths/invoke?…&sig=…`), the signature that lets anyone run the flow (Teams "Workflows" webhooks, Logic Apps HTTP triggers).',
    keywords: ['logic.azure.com', 'powerplatform.com'],
    regex: String.raw`(?:\.logic\.azure\.com|\.environment\.api\.powerplatform\.com)(?::[0-9]{1,5})?/(?:powerautomate/automations/direct/)?workflows/[0-9a-f]{32}/triggers/[A-Za-z0-9_.-]{1,80}/paths/invoke\?(?:[^\s"'<>&#]{0,200}&){0,10}sig=([A-Za-z0-9_-]{40,90})${ED}`,
  },
];
