// The masking stage: after the rules run, no detected secret may survive in any report string.
import type { Report } from './model.ts';

/** How a secret is shown: its first four characters, then a redaction mark. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…[redacted]`;
}

/** Replace every occurrence of every secret in a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  return out;
}

/**
 * Return a copy of the report in which no secret appears: finding messages, provenance evidence
 * and notes are redacted. Secrets shorter than 8 characters are ignored (they would mangle text
 * and are not credentials any detector reports).
 */
export function maskSecrets(report: Report, secrets: readonly string[]): Report {
  const list = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return report;
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, message: redact(f.message, list) })),
    ai: {
      ...report.ai,
      evidence: report.ai.evidence.map((e) => ({ ...e, text: redact(e.text, list) })),
    },
    notes: report.notes.map((n) => redact(n, list)),
  };
}
