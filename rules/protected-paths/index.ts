// protected-paths: some files need explicit sign-off, and some may not be changed by AI at all.
import { defineRule, type TypedViolation } from '../../src/rule-kit/index.ts';
import type { FileChange } from '../../src/model.ts';
import type { OptionProblem, RuleContext } from '../../src/rule.ts';
import { compilePattern, lastMatch, patternProblem, type CompiledPattern } from './codeowners.ts';
import { onboardingAdditions } from './onboarding.ts';

/** How an entry treats AI-assisted changes. */
export type AiMode = 'labels' | 'block' | 'only';

export interface ProtectedEntry {
  pattern: string;
  reason?: string;
  'allow-labels'?: string[];
  ai?: AiMode;
  protected?: boolean;
}

export interface ProtectedPathsOptions {
  paths: ProtectedEntry[];
}

/** Where prguard looks for a policy file; a change adding one of them can replace the policy. */
export const POLICY_DISCOVERY_PATHS: readonly string[] = ['.github/prguard.yml', '.prguard.yml'];

const POLICY_REASON = 'it is the prguard policy, and changing it changes what every check enforces';

/** An entry as the rule uses it; built-in policy-file entries match one path literally. */
type InternalEntry = ProtectedEntry & { exact?: string; builtin?: boolean };

/** The built-in entries, before the policy's own (so a later entry of the policy overrides them). */
export function builtinEntries(policyPath: string | null): InternalEntry[] {
  const policyFiles = [...POLICY_DISCOVERY_PATHS];
  if (policyPath !== null && !policyFiles.includes(policyPath)) policyFiles.push(policyPath);
  return [
    ...policyFiles.map((path) => ({ pattern: `/${path}`, reason: POLICY_REASON, exact: path, builtin: true })),
    {
      builtin: true,
      pattern: '/.github/workflows/',
      reason: "CI workflows run with the repository's secrets and decide which checks run at all",
    },
  ];
}

interface CompiledEntry {
  matcher: CompiledPattern;
  entry: InternalEntry;
}

function compileEntry(entry: InternalEntry): CompiledEntry {
  // A policy path is matched literally: it may contain characters that are special in patterns.
  const exact = entry.exact;
  const matcher =
    exact === undefined ? compilePattern(entry.pattern) : { pattern: entry.pattern, matches: (p: string) => p === exact };
  return { matcher, entry };
}

type Decision = { messageId: 'aiBlocked' | 'protectedLabel' | 'protectedPath'; entry: InternalEntry; path: string };

const RANK: Record<Decision['messageId'], number> = { aiBlocked: 3, protectedPath: 2, protectedLabel: 1 };

/** The label `prguard init` writes to unlock the policy and the workflows. */
export const POLICY_LABEL = 'prguard-policy';

/**
 * The last entry that meets a submodule's path: a new submodule commit changes every file under
 * it, so an entry protecting files there applies; an exception applies only when it covers the
 * whole directory (it cannot unprotect files below that it does not name).
 */
function lastDirectoryMatch(path: string, entries: readonly CompiledEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const { matcher, entry } = entries[i]!;
    if (matcher.matches(path)) return i;
    const reach = matcher.reach?.(path) ?? null;
    if (reach === 'covers' || (reach === 'below' && entry.protected !== false)) return i;
  }
  return -1;
}

function decide(
  path: string,
  submodule: boolean,
  entries: readonly CompiledEntry[],
  matchers: readonly CompiledPattern[],
  labels: ReadonlySet<string>,
  assisted: () => boolean,
): Decision | null {
  const index = submodule ? lastDirectoryMatch(path, entries) : lastMatch(path, matchers);
  if (index === -1) return null;
  const { entry } = entries[index]!;
  if (entry.protected === false) return null;
  const ai = entry.ai ?? 'labels';
  // Read only for an entry that treats AI-assisted changes apart (see core-changes' note on why).
  if (ai === 'block' && assisted()) return { messageId: 'aiBlocked', entry, path };
  if (ai === 'only' && !assisted()) return null;
  const allow = entry['allow-labels'] ?? [];
  if (allow.some((label) => labels.has(label.toLowerCase()))) return null;
  return { messageId: allow.length > 0 ? 'protectedLabel' : 'protectedPath', entry, path };
}

/** Paths of the file that count: a rename touches both its old and its new path. */
function touchedPaths(file: FileChange): string[] {
  return file.status === 'renamed' && file.oldPath !== undefined && file.oldPath !== file.path
    ? [file.path, file.oldPath]
    : [file.path];
}

function describeAgents(context: RuleContext): string {
  if (context.ai.agents.length > 0) return ` (${context.ai.agents.join(', ')})`;
  if (context.ai.source === 'flag') return ' (--ai yes)';
  return '';
}

function sentence(reason: string | undefined): string {
  const text = (reason ?? '').trim().replace(/\.+$/, '');
  return text === '' ? 'the policy lists it under protected-paths' : text;
}

