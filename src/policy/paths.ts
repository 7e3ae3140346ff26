// Where prguard looks for a policy: a module of its own, so that the commands that only need the
// paths (check, pre-push) do not load the policy resolver with them before git diff starts.

/** Where prguard looks for a policy, in order, relative to the repository root. */
export const POLICY_PATHS = ['.github/prguard.yml', '.prguard.yml'] as const;

/**
 * What a git source reads at the base before the policy is decided: the candidates when the
 * policy is to be discovered there (any other choice names its policy, or the default).
 */
export const policyPrefetch = (choice: { kind: string }): readonly string[] | undefined => (choice.kind === 'discover' ? POLICY_PATHS : undefined);

/** Where policy tests live unless the policy's `tests:` or --dir says otherwise. */
export const DEFAULT_TESTS_DIR = '.github/prguard-tests';
