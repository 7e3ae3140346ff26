// secret-leakage's metadata: options schema (with defaults) and message templates.
import type { RuleMeta } from '../../src/rule.ts';

export const RULE_ID = 'secret-leakage';

const classSeverity = (def: string, description: string) => ({
  type: 'string',
  enum: ['error', 'warning', 'notice', 'off'],
  default: def,
  description,
});

const MARK_FIXTURE =
  'If it is a deliberate test fixture, mark it: put `prguard-allow-secret` in a comment on the line, add {{fingerprint}} to ' +
  '`allow:` for secret-leakage in the policy, or record it in the baseline file (`prguard secrets baseline`).';

export const meta = {
  id: RULE_ID,
  description: 'Keep credentials out of added lines, commit messages and the PR description',
  defaultSeverity: 'error',
  reads: ['files', 'lines', 'commits'],
  // The PR title and description are scanned for secrets; findings never wait for them.
  pullRequest: { scans: ['title', 'body'] },
  schema: {
    type: 'object',
    properties: {
      allow: {
        type: 'array',
        items: { type: 'string', pattern: '^[0-9a-f]{12}$' },
        default: [],
        description: 'Fingerprints (12 hex digits, shown in each finding) of accepted secrets, e.g. test fixtures.',
      },
      exclude: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description: 'Path globs whose added lines are not scanned.',
      },
      patterns: {
        type: 'array',
        default: [],
        description: 'Extra patterns: a JavaScript regex (capture group 1 = the secret, if any) and the literal keywords that any match contains.',
        items: {
          type: 'object',
          required: ['id', 'regex', 'keywords'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
            name: { type: 'string', minLength: 1 },
            regex: { type: 'string', minLength: 1 },
            keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 3 } },
          },
        },
      },
      generic: {
        type: 'boolean',
        default: true,
        description: 'Also report high-entropy literals assigned to names like password, secret, token or api_key.',
      },
      severities: {
        type: 'object',
        additionalProperties: false,
        default: { 'verified-format': 'error', format: 'error', generic: 'error', 'generic-weak': 'warning' },
        description: 'Severity of each confidence class (at most the rule severity for classes at error; off drops the class).',
        properties: {
          'verified-format': classSeverity('error', 'Provider formats whose checksum or fixed structure validated, and private keys.'),
          format: classSeverity('error', 'Provider formats without a checksum (prefix and alphabet only).'),
          generic: classSeverity('error', 'Random-looking values assigned to secret-like names, in code and config.'),
          'generic-weak': classSeverity(
            'warning',
            'Generic findings in tests, fixtures, docs, or with a value that reads as human-written rather than random.',
          ),
        },
      },
      baseline: {
        type: 'string',
        default: '',
        description:
          'Repository path of a baseline file (`prguard secrets baseline`) read at the BASE commit: findings whose fingerprint it lists are notices.',
      },
    },
  },
  // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts):
  // allowed fingerprints, excluded paths and a baseline each let findings through.
  stricter: {
    allow: 'subset',
    exclude: 'subset',
    patterns: { superset: 'id', items: { id: 'none', name: 'none', regex: 'none', keywords: 'superset' } },
    generic: 'true',
    severities: { properties: { 'verified-format': 'severity', format: 'severity', generic: 'severity', 'generic-weak': 'severity' } },
    baseline: 'empty',
  },
  messages: {
    found:
      '{{name}} (pattern {{pattern}}, {{confidence}}) in {{where}}: `{{preview}}…` (fingerprint {{fingerprint}}). A pushed secret ' +
      'stays in git history even after a later commit removes it, so treat it as leaked: revoke or rotate it now, then ' +
      `load it from the environment or a secret manager. ${MARK_FIXTURE}`,
    foundInHistory:
      '{{name}} (pattern {{pattern}}, {{confidence}}) in {{where}}: `{{preview}}…` (fingerprint {{fingerprint}}). A later commit ' +
      'of this change removed the line, but that does not help: every commit of the branch stays readable on the server. ' +
      'Rotate the credential first, then rewrite the branch so no commit contains it (e.g. `git rebase -i`, drop or edit ' +
      `that commit, force-push). ${MARK_FIXTURE}`,
    foundInName:
      '{{name}} (pattern {{pattern}}, {{confidence}}) in {{where}}: `{{preview}}…` (fingerprint {{fingerprint}}). A name is ' +
      'pushed with the change and printed by every tool that lists it, so treat the secret as leaked: revoke or rotate it, ' +
      'then rename the file or branch (or correct the author) and rewrite the commits that carry the name. If it is a deliberate test fixture, ' +
      'add {{fingerprint}} to `allow:` for secret-leakage in the policy, or record it in the baseline file (`prguard secrets baseline`).',
    baselined:
      '{{name}} (pattern {{pattern}}, {{confidence}}) in {{where}} (fingerprint {{fingerprint}}) is listed in the baseline ' +
      '{{baseline}}, so it is a notice. Remove it from the baseline when the fixture goes.',
    notScanned:
      'Could not scan {{path}} for secrets: {{reason}}. A file prguard could not read is not a pass; check it by hand ' +
      'or keep credentials out of it, and exclude the path in the policy if it can never hold one.',
    scannedInPart:
      '{{where}} was read only in part: it holds a line longer than prguard reads of one line (the note says how long), ' +
      'so only the start of that line was scanned for secrets. What prguard could not read is not a pass: split the line (minified or ' +
      'generated output rarely belongs in a pull request) and check the rest by hand, or exclude the path in the policy ' +
      'if it can never hold a credential.',
    baselineAbsent:
      'The secret baseline {{baseline}} that the policy names is not at the base commit, so it waived none of these findings. ' +
      'Write it with `prguard secrets baseline` and commit it on the base branch first (a change cannot accept its own ' +
      'findings), or correct the `baseline:` path.',
    baselineInvalid:
      'The secret baseline {{baseline}} at the base commit cannot be used: {{reason}}. No finding is waived by it; ' +
      'regenerate it with `prguard secrets baseline`.',
  },
} satisfies RuleMeta;

/** The rule's message ids: a violation naming another is a type error. */
export type MessageId = keyof typeof meta.messages;
