// The masking stage: every string of a report, whatever field, and the pieces of a secret that a
// cut left behind.
import { describe, expect, test } from 'vitest';
import { maskSecret, maskSecrets, redact, secretList } from '../../src/mask.ts';
import { rng } from '../helpers/rng.ts';
import { makeReport } from '../helpers/report.ts';

const SECRET = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

describe('maskSecrets', () => {
  test('no secret survives in any string field of the report, named or not', () => {
    const report = makeReport([{ ruleId: 'secret-leakage', severity: 'error', message: `token ${SECRET}`, path: `cfg/${SECRET}.env`, fingerprint: 'fp' }], {
      ai: { assisted: true, agents: [SECRET], evidence: [{ signal: 'assisted-by', agent: SECRET, where: `commit ${SECRET}`, text: `Assisted-by: ${SECRET}` }], source: 'detected' },
      notes: [`note ${SECRET}`],
      policy: { path: `${SECRET}.yml`, source: 'explicit' },
      rules: [SECRET],
    });
    // A field a later version adds is masked too: the walk does not know field names.
    (report as unknown as Record<string, unknown>).future = { deep: [`x ${SECRET}`] };
    const masked = maskSecrets(report, [SECRET]);
    const json = JSON.stringify(masked);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(SECRET.slice(0, 20));
    expect(masked.findings[0]!.message).toBe('token ghp_…[redacted]');
  });

  test('a short secret keeps no more than a quarter of its characters, as the preview of a finding', () => {
    expect(redact('commit: set pw Xk9#mQ2z', secretList(['Xk9#mQ2z']))).toBe('commit: set pw Xk…[redacted]');
    expect(redact('pw Xk9#mQ2zR7t&', secretList(['Xk9#mQ2zR7t&']))).toBe('pw Xk9…[redacted]');
  });

  test('a secret cut by earlier clipping is masked, at the end or the start of the text', () => {
    const list = secretList([SECRET]);
    const cutEnd = `evidence: ${SECRET.slice(0, 34)}…`;
    expect(redact(cutEnd, list)).toBe('evidence: ghp_…[redacted]…');
    const cutStart = `${SECRET.slice(10)} and more`;
    expect(redact(cutStart, list)).toBe('…[redacted] and more');
    // Short coincidences (under 8 characters) are left alone.
    expect(redact('the word ghp_A1b', list)).toBe('the word ghp_A1b');
  });

  test('many secrets (an indexed look-up) mask exactly as one secret at a time', () => {
    const random = rng(5);
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const secrets = Array.from({ length: 300 }, () => `AKIA${Array.from({ length: 16 }, () => ALPHABET[Math.floor(random() * 32)]).join('')}`);
    const findings = secrets.map((secret, i) => ({ ruleId: 'secret-leakage', severity: 'error' as const, message: `key ${secret} on line ${i + 1}`, path: 'keys.txt', line: i + 1 }));
    const [first, second, third] = secrets as [string, string, string];
    const report = makeReport(findings, { notes: [`cut: ${first.slice(0, 14)}…`, `${second.slice(6)} and more`, `plain note`, `two: ${third} ${first}`, 'short'] });
    const masked = maskSecrets(report, secrets);
    expect(masked.findings.every((f, i) => f.message === `key ${maskSecret(secrets[i]!)} on line ${i + 1}`)).toBe(true);
    expect(masked.notes).toEqual([`cut: ${maskSecret(first)}…`, '…[redacted] and more', 'plain note', `two: ${maskSecret(third)} ${maskSecret(first)}`, 'short']);
    const list = secretList(secrets);
    for (const text of [...report.notes, findings[123]!.message, `${second}${third}`]) {
      expect(redact(text, list)).toBe(list.reduce((t, s) => redact(t, [s]), text));
    }
  });
});
