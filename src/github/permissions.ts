// Which reviewers can write to the repository (Review.permission). GitHub counts an approval toward
// required reviews only from someone with write access, and only their change requests block the
// merge; `author_association` says less: MEMBER is any organization member (read-only where the
// base permission is read), COLLABORATOR any invited collaborator (a read or triage role too). One
// `GET .../collaborators/{user}/permission` per approver who could count and per reviewer whose
// change request stands, all at once, read with the workflow token (metadata: read).
import type { Review } from '../model.ts';
import { hasAccessAssociation, isBot, outstandingChangeRequests, standingApprovals } from '../rule-kit/people.ts';
import { callError, refusedForPermission, statusOf, type GitHub } from './client.ts';
import type { PullContext } from './context.ts';
import { Shape } from './shape.ts';

/** Permission look-ups per run at most; reviewers beyond it are left unknown (an approval not counted, a change request blocking). */
export const PERMISSION_CAP = 50;

/**
 * Standing approvals and change requests whose reviewer's access could decide the quorum: people
 * (not bots) GitHub names, who may have access.
 */
function toLookUp(reviews: readonly Review[]): Review[] {
  return [...standingApprovals(reviews), ...outstandingChangeRequests(reviews)].filter((r) => r.login.trim() !== '' && !isBot(r) && (r.association === undefined || hasAccessAssociation(r.association)));
}

/**
 * Set `permission` (admin, write, read, none) of each standing approval that could count and each
 * outstanding change request that could block; '' when it could not be read (the token was
 * refused, or more reviewers than PERMISSION_CAP): the rule then does not count the approval, and
 * lets the change request block. A user GitHub does not know (404) has none.
 */
export async function markPermissions(octokit: GitHub, pull: Pick<PullContext, 'owner' | 'repo'>, reviews: readonly Review[], log: (m: string) => void): Promise<void> {
  const name = 'repos.getCollaboratorPermissionLevel';
  const lookUp = toLookUp(reviews);
  const people = [...new Set(lookUp.map((r) => r.login.toLowerCase()))].sort();
  const known = new Map<string, string>();
  if (people.length > PERMISSION_CAP) log(`prguard: more than ${PERMISSION_CAP} reviewers to look up: the access of ${people.length - PERMISSION_CAP} is not read; their approvals do not count and their change requests block.`);
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
  if (refused) log(`prguard: the token cannot read reviewers' access to the repository (403); approvals whose access is unknown do not count, and change requests whose access is unknown block.`);
  for (const r of lookUp) r.permission = known.get(r.login.toLowerCase()) ?? '';
}
