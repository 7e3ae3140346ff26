// The masking stage: after the report is complete, no detected secret may survive in any string
// of it. Every string is walked (findings, provenance, notes, policy, anything added later), so a
// new field cannot forget to be masked. Formatters clip text only after this stage.
import type { Report } from './model.ts';

/**
 * How a secret is shown: its first four characters, fewer for a short one (a quarter of its
 * length, as a finding's preview: an 8-character password keeps 2), then a redaction mark.
 */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}…[redacted]`;
}

/** Secrets worth masking, longest first (so a secret inside another is masked as the longer one). */
export function secretList(secrets: Iterable<string>): string[] {
  return [...new Set([...secrets].filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
}

/** The shortest piece of a secret that is masked where text was cut through it. */
const MIN_FRAGMENT = 8;
const ELLIPSIS = /(?:\u2026|\.\.\.)$/; // U+2026 is the ellipsis character

/**
 * Replace every occurrence of every secret in a string, and the piece of a secret left where the
 * string was cut through one (at its end, before an ellipsis, or at its start): text clipped
 * before it reached this stage must not leak most of a token. `secrets` as from secretList.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return redactor(secrets)(text);
}

/** Up to this many secrets, each text is simply tried against each. */
const FEW_SECRETS = 16;

/**
 * `redact` for many texts and many secrets: each text is tried only against the secrets that can
 * touch it. Every way a secret shows in a text holds its first or its last MIN_FRAGMENT
 * characters (a whole occurrence and a cut at the end hold the first, a cut at the start the
 * last), so a text is read once for those, in a table of every secret's. Trying every secret on
 * every string was quadratic: 4,000 secret findings took 19 s to mask, 26,000 over ten minutes.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  if (secrets.length <= FEW_SECRETS) return (text) => redactAll(text, secrets);
  const byEnd = new Map<string, number[]>();
  secrets.forEach((s, i) => {
    for (const end of new Set([s.slice(0, MIN_FRAGMENT), s.slice(-MIN_FRAGMENT)])) {
      const list = byEnd.get(end);
      if (list) list.push(i);
      else byEnd.set(end, [i]);
    }
  });
  return (text) => {
    const touching = new Set<number>();
    for (let i = 0; i + MIN_FRAGMENT <= text.length; i++) {
      for (const j of byEnd.get(text.slice(i, i + MIN_FRAGMENT)) ?? []) touching.add(j);
    }
    if (touching.size === 0) return text;
    // In the list's order (longest first), as redactAll takes them.
    return redactAll(text, [...touching].sort((a, b) => a - b).map((i) => secrets[i]!));
  };
}

function redactAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(maskSecret(s));
    out = maskCutEnd(out, s);
    out = maskCutStart(out, s);
  }
  return out;
}

function maskCutEnd(text: string, secret: string): string {
  const tail = ELLIPSIS.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - tail.length);
  for (let k = Math.min(secret.length - 1, body.length); k >= MIN_FRAGMENT; k--) {
    if (body.endsWith(secret.slice(0, k))) return `${body.slice(0, body.length - k)}${maskSecret(secret)}${tail}`;
  }
  return text;
}

function maskCutStart(text: string, secret: string): string {
  for (let k = Math.min(secret.length - 1, text.length); k >= MIN_FRAGMENT; k--) {
    if (text.startsWith(secret.slice(secret.length - k))) return `…[redacted]${text.slice(k)}`;
  }
  return text;
}

function redactDeep(value: unknown, redactText: (text: string) => string): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redactText));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redactText);
    return out;
  }
  return value;
}

/**
 * A copy of the report in which no secret appears, in any string field. Secrets shorter than 8
 * characters are ignored (they would mangle text and are not credentials any detector reports).
 */
export function maskSecrets(report: Report, secrets: readonly string[]): Report {
  const list = secretList(secrets);
  if (list.length === 0) return report;
  return redactDeep(report, redactor(list)) as Report;
}
