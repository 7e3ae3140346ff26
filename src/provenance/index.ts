// Provenance: is the change AI-assisted, and on what evidence.
import type { ChangeSet, Provenance } from '../model.ts';

export interface ProvenanceOptions {
  /** Explicit override from `--ai yes|no`; wins over everything else. */
  flag?: boolean;
}

export const NO_PROVENANCE: Provenance = { assisted: false, agents: [], evidence: [], source: 'none' };

export function resolveProvenance(_change: ChangeSet, options: ProvenanceOptions = {}): Provenance {
  if (options.flag !== undefined) {
    return { assisted: options.flag, agents: [], evidence: [], source: 'flag' };
  }
  return NO_PROVENANCE;
}
