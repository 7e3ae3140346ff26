// The masking stage: every string of a report, whatever field, and the pieces of a secret that a
// cut left behind.
import { describe, expect, test } from 'vitest';
import { maskSecrets, redact, secretList } from '../../src/mask.ts';
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
});
