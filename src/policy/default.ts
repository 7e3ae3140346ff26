// The embedded default policy, used when no policy file is found.
export const DEFAULT_POLICY_TEXT = `version: 1
extends: recommended
`;

/** DEFAULT_POLICY_TEXT as parsed (a test keeps the two equal), so the default needs no YAML parse. */
export const DEFAULT_POLICY_CONFIG = { version: 1, extends: 'recommended' } as const;

/** Where prguard looks for a policy, in order, relative to the repository root. */
export const POLICY_PATHS = ['.github/prguard.yml', '.prguard.yml'] as const;