type MessageId = 'protectedPath' | 'protectedLabel' | 'aiBlocked';

export const protectedPaths = defineRule<ProtectedPathsOptions, MessageId>({
  meta: {
    id: 'protected-paths',
    description: 'Protected files change only with explicit sign-off, and AI-blocked files not by AI at all',
    defaultSeverity: 'error',
    reads: ['files'],
    schema: {
      type: 'object',
      properties: {
        paths: {
          type: 'array',
          default: [],
          description:
            'Protected paths, after the built-in ones (the policy file and .github/workflows/). The last matching entry wins.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['pattern'],
            properties: {
              pattern: { type: 'string', minLength: 1, description: 'A CODEOWNERS-style path pattern.' },
              reason: { type: 'string', description: 'Why it is protected; shown in the finding.' },
              'allow-labels': {
                type: 'array',
                items: { type: 'string', minLength: 1 },
                default: [],
                description: 'PR labels (any one, case-insensitive) that allow a change to it. Empty: nothing unlocks it.',
              },
              ai: {
                type: 'string',
                enum: ['labels', 'block', 'only'],
                default: 'labels',
                description:
                  'labels: AI-assisted changes are treated like others; block: AI-assisted changes may not touch it, labels do not help; only: protected for AI-assisted changes only.',
              },
              protected: {
                type: 'boolean',
                default: true,
                description: 'false makes an exception: paths whose last matching entry says so are not protected.',
              },
            },
          },
        },
      },
    },
    // Labels unlock a protected path; a path no label unlocks is decided without them.
    // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts):
    // entries are named by their pattern; for an AI-assisted change `labels` and `only` are alike.
    stricter: {
      paths: {
        superset: 'pattern',
        items: { pattern: 'none', reason: 'none', 'allow-labels': 'subset', ai: { rank: { labels: 0, only: 0, block: 1 } }, protected: 'true' },
        exceptions: { protected: false },
      },
    },
    pullRequest: { needs: ['labels'] },
    messages: {
      protectedPath: '{{subject}} is protected: {{reason}}. No label unlocks it in this policy{{unlock}}',
      protectedLabel:
        '{{subject}} is protected: {{reason}}. Ask a maintainer who owns it to review the change and add the label {{labels}} to the pull request.',
      aiBlocked:
        '{{subject}} may not be changed by an AI-assisted change: {{reason}}. This change is AI-assisted{{agents}}, and no label unlocks it. ' +
        'Have a person write this part in a separate pull request.',
    },
  },

  validate(options) {
    // Called on the options as written (an `ai:` block may leave `paths` out).
    const problems: OptionProblem[] = [];
    (options.paths ?? []).forEach((entry, i) => {
      const problem = patternProblem(entry.pattern);
      if (problem !== null) problems.push({ path: ['paths', i, 'pattern'], message: problem });
    });
    return problems;
  },

  check(change, options, context) {
    const entries = [...builtinEntries(context.policyPath), ...options.paths].map(compileEntry);
    const matchers = entries.map((e) => e.matcher);
    const labels = new Set((change.pr?.labels ?? []).map((l) => l.toLowerCase()));
    const violations: TypedViolation<MessageId>[] = [];
    const onboarding = onboardingAdditions(change.files, context.policyPath, POLICY_DISCOVERY_PATHS);
    const assisted = () => context.ai.assisted;
    for (const file of change.files) {
      if (onboarding.has(file.path)) continue;
      let worst: Decision | null = null;
      for (const path of touchedPaths(file)) {
        const decision = decide(path, file.submodule, entries, matchers, labels, assisted);
        if (decision !== null && (worst === null || RANK[decision.messageId] > RANK[worst.messageId])) worst = decision;
      }
      if (worst === null) continue;
      // The finding points at the file, so the message names a path only when it is the old one.
      const what = file.submodule ? 'This submodule (a new commit of it changes every file under its path)' : 'This file';
      const subject = worst.path === file.path ? what : `${what.replace(/ \(.*/, '')}'s old path ${worst.path}`;
      const allow = worst.entry['allow-labels'] ?? [];
      violations.push({
        messageId: worst.messageId,
        path: file.path,
        ...(worst.messageId === 'protectedLabel' ? {} : { needs: [] }),
        data: {
          subject,
          reason: sentence(worst.entry.reason),
          labels: allow.map((l) => `\`${l}\``).join(' or '),
          unlock: worst.entry.builtin
            ? `. To let a maintainer unlock it with a label, add \`- { pattern: ${worst.entry.pattern}, allow-labels: [${POLICY_LABEL}] }\` under protected-paths \`paths:\` (prguard init writes this entry); until then, have its owners make this change in a separate pull request.`
            : ', so have its owners make this change in a separate pull request, or leave it out of this one.',
          agents: describeAgents(context),
        },
      });
    }
    return violations;
  },
});
