// A label unlocks a protected path (protected-paths `allow-labels`): one that the change's own
// author put on the pull request unlocks nothing, as nobody approves or waives their own change.
// Who put each unlocking label on is read from the PR's issue events (its latest `labeled` event).
import type { ChangeSet } from '../model.ts';
import type { ResolvedPolicy } from '../policy/resolve.ts';
import { authorsOf } from '../rule-kit/people.ts';
import { GitHubCallError, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { LIST_PER_PAGE, listInFull } from './list.ts';
import { Shape } from './shape.ts';

/** Every label an `allow-labels` of the policy names (its rules, `ai:` blocks and overrides), lower-cased. */
export function unlockingLabels(policy: ResolvedPolicy): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      if (key === 'allow-labels') for (const l of value) if (typeof l === 'string') out.add(l.toLowerCase());
      if (key !== 'allow-labels') for (const v of value) walk(v);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(policy.rules);
  walk(policy.overrides);
  return out;
}

/** Who last added each label (lower-cased name -> login; '' when GitHub names no account), from the issue events. */
async function labelAdders(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo' | 'number'>): Promise<Map<string, string>> {
  const { owner, repo, number: issue_number } = pull;
  const name = 'issues.listEvents';
  const events = await listInFull(name, 'issues: read', (page) =>
    octokit.rest.issues.listEvents({ owner, repo, issue_number, per_page: LIST_PER_PAGE, page }),
  );
  const s = new Shape(name);
  const adders = new Map<string, string>();
  for (const e of events) {
    s.object(e);
    if (s.optionalString(e, 'event') !== 'labeled') continue;
    const label = s.optionalString(e, 'label.name');
    if (label) adders.set(label.toLowerCase(), s.optionalString(e, 'actor.login') ?? '');
  }
  return adders;
}

/**
 * Take the unlocking labels that an author of the change (the PR's author, a commit author,
 * co-author or committer) added, or that no known account did, off `change.pr.labels`, with a note
 * each. Reads the events only when the PR carries a label some `allow-labels` names.
 */
export async function dropOwnLabels(
  octokit: GitHub,
  pull: Pick<PullContext, 'owner' | 'repo' | 'number'>,
  change: ChangeSet,
  policy: ResolvedPolicy,
  /** Gives the commits their GitHub accounts first, when the change names none (read with git). */
  accounts: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const pr = change.pr;
  const unlocking = unlockingLabels(policy);
  const present = (pr?.labels ?? []).filter((l) => unlocking.has(l.toLowerCase()));
  if (!pr || present.length === 0) return;
  // Who added a label unknown: it unlocks nothing (fail closed), and the rest of the check goes on.
  // (The commits' accounts unread fail the run, as their list does through the API.)
  const read = labelAdders(octokit, pull).catch((err: unknown) => {
    if (!(err instanceof GitHubCallError)) throw err;
    return err;
  });
  const [adders] = await Promise.all([read, accounts()]);
  const authors = authorsOf(change);
  const dropped = new Set<string>();
  const notes: string[] = [];
  for (const label of present) {
    if (adders instanceof GitHubCallError) {
      dropped.add(label);
      notes.push(`the label ${label} unlocks nothing: who added it could not be read (${adders.message}; the job needs \`issues: read\`)`);
      continue;
    }
    const who = adders.get(label.toLowerCase()) ?? '';
    const role = authors.get(who.toLowerCase());
    if (who !== '' && role === undefined) continue;
    dropped.add(label);
    notes.push(
      who === ''
        ? `the label ${label} unlocks nothing: GitHub names no account that added it (ask a maintainer to remove and add it again)`
        : `the label ${label} unlocks nothing: @${who}, ${role} of this change, added it (a maintainer who did not write the change must add it)`,
    );
  }
  pr.labels = pr.labels.filter((l) => !dropped.has(l));
  change.notes = [...(change.notes ?? []), ...notes];
}
