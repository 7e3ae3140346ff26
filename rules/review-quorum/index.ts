// review-quorum: core changes need approvals from people who did not write them, one from each
// touched module's owner; leaf changes need fewer. Pure over the reviews the entry put in the ChangeSet.
import { matchesAny } from '../../src/glob.ts';
import type { ChangeSet, Review } from '../../src/model.ts';
import { CODEOWNERS_PATHS } from '../../src/rule-kit/codeowners.ts';
import { defineRule, listFirst, plural, type FromSchema, type RuleContext, type TypedViolation } from '../../src/rule-kit/index.ts';
import { isOwner, touchedModules, type TouchedModule } from './owners.ts';
import { changeRequests } from './changes-requested.ts';
import { authorsOf, canWrite, hasAccessAssociation, isBot, standingApprovals } from '../../src/rule-kit/people.ts';

const schema = {
  type: 'object',
  properties: {
    approvals: {
      type: 'integer',
      minimum: 0,
      default: 1,
      description: 'Approvals every pull request needs, from people who did not write it, with no file changed since (on a core change too).',
    },
    'core-approvals': {
      type: 'integer',
      minimum: 0,
      default: 2,
      description: 'Approvals a pull request touching any core module needs (the larger of this and `approvals` applies).',
    },
    'owner-approval': {
      type: 'boolean',
      default: true,
      description: 'One approval from an owner of each touched core module (policy `owners`, else CODEOWNERS at the base).',
    },
    'changes-requested': {
      type: 'string',
      enum: ['block', 'ignore'],
      default: 'block',
      description:
        'block: a change request that stands (no approval or dismissal since) from a reviewer who can write to the repository blocks the quorum, as on GitHub; ignore: it only cancels that reviewer\'s own approval.',
    },
  },
} as const;

type Options = FromSchema<typeof schema>;
type MessageId = 'unmet' | 'onPullRequest' | 'teamsUnknown' | 'changesRequested' | 'changesRequestedNotBlocking';
type Out = TypedViolation<MessageId>;

/** Fingerprints that tell the Action's review check which finding says what. */
export const QUORUM_UNMET = 'review-quorum/unmet';
export const QUORUM_LOCAL = 'review-quorum/on-pull-request';
export const QUORUM_TEAMS = 'review-quorum/teams-unknown';
export const QUORUM_CHANGES_REQUESTED = 'review-quorum/changes-requested';
export const QUORUM_CHANGES_NOT_BLOCKING = 'review-quorum/changes-requested-not-blocking';

const NOT_READ =
  'no team membership was read. Only the Action reads it, with an `owners-token` input (a GitHub App or personal ' +
  'access token with organization members: read; the workflow\'s GITHUB_TOKEN cannot read it), and a local check ' +
  'reads none. Give the Action an `owners-token`, or name user owners.';
const TOKEN_FAILED =
  'the `owners-token` could not read it (the Action\'s log says why: a token without organization members: read, ' +
  'or more membership look-ups than prguard makes in one run). Give the token that permission, or name user owners.';

const EMAIL_ONLY = 'its CODEOWNERS line names only e-mail addresses, which prguard cannot match to a reviewer';

function groupText(g: TouchedModule['groups'][number]): string {
  return g.owners.length > 0 ? listFirst(g.owners, 6) : `no owner prguard can match: ${EMAIL_ONLY}`;
}

function ownersText(m: TouchedModule): string {
  if (m.groups.length === 0) return `${m.name} (no owner known: the policy names none and no CODEOWNERS line at the base owns its files)`;
  if (m.groups.length === 1) return `${m.name} (${groupText(m.groups[0]!)})`;
  // Different files have different code owners: each needs one of its own, as on GitHub.
  return `${m.name}, whose files need an owner each (${m.groups.map((g) => `${groupText(g)} for ${listFirst(g.files, 3)}`).join('; ')})`;
}

function needsText(needed: number, owned: readonly TouchedModule[], short = false): string {
  const parts: string[] = [];
  if (needed > 0) parts.push(plural(needed, 'approval'));
  if (owned.length > 0) {
    const who = short ? owned.map((m) => m.name).join(' and ') : owned.map(ownersText).join(', ');
    const lead = short ? 'including an owner of' : owned.length === 1 ? 'one from an owner of' : 'one from an owner of each of';
    parts.push(needed > 0 ? `${lead} ${who}` : `an approval from an owner of ${owned.length > 1 ? 'each of ' : ''}${who}`);
  }
  return parts.join(short ? ' ' : ', ');
}

