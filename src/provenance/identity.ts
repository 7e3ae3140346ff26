// Matching people (authors, committers, co-authors, PR authors) and tools against the registry.
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

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Why `who` is this agent: a short reason ("login", "e-mail", "GitHub id", "name"), or null. */
export function matchIdentity(who: Identity, sig: AgentSignature): string | null {
  if (who.login && sig.logins?.some((l) => sameLogin(l, who.login!))) return 'login';
  const email = who.email?.trim().toLowerCase();
  if (email) {
    if (sig.emails?.some((e) => e.toLowerCase() === email)) return 'e-mail';
    const noreply = NOREPLY.exec(email);
    if (noreply) {
      const id = noreply[1] ? Number(noreply[1]) : undefined;
      if (id !== undefined && sig.githubIds?.includes(id)) return 'GitHub id';
      if (sig.logins?.some((l) => sameLogin(l, noreply[2]!))) return 'login';
    }
  }
  const name = who.name?.trim();
  if (name && sig.names?.some((re) => re.test(name))) return 'name';
  // Only a trailer value can lack an address altogether (a commit's author always has the field).
  if (name && who.email === undefined && sig.bareNames?.some((re) => re.test(name))) return 'name';
  return null;
}

/** The tool field of `AGENT:MODEL [TOOL...]` (or a free-form value) names this agent. */
export function matchTool(value: string, sig: AgentSignature): boolean {
  return sig.tools !== undefined && sig.tools.test(value.trim());
}
