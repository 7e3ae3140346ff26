// review-quorum's change requests. As GitHub's branch protection does, a change request that stands
// (the reviewer's latest approving, change-requesting or dismissed review asks for changes) from
// someone who can write to the repository blocks the quorum however many others approve, until they
// approve or a maintainer dismisses the review; a comment review clears nothing. Pure over the
// reviews the entry put in the ChangeSet (their permission, when it read one).
import type { ChangeSet, Review } from '../../src/model.ts';
import { canWrite, hasAccessAssociation, isBot, outstandingChangeRequests } from '../../src/rule-kit/people.ts';
import { isOwner, type TouchedModule } from './owners.ts';

export interface ChangeRequests {
  /** Reviewers whose change request blocks, each as `@login (why)`. */
  blocking: string[];
  /** Reviewers whose change request does not block (they cannot write to the repository). */
  notBlocking: string[];
}

/** The touched modules `login` owns (user owners, or teams whose membership the entry read). */
function ownerOf(login: string, change: ChangeSet, modules: readonly TouchedModule[]): string[] {
  const ignored = new Set<string>();
  return modules.filter((m) => isOwner(login, m.owners, change.pr?.teams, ignored)).map((m) => m.name);
}

export function changeRequests(change: ChangeSet, reviews: readonly Review[], modules: readonly TouchedModule[]): ChangeRequests {
  const blocking: string[] = [];
  const notBlocking: string[] = [];
  for (const r of outstandingChangeRequests(reviews)) {
    const login = r.login.trim();
    // Fail closed: whoever GitHub cannot name, or whose access could not be read, may be able to write.
    if (login === '') blocking.push('a reviewer GitHub no longer names (a deleted account; whether it could write cannot be read)');
    // A review app's change request blocks on GitHub too; its access is its installation's, which
    // the collaborator permission prguard reads does not report.
    else if (isBot(r)) blocking.push(`@${r.login} (a bot)`);
    else if (r.association !== undefined && !hasAccessAssociation(r.association)) {
      notBlocking.push(`@${r.login} (${r.association.toLowerCase().replace(/_/g, ' ')}: not an owner, member or collaborator of the repository)`);
    } else if (r.permission === '') blocking.push(`@${r.login} (whether they can write to the repository could not be read, so the request counts)`);
    else if (r.permission !== undefined && !canWrite(r.permission)) {
      const level = r.permission.toLowerCase();
      notBlocking.push(`@${r.login} (${level === 'none' ? 'no' : level} access)`);
    } else {
      const owned = ownerOf(r.login, change, modules);
      blocking.push(owned.length > 0 ? `@${r.login} (an owner of ${owned.join(' and ')})` : `@${r.login}`);
    }
  }
  return { blocking, notBlocking };
}
