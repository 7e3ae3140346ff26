// What one assertion claims (read per language by loosened-forms.ts and loosened-ruby.ts): a family
// (what kind of fact it checks), the subjects it checks and a level inside the family; a lower
// level on a shared subject checks less.
import { isLiteral, norm } from './call-args.ts';

/** `value`: what a value is; `nullish`: that it is null or false; `throws`: what is thrown; `called`: how a mock was called. */
export type Family = 'value' | 'nullish' | 'throws' | 'called';

export interface Claim {
  family: Family;
  /** 3 an exact value (or a specific error), 2 a range or a type, 1 only that it exists, is true, or throws at all. */
  level: number;
  /** What it is about, normalised: the non-literal arguments of an equality, the cores of a truthiness check. */
  subjects: string[];
}

/** The subjects among an equality's arguments: the ones that are no literal, normalised. */
export const subjectsOf = (args: readonly string[]): string[] => args.map(norm).filter((a) => a !== '' && !isLiteral(a));
