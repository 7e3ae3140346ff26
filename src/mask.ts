// The masking stage: after the report is complete, no detected secret may survive in any string
// of it. Every string is walked (findings, provenance, notes, policy, anything added later), so a
// new field cannot forget to be masked. Formatters clip text only after this stage.
import type { Report } from './model.ts';

/** How a secret is shown: its first four characters, then a redaction mark. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…[redacted]`;
}

/** Secrets worth masking, longest first (so a secret inside another is masked as the longer one). */
export function secretList(secrets: Iterable<string>): string[] {
  return [...new Set([...secrets].filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
}

/** Replace every occurrence of every secret in a string. `secrets` as from secretList. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  return out;
}

function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, secrets);
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
  return redactDeep(report, list) as Report;
}
