// Matching people (authors, committers, co-authors, PR authors) and tools against the registry.
import { foldLookalikes } from '../rule-kit/lookalikes.ts';
import type { AgentSignature } from './signatures.ts';

export interface Identity {
  name?: string;
  email?: string;
  login?: string;
}

const NOREPLY = /^(?:(\d+)\+)?([^@\s]+)@users\.noreply\.github\.com$/i;
const EMAIL = /(?:mailto:)?([^\s<>()"]+@[^\s<>()"]+\.[A-Za-z]{2,})/;

/** `Name <email>` as written in a trailer; tolerates a missing email, or one without brackets. */
export function parsePerson(value: string): Identity {
  const email = EMAIL.exec(value)?.[1];
  let name = value;
  const lt = value.indexOf('<');
  if (lt >= 0) name = value.slice(0, lt);
  else if (email) name = value.slice(0, value.indexOf(email)).replace(/mailto:$/i, '');
  name = name.trim().replace(/^["']|["']$/g, '').trim();
  return { name, ...(email ? { email } : {}) };
}

/**
 * Text as a reviewer reads it: an identity or tool written with a zero-width character, a
 * fullwidth or a Cyrillic look-alike letter (`Сlaude`, `noreply@аnthropic.com`) shows on GitHub as
 * the agent's own. Plain ASCII, nearly every value, is returned as it is.
 */
export function readable(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? foldLookalikes(text) : text;
}

/** `local+tag@domain` -> `local@domain`: a sub-address delivers to the same mailbox. */
const mailbox = (email: string) => email.replace(/^([^@+]+)\+[^@]*@/, '$1@');

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Why `who` is this agent: a short reason ("login", "e-mail", "GitHub id", "name"), or null. */
export function matchIdentity(who: Identity, sig: AgentSignature): string | null {
  const login = who.login === undefined ? undefined : readable(who.login);
  if (login && sig.logins?.some((l) => sameLogin(l, login))) return 'login';
  const email = who.email === undefined ? undefined : readable(who.email).trim().toLowerCase();
  if (email) {
    if (sig.emails?.some((e) => e.toLowerCase() === email || e.toLowerCase() === mailbox(email))) return 'e-mail';
    const noreply = NOREPLY.exec(email);
    if (noreply) {
      const id = noreply[1] ? Number(noreply[1]) : undefined;
      if (id !== undefined && sig.githubIds?.includes(id)) return 'GitHub id';
      if (sig.logins?.some((l) => sameLogin(l, noreply[2]!))) return 'login';
    }
  }
  const name = who.name === undefined ? undefined : readable(who.name).trim();
  if (name && sig.names?.some((re) => re.test(name))) return 'name';
  // Only a trailer value can lack an address altogether (a commit's author always has the field).
  if (name && who.email === undefined && sig.bareNames?.some((re) => re.test(name))) return 'name';
  return null;
}

/** The tool field of `AGENT:MODEL [TOOL...]` (or a free-form value) names this agent. */
export function matchTool(value: string, sig: AgentSignature): boolean {
  return sig.tools !== undefined && sig.tools.test(readable(value).trim());
}
