// Which approvers can write to the repository (Review.permission). GitHub counts an approval toward
// required reviews only from someone with write access; `author_association` says less: MEMBER is
// any organization member (read-only where the base permission is read), COLLABORATOR any invited
// collaborator (a read or triage role too). One `GET .../collaborators/{user}/permission` per
// approver who could count, read with the workflow token (metadata: read).
import type { Review } from '../model.ts';
import { hasAccessAssociation, isBot, standingApprovals } from '../rule-kit/people.ts';
import { callError, refusedForPermission, statusOf, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { Shape } from './shape.ts';

/** Permission look-ups per run at most; approvers beyond it are left unknown (not counted). */
export const PERMISSION_CAP = 50;

/** Approvals whose reviewer's access could decide the quorum: people (not bots) GitHub names, who may have access. */
function toLookUp(reviews: readonly Review[]): Review[] {
  return standingApprovals(reviews).filter((r) => r.login.trim() !== '' && !isBot(r) && (r.association === undefined || hasAccessAssociation(r.association)));
}

/**
 * Set `permission` (admin, write, read, none) of each standing approval that could count; '' when
 * it could not be read (the token was refused, or more approvers than PERMISSION_CAP), which the
 * rule does not count. A user GitHub does not know (404) has none.
 */
export async function markPermissions(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, reviews: readonly Review[], log: (m: string) => void): Promise<void> {
  const name = 'repos.getCollaboratorPermissionLevel';
  const lookUp = toLookUp(reviews);
  const people = [...new Set(lookUp.map((r) => r.login.toLowerCase()))].sort();
  const known = new Map<string, string>();
  if (people.length > PERMISSION_CAP) log(`prguard: more than ${PERMISSION_CAP} approvers: the access of ${people.length - PERMISSION_CAP} is not read, and their approvals do not count.`);
  let refused = false;
  await Promise.all(
    people.slice(0, PERMISSION_CAP).map(async (username) => {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: pull.owner, repo: pull.repo, username });
        known.set(username, new Shape(name).string(data, 'permission').toLowerCase());
      } catch (err) {
        if (statusOf(err) === 404) known.set(username, 'none');
        else if (refusedForPermission(err)) refused = true;
        else throw callError(name, 'metadata: read', err);
      }
    }),
  );
  if (refused) log(`prguard: the token cannot read approvers' access to the repository (403); approvals whose access is unknown do not count.`);
  for (const r of lookUp) r.permission = known.get(r.login.toLowerCase()) ?? '';
}