const short = (sha: string | undefined) => (sha ? sha.slice(0, 7) : 'an unknown commit');

/** Is the approval still good for files matching `globs` (null: for every file)? */
function validFor(r: Review, head: string, globs: readonly string[][] | null): { ok: boolean; why?: string } {
  if (r.commitId === head) return { ok: true };
  if (r.changedSince === undefined) return { ok: false, why: `approved ${short(r.commitId)}; what changed since is unknown` };
  const hits = r.changedSince.filter((f) => globs === null || globs.some((g) => matchesAny(f, g)));
  if (hits.length === 0) return { ok: true };
  return { ok: false, why: `approved ${short(r.commitId)}; ${listFirst(hits, 3)} changed since` };
}

function evaluate(change: ChangeSet, reviews: readonly Review[], options: Options, context: RuleContext, modules: TouchedModule[]): Out[] {
  const core = modules.length > 0;
  const needed = core ? Math.max(options.approvals, options['core-approvals']) : options.approvals;
  const owned = options['owner-approval'] ? modules : [];
  const authors = authorsOf(change);
  const scope = core ? modules.map((m) => m.globs) : null;
  const counted: string[] = [];
  // Approvals nothing changed since (on a core change, `counted` also holds those only leaf files
  // changed since): every change needs `approvals` of them, or a push outside core after the core
  // approvals would be vouched for by nobody, as it would not be on a leaf-only change.
  let whole = 0;
  const notCounted: string[] = [];
  const eligible: Review[] = [];
  for (const r of standingApprovals(reviews)) {
    const role = authors.get(r.login.toLowerCase());
    // GitHub names no user for a review whose account is gone: nobody to vouch for the change.
    if (r.login.trim() === '') notCounted.push('a review by an account GitHub no longer names');
    else if (isBot(r)) notCounted.push(`@${r.login} (a bot)`);
    // On a public repository anyone can approve; GitHub counts only people with access to it.
    else if (r.association !== undefined && !hasAccessAssociation(r.association)) {
      notCounted.push(`@${r.login} (${r.association.toLowerCase().replace(/_/g, ' ')}: not an owner, member or collaborator of the repository)`);
    }
    // A member or collaborator can approve with read access; GitHub counts only people who can write.
    else if (r.permission === '') notCounted.push(`@${r.login} (whether they can write to the repository could not be read)`);
    else if (r.permission !== undefined && !canWrite(r.permission)) {
      const level = r.permission.toLowerCase();
      notCounted.push(`@${r.login} (${level === 'none' ? 'no' : level} access: only people who can write to the repository count)`);
    }
    else if (role) notCounted.push(`@${r.login} (${role})`);
    else {
      eligible.push(r);
      const v = validFor(r, change.head, scope);
      const all = core && v.ok ? validFor(r, change.head, null) : v;
      if (all.ok) whole++;
      if (!v.ok) notCounted.push(`@${r.login} (${v.why})`);
      else if (r.commitId === change.head) counted.push(`@${r.login}, on the current head`);
      else if (all.ok) counted.push(`@${r.login}, on ${short(r.commitId)}, no file changed since`);
      else counted.push(`@${r.login}, on ${short(r.commitId)}, for the core files only: ${listFirst(r.changedSince ?? [], 3)} changed since`);
    }
  }
  // A fresh approval (of the head) raises both counts: the larger shortfall is what is missing.
  const shortBy = Math.max(needed - counted.length, options.approvals - whole, 0);
  const out: Out[] = [];
  const missingOwners: string[] = [];
  const unknownTeams = new Set<string>();
  for (const m of owned) {
    const unknown = new Set<string>();
    const approvedBy = (owners: readonly string[]) =>
      eligible.some((r) => validFor(r, change.head, [m.globs]).ok && isOwner(r.login, owners, change.pr?.teams, unknown));
    const missing = m.groups.filter((g) => !approvedBy(g.owners));
    if (m.groups.length === 0 || missing.length > 0) {
      const which = m.groups.length > 1 ? ` (${missing.map((g) => `${groupText(g)} for ${listFirst(g.files, 3)}`).join('; ')})` : '';
      missingOwners.push(`${m.name}${which}`);
      for (const t of unknown) unknownTeams.add(t);
    }
  }
  if (shortBy > 0 || missingOwners.length > 0) {
    const missing: string[] = [];
    if (shortBy > needed - counted.length) {
      missing.push(`${plural(shortBy, 'more approval')} of the whole change (files outside core changed since the other approvals)`);
    } else if (shortBy > 0) missing.push(plural(shortBy, 'more approval'));
    if (missingOwners.length > 0) missing.push(`an approval from an owner of ${missingOwners.join(' and ')}`);
    out.push({
      messageId: 'unmet',
      fingerprint: QUORUM_UNMET,
      data: {
        needs: needsText(needed, owned),
        has: counted.length === 0 ? '0' : `${counted.length} (${counted.join('; ')})`,
        missing: missing.join(' and '),
        notCounted: notCounted.length > 0 ? ` Not counted: ${listFirst(notCounted, 8, '; ')}.` : '',
      },
    });
  }
  if (options['changes-requested'] === 'block') {
    const requests = changeRequests(change, reviews, modules);
    if (requests.blocking.length > 0) {
      out.push({ messageId: 'changesRequested', fingerprint: QUORUM_CHANGES_REQUESTED, data: { who: listFirst(requests.blocking, 8, '; ') } });
    }
    if (requests.notBlocking.length > 0) {
      out.push({
        messageId: 'changesRequestedNotBlocking',
        fingerprint: QUORUM_CHANGES_NOT_BLOCKING,
        severity: 'notice',
        data: { who: listFirst(requests.notBlocking, 8, '; ') },
      });
    }
  }
  if (unknownTeams.size > 0) {
    // No membership at all was read (a local check, or the Action without an owners-token), or the
    // owners-token could not read these teams (no permission, or more look-ups than prguard makes).
    const why = change.pr?.teams === undefined ? NOT_READ : TOKEN_FAILED;
    out.push({ messageId: 'teamsUnknown', fingerprint: QUORUM_TEAMS, severity: 'notice', data: { teams: [...unknownTeams].join(', '), why } });
  }
  return out;
}

