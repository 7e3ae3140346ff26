// Provider patterns, part 4: formats a team meets daily that parts 1-2 lacked (GitLab's other
// token kinds, Vercel, Cloudflare, AWS Bedrock, Fly.io, Render, CI services, observability).
import { ALNUM, ED, HEX, anchored, prefixed, type ProviderPattern } from './catalogue-types.ts';

/** A credential with no prefix of its own, recognised by the name it is assigned to. */
function named(id: string, name: string, keywords: string[], names: string, value: string, doc: string): ProviderPattern {
  return {
    id,
    name,
    doc,
    keywords,
    ciKeywords: true,
    flags: 'i',
    regex: String.raw`(?:${names})["']?\s*(?:=>|:=|[:=])\s*["']?(${value})(?![A-Za-z0-9_-])`,
    minEntropy: 3.2,
  };
}

export const extraPatterns: ProviderPattern[] = [
  prefixed('gitlab-ci-build-token', 'GitLab CI/CD job token', 'glcbt-', '(?:[0-9a-fA-F]{1,5}_)?[A-Za-z0-9_-]{20,}', 'optional partition id + `_` + 20+ URL-safe characters (GitLab token overview).'),
  prefixed('gitlab-incoming-mail-token', 'GitLab incoming email token', 'glimt-', '[A-Za-z0-9_-]{25}', '25 URL-safe characters (GitLab token overview).'),
  prefixed('gitlab-agent-token', 'GitLab agent for Kubernetes token', 'glagent-', '[A-Za-z0-9_-]{50,}', '50+ URL-safe characters (GitLab token overview).'),
  prefixed('gitlab-scim-token', 'GitLab SCIM OAuth token', 'glsoat-', '[A-Za-z0-9_-]{20,}', '20+ URL-safe characters (GitLab token overview).'),
  prefixed('gitlab-feature-flag-token', 'GitLab feature flags client token', 'glffct-', '[A-Za-z0-9_-]{20,}', '20+ URL-safe characters (GitLab token overview).'),
  prefixed('gitlab-runner-registration-token', 'GitLab runner registration token (legacy)', 'GR1348941', '[A-Za-z0-9_-]{20,}', '20+ URL-safe characters (GitLab token overview).'),
  {
    id: 'vercel-token',
    name: 'Vercel token',
    doc: '`vcp_` (personal), `vci_` (integration), `vca_` (app access), `vcr_` (app refresh) or `vck_` (API key, AI Gateway) + 56 URL-safe characters (Vercel changelog "new token formats and secret scanning", 2025).',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    regex: String.raw`(?<![A-Za-z0-9_])(vc[pikar]_[A-Za-z0-9_-]{56})${ED}`,
    minEntropy: 3.5,
  },
  prefixed('linear-oauth-token', 'Linear OAuth access token', 'lin_oauth_', '[a-f0-9]{64}', '64 hex (Linear OAuth).'),
  {
    ...prefixed('notion-legacy-token', 'Notion integration token (legacy)', 'secret_', '[A-Za-z0-9]{43}', '43 alphanumerics (Notion internal integration secrets before `ntn_`).'),
    minEntropy: 4.0,
  },
  prefixed('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', 'v1.0-', '[a-f0-9]{24}-[a-f0-9]{146}', '24 hex + `-` + 146 hex (Cloudflare Origin CA keys).'),
  named(
    'cloudflare-api-token',
    'Cloudflare API token or global API key',
    ['cloudflare', 'cf_api', 'cf-api', 'cf_token', 'cfapi'],
    String.raw`(?:cloudflare|cf)[A-Za-z0-9_.-]{0,24}?(?:api[_-]?token|token|api[_-]?key|key)`,
    String.raw`[A-Za-z0-9_-]{40}|[a-f0-9]{37}`,
    'A 40-character API token or a 37-hex global API key assigned to a Cloudflare-named variable (Cloudflare API docs).',
  ),
  prefixed('databricks-oauth-secret', 'Databricks OAuth client secret', 'dose', '[a-f0-9]{32}', '32 hex (Databricks service principal OAuth secrets).'),
  prefixed('aws-bedrock-api-key', 'Amazon Bedrock API key (long-term)', 'ABSKQmVkcm9ja0FQSUtleS', '[A-Za-z0-9+/]{40,400}={0,2}', 'base64 of `BedrockAPIKey-…` (Amazon Bedrock API keys).'),
  prefixed('aws-bedrock-short-term-key', 'Amazon Bedrock API key (short-term)', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t', '[A-Za-z0-9+/]{40,4000}={0,2}', 'base64 of a presigned `bedrock.amazonaws.com` URL (Amazon Bedrock API keys).'),
  {
    id: 'fly-io-token',
    name: 'Fly.io access token',
    doc: '`fo1_` + 43 URL-safe characters, or a `fm2_` macaroon of 100+ base64 characters (flyctl tokens).',
    keywords: ['fo1_', 'fm2_'],
    regex: String.raw`(?<![A-Za-z0-9_])(fo1_[A-Za-z0-9_-]{43}|fm2_[A-Za-z0-9+/]{100,}={0,3})(?![A-Za-z0-9_+/=-])`,
  },
  prefixed('render-api-key', 'Render API key', 'rnd_', '[A-Za-z0-9]{28,32}', '28-32 alphanumerics (Render API keys).'),
  prefixed('supabase-secret-key', 'Supabase secret API key', 'sb_secret_', '[A-Za-z0-9_-]{20,64}', '20-64 URL-safe characters (Supabase API keys, 2025).'),
  prefixed('buildkite-agent-token', 'Buildkite user access token', 'bkua_', '(?:[a-z0-9]{53}|[a-z0-9]{40})', '40 or 53 lower-case alphanumerics (Buildkite API access tokens, current and earlier length).'),
  prefixed('circleci-pat', 'CircleCI personal API token', 'CCIPAT_', '[A-Za-z0-9]{22}_[a-f0-9]{40}', '22 alphanumerics + `_` + 40 hex (CircleCI personal tokens).'),
  prefixed('sourcegraph-token', 'Sourcegraph access token', 'sgp_', '(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}', 'optional instance id + 40 hex (Sourcegraph access tokens).'),
  prefixed('posthog-personal-api-key', 'PostHog personal API key', 'phx_', '[A-Za-z0-9_-]{41,49}', '41-49 URL-safe characters (PostHog personal API keys; `phc_` project keys are public).'),
  { ...prefixed('resend-api-key', 'Resend API key', 're_', '[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', '8 + `_` + 24 alphanumerics (Resend API keys).'), anchors: anchored('re_', ALNUM) },
  prefixed('nvidia-api-key', 'NVIDIA API key', 'nvapi-', '[A-Za-z0-9_-]{60,70}', '60-70 URL-safe characters, 64 in practice (NVIDIA NGC / build.nvidia.com API keys).'),
  { ...prefixed('elevenlabs-api-key', 'ElevenLabs API key', 'sk_', '[a-f0-9]{48}', '48 hex (ElevenLabs API keys).'), anchors: anchored('sk_', HEX) },
  prefixed('jfrog-reference-token', 'JFrog reference token', 'cmVmdGtuOjAxOj', '[A-Za-z0-9]{50,}', 'base64 of `reftkn:01:` + the token (JFrog Artifactory reference tokens).'),
  {
    id: 'npmrc-auth-token',
    name: 'npm registry auth token in .npmrc',
    doc: 'The `_authToken=` of an `.npmrc` registry line (any registry; a UUID for legacy npm tokens).',
    keywords: [':_authToken='],
    regex: String.raw`:_authToken=([A-Za-z0-9._~+/=-]{20,512})${ED}`,
    minEntropy: 3.0,
  },
  named(
    'datadog-api-key',
    'Datadog API or application key',
    ['datadog', 'dd_api', 'dd_app', 'dd-api', 'dd-app'],
    String.raw`(?:datadog|dd)[A-Za-z0-9_.-]{0,20}?(?:api|app(?:lication)?)[_-]?key`,
    String.raw`[a-f0-9]{40}|[a-f0-9]{32}`,
    'A 32-hex API key or 40-hex application key assigned to a Datadog-named variable (Datadog docs, API and application keys).',
  ),
];
