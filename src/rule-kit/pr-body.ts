// What rules read of a pull request's description and trailers, in one place: the team
// template's AI disclosure (parsed on the CommonMark readers of ./markdown.ts, as provenance reads
// it) and the agents' identities (to tell an agent's sign-off from a person's). Rules import this,
// never src/provenance directly; provenance and the rules then read a body the same way.
export {
  DEFAULT_DISCLOSURE,
  type Disclosure,
  type DisclosureOptions,
  disclosesAi,
  readDisclosure,
  REVIEWED_FIELD,
} from '../provenance/disclosure.ts';
export { disclosureOptionsFrom } from '../provenance/options.ts';
export { matchIdentity, parsePerson } from '../provenance/identity.ts';
export { SIGNATURES } from '../provenance/signatures.ts';
export { clip } from '../provenance/text.ts';