export const reviewQuorum = defineRule<Options, MessageId>({
  meta: {
    id: 'review-quorum',
    description: 'Core changes get two approvals including the module owner; no one approves their own change',
    defaultSeverity: 'error',
    // Which files (core modules, their owners) and who wrote the commits; never the changed lines.
    reads: ['files', 'commits'],
    pullRequest: { needs: ['reviews'] },
    optIn: true,
    // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts).
    stricter: { approvals: 'higher', 'core-approvals': 'higher', 'owner-approval': 'true', 'changes-requested': { rank: { ignore: 0, block: 1 } } },
    schema,
    messages: {
      unmet:
        'This pull request needs {{needs}}; has {{has}}. Missing: {{missing}}.{{notCounted}} Approvals count from people ' +
        'who did not write the change (not the PR author, commit authors, co-authors or committers), not from bots, ' +
        'and only from the repository\'s owners, members and collaborators who can write to it, ' +
        'and an approval on an earlier commit counts only while no file it vouches for changed since. Ask for the ' +
        'missing reviews.',
      onPullRequest:
        'On the pull request this change will need {{needs}}, from people who did not write it (the PR author, commit ' +
        'authors, co-authors and bots do not count). The Action reports it in its review check run.',
      changesRequested:
        'Changes requested by {{who}}, and not cleared since: a pull request does not merge while a reviewer who can ' +
        'write to the repository has changes requested, however many others approve (as on GitHub). To clear it, the ' +
        'reviewer approves the pull request (a comment review does not clear a change request), or a maintainer ' +
        'dismisses their review.',
      changesRequestedNotBlocking:
        'Changes requested by {{who}}: they cannot write to the repository, so the request does not block the quorum ' +
        '(as on GitHub, where only the change requests of people with write access block a merge). Read it anyway.',
      teamsUnknown: 'Team membership of {{teams}} could not be read, so only user owners were counted: {{why}}',
    },
  },

  baseDocuments: () => [...CODEOWNERS_PATHS],

  check(change, options, context) {
    const modules = touchedModules(change, context);
    const reviews = change.pr?.reviews;
    if (reviews !== undefined) return evaluate(change, reviews, options, context, modules);
    const needed = modules.length > 0 ? Math.max(options.approvals, options['core-approvals']) : options.approvals;
    const owned = options['owner-approval'] ? modules : [];
    if (needed === 0 && owned.length === 0) return [];
    return [
      { messageId: 'onPullRequest', fingerprint: QUORUM_LOCAL, severity: 'notice', data: { needs: needsText(needed, owned, true) } },
    ];
  },
});
